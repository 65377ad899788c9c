/**
 * What to tell the user when GitHub answers 401 or 403 (pure): which token was used, which
 * permission the operation needs, and for a pull request from a fork, that no permission can be
 * granted there at all (the workflow_run pattern is the way out).
 */
import { existsSync, readFileSync } from 'node:fs'

export type Permission = 'contents: write' | 'pull-requests: write'

/** Words for a token from its prefix (GitHub's documented token formats). */
export function describeToken(token: string, source = "the 'token' input"): string {
  if (!token) return `${source} (empty)`
  const kind = token.startsWith('ghs_')
    ? 'an installation token: the workflow GITHUB_TOKEN or a GitHub App token'
    : token.startsWith('github_pat_')
      ? 'a fine-grained personal access token'
      : token.startsWith('ghp_')
        ? 'a classic personal access token'
        : token.startsWith('ghu_') || token.startsWith('gho_')
          ? 'a user token'
          : undefined
  return kind ? `${source} (${kind})` : source
}

/** Whether this run is a pull request from a fork (its token is read-only whatever is asked). */
export function isForkPullRequest(env: NodeJS.ProcessEnv): boolean {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' || !env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return false
  try {
    const pr = (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { head?: { repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } } }).pull_request
    const head = pr?.head?.repo?.full_name
    const base = pr?.base?.repo?.full_name
    return Boolean(base) && head !== base
  } catch {
    return false
  }
}

export interface Denied {
  /** what was attempted, e.g. "createCommitOnBranch on 'main' of acme/deploy" */
  operation: string
  status: number
  /** GitHub's message */
  detail: string
  /** describeToken's words, or the git credential's */
  token: string
  permission: Permission
  fork: boolean
}

/** The one-line error for a 401/403 (pure). */
export function deniedMessage(d: Denied): string {
  const head = `${d.operation} was denied (HTTP ${d.status}: ${d.detail}) using ${d.token}`
  if (d.fork) {
    return (
      `${head}; this run is a pull request from a fork, whose token is read-only: no permission can be granted to it. ` +
      `Deploy from a workflow triggered by workflow_run (after this one completes), which runs with the base repository's token`
    )
  }
  if (d.status === 401) return `${head}; the token is invalid or expired: pass a valid one in 'token'`
  return `${head}; the token needs '${d.permission}' on that repository (for the workflow token: permissions: ${d.permission}; for a GitHub App: that repository permission and an installation on the repository)`
}
