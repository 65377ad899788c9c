/**
 * `commit: pull-request`: the same edit, stale guard and rebuild as a direct commit, but
 * against the base branch, published to a deploy branch the action owns. Each attempt rebuilds
 * the deploy branch as exactly one commit on the fetched base tip and replaces it with
 * `--force-with-lease` on the value it read (a concurrent update makes the attempt fail as
 * `rejected`: re-read, rebuild, retry). With `sign-commits` the branch is created or reset
 * through the refs API and the commit is created by GitHub. Then one pull request per deploy
 * branch is opened or updated in place (pull-request-open.ts). Nothing else is force-pushed.
 */
import * as core from '@actions/core'
import { realpath } from 'node:fs/promises'
import type { CommitResult, Context, PushState } from './commit-back.js'
import { renderMessage, describeImages } from './commit-message.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { InputError } from '../errors.js'
import { apiStatus, type GitHubApi, type RepoRef } from '../github/github-api.js'
import { setBranch } from '../github/pull-requests.js'
import { resolveRepository } from '../github/repository.js'
import type { Git } from './git.js'
import { openOrUpdate, type PullRequestResult } from './pull-request-open.js'
import { PushError, pushError } from './push-failure.js'
import { RemoteBranch } from './remote-branch.js'
import { DEFAULT_BACKOFF, retry } from '../retry.js'
import { mutationError, publishSigned } from './signed-commit.js'
import { guardTargets } from './stale-guard.js'

export type { PullRequestResult } from './pull-request-open.js'

export interface Hooks {
  rebaseOnto(ctx: Context, state: PushState, tip: string): Promise<CommitResult | undefined>
  message(ctx: Context, edits: TargetEdit[]): string
  repoPaths(git: Git, edits: TargetEdit[]): string[]
  api(): Promise<GitHubApi>
}

type Built =
  | { kind: 'stale'; refused?: string }
  | { kind: 'unchanged'; baseTip: string }
  | { kind: 'built'; baseTip: string; sha: string; pushed: boolean }

/** The deploy branch name: the template filled in, characters a ref cannot hold turned into '-'. */
export function deployBranchName(template: string, environment: string, edits: TargetEdit[], source: string): string {
  const changed = edits.filter(e => e.changed)
  const values = { environment, images: describeImages(edits), paths: changed.map(e => e.target.rel).join('-'), source, 'source-short': source.slice(0, 7) }
  const filled = renderMessage(template, values, false, []).trim()
  return filled.replace(/[\s~^:?*[\\]+/g, '-').replace(/\.\.+/g, '.').replace(/\/{2,}/g, '/')
}

async function deployBranch(ctx: Context, edits: TargetEdit[]): Promise<string> {
  const { settings } = ctx
  const environment = settings.environment || [...new Set(edits.filter(e => e.changed).map(e => e.environment))].join('-')
  const name = deployBranchName(settings.commit.pullRequest.branch, environment, edits, settings.commit.sourceCommit)
  if (!(await ctx.git.isValidBranchName(name))) {
    throw new InputError('pull-request-branch', settings.commit.pullRequest.branch, 'a branch name template such as deploy/{environment}', `it gives '${name}', which is not a valid branch name`)
  }
  if (name === ctx.branch.name) throw new InputError('pull-request-branch', name, `a branch other than the base branch '${ctx.branch.name}'`)
  return name
}

export async function pullRequestMode(ctx: Context, initial: TargetEdit[], hooks: Hooks): Promise<CommitResult> {
  const { git, settings, env } = ctx
  const deploy = new RemoteBranch(git, ctx.branch.remote, ctx.branch.url, await deployBranch(ctx, initial))
  const workspace = await realpath(settings.workspace).catch(() => settings.workspace)
  const repo = resolveRepository(ctx.branch.url, git.root === workspace, env)
  core.info(`deploy branch '${deploy.name}', pull request into '${ctx.branch.name}' of ${repo.owner}/${repo.repo}`)
  const state: PushState = { edits: initial, parent: await git.tryRevParse('HEAD'), guarded: hooks.repoPaths(git, initial), rebases: 0, retries: 0 }
  await git.commit(hooks.message(ctx, initial), hooks.repoPaths(git, initial))
  const built = await retry(attempt => rebuild(ctx, hooks, state, deploy, repo, attempt), {
    ...DEFAULT_BACKOFF,
    retries: settings.commit.retries,
    retryable: error => error instanceof PushError && (error.kind === 'rejected' || error.kind === 'transient'),
    onRetry: (n, delay, error) => {
      state.retries = n
      core.info(`retry ${n}/${settings.commit.retries} in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
  const common = { stale: false, skipped: false, branch: deploy.name, retries: state.retries, ...(state.rebases > 0 ? { edits: state.edits } : {}) }
  if (built.kind === 'stale') return { ...common, pushed: false, commitSha: '', stale: true, refused: built.refused, branch: ctx.branch.name }
  const api = await hooks.api()
  const title = hooks.message(ctx, state.edits).split('\n')[0].trim()
  const pullRequest = await openOrUpdate(ctx, api, repo, {
    deploy: deploy.name,
    baseTip: built.baseTip,
    title,
    message: hooks.message(ctx, state.edits),
    edits: state.edits,
    unchanged: built.kind === 'unchanged'
  })
  if (built.kind === 'unchanged') return { ...common, pushed: false, commitSha: built.baseTip, branch: ctx.branch.name, pullRequest }
  return { ...common, pushed: built.pushed, commitSha: built.sha, pullRequest }
}

/** One attempt: fetch the base, guard, rebuild on its tip, replace the deploy branch. */
async function rebuild(ctx: Context, hooks: Hooks, state: PushState, deploy: RemoteBranch, repo: RepoRef, attempt: number): Promise<Built> {
  const { git, branch: base } = ctx
  core.info(`attempt ${attempt + 1}: fetching '${base.name}'`)
  const baseTip = await base.fetchTip()
  if (!baseTip) throw new Error(`the base branch '${base.name}' does not exist at ${base.url.replace(/\/\/[^/@]*@/, '//')}`)
  const refused = (await guardTargets(ctx, base, state.guarded)).find(v => v.refuse)
  if (refused) return { kind: 'stale', refused: refused.warning }
  if (baseTip !== state.parent && (await hooks.rebaseOnto(ctx, state, baseTip))) {
    core.info(`'${base.name}' already holds this edit: no deploy branch pushed`)
    return { kind: 'unchanged', baseTip }
  }
  const head = (await git.tryRevParse('HEAD'))!
  const deployTip = await deploy.fetchTip()
  if (deployTip && (await git.tryRevParse(`${deployTip}^`)) === baseTip && (await git.tryTree(deployTip)) === (await git.tryTree(head))) {
    core.info(`'${deploy.name}' already holds this edit on ${baseTip.slice(0, 7)}: nothing to push`)
    await git.resetKeep(deployTip)
    return { kind: 'built', baseTip, sha: deployTip, pushed: false }
  }
  if (ctx.signed) {
    try {
      await setBranch(ctx.signed.api, repo, deploy.name, baseTip, deployTip !== undefined)
    } catch (error) {
      const what = `${deployTip ? 'resetting' : 'creating'} '${deploy.name}' through the refs API`
      throw apiStatus(error) === 422 ? new PushError('rejected', `${what} failed: the branch changed meanwhile`) : mutationError(error, what, ctx.signed, 'contents: write')
    }
    const paths = hooks.repoPaths(git, state.edits)
    const files = state.edits.filter(e => e.changed).map((e, i) => ({ path: paths[i], contents: e.content }))
    const sha = await publishSigned(ctx.signed, { git, branch: deploy, expectedHead: baseTip, message: hooks.message(ctx, state.edits), files })
    return { kind: 'built', baseTip, sha, pushed: true }
  }
  const result = await git.tryPushLeased(deploy.remote, 'HEAD', deploy.name, deployTip ?? '')
  if (result.code !== 0) throw pushError('push', deploy.url, deploy.name, result.stderr + '\n' + result.stdout)
  core.info(`pushed ${head} to '${deploy.name}' (one commit on ${baseTip.slice(0, 7)}, replacing ${deployTip ? deployTip.slice(0, 7) : 'nothing'})`)
  return { kind: 'built', baseTip, sha: head, pushed: true }
}
