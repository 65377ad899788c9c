/**
 * Which values of a kubeconfig are credentials, so the runner masks them in every log line:
 * tokens, passwords, key and certificate data, the secrets of exec plugins (env values and
 * arguments with secret-looking names) and of auth providers, passwords inside URLs. Names of
 * clusters, users and contexts, namespaces and server addresses are not secrets: masking
 * `production` would turn `user "production"` into `user "***"` and every later log line that
 * happens to contain the word. Pure: no I/O.
 */
import { parse } from 'yaml'

/** Fields of `users[].user` and `clusters[].cluster` that hold a credential (or key material). */
const SECRET_FIELDS = new Set(['token', 'password', 'client-key-data', 'client-certificate-data', 'certificate-authority-data'])
/** Names of env variables, flags and auth-provider settings that carry a secret. */
const SECRET_NAME = /token|secret|passw|credential|private|key|cookie|session|authorization|cert/i
/** ...unless they only name where the secret lives. */
const LOCATION_NAME = /(file|path|dir|url|endpoint)$/i
/** A secret-looking name's value shorter than this is not worth masking (it would mask common words). */
const MIN_GUESSED = 4

/**
 * The credentials in a kubeconfig's text, each once. Content that is not a YAML mapping cannot be
 * read field by field, so every line that is more than YAML structure counts as secret.
 */
export function kubeconfigSecrets(content: string): string[] {
  let doc: unknown
  try {
    doc = parse(content)
  } catch {
    return linesOf(content)
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return linesOf(content)
  const found: string[] = []
  const record = doc as Record<string, unknown>
  for (const entry of list(record.clusters)) collectCluster(field(entry, 'cluster'), found)
  for (const entry of list(record.users)) collectUser(field(entry, 'user'), found)
  return [...new Set(found.flatMap(withLines))].filter(s => s.trim() !== '')
}

function collectCluster(cluster: unknown, found: string[]): void {
  collectFields(cluster, found)
  for (const url of ['server', 'proxy-url']) found.push(...urlPassword(field(cluster, url)))
}

function collectUser(user: unknown, found: string[]): void {
  collectFields(user, found)
  const exec = field(user, 'exec')
  for (const variable of list(field(exec, 'env'))) {
    const name = field(variable, 'name')
    if (typeof name === 'string' && secretName(name)) guessed(field(variable, 'value'), found)
  }
  found.push(...secretArgs(list(field(exec, 'args')).filter((a): a is string => typeof a === 'string')))
  const config = field(field(user, 'auth-provider'), 'config')
  if (config && typeof config === 'object') {
    for (const [name, value] of Object.entries(config)) if (secretName(name)) guessed(value, found)
  }
}

/** The values of the named secret fields (always, whatever their length). */
function collectFields(section: unknown, found: string[]): void {
  if (!section || typeof section !== 'object') return
  for (const [name, value] of Object.entries(section)) {
    if (SECRET_FIELDS.has(name) && (typeof value === 'string' || typeof value === 'number')) found.push(String(value))
  }
}

/** Values of `--token=x` and of `--token x` (the argument after a secret-looking flag). */
export function secretArgs(args: string[]): string[] {
  const found: string[] = []
  args.forEach((arg, i) => {
    const flag = /^--?([\w.-]+)(?:=([\s\S]*))?$/.exec(arg)
    if (!flag || !secretName(flag[1])) return
    const value = flag[2] ?? (args[i + 1]?.startsWith('-') ? undefined : args[i + 1])
    guessed(value, found)
  })
  return found
}

/** `https://user:pass@host` → `pass` (and its URL-decoded form). */
function urlPassword(value: unknown): string[] {
  if (typeof value !== 'string') return []
  const password = /^[a-z][\w+.-]*:\/\/[^/@:]*:([^/@]+)@/i.exec(value)?.[1]
  if (!password) return []
  let decoded = password
  try {
    decoded = decodeURIComponent(password)
  } catch {
    // keep the raw form only
  }
  return [password, decoded]
}

const secretName = (name: string) => SECRET_NAME.test(name) && !LOCATION_NAME.test(name)

function guessed(value: unknown, found: string[]): void {
  if ((typeof value === 'string' || typeof value === 'number') && String(value).length >= MIN_GUESSED) found.push(String(value))
}

/** A multi-line value, and each of its lines (the runner matches masks within one line). */
const withLines = (value: string) => (value.includes('\n') ? [value, ...value.split(/\r?\n/).map(l => l.trim()).filter(l => l.length >= MIN_GUESSED)] : [value])

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const field = (value: unknown, name: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined)

const TRIVIAL = /^(-\s*)?([\w-]+:\s*(v1|Config|\{\}|\[\]|null|"")?|-)$/

/** Unreadable content: every line with data, and each value of 8 characters or more alone. */
function linesOf(content: string): string[] {
  const found: string[] = []
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim()
    if (line.length < 6 || TRIVIAL.test(line)) continue
    found.push(line)
    const value = /^(?:-\s*)?[\w-]+:\s+(.+)$/.exec(line)?.[1]
    if (value && value.length >= 8) found.push(value)
  }
  return [...new Set(found)]
}
