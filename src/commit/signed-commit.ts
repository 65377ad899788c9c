/**
 * Publishing a commit through GitHub's GraphQL `createCommitOnBranch` instead of `git push`
 * (`sign-commits: true`): GitHub creates and signs the commit on the branch head the run fetched
 * (`expectedHeadOid`, the optimistic lock). A moved head is a `rejected` PushError, so the push
 * loop re-fetches, re-applies the edit and retries exactly as after a rejected push. The commit
 * is fetched afterwards, and the loop moves the checkout to exactly it, so apply uses the tree
 * GitHub recorded. When the answer is lost, the branch tip is examined: this run's commit there
 * is reported as pushed, as it is.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { realpath } from 'node:fs/promises'
import { errorMessage, InputError } from '../errors.js'
import { apiStatus, githubApi, type GitHubApi, type RepoRef } from '../github/github-api.js'
import { createCommitOnBranch, graphqlErrors, isMovedHead } from '../github/graphql.js'
import { deniedMessage, describeToken, isForkPullRequest } from '../github/permission-error.js'
import { fullName, resolveRepository } from '../github/repository.js'
import { DEFAULT_AUTHOR, type Settings } from '../inputs.js'
import { parseAuthor } from '../input-values.js'
import type { CommitFile, Git } from './git.js'
import { PushError } from './push-failure.js'
import type { BuiltCommit, LoopContext, Publish } from './push-loop.js'
import type { RemoteBranch } from './remote-branch.js'

export interface SignedTarget {
  api: GitHubApi
  repo: RepoRef
  token: string
  env: NodeJS.ProcessEnv
}

export interface SignedCommit {
  git: Git
  branch: RemoteBranch
  /** the commit this run built locally (same parent, files and message) */
  built: BuiltCommit
  /** the head the commit goes on (what the run fetched) */
  expectedHead: string
}

const DEFAULT_IDENTITY = parseAuthor(DEFAULT_AUTHOR)

/** With `sign-commits`: the API client and the repository the remote is on GitHub. */
export async function signedTarget(git: Git, url: string, settings: Settings, env: NodeJS.ProcessEnv): Promise<SignedTarget> {
  if (!settings.token) throw new InputError('token', '', "a token when 'sign-commits' is true", 'GitHub creates the commit through its API')
  const given = settings.commit.author
  if (given.name !== DEFAULT_IDENTITY.name || given.email !== DEFAULT_IDENTITY.email) {
    core.warning(`commit-author '${given.name} <${given.email}>' cannot apply with sign-commits: GitHub sets the author (the token's user) and the committer (GitHub)`)
  }
  const workspace = await realpath(settings.workspace).catch(() => settings.workspace)
  const repo = resolveRepository(url, git.root === workspace, env)
  return { api: await githubApi(settings.token, env), repo, token: settings.token, env }
}

/** The publish step of the push loop for `commit: true` with `sign-commits`. */
export function signedPublish(ctx: LoopContext, target: SignedTarget): Publish {
  return async built => {
    if (!built.tip) throw new Error(`branch '${ctx.branch.name}' does not exist at ${ctx.branch.url}: createCommitOnBranch commits only to an existing branch`)
    const sha = await publishSigned(target, { git: ctx.git, branch: ctx.branch, built, expectedHead: built.tip })
    return { sha, pushed: true }
  }
}

/** The files as the built commit stores them (after any clean filter), for the API. */
async function storedFiles(git: Git, sha: string, files: CommitFile[]): Promise<{ path: string; contents: string }[]> {
  return Promise.all(files.map(async f => ({ path: f.path, contents: (await git.tryReadFile(sha, f.path)) ?? f.content })))
}

/** The classified error of a failed mutation (retryable only when the head moved or the network failed). */
export function mutationError(error: unknown, what: string, target: SignedTarget, permission: 'contents: write' | 'pull-requests: write'): PushError {
  if (isMovedHead(error)) return new PushError('rejected', `${what} was rejected because the branch moved (${graphqlErrors(error)[0]?.message})`)
  const status = apiStatus(error)
  const forbidden = graphqlErrors(error).find(e => e.type === 'FORBIDDEN')
  if (status === 401 || status === 403 || forbidden) {
    const detail = forbidden?.message ?? errorMessage(error)
    return new PushError('auth', deniedMessage({ operation: what, status: status ?? 403, detail, token: describeToken(target.token), permission, fork: isForkPullRequest(target.env) }))
  }
  if (status === undefined && graphqlErrors(error).length === 0) return new PushError('transient', `${what} failed on the network (${errorMessage(error)})`)
  if (status !== undefined && status >= 500) return new PushError('transient', `${what} failed (HTTP ${status}: ${errorMessage(error)})`)
  return new PushError('other', `${what} failed: ${errorMessage(error)}`)
}

/** Create the commit through the API and fetch it; its id. */
export async function publishSigned(target: SignedTarget, commit: SignedCommit): Promise<string> {
  const { git, branch, built } = commit
  const what = `createCommitOnBranch on '${branch.name}' of ${fullName(target.repo)}`
  const additions = await storedFiles(git, built.sha, built.files)
  let created: { oid: string; url: string }
  try {
    created = await createCommitOnBranch(target.api, { repo: target.repo, branch: branch.name, expectedHeadOid: commit.expectedHead, message: built.message, additions })
  } catch (error) {
    const failure = mutationError(error, what, target, 'contents: write')
    // a lost answer shows as a network error or 5xx, or, once the client retried it, as a moved head
    const landed = failure.kind === 'transient' || failure.kind === 'rejected' ? await landedAnyway(commit) : undefined
    if (!landed) throw failure
    log.info(`the answer to createCommitOnBranch was lost, but the branch tip ${landed} is this run's commit (${failure.message})`)
    created = { oid: landed, url: '' }
  }
  if (created.url) log.info(`GitHub created ${created.oid} on '${branch.name}' (signed by GitHub): ${created.url}`)
  await branch.fetchTip()
  if (!(await git.hasCommit(created.oid))) await git.fetchCommit(branch.remote, created.oid, await git.isShallow())
  if ((await git.tryTree(created.oid)) !== (await git.tryTree(built.sha))) {
    core.warning(`the tree GitHub recorded in ${created.oid} differs from the one this run built; the checkout follows GitHub's`)
  }
  return created.oid
}

/**
 * A network failure or 5xx may come after GitHub created the commit (the answer was lost; a
 * retry of the request then meets the head that commit moved). The
 * branch tip is this run's commit when it sits on the expected head with the tree and the
 * message this run built (the message's trailers name the run and its attempt).
 */
async function landedAnyway(commit: SignedCommit): Promise<string | undefined> {
  const { git, branch, built } = commit
  const tip = await branch.fetchTip().catch(() => undefined)
  if (!tip || tip === commit.expectedHead) return undefined
  const [parent, tree, builtTree, [logged]] = await Promise.all([git.tryRevParse(`${tip}^`), git.tryTree(tip), git.tryTree(built.sha), git.log(tip, [], 1)])
  return parent === commit.expectedHead && tree === builtTree && logged?.message.trim() === built.message.trim() ? tip : undefined
}
