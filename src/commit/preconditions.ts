/**
 * What `commit` needs from git, checked before any file is written: the changed targets inside
 * one repository, a remote to push to, a valid branch name, a committer identity. The result is
 * kept per run, so the commit-back phase uses the very repository, remote and branch checked.
 */
import { realpath } from 'node:fs/promises'
import type { TargetEdit } from '../edit/edit-targets.js'
import { InputError } from '../errors.js'
import type { Settings } from '../inputs.js'
import { mapLimit } from '../pool.js'
import { resolveRepository } from '../github/repository.js'
import { Git, GitError } from './git.js'
import { deployBranch } from './deploy-branch.js'

export interface CommitTarget {
  git: Git
  remote: string
  /** the remote's push URL (may carry no credentials: they travel as a header) */
  url: string
  branch: string
  /** HEAD is on another branch than the one pushed to: detach before moving HEAD */
  detach: boolean
}

const checked = new WeakMap<Settings, Promise<CommitTarget | undefined>>()

/**
 * The repository, remote and branch the commit-back phase will use; undefined when `commit` is
 * off. Throws the first unmet precondition. Called from main.ts before the write phase; the
 * commit-back phase gets the same answer without asking git again.
 */
export function checkCommit(settings: Settings, edits: TargetEdit[], env: NodeJS.ProcessEnv = process.env): Promise<CommitTarget | undefined> {
  let result = checked.get(settings)
  if (!result) {
    result = settings.commit.enabled ? resolve(settings, edits, env) : Promise.resolve(undefined)
    checked.set(settings, result)
  }
  return result
}

async function resolve(settings: Settings, edits: TargetEdit[], env: NodeJS.ProcessEnv): Promise<CommitTarget> {
  const git = await openRepository(edits, settings.commit.author)
  const remote = await pickRemote(git)
  const url = await git.remoteUrl(remote)
  const { branch, detach } = await resolveBranch(git, settings.commit.branch, settings.workspace, env)
  const identity = await git.identityProblem()
  if (identity) throw new InputError('commit-author', `${settings.commit.author.name} <${settings.commit.author.email}>`, "'Display Name <email@example.com>'", `git cannot commit as it (${identity})`)
  await checkGitHubSide(settings, edits, git, url, branch, env)
  return { git, remote, url, branch, detach }
}

/**
 * What `sign-commits` and `commit: pull-request` need that inputs and git already decide: a
 * token for GitHub's API, a remote that is a GitHub repository, and (pull-request mode) a deploy
 * branch name that is valid and not the base branch.
 */
async function checkGitHubSide(settings: Settings, edits: TargetEdit[], git: Git, url: string, branch: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { sign, mode } = settings.commit
  if (!sign && mode !== 'pull-request') return
  if (!settings.token) {
    const [needs, why] = sign ? ["'sign-commits' is true", 'GitHub creates the commit through its API'] : ["'commit' is pull-request", "the pull request is opened through GitHub's API"]
    throw new InputError('token', '', `a token when ${needs}`, why)
  }
  resolveRepository(url, git.root === (await realpath(settings.workspace).catch(() => settings.workspace)), env)
  if (mode === 'pull-request') await deployBranch(git, settings, edits, branch)
}

/** The one repository holding every changed target (a config repo may sit in a subfolder). */
async function openRepository(edits: TargetEdit[], author: Settings['commit']['author']): Promise<Git> {
  const changed = edits.some(e => e.changed) ? edits.filter(e => e.changed) : edits
  const repos = await mapLimit(changed, e =>
    Git.open(e.target.dir, author).catch((error: unknown) => {
      if (!(error instanceof GitError)) throw error
      throw new Error(`commit: ${error.message}; check the repository out first (actions/checkout) or set commit: false`)
    })
  )
  const roots = [...new Set(repos.map(r => r.root))]
  if (roots.length > 1) {
    throw new InputError('path', changed.map(e => e.target.rel).join(', '), 'targets in one git repository', `they lie in ${roots.join(' and ')}`)
  }
  return repos[0]
}

async function pickRemote(git: Git): Promise<string> {
  const remotes = await git.remotes()
  if (remotes.includes('origin')) return 'origin'
  if (remotes.length === 1) return remotes[0]
  throw new Error(`commit: the repository at ${git.root} has ${remotes.length === 0 ? 'no remote' : `several remotes and none named origin (${remotes.join(', ')})`} to push to`)
}

/** The `branch` input, else the checked-out branch, else the branch this workflow builds. */
async function resolveBranch(git: Git, input: string, workspace: string, env: NodeJS.ProcessEnv): Promise<{ branch: string; detach: boolean }> {
  const explicit = input.replace(/^refs\/heads\//, '')
  const current = await git.currentBranch()
  if (explicit) {
    if (!(await git.isValidBranchName(explicit))) throw new InputError('branch', input, 'a branch name such as main or deploy/prod')
    return { branch: explicit, detach: current !== undefined && current !== explicit }
  }
  if (current) return { branch: current, detach: false }
  const ref = env.GITHUB_REF ?? ''
  if (git.root === (await realpath(workspace).catch(() => workspace)) && ref.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length)
    if (await git.isValidBranchName(branch)) return { branch, detach: false }
  }
  throw new InputError('branch', input, 'the branch to push to', `${git.root} is checked out at a detached HEAD (a tag or a pull-request merge)`)
}
