/**
 * Keep exactly one comment per marker on a pull request: update the bot's own comment in place,
 * create it when there is none, and delete the newer duplicates a concurrent run may create.
 * Only comments written by the token's own user carry weight; anyone can copy a marker.
 */
import * as core from '@actions/core'
import {
  apiStatus,
  authenticatedLogin,
  createIssueComment,
  deleteIssueComment,
  listIssueComments,
  updateIssueComment,
  type GitHubApi,
  type IssueComment,
  type RepoRef
} from '../github/github-api.js'

export interface UpsertResult {
  url: string
  action: 'created' | 'updated' | 'unchanged'
  /** duplicates removed */
  deleted: number
}

/**
 * Whose comments count: the login behind the token, or (installation tokens cannot read
 * GET /user) any bot account, the kind such tokens write as.
 */
type Owner = { login: string } | { bot: true }

const ownedBy = (owner: Owner, c: IssueComment) => ('login' in owner ? c.author?.login === owner.login : c.author?.type === 'Bot')

async function ours(api: GitHubApi, repo: RepoRef, issue: number, marker: string, owner: Owner): Promise<IssueComment[]> {
  const all = await listIssueComments(api, repo, issue)
  return all.filter(c => c.body.startsWith(marker) && ownedBy(owner, c)).sort((a, b) => a.id - b.id)
}

async function deleteAll(api: GitHubApi, repo: RepoRef, comments: IssueComment[]): Promise<number> {
  let deleted = 0
  for (const c of comments) {
    try {
      await deleteIssueComment(api, repo, c.id)
      deleted++
    } catch (error) {
      if (apiStatus(error) !== 404) throw error
    }
  }
  if (deleted > 0) core.info(`removed ${deleted} duplicate comment(s)`)
  return deleted
}

/** The comment starting with `marker` now holds `body`; the oldest one of ours survives. */
export async function upsertComment(api: GitHubApi, repo: RepoRef, issue: number, marker: string, body: string): Promise<UpsertResult> {
  const login = await authenticatedLogin(api)
  let owner: Owner = login ? { login } : { bot: true }
  const existing = await ours(api, repo, issue, marker, owner)
  if (existing.length > 0) {
    const [keep, ...duplicates] = existing
    const deleted = await deleteAll(api, repo, duplicates)
    if (keep.body === body) return { url: keep.url, action: 'unchanged', deleted }
    const updated = await updateIssueComment(api, repo, keep.id, body)
    return { url: updated.url, action: 'updated', deleted }
  }
  const created = await createIssueComment(api, repo, issue, body)
  if (created.author) owner = { login: created.author.login }
  // A run for the same marker may have created its comment at the same moment: keep the oldest.
  const after = await ours(api, repo, issue, marker, owner)
  if (after.length <= 1) return { url: created.url, action: 'created', deleted: 0 }
  const [keep, ...duplicates] = after
  const deleted = await deleteAll(api, repo, duplicates)
  if (keep.id === created.id || keep.body === body) return { url: keep.url, action: keep.id === created.id ? 'created' : 'updated', deleted }
  const updated = await updateIssueComment(api, repo, keep.id, body)
  return { url: updated.url, action: 'updated', deleted }
}
