/**
 * The cluster gets what the commit holds (DESIGN.md: apply exactly the pushed tree). Both checks
 * render from a temporary work tree of a commit, never from the checkout:
 * - `checkCheckout`, before anything is written: the checkout must render as HEAD plus the
 *   kustomization files this run commits. An uncommitted change, or a file git does not track,
 *   that a target reads would otherwise be diffed, preflighted and applied but never committed.
 * - `commitVerifier`, before a push onto a moved tip: the commit built there must render and,
 *   when applying, the cluster must take every target whose render changed with the tip.
 * What no commit of this repository holds is taken from the checkout, as `kubectl apply -k`
 * takes it: files git ignores are copied into the temporary tree (a `.env` that a
 * secretGenerator reads, written by an earlier step), and each submodule checked out here is
 * linked into it (`git worktree add` leaves submodules empty).
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { Cluster } from './apply.js'
import { removeOnCancel } from '../cancel.js'
import type { Git } from '../commit/git.js'
import type { VerifyCommit } from '../commit/push-loop.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import type { Target } from '../edit/targets.js'
import { errorMessage } from '../errors.js'
import type { Kubectl } from './kubectl.js'
import * as log from '../log.js'
import { mapLimit } from '../pool.js'
import { askDryRun, checkPreflight, refusePreflight } from './preflight.js'

/** at most this many ignored files are copied into a temporary tree */
const MAX_IGNORED = 1000
const short = (sha: string) => sha.slice(0, 7)

/** Render every target from a temporary work tree of `rev` (with `files` written over it); the tree is removed after. */
async function renderAt(git: Git, rev: string, files: { path: string; content: string }[], targets: Target[], kubectl: Kubectl): Promise<{ dirs: string[]; renders: (string | Error)[]; remove: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'kid-tree-'))
  const root = path.join(parent, 'tree')
  const removed = removeOnCancel(parent)
  const remove = async () => {
    await git.tryRemoveWorktree(root)
    await rm(parent, { recursive: true, force: true })
    removed()
  }
  try {
    await git.addWorktree(root, rev).catch((error: unknown) => {
      throw new Error(`commit: cannot check out ${short(rev)} into a temporary work tree to render it (${errorMessage(error)}); nothing was pushed`)
    })
    await copyIgnored(git, root)
    await linkSubmodules(git, root)
    for (const file of files) await writeFile(path.join(root, file.path), file.content)
    const dirs = await Promise.all(targets.map(async t => path.join(root, await git.repoPath(t.dir))))
    // kustomize names files by their path in the temporary tree: say them repository-relative
    const relative = (error: unknown) => new Error(errorMessage(error).split(`${root}${path.sep}`).join(''))
    const renders = await mapLimit(dirs, dir => kubectl.kustomize(dir).catch(relative))
    return { dirs, renders, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/** The checkout's ignored files (not whole ignored directories such as node_modules) into the tree. */
async function copyIgnored(git: Git, root: string): Promise<void> {
  const ignored = await git.ignoredFiles()
  if (ignored.length > MAX_IGNORED) log.info(`${ignored.length} files git ignores: only the first ${MAX_IGNORED} are rendered with the commit`)
  for (const file of ignored.slice(0, MAX_IGNORED)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await copyFile(path.join(git.root, file), path.join(root, file), constants.COPYFILE_EXCL).catch(() => undefined)
  }
}

/** Each submodule checked out here, linked into the tree in place of its empty directory. */
async function linkSubmodules(git: Git, root: string): Promise<void> {
  for (const sub of await git.submodules()) {
    const from = path.join(git.root, sub)
    if ((await readdir(from).catch(() => [])).length === 0) continue
    await rm(path.join(root, sub), { recursive: true, force: true })
    await mkdir(path.dirname(path.join(root, sub)), { recursive: true })
    await symlink(from, path.join(root, sub), 'dir')
  }
}

/** `a/web.yaml (uncommitted change), a/extra.yaml (not tracked)`, at most five named. */
function describeDirty(dirty: { path: string; tracked: boolean }[]): string {
  const named = dirty.slice(0, 5).map(d => `${d.path} (${d.tracked ? 'uncommitted change' : 'not tracked'})`)
  return named.join(', ') + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : '')
}

/**
 * Before anything is written: every target that rendered in the checkout (`recorded`) renders
 * the same at HEAD with this run's changed kustomization files as the checkout has them. Clean
 * checkouts (the usual CI case) cost one `git status`.
 */
export async function checkCheckout(git: Git, edits: TargetEdit[], recorded: Map<string, string>, kubectl: Kubectl): Promise<void> {
  const ours = new Set(await Promise.all(edits.filter(e => e.changed).map(e => git.repoPath(e.target.file))))
  const dirty = (await git.uncommitted()).filter(d => !ours.has(d.path))
  const head = await git.tryRevParse('HEAD')
  const checked = edits.filter(e => recorded.has(e.target.dir))
  if (dirty.length === 0 || !head || checked.length === 0) return
  const files = await Promise.all(edits.filter(e => e.changed).map(async e => ({ path: await git.repoPath(e.target.file), content: e.original })))
  const { renders, remove } = await renderAt(git, head, files, checked.map(e => e.target), kubectl)
  await remove()
  const where = `HEAD ${short(head)} plus its kustomization edit`
  const fix = 'commit or discard them before this step (nothing was written, pushed or applied)'
  checked.forEach((edit, i) => {
    const render = renders[i]
    if (render instanceof Error) throw new Error(`commit: ${edit.target.rel} does not render at ${where} (${render.message}): this checkout has ${describeDirty(dirty)}, which the commit would not hold; ${fix}`)
    if (render !== recorded.get(edit.target.dir)) {
      throw new Error(`commit: ${edit.target.rel} renders differently in this checkout than in the commit this run would push (${where}): ${describeDirty(dirty)} would be applied but not committed; ${fix}`)
    }
  })
  log.info(`this checkout has ${describeDirty(dirty)}; every target renders as the commit will hold it`)
}

/**
 * The check of a commit built on a moved tip: every target renders from the commit's tree; when
 * this run applies, each target whose render differs from `rendered` (what the preflight asked
 * about) is dry-run against the cluster from that tree. A failure publishes nothing; `stopped`
 * says, from the commit's description, what a refusal stopped.
 */
export function commitVerifier(cluster: Cluster | undefined, kubectl: Kubectl, targets: Target[], rendered: Map<string, string>, stopped: (where: string) => string): VerifyCommit {
  return async (git, commit) => {
    const where = `the commit built on '${commit.branch}' (${short(commit.sha)}, on ${short(commit.tip)})`
    const { dirs, renders, remove } = await renderAt(git, commit.sha, [], targets, kubectl)
    try {
      const broken = renders.findIndex(r => r instanceof Error)
      if (broken >= 0) throw new Error(`commit: ${targets[broken].rel} does not render at ${where}: ${(renders[broken] as Error).message}; nothing was pushed`)
      log.info(`every target renders at ${where}`)
      if (!cluster || cluster.settings.dryRun !== 'none') return
      const changed = targets.map((t, i) => ({ ...t, dir: dirs[i], render: renders[i] as string })).filter((t, i) => t.render !== rendered.get(targets[i].dir))
      if (changed.length === 0) return
      log.info(`${changed.map(t => t.rel).join(', ')}: ${where} renders otherwise than the preflight asked about: asking the cluster again`)
      const runs = await mapLimit(changed, t => askDryRun(cluster, t), Math.max(changed.length, 1))
      await refusePreflight(await checkPreflight(runs, new Map(changed.map(t => [t.dir, t.render])), cluster), cluster, stopped(where))
    } finally {
      await remove()
    }
  }
}
