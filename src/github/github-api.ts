/**
 * The one module that reaches the GitHub API: @actions/github's Octokit with retries (5xx) and
 * rate-limit throttling. The base URL comes from GITHUB_API_URL (GitHub Enterprise Server, or a
 * loopback stand-in in tests). Nothing waits without bound: every request has a time limit
 * (KID_API_TIMEOUT), a rate limit is waited for only up to KID_RATE_LIMIT_MAX_WAIT (else a
 * RateLimitError says until when), and a caller may cancel everything through `signal`.
 */
import * as log from '../log.js'
import type { getOctokit } from '@actions/github'
import { seconds, timeouts } from '../timeouts.js'

export type GitHubApi = ReturnType<typeof getOctokit>

export interface RepoRef {
  owner: string
  repo: string
}

export interface IssueComment {
  id: number
  body: string
  author?: { login: string; type: string }
  url: string
  createdAt: string
}

const RATE_LIMIT_RETRIES = 2
/** plugin-retry's defaults, plus 429: a rate limit is the throttling's to judge, never retried blindly */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

/** A rate limit that lasts longer than this action waits; the message says until when. */
export class RateLimitError extends Error {
  readonly status: number
  constructor(message: string, status: number) {
    super(message)
    this.name = 'RateLimitError'
    this.status = status
  }
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>

function abortError(message: string): Error {
  const error = new Error(message)
  error.name = 'AbortError' // @octokit/request passes an AbortError through as is: not retried
  return error
}

/** `fetch` with a time limit per request and the caller's cancellation. */
export function timedFetch(base: Fetch, ms: number, cancel?: AbortSignal): Fetch {
  return async (url, init = {}) => {
    const timeout = AbortSignal.timeout(ms)
    const signals = [timeout, cancel, init.signal].filter((s): s is AbortSignal => !!s)
    try {
      return await base(url, { ...init, signal: AbortSignal.any(signals) })
    } catch (error) {
      const what = `${init.method ?? 'GET'} ${new URL(url).pathname}`
      if (timeout.aborted) throw abortError(`GitHub API: no answer to ${what} within ${seconds(ms)}`)
      if (cancel?.aborted) throw abortError(`GitHub API: ${what} cancelled (${String(cancel.reason instanceof Error ? cancel.reason.message : cancel.reason)})`)
      throw error
    }
  }
}

interface LimitedError {
  status?: number
  response?: { headers?: Record<string, string | undefined> }
  request?: { method?: string; url?: string }
  message?: string
}

/** A clear message for a 403/429 rate-limit answer (undefined for any other failure). */
export function rateLimitMessage(error: unknown, capMs: number, now = Date.now()): string | undefined {
  const e = error as LimitedError | null
  if (!e || (e.status !== 403 && e.status !== 429)) return undefined
  const headers = e.response?.headers ?? {}
  const what = `${e.request?.method ?? ''} ${e.request?.url ? new URL(e.request.url).pathname : ''}`.trim()
  const cap = `longer than this action waits (${seconds(capMs)}, KID_RATE_LIMIT_MAX_WAIT)`
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']) * 1000
    const at = Number.isFinite(reset) && reset > 0 ? `${new Date(reset).toISOString().replace(/\.\d+Z$/, 'Z')}, in ${seconds(Math.max(0, Math.round((reset - now) / 1000)) * 1000)}` : 'an unknown time'
    return `GitHub API rate limit exhausted (${what}): it resets at ${at}, ${cap}`
  }
  if (headers['retry-after'] !== undefined || /secondary rate limit/i.test(e.message ?? '')) {
    return `GitHub API secondary rate limit (${what}): asked to retry after ${headers['retry-after'] ?? '?'} s, ${cap}`
  }
  return undefined
}

/**
 * The API client. Octokit and its plugins are loaded on first use: most runs (no pull request,
 * no cross-repository source) never reach the API, and loading them costs start-up time.
 */
export async function githubApi(token: string, env: NodeJS.ProcessEnv = process.env, cancel?: AbortSignal): Promise<GitHubApi> {
  const [{ getOctokit }, { defaults }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@actions/github/lib/utils'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const limits = timeouts(env)
  const onLimit = (kind: string) => (after: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    if (after * 1000 > limits.rateLimitMaxWaitMs || retryCount >= RATE_LIMIT_RETRIES) return false
    log.info(`GitHub API ${kind} rate limit on ${options.method} ${options.url}; retrying in ${after} s`)
    return true
  }
  const base = (defaults.request?.fetch ?? fetch) as Fetch
  const api = getOctokit(
    token,
    {
      baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
      request: { ...defaults.request, fetch: timedFetch(base, limits.apiRequestMs, cancel) },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: 3, doNotRetry: DO_NOT_RETRY }
    },
    retry,
    throttling
  )
  api.hook.error('request', error => {
    const limited = rateLimitMessage(error, limits.rateLimitMaxWaitMs)
    throw limited ? new RateLimitError(limited, (error as LimitedError).status ?? 403) : error
  })
  return api
}

/** `owner/name` (GITHUB_REPOSITORY) → parts. */
export function parseRepo(value: string): RepoRef | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value)
  return match ? { owner: match[1], repo: match[2] } : undefined
}

/** The HTTP status of a failed API call, if it was one. */
export function apiStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * The login behind the token, or undefined when the token cannot tell (an installation token
 * such as the workflow's GITHUB_TOKEN gets 403 from GET /user).
 */
export async function authenticatedLogin(api: GitHubApi): Promise<string | undefined> {
  try {
    return (await api.rest.users.getAuthenticated()).data.login
  } catch (error) {
    if (apiStatus(error) === 403) return undefined
    throw error
  }
}

type RawComment = { id: number; body?: string; user: { login: string; type: string } | null; html_url: string; created_at: string }

function toComment(raw: RawComment): IssueComment {
  const comment: IssueComment = { id: raw.id, body: raw.body ?? '', url: raw.html_url, createdAt: raw.created_at }
  if (raw.user) comment.author = { login: raw.user.login, type: raw.user.type }
  return comment
}

/** Every comment of an issue or pull request, oldest first (all pages). */
export async function listIssueComments(api: GitHubApi, repo: RepoRef, issue: number): Promise<IssueComment[]> {
  const raw = await api.paginate(api.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })
  return raw.map(toComment)
}

/** Never retried by the client: a create whose answer was lost may have created the comment. */
export async function createIssueComment(api: GitHubApi, repo: RepoRef, issue: number, body: string): Promise<IssueComment> {
  return toComment((await api.rest.issues.createComment({ ...repo, issue_number: issue, body, request: { retries: 0 } })).data)
}

export async function updateIssueComment(api: GitHubApi, repo: RepoRef, id: number, body: string): Promise<IssueComment> {
  return toComment((await api.rest.issues.updateComment({ ...repo, comment_id: id, body })).data)
}

export async function deleteIssueComment(api: GitHubApi, repo: RepoRef, id: number): Promise<void> {
  await api.rest.issues.deleteComment({ ...repo, comment_id: id })
}

export type CompareStatus = 'ahead' | 'behind' | 'identical' | 'diverged'

/** `GET /repos/{owner}/{repo}/compare/{base}...{head}`: where `head` stands relative to `base`. */
export async function compareCommits(api: GitHubApi, repository: string, base: string, head: string): Promise<CompareStatus> {
  const repo = parseRepo(repository)
  if (!repo) throw new Error(`'${repository}' is not an owner/name repository`)
  const { data } = await api.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 })
  return data.status
}
