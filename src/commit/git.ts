/**
 * The one wrapper around the git CLI. Every call goes through the private `exec` choke point
 * (git-exec.ts): arguments as an array, `GIT_TERMINAL_PROMPT=0`, English messages, the identity
 * as `-c` options (never global config), credentials only in the child's environment, and a
 * time limit on every network operation (timeouts.ts). `try*` methods never throw; the others
 * throw a GitError carrying git's own message.
 */
import * as core from '@actions/core'
import { mkdtemp, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { removeOnCancel } from '../cancel.js'
import { firstLines } from '../errors.js'
import type { ExecResult } from '../process.js'
import { timeouts } from '../timeouts.js'
import { childEnv, execGit, GitError, type ExecOptions } from './git-exec.js'

export { GitError }
export const MINIMUM_VERSION = [2, 31] as const

export interface Identity {
  name: string
  email: string
}

export interface LoggedCommit {
  sha: string
  message: string
}

/** A file of a commit built by `writeCommit`: repository-relative path and full content. */
export interface CommitFile {
  path: string
  content: string
  /** content as in the work tree (clean filters such as autocrlf apply), not as stored */
  worktreeForm?: boolean
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

  /** The repository-relative path of a file (symlinks resolved), with `/` as git writes it. */
  async repoPath(file: string): Promise<string> {
    const real = await realpath(file).catch(() => file)
    return path.relative(this.root, real).split(path.sep).join('/')
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

  /** A name git accepts for a branch; never one that reads as an option (`--upload-pack=…`). */
  async isValidBranchName(name: string): Promise<boolean> {
    if (name.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(name)) return false
    return (await this.exec(['check-ref-format', `refs/heads/${name}`])).code === 0
  }

  /** git's error when no committer identity can be formed (none: undefined). */
  async identityProblem(): Promise<string | undefined> {
    const result = await this.exec(['var', 'GIT_COMMITTER_IDENT'])
    return result.code === 0 ? undefined : firstLines(result.stderr) || `git var exited ${result.code}`
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
    await this.run([...args, remote, `+refs/heads/${branch}:${ref}`], { network: true })
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
    await this.run(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...(shallow ? ['--depth=1'] : []), remote, sha], { network: true })
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

  /** A file's content at `rev` as stored; undefined when `rev` has no such file. */
  async tryReadFile(rev: string, file: string): Promise<string | undefined> {
    const result = await this.exec(['cat-file', 'blob', `${rev}:${file}`])
    return result.code === 0 ? result.stdout : undefined
  }

  /**
   * A commit on `parent` whose tree is the parent's with `files` replaced, built in a temporary
   * index: neither the work tree, nor the index, nor any branch is touched. Returns its id.
   */
  async writeCommit(parent: string, files: CommitFile[], message: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kid-index-'))
    const env = { GIT_INDEX_FILE: path.join(dir, 'index') }
    const removed = removeOnCancel(dir)
    try {
      await this.run(['read-tree', parent], { env })
      for (const file of files) {
        const filters = file.worktreeForm ? [`--path=${file.path}`] : ['--no-filters']
        const blob = (await this.run(['hash-object', '-w', '--stdin', ...filters], { input: file.content })).trim()
        const staged = await this.run(['ls-files', '--stage', '-z', '--', file.path], { env })
        const mode = /^(\d{6}) /.exec(staged)?.[1] ?? '100644'
        await this.run(['update-index', '--add', '--cacheinfo', `${mode},${blob},${file.path}`], { env })
      }
      const tree = (await this.run(['write-tree'], { env })).trim()
      return (await this.run(['commit-tree', tree, '-p', parent, '-F', '-'], { input: message })).trim()
    } finally {
      await rm(dir, { recursive: true, force: true })
      removed()
    }
  }

  /** The blob id of `rev:file`; undefined when `rev` has no such file. */
  async tryBlobId(rev: string, file: string): Promise<string | undefined> {
    const result = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}:${file}`])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  /** The blob id `content` gets when committed as the work-tree file `file` (clean filters apply). */
  async blobId(content: string, file: string): Promise<string> {
    return (await this.run(['hash-object', '--stdin', `--path=${file}`], { input: content })).trim()
  }

  /** Paths with uncommitted changes (staged, unstaged, untracked), repository-relative. */
  async dirtyPaths(): Promise<string[]> {
    const out = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
    return out.split('\0').filter(Boolean).map(entry => entry.slice(3))
  }

  /** Uncommitted changes (staged, unstaged) and untracked files, repository-relative. */
  async uncommitted(): Promise<{ path: string; tracked: boolean }[]> {
    const out = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
    return out.split('\0').filter(Boolean).map(entry => ({ path: entry.slice(3), tracked: !entry.startsWith('??') }))
  }

  /** Files git ignores (a directory it ignores whole is left out), repository-relative. */
  async ignoredFiles(): Promise<string[]> {
    const out = await this.run(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--no-empty-directory'])
    return out.split('\0').filter(entry => entry && !entry.endsWith('/'))
  }

  /** The submodules the index holds (gitlinks), repository-relative. */
  async submodules(): Promise<string[]> {
    const out = await this.run(['ls-files', '-z', '--stage'])
    return out.split('\0').filter(entry => entry.startsWith('160000 ')).map(entry => entry.slice(entry.indexOf('\t') + 1))
  }

  /** Paths that differ between two commits. */
  async changedPaths(from: string, to: string): Promise<string[]> {
    return (await this.run(['diff', '--name-only', '-z', '--no-renames', from, to, '--'])).split('\0').filter(Boolean)
  }

  /** Put `paths` back as HEAD has them (index and work tree); a path HEAD lacks is removed. */
  async restoreOrRemove(paths: string[]): Promise<void> {
    for (const file of paths) {
      if (await this.tryBlobId('HEAD', file)) await this.run(['checkout', '--quiet', 'HEAD', '--', file])
      else await rm(path.join(this.root, file), { force: true })
    }
  }

  /** Move HEAD (and the checked-out branch) to `rev`, updating the files that differ. */
  async resetKeep(rev: string): Promise<void> {
    await this.run(['reset', '--quiet', '--keep', rev])
  }

  async detach(): Promise<void> {
    await this.run(['checkout', '--quiet', '--detach'])
  }

  /**
   * Push `sha` to `refs/heads/<branch>` only if the branch is still at `expected` (the tip just
   * fetched; '' = the branch must not exist yet). `sha` descends from `expected`, so this never
   * drops a commit; a branch that moved meanwhile, or was rewound, refuses it. The raw result,
   * for classification.
   */
  async tryPush(remote: string, sha: string, branch: string, expected: string): Promise<ExecResult> {
    const lease = `--force-with-lease=refs/heads/${branch}:${expected}`
    return this.exec(['push', '--porcelain', '--no-verify', lease, remote, `${sha}:refs/heads/${branch}`], { network: true })
  }

  /** The tree of a commit, or undefined. */
  async tryTree(rev: string): Promise<string | undefined> {
    const result = await this.exec(['rev-parse', '--verify', '--quiet', `${rev}^{tree}`])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  private async run(args: string[], options: ExecOptions = {}): Promise<string> {
    const result = await this.exec(args, options)
    if (result.code !== 0) {
      throw new GitError(`git ${args[0]} failed: ${firstLines(result.stderr) || `exit code ${result.code}`}`, result)
    }
    return result.stdout
  }

  private async exec(args: string[], options: ExecOptions = {}): Promise<ExecResult> {
    const identity = this.identity ? ['-c', `user.name=${this.identity.name}`, '-c', `user.email=${this.identity.email}`] : []
    core.debug(`git ${args.join(' ')}`)
    const env = childEnv(this.config, options.env)
    const timeoutMs = options.network ? timeouts(process.env).gitNetworkMs : undefined
    return execGit([...identity, ...args], { cwd: this.root, env, input: options.input, timeoutMs, label: args[0] })
  }
}
