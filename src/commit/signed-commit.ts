/**
 * Publishing a commit through GitHub's GraphQL `createCommitOnBranch` instead of `git push`
 * (`sign-commits: true`): GitHub creates and signs the commit on the branch head the run fetched
 * (`expectedHeadOid`, the optimistic lock). A moved head is a `rejected` PushError, so the push
 * loop re-fetches, re-applies the edit and retries exactly as after a rejected push. Afterwards
 * the local checkout moves to exactly the commit GitHub recorded, so apply uses its tree.
 */
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import { apiStatus, type GitHubApi, type RepoRef } from '../github/github-api.js'
import { createCommitOnBranch, graphqlErrors, isMovedHead } from '../github/graphql.js'
import { deniedMessage, describeToken, isForkPullRequest } from '../github/permission-error.js'
import { fullName } from '../github/repository.js'
import type { Git } from './git.js'
import { PushError } from './push-failure.js'
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
  /** the head the commit goes on (what the run fetched) */
  expectedHead: string
  message: string
  /** repository-relative path → new content */
  files: { path: string; contents: string }[]
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

/** Create the commit through the API; the local checkout ends on exactly that commit. */
export async function publishSigned(target: SignedTarget, commit: SignedCommit): Promise<string> {
  const { git, branch } = commit
  const what = `createCommitOnBranch on '${branch.name}' of ${fullName(target.repo)}`
  let created: { oid: string; url: string }
  try {
    created = await createCommitOnBranch(target.api, {
      repo: target.repo,
      branch: branch.name,
      expectedHeadOid: commit.expectedHead,
      message: commit.message,
      additions: commit.files
    })
  } catch (error) {
    throw mutationError(error, what, target, 'contents: write')
  }
  core.info(`GitHub created ${created.oid} on '${branch.name}' (signed by GitHub): ${created.url}`)
  await branch.fetchTip()
  if (!(await git.hasCommit(created.oid))) await git.fetchCommit(branch.remote, created.oid, await git.isShallow())
  await git.resetKeep(created.oid)
  return created.oid
}
