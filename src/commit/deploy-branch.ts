/**
 * The deploy branch of `commit: pull-request`: the `pull-request-branch` template filled in,
 * valid as a branch name and not the base branch. preconditions.ts asks before anything is
 * written; pull-request-mode.ts pushes to it.
 */
import type { TargetEdit } from '../edit/edit-targets.js'
import { InputError } from '../errors.js'
import type { Settings } from '../inputs.js'
import { describeImages } from './commit-message.js'
import type { Git } from './git.js'
import { renderMessage } from './message-template.js'

/** The deploy branch name: the template filled in, characters a ref cannot hold turned into '-'. */
export function deployBranchName(template: string, environment: string, edits: TargetEdit[], source: string): string {
  const changed = edits.filter(e => e.changed)
  const values = { environment, images: describeImages(edits), paths: changed.map(e => e.target.rel).join('-'), source, 'source-short': source.slice(0, 7) }
  const filled = renderMessage(template, values, false, []).trim()
  return filled.replace(/[\s~^:?*[\\]+/g, '-').replace(/\.\.+/g, '.').replace(/\/{2,}/g, '/')
}

/** The deploy branch, valid and not the base branch (preconditions.ts asks before anything is written). */
export async function deployBranch(git: Git, settings: Settings, edits: TargetEdit[], base: string): Promise<string> {
  const environment = settings.environment || [...new Set(edits.filter(e => e.changed).map(e => e.environment))].join('-')
  const name = deployBranchName(settings.commit.pullRequest.branch, environment, edits, settings.commit.sourceCommit)
  if (!(await git.isValidBranchName(name))) {
    throw new InputError('pull-request-branch', settings.commit.pullRequest.branch, 'a branch name template such as deploy/{environment}', `it gives '${name}', which is not a valid branch name`)
  }
  if (name === base) throw new InputError('pull-request-branch', name, `a branch other than the base branch '${base}'`)
  return name
}
