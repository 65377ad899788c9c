/**
 * The preview phase: the rendered diff per environment between the base (a pull request's
 * base commit, or for a push the commit being built) and the head after this run's edit.
 * The base is rendered from a separate git work tree, so the workspace is never touched.
 * On pull requests each environment gets one comment, kept current across runs.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { removeOnCancel } from '../cancel.js'
import { upsertComment } from './comment-upsert.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { errorMessage } from '../errors.js'
import { Git } from '../commit/git.js'
import { apiStatus, githubApi, parseRepo, RateLimitError } from '../github/github-api.js'
import type { Settings } from '../inputs.js'
import type { Kubectl } from '../apply/kubectl.js'
import { mapLimit } from '../pool.js'
import { COMMENT_LIMIT, commentMarker, fitMarkdown, type EnvironmentPreview } from './pr-comment.js'
import { diffRenders } from './resource-diff.js'
import { seconds, timeouts } from '../timeouts.js'
import { oneLine } from '../markdown.js'

export interface Preview {
  environments: EnvironmentPreview[]
  /** the comment of each environment that has one */
  comments: { environment: string; path: string; url: string }[]
}

export interface PreviewEvent {
  name: string
  /** the commit to compare against */
  base?: string
  /** the pull request number, on pull request events */
  pullRequest?: number
  /** the pull request comes from a fork: its token is read-only whatever the workflow asks */
  fork?: boolean
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** What the event payload says about the base commit and the pull request. */
export async function readEvent(env: NodeJS.ProcessEnv): Promise<PreviewEvent> {
  const name = env.GITHUB_EVENT_NAME ?? ''
  let payload: Record<string, any> = {}
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, any>
  }
  if (PR_EVENTS.has(name)) {
    const pr = payload.pull_request ?? {}
    const head = pr.head?.repo?.full_name
    const fork = Boolean(head && pr.base?.repo?.full_name && head !== pr.base.repo.full_name)
    return { name, base: pr.base?.sha, pullRequest: Number(pr.number ?? payload.number) || undefined, fork }
  }
  // on a push (or any other event) the base is the commit being built; none outside a runner
  return { name, base: env.GITHUB_SHA || undefined }
}

export interface BaseRender {
  render: string
  note?: string
}

/**
 * Render every target at `base` from a temporary work tree (in parallel), then remove it.
 * `signal`: the preview gave up; a render still running (a remote base that never answers) is
 * killed, so the work tree is removed and no process outlives the step.
 */
export async function renderBase(git: Git, base: string, edits: TargetEdit[], kubectl: Kubectl, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<Map<string, BaseRender>> {
  const parent = await mkdtemp(path.join(env.RUNNER_TEMP || tmpdir(), 'kid-base-'))
  const tree = path.join(parent, 'tree')
  const removed = removeOnCancel(parent)
  try {
    await git.addWorktree(tree, base)
    const renders = await mapLimit(edits, async (edit): Promise<BaseRender> => {
      const dir = path.join(tree, path.relative(git.root, edit.target.dir))
      if (!existsSync(dir)) return { render: '', note: `${edit.target.rel} does not exist at the base commit: every resource is new.` }
      try {
        return { render: await kubectl.kustomize(dir, signal) }
      } catch (error) {
        return { render: '', note: `The base commit did not render (${errorMessage(error)}): every resource is shown as new.` }
      }
    })
    return new Map(edits.map((edit, i) => [edit.target.dir, renders[i]]))
  } finally {
    await git.tryRemoveWorktree(tree)
    await rm(parent, { recursive: true, force: true })
    removed()
  }
}

/** Make sure the base commit is present (a shallow checkout lacks it); false when it cannot be. */
async function ensureCommit(git: Git, sha: string): Promise<boolean> {
  if (await git.hasCommit(sha)) return true
  const remotes = await git.remotes()
  const remote = remotes.includes('origin') ? 'origin' : remotes[0]
  if (!remote) return false
  try {
    await git.fetchCommit(remote, sha, await git.isShallow())
    return await git.hasCommit(sha)
  } catch (error) {
    core.warning(`preview: cannot fetch the base commit ${sha} (${errorMessage(error)})`)
    return false
  }
}

/** Where the full diff is: this run's job summary. */
export function summaryPointer(env: NodeJS.ProcessEnv): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, GITHUB_RUN_ATTEMPT: attempt } = env
  const where = server && repo && run ? `[job summary](${server}/${repo}/actions/runs/${run}${attempt ? `/attempts/${attempt}` : ''})` : 'job summary of this run'
  return `<sub>The full redacted diff is in the ${where}. Secret values are never shown.</sub>`
}

/** Why a comment was refused, and the fix that exists: none by permissions for a fork's token. */
function denied(fork: boolean): string {
  return fork
    ? 'the token cannot comment on this pull request from a fork (its token is read-only, whatever the workflow\'s permissions say); to comment on fork pull requests, post the diff from a workflow_run workflow (README: Pull-request previews)'
    : 'the token cannot comment on this pull request (give the job `permissions: pull-requests: write`)'
}

async function postComments(
  previews: EnvironmentPreview[],
  settings: Settings,
  pullRequest: number,
  fork: boolean,
  env: NodeJS.ProcessEnv,
  cancel: AbortSignal
): Promise<Preview['comments']> {
  const repo = parseRepo(env.GITHUB_REPOSITORY ?? '')
  if (!repo) {
    core.warning(`preview: GITHUB_REPOSITORY '${env.GITHUB_REPOSITORY ?? ''}' is not owner/name; not commenting`)
    return []
  }
  const api = await githubApi(settings.token, env, cancel)
  const comments: Preview['comments'] = []
  for (const p of previews) {
    const marker = commentMarker(p.environment, p.path)
    const { markdown, level } = fitMarkdown(p, { limit: COMMENT_LIMIT, marker, pointer: summaryPointer(env) })
    try {
      const result = await upsertComment(api, repo, pullRequest, marker, markdown)
      log.info(`${oneLine(p.environment)}: comment ${result.action} (${level} diff, ${markdown.length} characters): ${result.url}`)
      comments.push({ environment: p.environment, path: p.path, url: result.url })
    } catch (error) {
      if (cancel.aborted) break
      core.warning(`preview: ${commentFailure(error, fork)}. The rendered diff is in the job summary.`)
      if (error instanceof RateLimitError || apiStatus(error) === 401 || apiStatus(error) === 403) break
    }
  }
  return comments
}

/** Why a comment could not be written, with what to do about it. */
function commentFailure(error: unknown, fork: boolean): string {
  if (error instanceof RateLimitError) return `${error.message}; not commenting`
  const status = apiStatus(error)
  const detail = `${status ? `HTTP ${status}: ` : ''}${errorMessage(error)}`
  if (status === 401 || status === 403 || status === 404) return `${denied(fork)}: ${detail}`
  return `the GitHub API call failed (${detail})`
}

/**
 * The preview of every target; undefined when there is no base to compare with. A preview is
 * information: whatever goes wrong here is a warning, never a failed deploy.
 */
export async function preview(
  settings: Settings,
  edits: TargetEdit[],
  rendered: Map<string, string>,
  kubectl: Kubectl,
  recorded?: Map<string, string>,
  env: NodeJS.ProcessEnv = process.env
): Promise<Preview | undefined> {
  const { previewMs } = timeouts(env)
  const cancel = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<undefined>(resolve => {
    timer = setTimeout(() => {
      cancel.abort(new Error(`the preview took longer than ${seconds(previewMs)}`))
      resolve(undefined)
    }, previewMs)
  })
  const work = buildPreview(settings, edits, rendered, kubectl, recorded, env, cancel.signal).catch((error: unknown) => {
    if (!cancel.signal.aborted) core.warning(`preview: ${errorMessage(error)}`)
    return undefined
  })
  try {
    const result = await Promise.race([work, deadline])
    if (cancel.signal.aborted) core.warning(`preview: gave up after ${seconds(previewMs)} (KID_PREVIEW_TIMEOUT); no comment written, the deploy itself is not affected`)
    return result
  } finally {
    clearTimeout(timer)
  }
}

async function buildPreview(
  settings: Settings,
  edits: TargetEdit[],
  rendered: Map<string, string>,
  kubectl: Kubectl,
  recorded: Map<string, string> | undefined,
  env: NodeJS.ProcessEnv,
  cancel: AbortSignal
): Promise<Preview | undefined> {
  const event = await readEvent(env)
  if (!event.pullRequest && recorded && edits.every(e => recorded.has(e.target.dir))) {
    // a deploy: the apply phase already rendered the checkout before this run's edit
    const renders = new Map(edits.map(e => [e.target.dir, { render: recorded.get(e.target.dir)! }]))
    const base = event.base ?? 'HEAD'
    return { environments: environmentPreviews(edits, renders, rendered, base, base), comments: [] }
  }
  if (!event.base) {
    log.info(`preview: the ${event.name || 'current'} event names no base commit; nothing to compare`)
    return undefined
  }
  let git: Git
  try {
    git = await Git.open(settings.workspace)
  } catch (error) {
    log.info(`preview: no git repository to render the base from (${errorMessage(error)})`)
    return undefined
  }
  if (!(await ensureCommit(git, event.base))) return undefined
  const base = (await git.tryRevParse(event.base)) ?? event.base
  const head = (await git.tryRevParse('HEAD')) ?? ''
  const renders = await renderBase(git, base, edits, kubectl, env, cancel)
  const environments = environmentPreviews(edits, renders, rendered, base, head)
  let comments: Preview['comments'] = []
  if (event.pullRequest && settings.comment) {
    if (settings.token) comments = await postComments(environments, settings, event.pullRequest, event.fork ?? false, env, cancel)
    else log.info('preview: no token; not commenting (the diff is in the job summary)')
  }
  return { environments, comments }
}

/** The per-resource diff of each target: `renders` (the base) against `rendered` (the head). */
function environmentPreviews(
  edits: TargetEdit[],
  renders: Map<string, BaseRender>,
  rendered: Map<string, string>,
  base: string,
  head: string
): EnvironmentPreview[] {
  return edits.map((edit): EnvironmentPreview => {
    const { render, note } = renders.get(edit.target.dir) ?? { render: '' }
    const p: EnvironmentPreview = {
      environment: edit.environment,
      path: edit.target.rel,
      diff: diffRenders(render, rendered.get(edit.target.dir) ?? ''),
      base: base.slice(0, 7),
      head: head.slice(0, 7) + (edit.changed ? ' + this edit' : '')
    }
    if (note) p.note = note
    const { added, removed, changed, unchanged } = p.diff.counts
    log.info(`${oneLine(p.environment)}: ${changed} changed, ${added} added, ${removed} removed, ${unchanged} unchanged`)
    return p
  })
}
