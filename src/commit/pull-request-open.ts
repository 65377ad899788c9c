/**
 * The pull request of pull-request mode: one per deploy branch, opened or updated in place,
 * with labels and auto-merge. Its body (the rendered diff of the base tip against the deploy
 * commit, redacted and sized like the preview comment) is made by the preview
 * (preview/pull-request-body.ts), which main.ts hands in.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import type { LoopContext as Context } from './push-loop.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import type { Git } from './git.js'
import { errorMessage } from '../errors.js'
import { apiStatus, type GitHubApi, type RepoRef } from '../github/github-api.js'
import { enableAutoMerge, graphqlErrors, splitMessage } from '../github/graphql.js'
import { deniedMessage, describeToken, isForkPullRequest, type Permission } from '../github/permission-error.js'
import { addLabels, createPullRequest, findOpenPullRequest, updatePullRequest, type PullRequest } from '../github/pull-requests.js'

export interface PullRequestResult {
  number: number
  url: string
  operation: 'created' | 'updated' | 'unchanged'
}

export interface OpenRequest {
  deploy: string
  baseTip: string
  /** the deploy commit's message: its subject is the title */
  message: string
  edits: TargetEdit[]
  /** the base already holds the edit: nothing to open, only report an open one */
  unchanged: boolean
}

/** An API failure as one line; 401/403 name the token and the permission. */
function apiError(ctx: Context, what: string, error: unknown, permission: Permission): Error {
  const status = apiStatus(error)
  if (status === 401 || status === 403) {
    return new Error(deniedMessage({ operation: what, status, detail: errorMessage(error), token: describeToken(ctx.settings.token), permission, fork: isForkPullRequest(ctx.env) }))
  }
  return new Error(`${what} failed: ${status ? `HTTP ${status}: ` : ''}${errorMessage(error)}`)
}

async function call<T>(ctx: Context, what: string, permission: Permission, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw apiError(ctx, what, error, permission)
  }
}

/** What the body of a deploy pull request is made from. */
export interface BodyRequest {
  git: Git
  base: string
  baseTip: string
  deployBranch: string
  edits: TargetEdit[]
}

export type DescribePullRequest = (request: BodyRequest) => Promise<string>

/** The pull request's title: the commit message's subject line. */
export function pullRequestTitle(message: string): string {
  return message.split('\n')[0].trim()
}

export async function openOrUpdate(ctx: Context, api: GitHubApi, repo: RepoRef, request: OpenRequest, describe: DescribePullRequest): Promise<PullRequestResult> {
  const { settings, env } = ctx
  const base = ctx.branch.name
  const existing = await call(ctx, `listing the pull requests of ${repo.owner}/${repo.repo}`, 'pull-requests: write', () => findOpenPullRequest(api, repo, request.deploy, base))
  if (request.unchanged) {
    if (existing) log.info(`'${base}' already holds this edit; the open pull request #${existing.number} is left as it is`)
    return { number: existing?.number ?? 0, url: existing?.url ?? '', operation: 'unchanged' }
  }
  const title = pullRequestTitle(request.message)
  const body = await describe({ git: ctx.git, base, baseTip: request.baseTip, deployBranch: request.deploy, edits: request.edits })
  let pr: PullRequest
  if (existing) {
    pr = await call(ctx, `updating pull request #${existing.number}`, 'pull-requests: write', () => updatePullRequest(api, repo, existing.number, { title, body }))
    log.info(`updated pull request #${pr.number}: ${pr.url}`)
  } else {
    const fields = { head: request.deploy, base, title, body, draft: settings.commit.pullRequest.draft }
    pr = await call(ctx, `opening a pull request from '${request.deploy}' into '${base}'`, 'pull-requests: write', () => createPullRequest(api, repo, fields))
    log.info(`opened pull request #${pr.number}: ${pr.url}`)
  }
  const labels = settings.commit.pullRequest.labels
  await call(ctx, `labelling pull request #${pr.number}`, 'pull-requests: write', () => addLabels(api, repo, pr.number, labels))
  await autoMerge(ctx, api, pr, request.message)
  return { number: pr.number, url: pr.url, operation: existing ? 'updated' : 'created' }
}

/** Auto-merge where asked; where the repository or token does not allow it, a warning. */
async function autoMerge(ctx: Context, api: GitHubApi, pr: PullRequest, message: string): Promise<void> {
  const method = ctx.settings.commit.pullRequest.autoMerge
  if (method === 'false') return
  const { headline, body } = splitMessage(message)
  try {
    await enableAutoMerge(api, pr.nodeId, method, method === 'rebase' ? undefined : { headline, body })
    log.info(`auto-merge (${method}) enabled on pull request #${pr.number}`)
  } catch (error) {
    const why = graphqlErrors(error)[0]?.message ?? apiError(ctx, 'enablePullRequestAutoMerge', error, 'pull-requests: write').message
    core.warning(`auto-merge (${method}) could not be enabled on pull request #${pr.number}: ${why}. Merge it by hand, or allow auto-merge in the repository settings`)
  }
}
