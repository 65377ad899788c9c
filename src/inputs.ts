/**
 * Every input, read once and validated up front into typed settings. Nothing else calls
 * core.getInput. A bad value stops the run before anything is written.
 */
import * as core from '@actions/core'
import * as log from './log.js'
import { checkTemplate } from './commit/message-template.js'
import { InputError } from './errors.js'
import { parseImageArgs, type ImageSpec } from './edit/image-spec.js'
import { MAX_SECONDS, OVER_MAX, timeouts } from './timeouts.js'
import { CONTROL, oneLine } from './markdown.js'

export type DryRun = 'none' | 'client' | 'server'
export type Unmatched = 'error' | 'warn'
export type AutoMerge = 'false' | 'merge' | 'squash' | 'rebase'
/** kustomize's load restrictor: `none` lets a kustomization read files outside its directory. */
export type LoadRestrictor = 'root-only' | 'none'
/** `push`: commit and push to `branch`; `pull-request`: a deploy branch and a pull request into `branch`. */
export type CommitMode = 'push' | 'pull-request'

export interface Settings {
  workspace: string
  paths: string[]
  images: ImageSpec[]
  environment: string
  /** an image argument that changes no container in any render */
  unmatched: Unmatched
  commit: {
    enabled: boolean
    /** meaningful when enabled */
    mode: CommitMode
    /** create commits through GitHub's GraphQL createCommitOnBranch (signed by GitHub) */
    sign: boolean
    pullRequest: {
      /** template; placeholders as in the commit message */
      branch: string
      labels: string[]
      draft: boolean
      autoMerge: AutoMerge
    }
    branch: string
    message: string
    author: { name: string; email: string }
    skipCi: boolean
    sourceCommit: string
    sourceRepository: string
    allowDowngrade: boolean
    retries: number
  }
  token: string
  apply: {
    /** the `apply` input resolved against the event (`auto`: every event but pull requests) */
    enabled: boolean
    /** why: the input as given */
    mode: 'auto' | 'true' | 'false'
    /** set when `auto` turned it off: why, for the log and the summary */
    off?: string
    kubectl: string
    /** passed to every render, diff and apply */
    loadRestrictor: LoadRestrictor
    kubeconfig: string
    context: string
    namespace: string
    serverSide: boolean
    fieldManager: string
    forceConflicts: boolean
    dryRun: DryRun
    wait: boolean
    timeoutSeconds: number
    /** revert this run's edit of a target through git when its apply or rollout fails */
    rollback: boolean
  }
  comment: boolean
  registry: RegistrySettings
}

/** `verify-images` and `pin-digest` (src/registry/). */
export interface RegistrySettings {
  verify: 'auto' | 'true' | 'false'
  pin: boolean
}

const BOOLEAN = 'true or false'

function text(name: string): string {
  return core.getInput(name).trim()
}

function lines(name: string): string[] {
  return core.getInput(name).split(/\r?\n/).map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#'))
}

export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new InputError(name, value, BOOLEAN)
}

/** A value that goes into log lines, commit trailers and outputs: one line, no control character. */
function oneLineInput(name: string): string {
  const value = text(name)
  if (CONTROL.test(value)) throw new InputError(name, oneLine(value), 'one line without control characters (shown escaped)')
  return value
}

function flag(name: string, fallback: boolean): boolean {
  return parseBoolean(name, text(name), fallback)
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

function integer(name: string, fallback: number, min: number, max: number): number {
  const value = text(name)
  if (value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(name, value, `a whole number from ${min} to ${max}`)
  }
  return Number(value)
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = text(name) || fallback
  if (!allowed.includes(value as T)) throw new InputError(name, value, allowed.join(', ') + ' or empty')
  return value as T
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

export const DEFAULT_AUTHOR = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
export const DEFAULT_MESSAGE = 'deploy({environment}): {images}'
export const DEFAULT_PR_BRANCH = 'deploy/{environment}'

export function getSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  timeouts(env) // a bad KID_* bound stops the run here, before anything is written
  const images = parseImageArgs(core.getInput('images').split(/\r?\n/))
  const paths = lines('path')
  const token = text('token')
  if (token) core.setSecret(token)
  const settings: Settings = {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    paths: paths.length > 0 ? paths : ['.'],
    images,
    environment: oneLineInput('environment'),
    unmatched: oneOf('unmatched', ['error', 'warn'] as const, 'error'),
    commit: commitSettings(env),
    token,
    apply: applySettings(env),
    comment: flag('comment', true),
    registry: parseRegistry(text('verify-images'), flag('pin-digest', false))
  }
  reconcile(settings)
  const shown = { ...settings, token: token ? '***' : '', apply: { ...settings.apply, kubeconfig: settings.apply.kubeconfig ? '***' : '' } }
  core.debug(`settings: ${JSON.stringify(shown)}`)
  if (settings.apply.off) log.info(settings.apply.off)
  return settings
}

function commitSettings(env: NodeJS.ProcessEnv): Settings['commit'] {
  return {
    ...parseCommit(text('commit')),
    sign: flag('sign-commits', false),
    pullRequest: {
      branch: checkTemplate(text('pull-request-branch') || DEFAULT_PR_BRANCH, 'pull-request-branch'),
      labels: parseLabels(core.getInput('pull-request-labels')),
      draft: flag('pull-request-draft', false),
      autoMerge: oneOf('auto-merge', ['false', 'merge', 'squash', 'rebase'] as const, 'false')
    },
    branch: text('branch'),
    message: checkTemplate(core.getInput('commit-message').trim() || DEFAULT_MESSAGE),
    author: parseAuthor(text('commit-author') || DEFAULT_AUTHOR),
    skipCi: flag('skip-ci', false),
    sourceCommit: commitSha('source-commit', text('source-commit') || env.GITHUB_SHA || ''),
    sourceRepository: text('source-repository') || env.GITHUB_REPOSITORY || '',
    allowDowngrade: flag('allow-downgrade', false),
    retries: integer('push-retries', 12, 0, 50)
  }
}

function applySettings(env: NodeJS.ProcessEnv): Settings['apply'] {
  return {
    ...parseApply(text('apply'), env.GITHUB_EVENT_NAME ?? ''),
    kubectl: text('kubectl') || 'kubectl',
    loadRestrictor: parseLoadRestrictor(text('load-restrictor'), env.GITHUB_EVENT_NAME ?? ''),
    kubeconfig: core.getInput('kubeconfig'),
    context: text('context'),
    namespace: text('namespace'),
    serverSide: flag('server-side', false),
    fieldManager: text('field-manager'),
    forceConflicts: flag('force-conflicts', false),
    dryRun: oneOf('dry-run', ['none', 'client', 'server'] as const, 'none'),
    wait: flag('wait', true),
    timeoutSeconds: parseDuration('timeout', text('timeout'), 300),
    rollback: flag('rollback', false)
  }
}

/**
 * What inputs mean for each other: rollback needs commit: true, pull-request mode applies
 * nothing, pin-digest marks the arguments, force-conflicts needs server-side.
 */
function reconcile(settings: Settings): void {
  checkRollback(settings.apply.rollback, settings.commit, settings.apply.dryRun)
  if (settings.commit.enabled && settings.commit.mode === 'pull-request' && settings.apply.enabled) {
    // the change is not on the base branch until the pull request is merged
    const say = settings.apply.mode === 'true' ? core.warning : log.info
    say("commit: pull-request: nothing is applied in this run (the change reaches the cluster when the pull request is merged and the base branch is deployed)")
    settings.apply.enabled = false
  }
  // pin-digest: an argument without a digest gets the registry's (the existing one is replaced, not dropped)
  if (settings.registry.pin) settings.images = settings.images.map(spec => (spec.digest === undefined ? { ...spec, pin: true } : spec))
  if (settings.apply.forceConflicts && !settings.apply.serverSide) {
    throw new InputError('force-conflicts', 'true', "'server-side: true' as well", 'it only applies to server-side apply')
  }
}
