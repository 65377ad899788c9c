/**
 * Classifying what git said when a fetch or push failed (pure), and the one-line error that
 * tells the user what to do. Only `rejected` (the branch moved) and `transient` are retried.
 */

export type FailureKind = 'auth' | 'protected' | 'rejected' | 'transient' | 'other'

/**
 * Where a rule looks: `any` line, or only git's `own` lines. Lines starting `remote:` are the
 * server's free text (a hook prints whatever it likes), so they may say "protected" or "denied"
 * but never make a failure look like a branch race or a network error.
 */
const RULES: [FailureKind, 'any' | 'own', RegExp][] = [
  ['protected', 'any', /\bGH0(06|13)\b|protected branch|repository rule violations|declined by (a )?(ruleset|rule)/i],
  ['protected', 'own', /hook declined/i],
  [
    'auth',
    'any',
    /authentication failed|could not read (username|password)|terminal prompts disabled|permission to \S+ denied|write access to repository not granted|invalid username or password|access denied|returned error: 40[13]\b|\b40[13] (unauthorized|forbidden)/i
  ],
  ['rejected', 'own', /\[rejected\]|fetch first|non-fast-forward|cannot lock ref|failed to update ref|incorrect old value|failed to lock|stale info/i],
  [
    'transient',
    'own',
    /could not resolve host|connection (refused|reset|timed out)|couldn't connect to server|failed to connect|empty reply from server|recv failure|send failure|timed out|rpc failed|remote end hung up|early eof|returned error: 5\d\d|unexpected disconnect|gnutls|tls connection|ssl_error/i
  ]
]

/** git's own lines and the server's (`remote:`, prefix removed), blank lines dropped. */
function split(output: string): { own: string[]; remote: string[] } {
  const own: string[] = []
  const remote: string[] = []
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim()
    if (line === '') continue
    if (/^remote:/i.test(line)) {
      const text = line.replace(/^remote:\s*/i, '')
      if (text) remote.push(text)
    } else own.push(line)
  }
  return { own, remote }
}

export function classify(output: string): FailureKind {
  const { own, remote } = split(output)
  const all = [...own, ...remote].join('\n')
  const ownText = own.join('\n')
  for (const [kind, scope, pattern] of RULES) if (pattern.test(scope === 'any' ? all : ownText)) return kind
  return 'other'
}

/** git's progress chatter on the remote side, never the reason for anything. */
const PROGRESS = /^(Counting|Compressing|Writing|Total|Resolving|Enumerating|Delta|Receiving|Unpacking|Processing|Create a pull request|To create a merge|https?:\/\/|(error: )?hook declined to update)/i
const GENERIC = /failed to push some refs|^To |^Done$/i

/**
 * The most telling part of git's output: a GH0xx line; else, when a hook declined, the hook's
 * own words (the `remote:` lines); else the rejection's reason (with --porcelain on stdout);
 * else a fatal/error line; else the first line.
 */
export function keyLine(output: string): string {
  const { own, remote } = split(output)
  const clean = (l: string) => l.replace(/^(fatal|error):\s*/i, '')
  const gh = [...remote, ...own].find(l => /GH0\d\d/.test(l))
  if (gh) return clean(gh)
  const said = remote.filter(l => !PROGRESS.test(l))
  if (said.length > 0 && own.some(l => /hook declined|\[remote rejected\]/i.test(l))) return clip(said.map(clean).slice(0, 3).join(' / '))
  const rejection = own.find(l => /\[(remote )?rejected\]/i.test(l))
  if (rejection) return clip(rejection.replace(/^!\s*\S*\s*/, '').replace(/^.*?(\[(remote )?rejected\])/i, '$1'))
  const fatal = own.filter(l => !GENERIC.test(l)).find(l => /error|fatal|declined|denied|timed out/i.test(l))
  return clip(clean(fatal ?? said[0] ?? own.find(l => !GENERIC.test(l)) ?? own[0] ?? ''))
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

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
