/**
 * The values of single inputs (pure): what each accepts, and the one-line error naming the
 * input, quoting the value and showing the expected form. inputs.ts reads the inputs and
 * builds the settings with these.
 */
import { InputError } from './errors.js'
import { MAX_SECONDS, OVER_MAX } from './timeouts.js'

export type DryRun = 'none' | 'client' | 'server'
export type Unmatched = 'error' | 'warn'
export type AutoMerge = 'false' | 'merge' | 'squash' | 'rebase'
/** kustomize's load restrictor: `none` lets a kustomization read files outside its directory. */
export type LoadRestrictor = 'root-only' | 'none'
/** `push`: commit and push to `branch`; `pull-request`: a deploy branch and a pull request into `branch`. */
export type CommitMode = 'push' | 'pull-request'

/** `verify-images` and `pin-digest` (src/registry/). */
export interface RegistrySettings {
  verify: 'auto' | 'true' | 'false'
  pin: boolean
}

const BOOLEAN = 'true or false'

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new InputError(name, value, BOOLEAN)
}

/** `90`, `90s`, `5m`, `1h30m` → seconds. */
export function parseDuration(name: string, value: string, fallback: number): number {
  if (value === '') return fallback
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value)
  const seconds = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0
  const expected = 'a duration such as 300s, 5m or 1h30m, at most 6h'
  if (!match || seconds <= 0) throw new InputError(name, value, expected)
  if (seconds > MAX_SECONDS) throw new InputError(name, value, expected, OVER_MAX)
  return seconds
}

/** `Name <email>` → parts. */
export function parseAuthor(value: string): { name: string; email: string } {
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value)
  if (!match) throw new InputError('commit-author', value, "'Display Name <email@example.com>'")
  return { name: match[1], email: match[2] }
}

/** A commit id: 7 to 64 hex digits (empty: none known). */
export function commitSha(name: string, value: string): string {
  if (value !== '' && !/^[0-9a-f]{7,64}$/i.test(value)) throw new InputError(name, value, 'a commit SHA (7 to 64 hexadecimal digits)')
  return value.toLowerCase()
}

/** Events on which `apply: auto` previews only. */
export const PREVIEW_EVENTS = ['pull_request', 'pull_request_target']

/** `apply`: auto, true or false (yes/no/on/off accepted like every boolean). */
export function parseApply(value: string, event: string): { enabled: boolean; mode: 'auto' | 'true' | 'false'; off?: string } {
  if (value === '' || value.toLowerCase() === 'auto') {
    if (!PREVIEW_EVENTS.includes(event)) return { enabled: true, mode: 'auto' }
    return { enabled: false, mode: 'auto', off: `Not applied: \`apply: auto\` only previews ${event} events; the cluster was not touched.` }
  }
  if (/^(true|yes|on)$/i.test(value)) return { enabled: true, mode: 'true' }
  if (/^(false|no|off)$/i.test(value)) return { enabled: false, mode: 'false' }
  throw new InputError('apply', value, 'auto, true or false')
}

/** `verify-images`: auto, true or false; `pin-digest` needs the lookups. */
export function parseRegistry(verify: string, pin: boolean): RegistrySettings {
  const value = verify.toLowerCase()
  const mode = value === '' || value === 'auto' ? 'auto' : /^(true|yes|on)$/.test(value) ? 'true' : /^(false|no|off)$/.test(value) ? 'false' : undefined
  if (!mode) throw new InputError('verify-images', verify, 'auto, true or false')
  if (pin && mode === 'false') throw new InputError('pin-digest', 'true', "verify-images: auto or true", 'the digest comes from the registry lookup that verify-images: false turns off')
  return { verify: mode, pin }
}

/** `load-restrictor`: `none` is refused where the kustomization comes from a pull request. */
export function parseLoadRestrictor(value: string, event: string): LoadRestrictor {
  const restrictor = value || 'root-only'
  if (restrictor !== 'root-only' && restrictor !== 'none') throw new InputError('load-restrictor', value, 'root-only, none or empty')
  if (restrictor === 'none' && PREVIEW_EVENTS.includes(event)) {
    const why = `on ${event} events the kustomization comes from the pull request, and without the restrictor it could read any file of the runner (a kubeconfig, /proc/self/environ) into a rendered object`
    throw new InputError('load-restrictor', value, 'root-only (or none on other events)', why)
  }
  return restrictor
}

/** `commit`: false, true or pull-request. */
export function parseCommit(value: string): { enabled: boolean; mode: CommitMode } {
  if (value.toLowerCase() === 'pull-request') return { enabled: true, mode: 'pull-request' }
  try {
    return { enabled: parseBoolean('commit', value, false), mode: 'push' }
  } catch {
    throw new InputError('commit', value, 'false, true or pull-request')
  }
}

/**
 * `rollback: true` reverts through git: it needs `commit: true`. In a dry run it is not used
 * (nothing is pushed or applied, so nothing rolls back) and not refused either.
 */
export function checkRollback(rollback: boolean, commit: { enabled: boolean; mode: CommitMode }, dryRun: DryRun): void {
  if (!rollback || dryRun !== 'none' || (commit.enabled && commit.mode === 'push')) return
  const why = commit.enabled ? "'commit: pull-request' applies nothing in this run, so nothing can roll back" : "a rollback is a commit pushed to the branch, and 'commit: false' pushes nothing"
  throw new InputError('rollback', 'true', "'commit: true' (or rollback: false)", why)
}

/** Labels, one per line or comma-separated. */
export function parseLabels(value: string): string[] {
  return [...new Set(value.split(/[\r\n,]+/).map(l => l.trim()).filter(Boolean))]
}
