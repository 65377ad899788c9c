/**
 * The one wrapper around the git CLI. Every call goes through the private `exec` choke point:
 * arguments as an array, `GIT_TERMINAL_PROMPT=0`, English messages, the identity as `-c`
 * options (never global config), credentials only in the child's environment. `try*` methods
 * never throw; the others throw a GitError carrying git's own message.
 */
import * as core from '@actions/core'
import { getExecOutput } from '@actions/exec'
import { realpath } from 'node:fs/promises'
import type { ExecResult } from '../apply/kubectl.js'
import { firstLines } from '../apply/kubectl.js'

export const MINIMUM_VERSION = [2, 31] as const

export class GitError extends Error {
  constructor(
    message: string,
    readonly result: ExecResult
  ) {
    super(message)
    this.name = 'GitError'
  }
}

export interface Identity {
  name: string
  email: string
}

export interface LoggedCommit {
  sha: string
  message: string
}

/** The git version is checked once per process, by the first `Git.open`. */
let versionChecked: Promise<void> | undefined

export class Git {
  private readonly config = new Map<string, string>()

  private constructor(
    /** the top level of the work tree */
    readonly root: string,
    private readonly identity?: Identity
  ) {}

  /** The repository that contains `dir`; fails with a clear message when there is none. */
  static async open(dir: string, identity?: Identity): Promise<Git> {
    const probe = new Git(dir, identity)
    versionChecked ??= probe.checkVersion()
    await versionChecked
    const result = await probe.exec(['rev-parse', '--show-toplevel'])
    if (result.code !== 0) throw new GitError(`${dir} is not inside a git repository (${firstLines(result.stderr)})`, result)
    return new Git(await realpath(result.stdout.trim()), identity)
  }

  private async checkVersion(): Promise<void> {
    const result = await this.exec(['version'])
    const match = /(\d+)\.(\d+)/.exec(result.stdout)
    const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0]
    const [wantMajor, wantMinor] = MINIMUM_VERSION
    if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
      throw new GitError(`git ${wantMajor}.${wantMinor} or later is required; found '${result.stdout.trim() || 'none'}'`, result)
    }
  }

  /** Configuration for this process's git children only (GIT_CONFIG_COUNT), never on argv. */
  setEnvConfig(key: string, value: string): void {
    this.config.set(key, value)
  }

  clearEnvConfig(): void {
    this.config.clear()
  }

  async tryRevParse(rev: string): Promise<string | undefined> {
    const result = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  async isValidBranchName(name: string): Promise<boolean> {
    return (await this.exec(['check-ref-format', `refs/heads/${name}`])).code === 0
  }

  async currentBranch(): Promise<string | undefined> {
    const result = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD'])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  }

  async remotes(): Promise<string[]> {
    return (await this.run(['remote'])).split('\n').map(r => r.trim()).filter(Boolean)
  }

  async remoteUrl(remote: string): Promise<string> {
    return (await this.run(['remote', 'get-url', '--push', remote])).trim()
  }

  /** `[key, value]` pairs of every config entry whose key matches `pattern` (none: empty). */
  async tryConfigGetRegexp(pattern: string): Promise<[string, string][]> {
    const result = await this.exec(['config', '--null', '--get-regexp', pattern])
    if (result.code !== 0) return []
    return result.stdout
      .split('\0')
      .filter(Boolean)
      .map(entry => {
        const newline = entry.indexOf('\n')
        return newline < 0 ? [entry, ''] : [entry.slice(0, newline), entry.slice(newline + 1)]
      })
  }

  /** Fetch one branch into `ref`; throws a GitError (the caller classifies it). */
  async fetch(remote: string, branch: string, ref: string, depth: { depth?: number; deepen?: number } = {}): Promise<void> {
    const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet']
    if (depth.depth) args.push(`--depth=${depth.depth}`)
    if (depth.deepen) args.push(`--deepen=${depth.deepen}`)
    await this.run([...args, remote, `+refs/heads/${branch}:${ref}`])
  }

  /** `true`/`false` when git can tell whether `ancestor` is an ancestor of `descendant`. */
  async tryIsAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const result = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant])
    return result.code === 0 ? true : result.code === 1 ? false : undefined
  }

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.exec(['cat-file', '-e', `${sha}^{commit}`])).code === 0
  }

  /** Fetch one commit by id (only that commit when the clone is shallow). */
  async fetchCommit(remote: string, sha: string, shallow: boolean): Promise<void> {
    await this.run(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...(shallow ? ['--depth=1'] : []), remote, sha])
  }

  /** Check `rev` out, detached, into a new work tree at `dir`; the main work tree is not touched. */
  async addWorktree(dir: string, rev: string): Promise<void> {
    await this.run(['worktree', 'add', '--quiet', '--detach', dir, rev])
  }

  /** Remove a work tree made by addWorktree (never throws). */
  async tryRemoveWorktree(dir: string): Promise<void> {
    const result = await this.exec(['worktree', 'remove', '--force', dir])
    if (result.code !== 0) core.debug(`git worktree remove: ${firstLines(result.stderr)}`)
    await this.exec(['worktree', 'prune'])
  }

  /** Commits reachable from `rev` that touch `paths`, newest first, with full messages. */
  async log(rev: string, paths: string[], maxCount: number): Promise<LoggedCommit[]> {
    const out = await this.run(['log', `--max-count=${maxCount}`, '--format=%H%x1f%B%x1e', rev, '--', ...paths])
    return out
      .split('\x1e')
      .map(record => record.replace(/^\s+/, ''))
      .filter(Boolean)
      .map(record => {
        const [sha, message] = record.split('\x1f')
        return { sha, message: message ?? '' }
      })
  }

  /** Stage exactly `paths` and commit only them; returns the new commit. */
  async commit(message: string, paths: string[]): Promise<string> {
    await this.run(['add', '--', ...paths])
    await this.run(['commit', '--quiet', '--no-verify', '--file=-', '--only', '--', ...paths], message)
    return (await this.run(['rev-parse', 'HEAD'])).trim()
  }

  /** Move HEAD (and the checked-out branch) to `rev`, updating the files that differ. */
  async resetKeep(rev: string): Promise<void> {
    await this.run(['reset', '--quiet', '--keep', rev])
  }

  async detach(): Promise<void> {
    await this.run(['checkout', '--quiet', '--detach'])
  }

  /** Push `rev` to `refs/heads/<branch>` without force; the raw result, for classification. */
  async tryPush(remote: string, rev: string, branch: string): Promise<ExecResult> {
    return this.exec(['push', '--porcelain', '--no-verify', remote, `${rev}:refs/heads/${branch}`])
  }

  /**
   * Push `rev` to `refs/heads/<branch>` replacing whatever is there, but only if the remote
   * branch is still at `expected` ('' = must not exist): the deploy branch of pull-request mode.
   */
  async tryPushLeased(remote: string, rev: string, branch: string, expected: string): Promise<ExecResult> {
    return this.exec(['push', '--porcelain', '--no-verify', `--force-with-lease=refs/heads/${branch}:${expected}`, remote, `${rev}:refs/heads/${branch}`])
  }

  /** The tree of a commit, or undefined. */
  async tryTree(rev: string): Promise<string | undefined> {
    const result = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{tree}`])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  private async run(args: string[], input?: string): Promise<string> {
    const result = await this.exec(args, input)
    if (result.code !== 0) {
      throw new GitError(`git ${args[0]} failed: ${firstLines(result.stderr) || `exit code ${result.code}`}`, result)
    }
    return result.stdout
  }

  private async exec(args: string[], input?: string): Promise<ExecResult> {
    const identity = this.identity ? ['-c', `user.name=${this.identity.name}`, '-c', `user.email=${this.identity.email}`] : []
    core.debug(`git ${args.join(' ')}`)
    const env: Record<string, string> = { ...(process.env as Record<string, string>), GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C' }
    const base = Number(env.GIT_CONFIG_COUNT) || 0
    if (this.config.size > 0) {
      let i = base
      for (const [key, value] of this.config) {
        env[`GIT_CONFIG_KEY_${i}`] = key
        env[`GIT_CONFIG_VALUE_${i}`] = value
        i++
      }
      env.GIT_CONFIG_COUNT = String(i)
    }
    try {
      const { exitCode, stdout, stderr } = await getExecOutput('git', [...identity, ...args], {
        cwd: this.root,
        silent: true,
        ignoreReturnCode: true,
        env,
        input: input === undefined ? undefined : Buffer.from(input)
      })
      return { code: exitCode, stdout, stderr }
    } catch (error) {
      throw new Error(`git: cannot run git (${error instanceof Error ? error.message : String(error)}); install git on the runner`)
    }
  }
}
