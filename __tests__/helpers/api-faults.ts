/**
 * Fault modes of the GitHub API stand-in, for the next `count` requests to `operation` (an
 * OpenAPI operationId such as `issues/create-comment`; any REST operation when left out):
 * - `rate-limit`: 403 with `x-ratelimit-remaining: 0` and a reset `seconds` from now, as GitHub
 *   answers when the primary limit is spent;
 * - `retry-after`: 403 "secondary rate limit" with `retry-after: seconds`;
 * - `silent`: the request is read and never answered;
 * - `error-after`: the operation is carried out, then answered with `status` (default 502);
 *   also for a GraphQL operation named as `graphql/<operationName>` (only when named so);
 * - `delete-before`: the comment the request names is deleted first (a concurrent deletion).
 */
export interface ApiFault {
  kind: 'rate-limit' | 'retry-after' | 'silent' | 'error-after' | 'delete-before'
  operation?: string
  seconds?: number
  status?: number
  count?: number
}

export interface FaultAnswer {
  status: number
  headers: Record<string, string>
  body: { message: string; documentation_url: string; status: string }
}

export class ApiFaults {
  readonly active: ApiFault[] = []
  /** `kind operation` of every fault injected, in order */
  readonly injected: string[] = []

  add(fault: ApiFault): void {
    this.active.push({ ...fault })
  }

  clear(): void {
    this.active.splice(0)
  }

  /** A fault that names exactly this operation (`graphql/CreateCommit`), if one applies (counted). */
  takeNamed(operation: string): ApiFault | undefined {
    return this.active.some(f => f.operation === operation && (f.count ?? Infinity) > 0) ? this.take(operation) : undefined
  }

  /** The fault for this request, if one applies (counted). */
  take(operation: string): ApiFault | undefined {
    const fault = this.active.find(f => (f.operation ?? operation) === operation && (f.count ?? Infinity) > 0)
    if (!fault) return undefined
    if (fault.count !== undefined) fault.count--
    this.injected.push(`${fault.kind} ${operation}`)
    return fault
  }
}

const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'

/** The answer that replaces the response, for the faults that answer at once. */
export function immediateAnswer(fault: ApiFault, now = Date.now()): FaultAnswer | undefined {
  if (fault.kind === 'rate-limit') {
    const reset = Math.floor(now / 1000) + (fault.seconds ?? 3600)
    return {
      status: 403,
      headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset), 'x-ratelimit-resource': 'core' },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS, status: '403' }
    }
  }
  if (fault.kind === 'retry-after') {
    return {
      status: 403,
      headers: { 'retry-after': String(fault.seconds ?? 60) },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS, status: '403' }
    }
  }
  return undefined
}
