/**
 * The commit-back phase (DESIGN.md step 6): one commit of the changed kustomization files,
 * built on the branch's tip and pushed with a lease on it (push-loop.ts). Before every push
 * the stale guard may refuse. Push failures throw, so nothing is applied after them.
 * With `sign-commits` the publish step is GitHub's createCommitOnBranch (signed-commit.ts);
 * `commit: pull-request` runs the same loop on the base branch and publishes to a deploy branch
 * with a pull request (pull-request-mode.ts).
 */
import * as log from '../log.js'
import { checkTemplate } from './message-template.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { compareCommits, githubApi } from '../github/github-api.js'
import { configureAuth, describeAuth, type AuthSource } from './git-auth.js'
import type { Settings } from '../inputs.js'
import { checkCommit } from './preconditions.js'
import { PushError } from './push-failure.js'
import type { CommitResult } from './commit-result.js'
import type { DescribePullRequest } from './pull-request-open.js'
import { pullRequestMode } from './pull-request-mode.js'
import { pushLoop, type LoopContext, type VerifyCommit } from './push-loop.js'
import { RemoteBranch } from './remote-branch.js'
import { signedPublish, signedTarget } from './signed-commit.js'
import { asBranchHolds, putBack } from './unpushed.js'
import type { CompareFn } from './stale-guard.js'

export type { CommitResult } from './commit-result.js'

export interface CommitOptions {
  /** the body of a deploy pull request (the preview's Markdown, handed in by main.ts) */
  describe: DescribePullRequest
  /** the check of a commit built on a moved tip, before it is published (main.ts) */
  verify?: VerifyCommit
  compare?: CompareFn
  env?: NodeJS.ProcessEnv
}

const skip = (why: string): CommitResult => {
  log.info(why)
  return { pushed: false, commitSha: '', stale: false, skipped: true, retries: 0 }
}

export async function commitBack(settings: Settings, edits: TargetEdit[], options: CommitOptions): Promise<CommitResult> {
  if (!settings.commit.enabled) return skip('commit is false: not committing')
  checkTemplate(settings.commit.message)
  const env = options.env ?? process.env
  const target = (await checkCommit(settings, edits, env))!
  const { git, remote, url, branch } = target
  const pullRequest = settings.commit.mode === 'pull-request'
  log.info(`repository ${git.root}, ${pullRequest ? 'opening a pull request into' : 'pushing to'} branch '${branch}' of remote '${remote}'`)
  const head = await git.tryRevParse('HEAD')
  const remoteBranch = new RemoteBranch(git, remote, url, branch)
  try {
    const auth = await configureAuth(git, url, settings.token)
    const compare = options.compare ?? apiCompare(settings.token, env)
    const signed = settings.commit.sign ? await signedTarget(git, url, settings, env) : undefined
    const context: LoopContext = { git, settings, env, compare, said: new Set<string>(), target, branch: remoteBranch, verify: options.verify }
    if (signed && !pullRequest) context.publish = signedPublish(context, signed)
    const result = await withAuthHint(auth, async () => (pullRequest ? pullRequestMode(context, edits, signed, options.describe) : { ...(await pushLoop(context, edits)), skipped: false, branch }))
    if (!result.stale) return result
    return { ...result, held: await asBranchHolds(git, remoteBranch.ref, edits, settings.images) }
  } catch (error) {
    await putBack(git, head, edits)
    throw error
  } finally {
    git.clearEnvConfig()
  }
}

/** The phase as the pipeline runs it: a dry run changes nothing outside the runner (no commit, no push). */
export async function commitUnlessDryRun(settings: Settings, edits: TargetEdit[], options: CommitOptions): Promise<CommitResult> {
  if (settings.apply.dryRun === 'none' || !settings.commit.enabled) return commitBack(settings, edits, options)
  const why = `Dry run (\`dry-run: ${settings.apply.dryRun}\`): nothing committed or pushed.`
  log.info(why)
  return { pushed: false, commitSha: '', stale: false, skipped: true, retries: 0, refused: why }
}

/** A git authentication failure says which credential git used. */
export async function withAuthHint<T>(auth: AuthSource, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof PushError && error.kind === 'auth' && !/ using /.test(error.message)) {
      throw new PushError('auth', `${error.message} (git used ${describeAuth(auth)})`)
    }
    throw error
  }
}

/** GitHub's compare endpoint, on a runner (GITHUB_API_URL set) with a token. */
function apiCompare(token: string, env: NodeJS.ProcessEnv): CompareFn | undefined {
  if (!token || !env.GITHUB_API_URL) return undefined
  const api = githubApi(token, env)
  return async (repository, base, head) => compareCommits(await api, repository, base, head)
}
