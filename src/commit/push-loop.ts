/**
 * The push loop of the commit-back phase. Every attempt fetches the branch and builds the
 * commit on the tip just fetched (never on a stale local parent), from the files as that tip
 * has them with the same image edit applied, and pushes it with a lease on that tip: a branch
 * that moved or was rewound meanwhile refuses the push, and nothing another push removed comes
 * back. A rejected push is retried (jittered backoff); so is a network failure, a few times. A
 * push whose answer was lost is recognised on the next fetch: the tip holds the commit this run
 * built. Only after a push is the checkout moved onto the pushed commit, so a run that does not
 * push leaves no local commit behind.
 */
import * as log from '../log.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { writeAtomic } from '../edit/files.js'
import { DEFAULT_BACKOFF, retry } from '../retry.js'
import { deployChange, type Change } from './change.js'
import type { CommitFile, Git } from './git.js'
import type { CommitTarget } from './preconditions.js'
import { PushError, pushError } from './push-failure.js'
import type { RemoteBranch } from './remote-branch.js'
import { guardTargets, type GuardContext } from './stale-guard.js'

/** How often a network failure (refused, reset, timed out, 5xx) is retried. */
export const NETWORK_RETRIES = 3

export interface LoopResult {
  pushed: boolean
  commitSha: string
  stale: boolean
  refused?: string
  retries: number
  /** set when the checkout moved onto a newer tip: the edits as finally committed */
  edits?: TargetEdit[]
}

export interface LoopContext extends GuardContext {
  env: NodeJS.ProcessEnv
  branch: RemoteBranch
  target: CommitTarget
  /** how a built commit reaches the remote; default: pushed to `branch` with a lease on the tip */
  publish?: Publish
  /** checks a commit built on a moved tip before it is published; throws to publish nothing */
  verify?: VerifyCommit
  /** what the commit changes; default: the deploy's images edit */
  change?: Change
}

/**
 * The check of a commit built on a tip other than this checkout's (main.ts hands it in: the
 * commit's tree is rendered and, when applying, dry-run against the cluster).
 */
export type VerifyCommit = (git: Git, commit: { sha: string; tip: string; branch: string }) => Promise<void>

/** A commit this run built on `tip` (the fetched tip of `branch`), ready to publish. */
export interface BuiltCommit {
  sha: string
  tip: string | undefined
  files: CommitFile[]
  message: string
}

/** The commit that now holds the edit remotely, and whether this attempt put it there. */
export type Publish = (built: BuiltCommit) => Promise<{ sha: string; pushed: boolean }>

interface PushState {
  /** the edits as the edit phase wrote them */
  initial: TargetEdit[]
  /** repository-relative path of each target's file (symlinks resolved), by index */
  paths: string[]
  /** HEAD when the phase began */
  head: string | undefined
  /** commits this run built and tried to push, with the edits each holds */
  built: Map<string, TargetEdit[]>
  retries: number
  networkFailures: number
}

const short = (sha: string) => sha.slice(0, 7)

export async function pushLoop(ctx: LoopContext, initial: TargetEdit[]): Promise<LoopResult> {
  const { git } = ctx
  const paths = await Promise.all(initial.map(e => git.repoPath(e.target.file)))
  const state: PushState = { initial, paths, head: await git.tryRevParse('HEAD'), built: new Map(), retries: 0, networkFailures: 0 }
  return retry(attempt => pushAttempt(ctx, state, attempt), {
    ...DEFAULT_BACKOFF,
    retries: ctx.settings.commit.retries,
    retryable: error => retryable(state, error),
    onRetry: (n, delay, error) => {
      state.retries = n
      log.info(`retry ${n}/${ctx.settings.commit.retries} in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
}

/** A moved branch always; a network failure up to NETWORK_RETRIES times. */
function retryable(state: PushState, error: unknown): boolean {
  if (!(error instanceof PushError)) return false
  if (error.kind === 'rejected') return true
  return error.kind === 'transient' && state.networkFailures++ < NETWORK_RETRIES
}

/** One attempt: fetch, recognise a landed push, let the stale guard judge, build on the tip, push. */
async function pushAttempt(ctx: LoopContext, state: PushState, attempt: number): Promise<LoopResult> {
  const { git, branch } = ctx
  log.info(`attempt ${attempt + 1}: fetching '${branch.name}'`)
  const tip = await branch.fetchTip()
  const change = ctx.change ?? deployChange(ctx.settings, ctx.env)
  if (tip) {
    const landed = await landedEarlier(ctx, state, tip)
    if (landed) return landed
    const refused = change.guarded ? (await guardTargets(ctx, branch, guarded(state))).find(v => v.refuse) : undefined
    if (refused) {
      await discard(state)
      return { pushed: false, commitSha: '', stale: true, refused: refused.warning, retries: state.retries }
    }
  }
  const base = tip ?? state.head
  if (!base) throw new Error(`commit: the repository at ${git.root} has no commit yet and branch '${branch.name}' does not exist on the remote`)
  const moved = base !== state.head
  if (moved) log.info(`'${branch.name}' is at ${short(base)}, not at this checkout's ${state.head ? short(state.head) : '(no commit)'}: applying the edit to its files`)
  const edits = await editsAt(ctx, state, base, change)
  if (!edits.some(e => e.changed)) return alreadyThere(ctx, state, tip, edits)
  if (moved) await checkMovable(ctx, state, base)
  const built = { tip, files: files(state, edits, base), message: change.message(edits, changedPaths(state, edits)) }
  const sha = await git.writeCommit(base, built.files, built.message)
  if (moved && ctx.verify) await ctx.verify(git, { sha, tip: base, branch: branch.name })
  state.built.set(sha, edits)
  const published = await (ctx.publish ?? (commit => pushToBranch(ctx, commit)))({ sha, ...built })
  await moveTo(ctx, state, published.sha)
  log.info(`${published.pushed ? (ctx.publish ? 'published' : 'pushed') : 'found'} ${published.sha}${ctx.publish ? '' : ` to '${branch.name}'`} after ${state.retries} retries`)
  return { pushed: published.pushed, commitSha: published.sha, stale: false, retries: state.retries, ...(moved ? { edits } : {}) }
}

/** The default publish step: push the commit to the branch with a lease on the tip it was built on. */
async function pushToBranch(ctx: LoopContext, built: BuiltCommit): Promise<{ sha: string; pushed: boolean }> {
  const { git, branch } = ctx
  const result = await git.tryPush(branch.remote, built.sha, branch.name, built.tip ?? '')
  if (result.code !== 0) throw pushError('push', branch.url, branch.name, `${result.stderr}\n${result.stdout}`)
  return { sha: built.sha, pushed: true }
}

/** The tip holds a commit this run built: an earlier push landed although its answer was lost. */
async function landedEarlier(ctx: LoopContext, state: PushState, tip: string): Promise<LoopResult | undefined> {
  for (const [sha, edits] of state.built) {
    if (sha !== tip && !(await ctx.git.tryIsAncestor(sha, tip))) continue
    log.info(`'${ctx.branch.name}' holds ${short(sha)}, the commit this run pushed: the push landed although its answer was lost`)
    await moveTo(ctx, state, sha)
    return { pushed: true, commitSha: sha, stale: false, retries: state.retries, ...(state.head !== (await parentOf(ctx.git, sha)) ? { edits } : {}) }
  }
  return undefined
}

async function parentOf(git: Git, sha: string): Promise<string | undefined> {
  return git.tryRevParse(`${sha}^`)
}

/** Nothing to commit on `tip`: it already holds this edit. */
async function alreadyThere(ctx: LoopContext, state: PushState, tip: string | undefined, edits: TargetEdit[]): Promise<LoopResult> {
  const wrote = state.initial.some(e => e.changed)
  if (!tip) {
    log.info(`branch '${ctx.branch.name}' does not exist on the remote and nothing changed: nothing to push`)
    return { pushed: false, commitSha: '', stale: false, retries: state.retries }
  }
  log.info(`${short(tip)} on '${ctx.branch.name}' already holds this edit: nothing to push`)
  if (!wrote) return { pushed: false, commitSha: tip, stale: false, retries: state.retries }
  if (tip !== state.head) await checkMovable(ctx, state, tip)
  await moveTo(ctx, state, tip)
  return { pushed: false, commitSha: tip, stale: false, retries: state.retries, edits }
}

/**
 * The same change (the image edit) on each target's file as `base` has it. Where the branch did not change
 * a file since this checkout, the file as written here is committed (uncommitted changes in it
 * included, as `git commit` of the file would). Where it did, the edit is applied to the
 * branch's version, unless the file also had uncommitted changes here: that is a conflict.
 */
async function editsAt(ctx: LoopContext, state: PushState, base: string, change: Change): Promise<TargetEdit[]> {
  const { git } = ctx
  if (base === state.head) return state.initial
  return Promise.all(
    state.initial.map(async (edit, i) => {
      const file = state.paths[i]
      const baseId = await git.tryBlobId(base, file)
      const headId = state.head ? await git.tryBlobId(state.head, file) : undefined
      if (baseId === undefined) {
        if (headId === undefined) return edit
        throw new Error(`commit: ${file} was removed from branch '${ctx.branch.name}' (now at ${short(base)}) since this checkout; not re-creating it`)
      }
      if (baseId === headId) return edit
      if ((await git.blobId(edit.original, file)) !== headId) {
        throw new Error(
          `commit: ${file} has uncommitted changes here and branch '${ctx.branch.name}' changed it since ${short(state.head ?? '')} (now at ${short(base)}); ` +
            `commit or discard them before this step (nothing was pushed)`
        )
      }
      const atBase = (await git.tryReadFile(base, file)) ?? ''
      const result = change.remake(atBase, edit)
      return { ...edit, original: atBase, content: result.content, changed: result.changed, before: result.before, after: result.after }
    })
  )
}

function files(state: PushState, edits: TargetEdit[], base: string): CommitFile[] {
  const out: CommitFile[] = []
  edits.forEach((edit, i) => {
    if (!edit.changed) return
    const stored = base !== state.head && edit !== state.initial[i]
    out.push({ path: state.paths[i], content: edit.content, worktreeForm: !stored })
  })
  return out
}

/** The targets the stale guard checks: those this run changed, or all when it changed none here. */
function guarded(state: PushState): string[] {
  const changed = changedPaths(state, state.initial)
  return changed.length > 0 ? changed : state.paths
}

function changedPaths(state: PushState, edits: TargetEdit[]): string[] {
  return state.paths.filter((_, i) => edits[i].changed)
}

/**
 * The checkout can be moved onto `base` without losing anything: no uncommitted change here
 * (other than this run's edit) to a file the branch changed since this checkout.
 */
async function checkMovable(ctx: LoopContext, state: PushState, base: string): Promise<void> {
  if (!state.head) return
  const ours = new Set(state.paths)
  const dirty = (await ctx.git.dirtyPaths()).filter(p => !ours.has(p))
  if (dirty.length === 0) return
  const upstream = new Set(await ctx.git.changedPaths(state.head, base))
  const conflicts = dirty.filter(p => upstream.has(p))
  if (conflicts.length === 0) return
  const list = conflicts.slice(0, 5).join(', ') + (conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '')
  throw new Error(
    `commit: cannot move this checkout onto '${ctx.branch.name}' (${short(base)}): ${list} ${conflicts.length === 1 ? 'has' : 'have'} uncommitted changes here ` +
      `and the branch changed ${conflicts.length === 1 ? 'it' : 'them'} since ${short(state.head)}; commit or discard them before this step (nothing was pushed)`
  )
}

/** Put the checkout on `sha`: this run's written files back to HEAD's, then HEAD (and its branch) to `sha`. */
async function moveTo(ctx: LoopContext, state: PushState, sha: string): Promise<void> {
  const { git, target } = ctx
  if (sha === state.head) return
  const written = changedPaths(state, state.initial)
  await git.restoreOrRemove(written)
  if (target.detach) await git.detach()
  await git.resetKeep(sha)
}

/** A refused run leaves the files as they were before it. */
async function discard(state: PushState): Promise<void> {
  for (const edit of state.initial.filter(e => e.changed)) await writeAtomic(edit.target.file, edit.original)
}
