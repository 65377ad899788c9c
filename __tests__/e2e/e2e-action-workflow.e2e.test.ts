/**
 * .github/workflows/e2e-action.yml runs the action through `uses: ./` on GitHub's runner against
 * kind. Its jobs are replayed here (workflow-replay.ts): the same steps, inputs and assertion
 * scripts, with the built bundle against the control plane of scripts/e2e, a bare repository as
 * `origin` (what actions/checkout leaves behind) and the GitHub API stand-in. A workflow whose
 * assertions would not hold fails here before it fails on GitHub.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../helpers/action.js'
import { KUBECTL, kubectl, requireCluster } from '../helpers/cluster.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import { replayJob, type ReplayContext } from '../helpers/workflow-replay.js'
import { tempDir } from '../helpers/workspace.js'

const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'e2e-action.yml')
const NAMESPACE = 'kid-e2e-action'
const THIRD_PARTY = [/^actions\/checkout@[0-9a-f]{40}$/, /^helm\/kind-action@[0-9a-f]{40}$/]
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim()

/** A bare `origin` holding the e2e overlay at the path the workflow names, and a clone of it on main. */
function checkout(): { remote: string; workspace: string; base: string } {
  const root = tempDir('kid-e2e-action-')
  const remote = path.join(root, 'origin.git')
  const seed = path.join(root, 'seed')
  git(root, 'init', '-q', '--bare', '-b', 'main', remote)
  git(root, 'init', '-q', '-b', 'main', seed)
  cpSync(path.join(ROOT, '.github', 'e2e'), path.join(seed, '.github', 'e2e'), { recursive: true })
  git(seed, 'add', '-A')
  git(seed, 'commit', '-qm', 'e2e overlay')
  git(seed, 'push', '-q', remote, 'main')
  const workspace = path.join(root, 'workspace')
  git(root, 'clone', '-q', remote, workspace)
  return { remote, workspace, base: git(workspace, 'rev-parse', 'HEAD') }
}

function context(workspace: string, github: Record<string, string>, env: Record<string, string> = {}): ReplayContext {
  return {
    workspace,
    github: { repository: 'acme/web', run_id: '4242', run_attempt: '1', ref: 'refs/heads/main', token: '', api_url: '', server_url: 'https://github.example', ...github },
    env: { PATH: `${path.dirname(KUBECTL)}:${process.env.PATH}`, KUBECONFIG: process.env.KUBECONFIG ?? '', ...env }
  }
}

const namespaceExists = () => kubectl(['get', 'namespace', NAMESPACE]).status === 0
function deleteNamespace(): void {
  kubectl(['delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=true', '--timeout=120s'])
}

beforeAll(() => {
  requireCluster()
  deleteNamespace()
})
afterAll(() => {
  deleteNamespace()
})

describe('e2e-action.yml, job deploy (push)', () => {
  it('edits, commits to the throwaway branch, applies, waits; the second run is a no-op; the branch is removed', async () => {
    const { remote, workspace, base } = checkout()
    const replay = await replayJob(WORKFLOW, 'deploy', context(workspace, { sha: base, event_name: 'push' }))
    expect({ failed: replay.failed, log: replay.failed ? replay.log : '' }).toEqual({ failed: undefined, log: '' })
    expect(replay.skipped.map(u => THIRD_PARTY.some(r => r.test(u)))).toEqual([true, true])
    expect(replay.actions.deploy.outputs.pushed).toBe('true')
    expect(replay.actions.again.outputs.changed).toBe('false')
    // the last step removed the throwaway branch; main never moved
    expect(git(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads/')).toBe('refs/heads/main')
    expect(git(remote, 'rev-parse', 'main')).toBe(base)
  })

  it('fails at the step that fails, and still removes the branch', async () => {
    deleteNamespace()
    const { remote, workspace, base } = checkout()
    // an image the overlay does not use: the action refuses it (unmatched), nothing is pushed
    const ctx = { ...context(workspace, { sha: base, event_name: 'push', run_id: '4343' }), override: { IMAGE: 'registry.k8s.io/not-in-the-overlay' } }
    const replay = await replayJob(WORKFLOW, 'deploy', ctx)
    expect(replay.failed).toBe('deploy')
    expect(replay.actions.again).toBeUndefined()
    expect(replay.log).toContain('── remove the throwaway branch (run) exited 0')
    expect(git(remote, 'for-each-ref', '--format=%(refname)', 'refs/heads/')).toBe('refs/heads/main')
    expect(namespaceExists()).toBe(false)
  })
})

describe('e2e-action.yml, job preview (pull_request)', () => {
  let server: GitHubApiServer
  beforeAll(async () => {
    server = await GitHubApiServer.start({ 'gha-token': { login: 'github-actions[bot]', type: 'Bot', write: true, readsUser: false } })
  })
  afterAll(async () => {
    await server.close()
  })

  it('comments the rendered diff and applies nothing', async () => {
    deleteNamespace()
    const { workspace, base } = checkout()
    git(workspace, 'switch', '-qc', 'feature')
    writeFileSync(path.join(workspace, 'notes.txt'), 'a change in the pull request\n')
    git(workspace, 'add', '-A')
    git(workspace, 'commit', '-qm', 'a pull request')
    const head = git(workspace, 'rev-parse', 'HEAD')
    const event = path.join(tempDir('kid-e2e-event-'), 'event.json')
    const repo = { full_name: 'acme/web' }
    writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main', repo }, head: { sha: head, ref: 'feature', repo } } }))
    const ctx = context(workspace, { sha: head, event_name: 'pull_request', token: 'gha-token', api_url: server.url, ref: 'refs/pull/7/merge' }, { GITHUB_EVENT_PATH: event })
    const replay = await replayJob(WORKFLOW, 'preview', ctx)
    expect({ failed: replay.failed, log: replay.failed ? replay.log : '' }).toEqual({ failed: undefined, log: '' })
    expect(server.on('acme', 'web', 7)).toHaveLength(1)
    expect(server.violations).toEqual([])
    expect(namespaceExists()).toBe(false)
  })
})
