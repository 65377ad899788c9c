/**
 * Every input, read once and validated up front into typed settings. Nothing else calls
 * core.getInput. A bad value stops the run before anything is written.
 */
import * as core from '@actions/core'
import * as log from './log.js'
import { checkTemplate } from './commit/message-template.js'
import { InputError } from './errors.js'
import { parseImageArgs, type ImageSpec } from './edit/image-spec.js'
import { timeouts } from './timeouts.js'
import { CONTROL, oneLine } from './markdown.js'
import {
  checkRollback,
  commitSha,
  parseApply,
  parseAuthor,
  parseBoolean,
  parseCommit,
  parseDuration,
  parseLabels,
  parseLoadRestrictor,
  parseRegistry,
  type AutoMerge,
  type CommitMode,
  type DryRun,
  type LoadRestrictor,
  type RegistrySettings,
  type Unmatched
} from './input-values.js'

export type { AutoMerge, CommitMode, DryRun, LoadRestrictor, RegistrySettings, Unmatched } from './input-values.js'

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


function text(name: string): string {
  return core.getInput(name).trim()
}

function lines(name: string): string[] {
  return core.getInput(name).split(/\r?\n/).map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#'))
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
