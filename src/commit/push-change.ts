/**
 * A change other than the deploy's (a rollback, src/rollback/) committed and pushed through the
 * same push loop as the deploy: the repository, remote and branch the deploy used, the same
 * authentication, retries on a moved branch, and `sign-commits` through GitHub's API.
 */
import type { TargetEdit } from '../edit/edit-targets.js'
import type { Settings } from '../inputs.js'
import type { Change } from './change.js'
import { withAuthHint } from './commit-back.js'
import { configureAuth } from './git-auth.js'
import { checkCommit } from './preconditions.js'
import { pushLoop, type LoopContext, type LoopResult, type VerifyCommit } from './push-loop.js'
import { RemoteBranch } from './remote-branch.js'
import { signedPublish, signedTarget } from './signed-commit.js'
import { findLastDeploy } from './stale-guard.js'

/**
 * Commit `edits` (made by `change`) on the branch tip and push them; throws a PushError when
 * refused. `verify` checks a commit built on a moved tip before it is pushed, as the deploy's
 * (the apply phase's `commitVerifier`); when it throws, nothing is pushed.
 */
export async function pushChange(settings: Settings, edits: TargetEdit[], change: Change, verify?: VerifyCommit, env: NodeJS.ProcessEnv = process.env): Promise<LoopResult> {
  const target = (await checkCommit(settings, edits, env))!
  const { git, remote, url, branch } = target
  try {
    const auth = await configureAuth(git, url, settings.token)
    const context: LoopContext = { git, settings, env, said: new Set<string>(), target, branch: new RemoteBranch(git, remote, url, branch), change, verify }
    if (settings.commit.sign) context.publish = signedPublish(context, await signedTarget(git, url, settings, env))
    return await withAuthHint(auth, () => pushLoop(context, edits))
  } finally {
    git.clearEnvConfig()
  }
}

/**
 * The sources of the deploys recorded before `commit` for the files of `edits` (what a rollback
 * of `commit` restores), as far as the local history reaches; none when unknown.
 */
export async function sourcesBefore(settings: Settings, edits: TargetEdit[], commit: string): Promise<string[]> {
  const { git } = (await checkCommit(settings, edits))!
  const names = settings.images.map(s => s.name)
  const sources = await Promise.all(
    edits.map(async edit => {
      const file = await git.repoPath(edit.target.file)
      const commits = await git.log(`${commit}^`, [file], 1000).catch(() => [])
      const { last } = await findLastDeploy(commits, file, names, (rev, f) => git.tryReadFile(rev, f))
      return last?.record.source
    })
  )
  return [...new Set(sources.filter((s): s is string => !!s))]
}
