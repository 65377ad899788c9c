/**
 * The GraphQL operations the action sends (through the one Octokit client): a commit created by
 * GitHub on a branch (`createCommitOnBranch`, signed by GitHub, with `expectedHeadOid` as the
 * optimistic lock) and auto-merge on a pull request (`enablePullRequestAutoMerge`).
 */
import type { GitHubApi, RepoRef } from './github-api.js'

export type MergeMethod = 'merge' | 'squash' | 'rebase'

/** A file's new content (UTF-8 text) at a repository-relative path. */
export interface FileAddition {
  path: string
  contents: string
}

export interface CommitRequest {
  repo: RepoRef
  branch: string
  /** the branch head the commit is made on; the mutation fails if the branch is elsewhere */
  expectedHeadOid: string
  /** the whole message: its first line becomes the headline, the rest the body */
  message: string
  additions: FileAddition[]
  deletions?: string[]
}

export const CREATE_COMMIT = `mutation CreateCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit { oid url }
  }
}`

export const ENABLE_AUTO_MERGE = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!, $commitHeadline: String, $commitBody: String) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod, commitHeadline: $commitHeadline, commitBody: $commitBody }) {
    pullRequest { number autoMergeRequest { mergeMethod } }
  }
}`

/** The errors of a GraphQL response that came back with HTTP 200. */
export function graphqlErrors(error: unknown): { type?: string; message: string }[] {
  const errors = (error as { errors?: unknown } | null)?.errors
  return Array.isArray(errors) ? (errors as { type?: string; message: string }[]) : []
}

/** Whether the mutation failed because the branch is no longer at `expectedHeadOid`. */
export function isMovedHead(error: unknown): boolean {
  return graphqlErrors(error).some(e => e.type === 'STALE_DATA' || /expected branch to point to/i.test(e.message))
}

/** Headline and body of a commit message (the body keeps the trailers paragraph). */
export function splitMessage(message: string): { headline: string; body: string } {
  const [headline, ...rest] = message.replace(/\r\n/g, '\n').split('\n')
  return { headline: headline.trim(), body: rest.join('\n').replace(/^\n+/, '').replace(/\s+$/, '') }
}

/** Input of `createCommitOnBranch` (pure). */
export function commitInput(request: CommitRequest) {
  const fileChanges: { additions: { path: string; contents: string }[]; deletions?: { path: string }[] } = {
    additions: request.additions.map(a => ({ path: a.path, contents: Buffer.from(a.contents, 'utf8').toString('base64') }))
  }
  if (request.deletions?.length) fileChanges.deletions = request.deletions.map(path => ({ path }))
  const { headline, body } = splitMessage(request.message)
  return {
    branch: { repositoryNameWithOwner: `${request.repo.owner}/${request.repo.repo}`, branchName: request.branch },
    expectedHeadOid: request.expectedHeadOid,
    fileChanges,
    message: body ? { headline, body } : { headline }
  }
}

/** The commit GitHub created (and signed); throws the Octokit error otherwise. */
export async function createCommitOnBranch(api: GitHubApi, request: CommitRequest): Promise<{ oid: string; url: string }> {
  const result = await api.graphql<{ createCommitOnBranch: { commit: { oid: string; url: string } | null } | null }>(CREATE_COMMIT, {
    input: commitInput(request)
  })
  const commit = result.createCommitOnBranch?.commit
  if (!commit) throw new Error(`createCommitOnBranch on '${request.branch}' returned no commit`)
  return commit
}

/**
 * Turn on auto-merge; throws the Octokit error (the caller decides it is only a warning). The
 * merge commit's headline and body (merge, squash) keep the deploy commit's message, so the
 * trailers the stale guard reads reach the base branch.
 */
export async function enableAutoMerge(api: GitHubApi, pullRequestId: string, method: MergeMethod, commit?: { headline: string; body: string }): Promise<void> {
  const text = commit ? { commitHeadline: commit.headline, commitBody: commit.body } : {}
  await api.graphql(ENABLE_AUTO_MERGE, { pullRequestId, mergeMethod: method.toUpperCase(), ...text })
}
