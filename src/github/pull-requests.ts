/**
 * The REST calls of pull-request mode: the open pull request from a head branch, opening and
 * updating one, its labels, and creating or moving a branch (for API-signed commits).
 */
import type { GitHubApi, RepoRef } from './github-api.js'

export interface PullRequest {
  number: number
  url: string
  nodeId: string
  title: string
  body: string
}

type RawPull = { number: number; html_url: string; node_id: string; title: string; body?: string | null }

const toPull = (raw: RawPull): PullRequest => ({ number: raw.number, url: raw.html_url, nodeId: raw.node_id, title: raw.title, body: raw.body ?? '' })

/** The open pull request from `head` into `base` (the oldest if there are several), or undefined. */
export async function findOpenPullRequest(api: GitHubApi, repo: RepoRef, head: string, base: string): Promise<PullRequest | undefined> {
  const { data } = await api.rest.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${head}`, base, per_page: 100 })
  const sorted = [...data].sort((a, b) => a.number - b.number)
  return sorted[0] ? toPull(sorted[0]) : undefined
}

export async function createPullRequest(
  api: GitHubApi,
  repo: RepoRef,
  fields: { head: string; base: string; title: string; body: string; draft: boolean }
): Promise<PullRequest> {
  return toPull((await api.rest.pulls.create({ ...repo, ...fields })).data)
}

export async function updatePullRequest(api: GitHubApi, repo: RepoRef, number: number, fields: { title: string; body: string }): Promise<PullRequest> {
  return toPull((await api.rest.pulls.update({ ...repo, pull_number: number, ...fields })).data)
}

export async function addLabels(api: GitHubApi, repo: RepoRef, number: number, labels: string[]): Promise<void> {
  if (labels.length > 0) await api.rest.issues.addLabels({ ...repo, issue_number: number, labels })
}

/** Point `refs/heads/<branch>` at `sha`: created when `exists` is false, else moved (forced). */
export async function setBranch(api: GitHubApi, repo: RepoRef, branch: string, sha: string, exists: boolean): Promise<void> {
  if (exists) await api.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: true })
  else await api.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha })
}
