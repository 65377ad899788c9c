/** What the commit-back phase reports (commit-back.ts, pull-request-mode.ts). */
import type { TargetEdit } from '../edit/edit-targets.js'
import type { PullRequestResult } from './pull-request-open.js'

export interface CommitResult {
  pushed: boolean
  /** the commit that holds the deployed state on the branch ('' when skipped or stale) */
  commitSha: string
  stale: boolean
  /** commit disabled or nothing changed */
  skipped: boolean
  /** why the push was refused (the stale guard's warning) */
  refused?: string
  branch?: string
  retries: number
  /** set only when the edit was re-applied to a fresh tip: the edits as finally committed */
  edits?: TargetEdit[]
  /** a stale run: its edits as applied to the branch tip (`before`: what the branch holds) */
  held?: TargetEdit[]
  /** pull-request mode: the pull request opened or updated */
  pullRequest?: PullRequestResult
}
