/**
 * The README's scenarios are linted by actionlint in CI; here the deploy jobs of three of them
 * run as written (workflow-replay.ts: their `run:` steps, and `uses:` of this action with the
 * built bundle) against the control plane of scripts/e2e, with a bare repository as `origin`:
 * the quick start, the matrix of environments (all legs at once, pushing to one branch), the
 * apply-on-merge workflow of protected branches, and the scheduled reconcile (which must name
 * and undo a `kubectl set image`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectlOk, liveImage, requireCluster } from '../helpers/cluster.js'
import { replayWorkflowJob, type ReplayContext } from '../helpers/workflow-replay.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim()

/** The first yaml block after the heading (after `text` in that section, when given). */
function example(heading: string, text = ''): string {
  let at = README.indexOf(`\n${heading}\n`)
  if (at < 0) throw new Error(`README.md has no heading '${heading}'`)
  if (text) at = README.indexOf(text, at)
  if (at < 0) throw new Error(`README.md: no '${text}' after '${heading}'`)
  const block = /```yaml\n([\s\S]*?)\n```/.exec(README.slice(at))
  if (!block) throw new Error(`README.md: no yaml block after '${heading}'`)
  return block[1]
}

/** origin with one overlay per environment (each in its own namespace); returns the remote. */
function origin(overlays: Record<string, string>): string {
  const root = tempDir('kid-readme-e2e-')
  const remote = path.join(root, 'origin.git')
  const seed = path.join(root, 'seed')
  git(root, 'init', '-q', '--bare', '-b', 'main', remote)
  git(root, 'init', '-q', '-b', 'main', seed)
  const files: Record<string, string> = {
    'deploy/base/deployment.yaml': deployment('web', 'ghcr.io/example/web:initial'),
    'deploy/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n'
  }
  for (const [env, ns] of Object.entries(overlays)) {
    files[`deploy/overlays/${env}/kustomization.yaml`] = `namespace: ${ns}\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/example/web\n    newTag: initial\n`
  }
  writeFiles(seed, files)
  git(seed, 'add', '-A')
  git(seed, 'commit', '-qm', 'overlays')
  git(seed, 'push', '-q', remote, 'main')
  return remote
}

/** A checkout of main, as actions/checkout leaves it on a push. */
function checkout(remote: string): { workspace: string; sha: string } {
  const workspace = path.join(tempDir('kid-readme-ws-'), 'ws')
  git(path.dirname(workspace), 'clone', '-q', remote, workspace)
  return { workspace, sha: git(workspace, 'rev-parse', 'HEAD') }
}

function context(workspace: string, sha: string, extra: Partial<ReplayContext> = {}): ReplayContext {
  return {
    workspace,
    github: { repository: 'acme/web', run_id: '5151', run_attempt: '1', sha, ref: 'refs/heads/main', event_name: 'push', token: '', api_url: '', server_url: 'https://github.example' },
    env: { PATH: `${path.dirname(KUBECTL)}:${process.env.PATH}` },
    secrets: { KUBECONFIG: readFileSync(process.env.KUBECONFIG ?? '', 'utf8'), GITHUB_TOKEN: '' },
    ...extra
  }
}

const ok = (replay: { failed?: string; log: string }) => expect({ failed: replay.failed, log: replay.failed ? replay.log : '' }).toEqual({ failed: undefined, log: '' })

beforeAll(() => {
  requireCluster()
})
afterAll(() => {
  deleteNamespaces()
})

describe('README scenarios on the control plane', () => {
  it('quick start: the deploy job commits the tag to main and the cluster runs it', async () => {
    const ns = await freshNamespace('kid-readme-quick')
    const remote = origin({ production: ns })
    const { workspace, sha } = checkout(remote)
    const replay = await replayWorkflowJob(example('## Quick start'), 'README.md#quick-start', 'deploy', context(workspace, sha))
    ok(replay)
    const run = Object.values(replay.actions)[0]
    expect(run.outputs).toMatchObject({ pushed: 'true', applied: 'true' })
    expect(git(remote, 'rev-parse', 'main')).toBe(run.outputs['commit-sha'])
    expect(liveImage(ns, 'web')).toBe(`ghcr.io/example/web:${sha}`)
  })

  it('a matrix of environments: three legs at once all land on main and in their namespaces', async () => {
    const envs = ['development', 'staging', 'production']
    const namespaces = await Promise.all(envs.map(e => freshNamespace(`kid-readme-${e.slice(0, 4)}`)))
    const remote = origin(Object.fromEntries(envs.map((e, i) => [e, namespaces[i]])))
    const legs = envs.map(() => checkout(remote))
    const sha = legs[0].sha
    const replays = await Promise.all(
      envs.map((environment, i) => replayWorkflowJob(example('### A matrix of environments'), 'README.md#a-matrix-of-environments', 'deploy', context(legs[i].workspace, sha, { matrix: { environment } })))
    )
    replays.forEach(ok)
    expect(replays.map(r => r.actions.deploy.outputs.pushed)).toEqual(['true', 'true', 'true'])
    const tip = checkout(remote).workspace
    for (const [i, environment] of envs.entries()) {
      expect(readFileSync(path.join(tip, 'deploy', 'overlays', environment, 'kustomization.yaml'), 'utf8')).toContain(`newTag: ${sha}`)
      expect(liveImage(namespaces[i], 'web')).toBe(`ghcr.io/example/web:${sha}`)
    }
    expect(git(tip, 'log', '--format=%s', 'main').split('\n')).toHaveLength(4)
  })

  it('protected branches, apply on merge: applies what main holds once the deploy pull request is merged', async () => {
    const ns = await freshNamespace('kid-readme-merge')
    const remote = origin({ production: ns })
    // the deploy pull request, merged: main now records the new tag
    const merged = checkout(remote).workspace
    const file = path.join(merged, 'deploy', 'overlays', 'production', 'kustomization.yaml')
    writeFiles(merged, { 'deploy/overlays/production/kustomization.yaml': readFileSync(file, 'utf8').replace('newTag: initial', 'newTag: merged-1') })
    git(merged, 'commit', '-qam', 'deploy(production): ghcr.io/example/web initial → merged-1 (#12)')
    git(merged, 'push', '-q', 'origin', 'main')
    const { workspace, sha } = checkout(remote)
    const replay = await replayWorkflowJob(example('### Protected branches', '**Apply on merge'), 'README.md#protected-branches', 'apply', context(workspace, sha))
    ok(replay)
    const run = Object.values(replay.actions)[0]
    expect(run.outputs).toMatchObject({ changed: 'false', pushed: 'false', applied: 'true' })
    expect(git(remote, 'rev-parse', 'main')).toBe(sha)
    expect(liveImage(ns, 'web')).toBe('ghcr.io/example/web:merged-1')
  })

  it('reconcile on a schedule: applies git as it is, names and undoes a kubectl set image', async () => {
    const ns = await freshNamespace('kid-readme-reconcile')
    const remote = origin({ staging: ns })
    const reconcile = async () => {
      const { workspace, sha } = checkout(remote)
      const ctx = context(workspace, sha, { matrix: { environment: 'staging' }, github: { ...context(workspace, sha).github, event_name: 'schedule' } })
      const replay = await replayWorkflowJob(example('### Reconcile on a schedule'), 'README.md#reconcile-on-a-schedule', 'reconcile', ctx)
      ok(replay)
      return replay
    }
    const first = await reconcile()
    expect(first.actions.reconcile.outputs.pushed).toBe('false')
    expect(first.log).not.toContain('::warning title=Drift')
    expect(liveImage(ns, 'web')).toBe('ghcr.io/example/web:initial')

    kubectlOk(['-n', ns, 'set', 'image', 'deployment/web', 'web=ghcr.io/example/web:by-hand'])
    const second = await reconcile()
    expect(second.log).toContain(`::warning title=Drift in staging::put back to what git holds: Deployment/web (${ns})`)
    expect(liveImage(ns, 'web')).toBe('ghcr.io/example/web:initial')

    const third = await reconcile()
    expect(third.log).not.toContain('::warning title=Drift')
  })
})
