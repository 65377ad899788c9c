/**
 * Classifying what git said when a fetch or push failed (pure), and the one-line error that
 * tells the user what to do. Only `rejected` (the branch moved) and `transient` are retried.
 */

export type FailureKind = 'auth' | 'protected' | 'rejected' | 'transient' | 'other'

const RULES: [FailureKind, RegExp][] = [
  ['protected', /\bGH0(06|13)\b|protected branch|pre-receive hook declined|repository rule violations|declined by (a )?(ruleset|rule)/i],
  [
    'auth',
    /authentication failed|could not read (username|password)|terminal prompts disabled|permission to \S+ denied|write access to repository not granted|invalid username or password|access denied|returned error: 40[13]\b|\b40[13] (unauthorized|forbidden)/i
  ],
  ['rejected', /\[rejected\]|fetch first|non-fast-forward|cannot lock ref|failed to update ref|incorrect old value|failed to lock|stale info/i],
  [
    'transient',
    /could not resolve host|connection (refused|reset|timed out)|operation timed out|rpc failed|remote end hung up|early eof|returned error: 5\d\d|unexpected disconnect|gnutls|tls connection/i
  ]
]

export function classify(output: string): FailureKind {
  for (const [kind, pattern] of RULES) if (pattern.test(output)) return kind
  return 'other'
}

/** The most telling line of git's output: a GH0xx / error / declined / denied line, else the first. */
export function keyLine(output: string): string {
  const lines = output
    .split('\n')
    .map(l => l.replace(/^remote:\s*/, '').replace(/\s+/g, ' ').trim())
    .filter(l => l !== '' && !/^(To |Done$)/.test(l))
  const pick = lines.find(l => /GH0\d\d/.test(l)) ?? lines.find(l => /error|declined|denied|fatal|rejected/i.test(l)) ?? lines[0] ?? ''
  return pick.replace(/^(fatal|error):\s*/i, '')
}

/** A URL without any user-info (`https://user:secret@host/x` → `https://host/x`). */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
}

export class PushError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string
  ) {
    super(message)
    this.name = 'PushError'
  }
}

/** The one-line error for a failed `operation` (fetch, push) of `branch` at `url`. */
export function pushError(operation: string, url: string, branch: string, output: string): PushError {
  const kind = classify(output)
  const where = `${operation} of branch '${branch}' at ${redactUrl(url)}`
  const detail = keyLine(output)
  switch (kind) {
    case 'auth':
      return new PushError(
        kind,
        `${where} was denied: authentication or permission failed (${detail}); ` +
          `pass in 'token' a token that can write to this repository (for the workflow token: permissions: contents: write)`
      )
    case 'protected':
      return new PushError(
        kind,
        `${where} was refused by a branch protection rule, ruleset or pre-receive hook (${detail}); ` +
          `pass in 'token' a GitHub App token allowed to bypass the rule, or push to an unprotected branch with 'branch'`
      )
    case 'rejected':
      return new PushError(kind, `${where} was rejected because the branch moved (${detail})`)
    case 'transient':
      return new PushError(kind, `${where} failed on the network (${detail})`)
    default:
      return new PushError(kind, `${where} failed: ${detail || 'no message from git'}`)
  }
}
