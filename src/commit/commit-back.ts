/**
 * The commit-back phase (DESIGN.md step 6): one commit of the changed kustomization files,
 * built on the branch's tip and pushed with a lease on it (push-loop.ts). Before every push
 * the stale guard may refuse. Push failures throw, so nothing is applied after them.
 */
import * as core from '@actions/core'
import { checkTemplate } from './commit-message.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { InputError } from '../errors.js'
import { compareCommits, githubApi } from '../github/github-api.js'
import { configureAuth } from './git-auth.js'
import type { Settings } from '../inputs.js'
import { checkCommit } from './preconditions.js'
import { pushLoop } from './push-loop.js'
import { RemoteBranch } from './remote-branch.js'
import type { CompareFn } from './stale-guard.js'

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
}

export interface CommitOptions {
  compare?: CompareFn
  env?: NodeJS.ProcessEnv
}

const skip = (why: string): CommitResult => {
  core.info(why)
  return { pushed: false, commitSha: '', stale: false, skipped: true, retries: 0 }
}

export async function commitBack(settings: Settings, edits: TargetEdit[], options: CommitOptions = {}): Promise<CommitResult> {
  if (!settings.commit.enabled) return skip('commit is false: not committing')
  if (settings.commit.mode === 'pull-request' || settings.commit.sign) {
    throw new InputError(settings.commit.sign ? 'sign-commits' : 'commit', settings.commit.sign ? 'true' : 'pull-request', 'a mode this version supports (true or false)', 'not implemented yet')
  }
  checkTemplate(settings.commit.message)
  const env = options.env ?? process.env
  const target = (await checkCommit(settings, edits, env))!
  const { git, remote, url, branch } = target
  core.info(`repository ${git.root}, pushing to branch '${branch}' of remote '${remote}'`)
  try {
    await configureAuth(git, url, settings.token)
    const compare = options.compare ?? apiCompare(settings.token, env)
    const context = { git, settings, env, compare, said: new Set<string>(), target, branch: new RemoteBranch(git, remote, url, branch) }
    const result = await pushLoop(context, edits)
    return { ...result, skipped: false, branch }
  } finally {
    git.clearEnvConfig()
  }
}

/** GitHub's compare endpoint, on a runner (GITHUB_API_URL set) with a token. */
function apiCompare(token: string, env: NodeJS.ProcessEnv): CompareFn | undefined {
  if (!token || !env.GITHUB_API_URL) return undefined
  const api = githubApi(token, env)
  return async (repository, base, head) => compareCommits(await api, repository, base, head)
}
