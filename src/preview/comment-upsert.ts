/**
 * Keep exactly one comment per marker on a pull request: update the bot's own comment in place,
 * create it when there is none, and delete the newer duplicates a concurrent run may create.
 * Only comments written by the token's own user carry weight; anyone can copy a marker.
 */
import * as log from '../log.js'
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
import { errorMessage } from '../errors.js'

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
  if (deleted > 0) log.info(`removed ${deleted} duplicate comment(s)`)
  return deleted
}

/**
 * The comment starting with `marker` now holds `body`; the oldest one of ours survives. A
 * comment deleted between the listing and the update is created again; a create that failed
 * may still have created the comment server-side, so every path after a create lists again and
 * leaves exactly one.
 */
export async function upsertComment(api: GitHubApi, repo: RepoRef, issue: number, marker: string, body: string): Promise<UpsertResult> {
  const login = await authenticatedLogin(api)
  const owner: Owner = login ? { login } : { bot: true }
  const existing = await ours(api, repo, issue, marker, owner)
  let deleted = 0
  if (existing.length > 0) {
    const [keep, ...duplicates] = existing
    deleted = await deleteAll(api, repo, duplicates)
    if (keep.body === body) return { url: keep.url, action: 'unchanged', deleted }
    const updated = await updateIfThere(api, repo, keep.id, body)
    if (updated) return { url: updated.url, action: 'updated', deleted }
    log.info(`comment ${keep.id} was deleted meanwhile: creating it again`)
  }
  const result = await createOnce(api, repo, issue, marker, body, owner)
  return { ...result, deleted: result.deleted + deleted }
}

/** The updated comment, or undefined when it no longer exists (404). */
async function updateIfThere(api: GitHubApi, repo: RepoRef, id: number, body: string): Promise<IssueComment | undefined> {
  try {
    return await updateIssueComment(api, repo, id, body)
  } catch (error) {
    if (apiStatus(error) === 404) return undefined
    throw error
  }
}

/**
 * Create the comment, then make sure exactly one of ours carries `body`: the create may have
 * failed after GitHub stored it (a 502, a lost answer), or a concurrent run for the same marker
 * may have created one at the same moment (the oldest is kept).
 */
async function createOnce(api: GitHubApi, repo: RepoRef, issue: number, marker: string, body: string, owner: Owner): Promise<UpsertResult> {
  let created: IssueComment | undefined
  let failure: unknown
  try {
    created = await createIssueComment(api, repo, issue, body)
    if (created.author) owner = { login: created.author.login }
  } catch (error) {
    failure = error
  }
  let after: IssueComment[]
  try {
    after = await ours(api, repo, issue, marker, owner)
  } catch (error) {
    if (failure !== undefined || !created) throw failure ?? error
    return { url: created.url, action: 'created', deleted: 0 }
  }
  if (after.length === 0) {
    if (failure !== undefined || !created) throw failure
    return { url: created.url, action: 'created', deleted: 0 }
  }
  if (failure !== undefined) log.info(`creating the comment failed (${errorMessage(failure)}), but GitHub stored it: keeping one`)
  const [keep, ...duplicates] = after
  const deleted = await deleteAll(api, repo, duplicates)
  const mine = keep.id === created?.id || (failure !== undefined && keep.body === body)
  if (keep.body === body) return { url: keep.url, action: mine ? 'created' : 'updated', deleted }
  const updated = await updateIfThere(api, repo, keep.id, body)
  if (!updated) throw failure ?? new Error(`comment ${keep.id} disappeared while it was being updated`)
  return { url: updated.url, action: 'updated', deleted }
}
