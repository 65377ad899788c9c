/**
 * The one module that reaches the GitHub API: @actions/github's Octokit with retries (5xx,
 * network) and rate-limit throttling. The base URL comes from GITHUB_API_URL (GitHub
 * Enterprise Server, or a loopback stand-in in tests).
 */
import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'

export type GitHubApi = ReturnType<typeof getOctokit>

export interface RepoRef {
  owner: string
  repo: string
}

export interface IssueComment {
  id: number
  body: string
  author?: { login: string; type: string }
  url: string
  createdAt: string
}

const RATE_LIMIT_RETRIES = 2

/**
 * The API client. Octokit and its plugins are loaded on first use: most runs (no pull request,
 * no cross-repository source) never reach the API, and loading them costs start-up time.
 */
export async function githubApi(token: string, env: NodeJS.ProcessEnv = process.env): Promise<GitHubApi> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling')
  ])
  const onLimit = (kind: string) => (after: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    core.warning(`GitHub API ${kind} rate limit on ${options.method} ${options.url}; retrying in ${after}s`)
    return retryCount < RATE_LIMIT_RETRIES
  }
  return getOctokit(
    token,
    {
      baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: 3 }
    },
    retry,
    throttling
  )
}

/** `owner/name` (GITHUB_REPOSITORY) → parts. */
export function parseRepo(value: string): RepoRef | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value)
  return match ? { owner: match[1], repo: match[2] } : undefined
}

/** The HTTP status of a failed API call, if it was one. */
export function apiStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * The login behind the token, or undefined when the token cannot tell (an installation token
 * such as the workflow's GITHUB_TOKEN gets 403 from GET /user).
 */
export async function authenticatedLogin(api: GitHubApi): Promise<string | undefined> {
  try {
    return (await api.rest.users.getAuthenticated()).data.login
  } catch (error) {
    if (apiStatus(error) === 403) return undefined
    throw error
  }
}

type RawComment = { id: number; body?: string; user: { login: string; type: string } | null; html_url: string; created_at: string }

function toComment(raw: RawComment): IssueComment {
  const comment: IssueComment = { id: raw.id, body: raw.body ?? '', url: raw.html_url, createdAt: raw.created_at }
  if (raw.user) comment.author = { login: raw.user.login, type: raw.user.type }
  return comment
}

/** Every comment of an issue or pull request, oldest first (all pages). */
export async function listIssueComments(api: GitHubApi, repo: RepoRef, issue: number): Promise<IssueComment[]> {
  const raw = await api.paginate(api.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })
  return raw.map(toComment)
}

export async function createIssueComment(api: GitHubApi, repo: RepoRef, issue: number, body: string): Promise<IssueComment> {
  return toComment((await api.rest.issues.createComment({ ...repo, issue_number: issue, body })).data)
}

export async function updateIssueComment(api: GitHubApi, repo: RepoRef, id: number, body: string): Promise<IssueComment> {
  return toComment((await api.rest.issues.updateComment({ ...repo, comment_id: id, body })).data)
}

export async function deleteIssueComment(api: GitHubApi, repo: RepoRef, id: number): Promise<void> {
  await api.rest.issues.deleteComment({ ...repo, comment_id: id })
}

export type CompareStatus = 'ahead' | 'behind' | 'identical' | 'diverged'

/** `GET /repos/{owner}/{repo}/compare/{base}...{head}`: where `head` stands relative to `base`. */
export async function compareCommits(api: GitHubApi, repository: string, base: string, head: string): Promise<CompareStatus> {
  const repo = parseRepo(repository)
  if (!repo) throw new Error(`'${repository}' is not an owner/name repository`)
  const { data } = await api.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 })
  return data.status
}
