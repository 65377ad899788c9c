/**
 * The commit-back phase (DESIGN.md step 5): one commit of the changed kustomization files,
 * pushed without force. A rejected push fetches the branch, moves onto its tip, re-applies the
 * same edit to the fresh files, commits again and retries with jittered backoff. Before every
 * push the stale guard may refuse. Push failures throw, so nothing is applied after them.
 * The publish step is `git push`, or with `sign-commits` GitHub's createCommitOnBranch
 * (signed-commit.ts); `commit: pull-request` runs the same edit, guard and rebuild against the
 * base branch and publishes to a deploy branch (pull-request-mode.ts).
 */
import * as core from '@actions/core'
import { readFile, realpath } from 'node:fs/promises'
import * as path from 'node:path'
import { checkTemplate, describeImages, renderMessage } from './commit-message.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { InputError } from '../errors.js'
import { compareCommits, githubApi, type GitHubApi } from '../github/github-api.js'
import { writeAtomic } from '../edit/files.js'
import { configureAuth, describeAuth, type AuthSource } from './git-auth.js'
import { Git } from './git.js'
import { DEFAULT_AUTHOR, parseAuthor, type Settings } from '../inputs.js'
import { editImages } from '../edit/kustomization.js'
import { mapLimit } from '../pool.js'
import { PushError, pushError } from './push-failure.js'
import { pullRequestMode, type PullRequestResult } from './pull-request-mode.js'
import { resolveRepository } from '../github/repository.js'
import { publishSigned, type SignedTarget } from './signed-commit.js'
import { RemoteBranch } from './remote-branch.js'
import { DEFAULT_BACKOFF, retry } from '../retry.js'
import { guardTargets, type CompareFn, type GuardContext } from './stale-guard.js'
import { formatTrailers } from './trailers.js'

export interface CommitResult {
  pushed: boolean
  /** the commit that holds the deployed state on the branch ('' when skipped or stale) */
  commitSha: string
  stale: boolean
  /** commit disabled or nothing changed */
  skipped: boolean
  /** why the push was refused (the stale guard's warning) */
  refused?: string
  branch?: string
  retries: number
  /** set only when the edit was re-applied to a fresh tip: the edits as finally committed */
  edits?: TargetEdit[]
  /** pull-request mode: the pull request opened or updated */
  pullRequest?: PullRequestResult
}

export interface CommitOptions {
  compare?: CompareFn
  env?: NodeJS.ProcessEnv
}

const DEFAULT_IDENTITY = parseAuthor(DEFAULT_AUTHOR)

const skip = (why: string): CommitResult => {
  core.info(why)
  return { pushed: false, commitSha: '', stale: false, skipped: true, retries: 0 }
}

export async function commitBack(settings: Settings, edits: TargetEdit[], options: CommitOptions = {}): Promise<CommitResult> {
  if (!settings.commit.enabled) return skip('commit is false: not committing')
  if (!edits.some(e => e.changed)) {
    if (settings.commit.mode !== 'pull-request') return skip('nothing changed: no commit, no push')
    return { ...skip('nothing changed: the checkout already holds this edit; no deploy branch pushed, no pull request touched'), pullRequest: { number: 0, url: '', operation: 'unchanged' } }
  }
  checkTemplate(settings.commit.message)
  const env = options.env ?? process.env
  const git = await openRepository(edits, settings.commit.author)
  const remote = await pickRemote(git)
  const url = await git.remoteUrl(remote)
  const pullRequest = settings.commit.mode === 'pull-request'
  const branch = await resolveBranch(git, settings.commit.branch, settings.workspace, env)
  core.info(`repository ${git.root}, ${pullRequest ? 'opening a pull request into' : 'pushing to'} branch '${branch}' of remote '${remote}'`)
  try {
    const auth = await configureAuth(git, url, settings.token)
    const compare = options.compare ?? apiCompare(settings.token, env)
    const signed = settings.commit.sign ? await signedTarget(git, url, settings, env) : undefined
    const context: Context = { git, settings, env, compare, said: new Set<string>(), branch: new RemoteBranch(git, remote, url, branch), signed }
    if (pullRequest) {
      await git.detach()
      return await withAuthHint(auth, () => pullRequestMode(context, edits, { rebaseOnto, message, repoPaths, api: () => api(context) }))
    }
    return await withAuthHint(auth, () => pushLoop(context, edits))
  } finally {
    git.clearEnvConfig()
  }
}

/** A git authentication failure says which credential git used. */
async function withAuthHint<T>(auth: AuthSource, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof PushError && error.kind === 'auth' && !/ using /.test(error.message)) {
      throw new PushError('auth', `${error.message} (git used ${describeAuth(auth)})`)
    }
    throw error
  }
}

/** With `sign-commits`: the API client and the repository the remote is on GitHub. */
async function signedTarget(git: Git, url: string, settings: Settings, env: NodeJS.ProcessEnv): Promise<SignedTarget> {
  if (!settings.token) throw new InputError('token', '', "a token when 'sign-commits' is true", 'GitHub creates the commit through its API')
  const given = settings.commit.author
  if (given.name !== DEFAULT_IDENTITY.name || given.email !== DEFAULT_IDENTITY.email) {
    core.warning(`commit-author '${given.name} <${given.email}>' cannot apply with sign-commits: GitHub sets the author (the token's user) and the committer (GitHub)`)
  }
  const workspace = await realpath(settings.workspace).catch(() => settings.workspace)
  const repo = resolveRepository(url, git.root === workspace, env)
  return { api: await githubApi(settings.token, env), repo, token: settings.token, env }
}

async function api(ctx: Context): Promise<GitHubApi> {
  return ctx.signed?.api ?? githubApi(ctx.settings.token, ctx.env)
}

/** GitHub's compare endpoint, on a runner (GITHUB_API_URL set) with a token. */
function apiCompare(token: string, env: NodeJS.ProcessEnv): CompareFn | undefined {
  if (!token || !env.GITHUB_API_URL) return undefined
  const api = githubApi(token, env)
  return async (repository, base, head) => compareCommits(await api, repository, base, head)
}

/** The one repository holding every changed target (a config repo may sit in a subfolder). */
async function openRepository(edits: TargetEdit[], author: Settings['commit']['author']): Promise<Git> {
  const changed = edits.filter(e => e.changed)
  const repos = await mapLimit(changed, e => Git.open(e.target.dir, author))
  const roots = [...new Set(repos.map(r => r.root))]
  if (roots.length > 1) {
    throw new InputError('path', changed.map(e => e.target.rel).join(', '), 'targets in one git repository', `they lie in ${roots.join(' and ')}`)
  }
  return repos[0]
}

async function pickRemote(git: Git): Promise<string> {
  const remotes = await git.remotes()
  if (remotes.includes('origin')) return 'origin'
  if (remotes.length === 1) return remotes[0]
  throw new Error(`the repository at ${git.root} has ${remotes.length === 0 ? 'no remote' : `several remotes and none named origin (${remotes.join(', ')})`} to push to`)
}

/** The `branch` input, else the checked-out branch, else the branch this workflow builds. */
async function resolveBranch(git: Git, input: string, workspace: string, env: NodeJS.ProcessEnv): Promise<string> {
  const explicit = input.replace(/^refs\/heads\//, '')
  if (explicit) {
    if (!(await git.isValidBranchName(explicit))) throw new InputError('branch', input, 'a branch name such as main or deploy/prod')
    const current = await git.currentBranch()
    if (current && current !== explicit) await git.detach()
    return explicit
  }
  const current = await git.currentBranch()
  if (current) return current
  const ref = env.GITHUB_REF ?? ''
  if (git.root === (await realpath(workspace).catch(() => workspace)) && ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  throw new InputError('branch', input, 'the branch to push to', `${git.root} is checked out at a detached HEAD (a tag or a pull-request merge)`)
}

export interface Context extends GuardContext {
  env: NodeJS.ProcessEnv
  branch: RemoteBranch
  /** set with sign-commits: commits are created by GitHub's API, never pushed */
  signed?: SignedTarget
}

/** What the attempts share: the edits as last applied, the commit they sit on, counters. */
export interface PushState {
  edits: TargetEdit[]
  parent: string | undefined
  /** the target paths the stale guard checks (those the first edit changed) */
  guarded: string[]
  rebases: number
  retries: number
}

async function pushLoop(ctx: Context, initial: TargetEdit[]): Promise<CommitResult> {
  const { git } = ctx
  const state: PushState = { edits: initial, parent: await git.tryRevParse('HEAD'), guarded: repoPaths(git, initial), rebases: 0, retries: 0 }
  await git.commit(message(ctx, initial), repoPaths(git, initial))
  if (ctx.signed && !state.parent) throw new Error(`${git.root} has no commit to build on`)
  return retry(attempt => pushAttempt(ctx, state, attempt), {
    ...DEFAULT_BACKOFF,
    retries: ctx.settings.commit.retries,
    retryable: error => error instanceof PushError && (error.kind === 'rejected' || error.kind === 'transient'),
    onRetry: (n, delay, error) => {
      state.retries = n
      core.info(`retry ${n}/${ctx.settings.commit.retries} in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
}

/** One attempt: fetch, let the stale guard judge, move onto a moved tip, push. */
async function pushAttempt(ctx: Context, state: PushState, attempt: number): Promise<CommitResult> {
  const { git, branch } = ctx
  core.info(`attempt ${attempt + 1}: fetching '${branch.name}'`)
  const tip = await branch.fetchTip()
  if (tip) {
    const refused = (await guardTargets(ctx, branch, state.guarded)).find(v => v.refuse)
    if (refused) return { pushed: false, commitSha: '', stale: true, skipped: false, refused: refused.warning, branch: branch.name, retries: state.retries }
  }
  // an API commit goes exactly on the fetched tip; a push may carry local commits the tip lacks
  if (tip && tip !== state.parent && (ctx.signed || !(state.parent && (await git.tryIsAncestor(tip, state.parent))))) {
    const landed = await rebaseOnto(ctx, state, tip)
    if (landed) return landed
  }
  const sha = await publish(ctx, state, tip)
  core.info(`${ctx.signed ? 'committed' : 'pushed'} ${sha} to '${branch.name}' after ${state.retries} retries (${state.rebases} rebases)`)
  const rebased = state.rebases > 0 ? { edits: state.edits } : {}
  return { pushed: true, commitSha: sha, stale: false, skipped: false, branch: branch.name, retries: state.retries, ...rebased }
}

/** The publish step: `git push`, or GitHub's createCommitOnBranch on the fetched tip. */
async function publish(ctx: Context, state: PushState, tip: string | undefined): Promise<string> {
  const { git, branch } = ctx
  if (ctx.signed) {
    if (!tip) throw new Error(`branch '${branch.name}' does not exist at ${branch.url}: createCommitOnBranch commits only to an existing branch`)
    const paths = repoPaths(git, state.edits)
    const files = state.edits.filter(e => e.changed).map((e, i) => ({ path: paths[i], contents: e.content }))
    return publishSigned(ctx.signed, { git, branch, expectedHead: tip, message: message(ctx, state.edits), files })
  }
  const result = await git.tryPush(branch.remote, 'HEAD', branch.name)
  if (result.code !== 0) throw pushError('push', branch.url, branch.name, result.stderr + '\n' + result.stdout)
  return (await git.tryRevParse('HEAD')) ?? ''
}

/**
 * The branch moved: reset onto its tip, re-apply the edit to the fresh files and commit again.
 * A result (nothing to push) when the tip already has the edit, else undefined.
 */
export async function rebaseOnto(ctx: Context, state: PushState, tip: string): Promise<CommitResult | undefined> {
  const { git, branch } = ctx
  state.rebases++
  core.info(`'${branch.name}' moved to ${tip.slice(0, 7)}: re-applying the edit to its files`)
  await git.resetKeep(tip)
  state.parent = tip
  state.edits = await reapply(state.edits, ctx.settings)
  if (!state.edits.some(e => e.changed)) {
    core.info(`${tip.slice(0, 7)} already has the edit: nothing to push`)
    return { pushed: false, commitSha: tip, stale: false, skipped: false, branch: branch.name, retries: state.retries, edits: state.edits }
  }
  await git.commit(message(ctx, state.edits), repoPaths(git, state.edits))
  return undefined
}

/** The same image edit, on the files as they are now (the fresh tip's). */
async function reapply(edits: TargetEdit[], settings: Settings): Promise<TargetEdit[]> {
  return Promise.all(
    edits.map(async edit => {
      const original = await readFile(edit.target.file, 'utf8')
      const result = editImages(original, settings.images, edit.target.fileRel)
      if (result.changed) await writeAtomic(edit.target.file, result.content)
      return { ...edit, original, content: result.content, changed: result.changed, before: result.before, after: result.after }
    })
  )
}

export function repoPaths(git: Git, edits: TargetEdit[]): string[] {
  return edits.filter(e => e.changed).map(e => path.relative(git.root, e.target.file).split(path.sep).join('/'))
}

export function message(ctx: Context, edits: TargetEdit[]): string {
  const { settings, env } = ctx
  const changed = edits.filter(e => e.changed)
  const environment = settings.environment || [...new Set(changed.map(e => e.environment))].join(', ')
  const source = settings.commit.sourceCommit
  const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT || '1'}` : ''
  const trailers = formatTrailers({
    source,
    sourceRepository: settings.commit.sourceRepository,
    run,
    environment,
    paths: repoPaths(ctx.git, edits),
    images: settings.images.map(s => s.arg)
  })
  const values = {
    environment,
    images: describeImages(edits),
    paths: changed.map(e => e.target.rel).join(', '),
    source,
    'source-short': source.slice(0, 7)
  }
  return renderMessage(settings.commit.message, values, settings.commit.skipCi, trailers)
}
