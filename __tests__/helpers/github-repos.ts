/**
 * What the GitHub stand-in knows about repositories: each one a real bare repository (the one
 * the smart-HTTP server serves), its pull requests and labels. Repository-changing calls act on
 * the bare repository as GitHub would: `createCommitOnBranch` builds the commit on the expected
 * head (parent = expectedHeadOid, committer GitHub, author the token's user) and moves the branch
 * only if it is still there (`git update-ref <new> <old>`, no hook runs: a protected branch's
 * pre-receive hook does not see API commits, as on GitHub); the refs API creates and moves refs.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { githubError } from './github-graphql.js'

const run = promisify(execFile)

export interface ApiUser {
  login: string
  type: 'User' | 'Bot'
}

export interface StoredPull {
  number: number
  owner: string
  repo: string
  head: string
  base: string
  title: string
  body: string
  draft: boolean
  state: 'open' | 'closed'
  labels: string[]
  nodeId: string
  autoMerge?: string
  createdAt: string
}

export interface ApiCommit {
  repository: string
  branch: string
  oid: string
  parent: string
  login: string
}

interface RepoState {
  bare: string
  allowAutoMerge: boolean
}

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' }

export async function gitIn(bare: string, args: string[], env: Record<string, string> = {}, input?: string | Buffer): Promise<string> {
  const child = run('git', args, { cwd: bare, env: { ...(process.env as Record<string, string>), ...GIT_ENV, ...env }, maxBuffer: 64 << 20 })
  if (input !== undefined) {
    child.child.stdin!.end(input)
  }
  return (await child).stdout.trim()
}

async function tryGit(bare: string, args: string[]): Promise<string | undefined> {
  try {
    return await gitIn(bare, args)
  } catch {
    return undefined
  }
}

export class GitHubRepos {
  readonly pulls: StoredPull[] = []
  readonly apiCommits: ApiCommit[] = []
  private readonly repos = new Map<string, RepoState>()
  private nextPull = 1
  private clock = Date.parse('2026-02-01T00:00:00Z')

  add(fullName: string, bare: string, options: { allowAutoMerge?: boolean } = {}): void {
    this.repos.set(fullName.toLowerCase(), { bare, allowAutoMerge: options.allowAutoMerge ?? true })
  }

  repo(fullName: string): RepoState | undefined {
    return this.repos.get(fullName.toLowerCase())
  }

  now(): string {
    return new Date((this.clock += 1000)).toISOString().replace(/\.\d+Z$/, 'Z')
  }

  async branchHead(fullName: string, branch: string): Promise<string | undefined> {
    const repo = this.repo(fullName)
    return repo ? tryGit(repo.bare, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]) : undefined
  }

  /** The createCommitOnBranch mutation. */
  async createCommit(input: CreateCommitInput, user: ApiUser): Promise<{ commit: { oid: string; url: string } }> {
    const name = input.branch.repositoryNameWithOwner
    const repo = this.repo(name ?? '')
    if (!name || !repo) throw githubError('NOT_FOUND', `Could not resolve to a Repository with the name '${name}'.`)
    const branch = (input.branch.branchName ?? '').replace(/^refs\/heads\//, '')
    const head = await this.branchHead(name, branch)
    if (!head) throw githubError('NOT_FOUND', `A ref named "refs/heads/${branch}" does not exist.`)
    const stale = () => githubError('STALE_DATA', `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`)
    if (head !== input.expectedHeadOid) throw stale()
    const index = `${repo.bare}/index-${process.pid}-${Math.random().toString(36).slice(2)}`
    const env = { GIT_INDEX_FILE: index }
    await gitIn(repo.bare, ['read-tree', head], env)
    for (const addition of input.fileChanges?.additions ?? []) {
      const blob = await gitIn(repo.bare, ['hash-object', '-w', '--stdin'], {}, Buffer.from(addition.contents, 'base64'))
      await gitIn(repo.bare, ['update-index', '--add', '--cacheinfo', `100644,${blob},${addition.path}`], env)
    }
    for (const deletion of input.fileChanges?.deletions ?? []) await gitIn(repo.bare, ['update-index', '--force-remove', deletion.path], env)
    const tree = await gitIn(repo.bare, ['write-tree'], env)
    const message = input.message.body ? `${input.message.headline}\n\n${input.message.body}` : input.message.headline
    const identity = {
      GIT_AUTHOR_NAME: user.login,
      GIT_AUTHOR_EMAIL: `${user.login.length}+${user.login}@users.noreply.github.com`,
      GIT_COMMITTER_NAME: 'GitHub',
      GIT_COMMITTER_EMAIL: 'noreply@github.com'
    }
    const oid = await gitIn(repo.bare, ['commit-tree', tree, '-p', head, '-F', '-'], identity, message)
    await run('rm', ['-f', index])
    try {
      await gitIn(repo.bare, ['update-ref', '-m', 'createCommitOnBranch', `refs/heads/${branch}`, oid, head])
    } catch {
      throw stale()
    }
    this.apiCommits.push({ repository: name, branch, oid, parent: head, login: user.login })
    return { commit: { oid, url: `https://github.example/${name}/commit/${oid}` } }
  }

  /** POST git/refs: false when the ref exists already. */
  async createRef(fullName: string, ref: string, sha: string): Promise<boolean> {
    const repo = this.repo(fullName)!
    try {
      await gitIn(repo.bare, ['update-ref', '-m', 'api create', ref, sha, ''])
      return true
    } catch {
      return false
    }
  }

  /** PATCH git/refs: false when not a fast-forward and not forced. */
  async updateRef(fullName: string, ref: string, sha: string, force: boolean): Promise<boolean> {
    const repo = this.repo(fullName)!
    const old = await tryGit(repo.bare, ['rev-parse', '--verify', '--quiet', ref])
    if (old && !force && (await tryGit(repo.bare, ['merge-base', '--is-ancestor', old, sha])) === undefined) return false
    await gitIn(repo.bare, ['update-ref', '-m', force ? 'api forced update' : 'api update', ref, sha])
    return true
  }

  openPull(fullName: string, fields: { head: string; base: string; title: string; body: string; draft: boolean }): StoredPull {
    const [owner, repo] = fullName.split('/')
    const number = this.nextPull++
    const pull: StoredPull = { number, owner, repo, ...fields, state: 'open', labels: [], nodeId: `PR_kwDO${number}`, createdAt: this.now() }
    this.pulls.push(pull)
    return pull
  }

  /** The enablePullRequestAutoMerge mutation. */
  enableAutoMerge(input: { pullRequestId: string; mergeMethod?: string }) {
    const pull = this.pulls.find(p => p.nodeId === input.pullRequestId)
    if (!pull) throw githubError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.pullRequestId}'`)
    if (!this.repo(`${pull.owner}/${pull.repo}`)!.allowAutoMerge) throw githubError('UNPROCESSABLE', 'Pull request Auto merge is not allowed for this repository')
    pull.autoMerge = input.mergeMethod ?? 'MERGE'
    return { pullRequest: { number: pull.number, autoMergeRequest: { mergeMethod: pull.autoMerge } } }
  }
}

export interface CreateCommitInput {
  branch: { repositoryNameWithOwner?: string; branchName?: string }
  expectedHeadOid: string
  fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] }
  message: { headline: string; body?: string }
}
