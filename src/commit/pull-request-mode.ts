/**
 * `commit: pull-request`: the same push loop as a direct commit (fetch, stale guard, the edit
 * built on the fetched tip), run against the base branch, with another publish step: the commit
 * goes to a deploy branch the action owns, replacing it with `--force-with-lease` on the value
 * just read (a concurrent update fails the attempt as `rejected`: re-read, rebuild, retry). So
 * the deploy branch is always exactly one commit on the base tip. With `sign-commits` it is
 * created or reset through the refs API and the commit is created by GitHub. Then one pull
 * request per deploy branch is opened or updated in place (pull-request-open.ts). No other
 * branch is written; the base branch is only read.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { realpath } from 'node:fs/promises'
import type { CommitResult } from './commit-result.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { deployBranch } from './deploy-branch.js'
import { apiStatus, githubApi } from '../github/github-api.js'
import { setBranch } from '../github/pull-requests.js'
import { resolveRepository } from '../github/repository.js'
import { openOrUpdate, type DescribePullRequest, type PullRequestResult } from './pull-request-open.js'
import { PushError, pushError } from './push-failure.js'
import { pushLoop, type BuiltCommit, type LoopContext } from './push-loop.js'
import { RemoteBranch } from './remote-branch.js'
import { mutationError, publishSigned, type SignedTarget } from './signed-commit.js'
import { imageName, parseTrailers } from './trailers.js'

export type { PullRequestResult } from './pull-request-open.js'

export { deployBranchName } from './deploy-branch.js'

export async function pullRequestMode(ctx: LoopContext, edits: TargetEdit[], signed: SignedTarget | undefined, describe: DescribePullRequest): Promise<CommitResult> {
  const { git, settings, env } = ctx
  const base = ctx.branch
  const deploy = new RemoteBranch(git, base.remote, base.url, await deployBranch(git, settings, edits, base.name))
  const workspace = await realpath(settings.workspace).catch(() => settings.workspace)
  const repo = resolveRepository(base.url, git.root === workspace, env)
  log.info(`deploy branch '${deploy.name}', pull request into '${base.name}' of ${repo.owner}/${repo.repo}`)
  let last: { sha: string; pushed: boolean; built: BuiltCommit } | undefined
  const loop: LoopContext = {
    ...ctx,
    // the checkout ends on the deploy commit without moving the base branch's local ref
    target: { ...ctx.target, detach: true },
    publish: async built => {
      last = { ...(await publishDeploy(loop, deploy, built, signed ? { ...signed, repo } : undefined)), built }
      return last
    }
  }
  const result = await pushLoop(loop, edits)
  const common = { skipped: false, retries: result.retries, ...(result.edits ? { edits: result.edits } : {}) }
  if (result.stale) return { ...common, pushed: false, commitSha: '', stale: true, refused: result.refused, branch: base.name }
  const unchanged = last?.sha !== result.commitSha
  if (unchanged) log.info(`'${base.name}' already holds this edit: no deploy branch pushed`)
  const api = signed?.api ?? (await githubApi(settings.token, env))
  const pullRequest: PullRequestResult = await openOrUpdate(loop, api, repo, {
    deploy: deploy.name,
    baseTip: unchanged ? result.commitSha : last!.built.tip!,
    message: last?.built.message ?? '',
    edits: result.edits ?? edits,
    unchanged
  }, describe)
  if (unchanged) return { ...common, pushed: false, commitSha: result.commitSha, stale: false, branch: base.name, pullRequest }
  return { ...common, pushed: result.pushed, commitSha: result.commitSha, stale: false, branch: deploy.name, pullRequest }
}

/** Replacing the deploy branch is never silent: a dropped edit of other images is a warning. */
async function sayReplaced(ctx: LoopContext, deploy: RemoteBranch, deployTip: string): Promise<void> {
  const [logged] = await ctx.git.log(deployTip, [], 1)
  const record = logged ? parseTrailers(logged.message) : undefined
  const subject = logged?.message.split('\n')[0] ?? ''
  const ours = new Set(ctx.settings.images.map(s => s.name))
  const dropped = (record?.images ?? []).filter(image => !ours.has(imageName(image)))
  const what = `'${deploy.name}' held ${deployTip.slice(0, 7)} (${subject}${record?.run ? `, run ${record.run}` : ''})`
  if (dropped.length > 0) core.warning(`${what}; this run rebuilds it from the base tip with its own edit only, so ${dropped.join(', ')} is no longer in the pull request`)
  else log.info(`${what}; replacing it with this run's edit on the base tip`)
}

/** Put the built commit (one commit on the base tip) on the deploy branch, unless it holds the same already. */
async function publishDeploy(ctx: LoopContext, deploy: RemoteBranch, built: BuiltCommit, signed: SignedTarget | undefined): Promise<{ sha: string; pushed: boolean }> {
  const { git } = ctx
  if (!built.tip) throw new Error(`the base branch '${ctx.branch.name}' does not exist at ${ctx.branch.url.replace(/\/\/[^/@]*@/, '//')}`)
  const deployTip = await deploy.fetchTip()
  if (deployTip && (await git.tryRevParse(`${deployTip}^`)) === built.tip && (await git.tryTree(deployTip)) === (await git.tryTree(built.sha))) {
    log.info(`'${deploy.name}' already holds this edit on ${built.tip.slice(0, 7)}: nothing to push`)
    return { sha: deployTip, pushed: false }
  }
  if (deployTip) await sayReplaced(ctx, deploy, deployTip)
  if (signed) {
    try {
      await setBranch(signed.api, signed.repo, deploy.name, built.tip, deployTip !== undefined)
    } catch (error) {
      const what = `${deployTip ? 'resetting' : 'creating'} '${deploy.name}' through the refs API`
      throw apiStatus(error) === 422 ? new PushError('rejected', `${what} failed: the branch changed meanwhile`) : mutationError(error, what, signed, 'contents: write')
    }
    return { sha: await publishSigned(signed, { git, branch: deploy, built, expectedHead: built.tip }), pushed: true }
  }
  const result = await git.tryPush(deploy.remote, built.sha, deploy.name, deployTip ?? '')
  if (result.code !== 0) throw pushError('push', deploy.url, deploy.name, `${result.stderr}\n${result.stdout}`)
  log.info(`pushed ${built.sha} to '${deploy.name}': one commit on ${built.tip.slice(0, 7)}, replacing ${deployTip ? deployTip.slice(0, 7) : 'nothing'}`)
  return { sha: built.sha, pushed: true }
}
