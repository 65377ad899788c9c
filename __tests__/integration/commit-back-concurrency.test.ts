/**
 * Concurrent runs of the built bundle pushing to one branch over smart HTTP: every run lands,
 * history grows by exactly one commit per run, the remote's reflog shows no forced update.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { deploy, deployRepo, isAncestor, logs, remoteReflog, type Fixture } from '../helpers/deploy-repo.js'
import { cloneRepo, git, tempDir } from '../helpers/git-http-server.js'

const LEGS = 12
const fixtures: Fixture[] = []
afterAll(async () => Promise.all(fixtures.map(f => f.server.stop())))

async function setup(overlays: string[]): Promise<Fixture> {
  const fx = await deployRepo(overlays)
  fixtures.push(fx)
  return fx
}

function expectNoForcedUpdate(fx: Fixture): void {
  for (const [old, next] of remoteReflog(fx).slice(1)) expect(isAncestor(fx, old, next)).toBe(true)
}

describe('concurrent commit-back', () => {
  it(`${LEGS} runs at once, each on its own overlay, all land`, async () => {
    const names = Array.from({ length: LEGS }, (_, i) => `env-${String(i + 1).padStart(2, '0')}`)
    const fx = await setup(names)
    const workspaces = await Promise.all(names.map(() => cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-leg-'), 'repo'), fx.home, ['--depth', '1'])))
    const runs = await Promise.all(
      names.map((name, i) =>
        deploy(fx, workspaces[i], { path: `overlays/${name}`, images: `foo:build-${i + 1}`, environment: name, 'source-commit': fx.initial })
      )
    )
    for (const run of runs) {
      expect({ code: run.code, pushed: run.outputs.pushed, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, pushed: 'true', log: '' })
    }
    expect(git(fx.bare, fx.home, 'rev-list', '--count', `${fx.initial}..main`)).toBe(String(LEGS))
    const onBranch = git(fx.bare, fx.home, 'rev-list', 'main').split('\n')
    for (const run of runs) expect(onBranch).toContain(run.outputs['commit-sha'])
    expect(remoteReflog(fx)).toHaveLength(LEGS + 1)
    expectNoForcedUpdate(fx)
    names.forEach((name, i) => expect(git(fx.bare, fx.home, 'show', `main:overlays/${name}/kustomization.yaml`)).toContain(`newTag: build-${i + 1}`))
  })

  it('two runs at once on the same overlay (different images) both land', async () => {
    const fx = await setup(['prod'])
    const [a, b] = await Promise.all([0, 1].map(() => cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-leg-'), 'repo'), fx.home)))
    const runs = await Promise.all([
      deploy(fx, a, { path: 'overlays/prod', images: 'foo:v2', 'source-commit': fx.initial }),
      deploy(fx, b, { path: 'overlays/prod', images: 'bar:v9', 'source-commit': fx.initial })
    ])
    for (const run of runs) expect({ code: run.code, pushed: run.outputs.pushed }).toEqual({ code: 0, pushed: 'true' })
    const file = git(fx.bare, fx.home, 'show', 'main:overlays/prod/kustomization.yaml')
    expect(file).toContain('newTag: v2')
    expect(file).toContain('newTag: "v9"')
    expect(file).toMatch(/^# overlay/)
    expect(git(fx.bare, fx.home, 'rev-list', '--count', `${fx.initial}..main`)).toBe('2')
    expectNoForcedUpdate(fx)
    // the run that went second re-applied its edit to the other's commit: its files are what it pushed
    const second = runs.find(r => r.outputs['commit-sha'] === git(fx.bare, fx.home, 'rev-parse', 'main'))!
    const ws = second === runs[0] ? a : b
    expect(git(ws, fx.home, 'show', 'HEAD:overlays/prod/kustomization.yaml')).toBe(file)
    expect(git(ws, fx.home, 'status', '--porcelain')).toBe('')
  })

  it('a push rejected because the branch moved between fetch and push is retried on the fresh tip', async () => {
    const fx = await setup(['prod', 'dev'])
    const ws = await cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-leg-'), 'repo'), fx.home)
    const intruder = await cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-leg-'), 'repo'), fx.home)
    let moved = false
    fx.server.beforeRequest = async req => {
      if (moved || !req.url?.includes('service=git-receive-pack')) return
      moved = true // another leg lands first: commit straight into the bare remote
      git(intruder, fx.home, 'commit', '--quiet', '--allow-empty', '-m', 'another leg')
      git(intruder, fx.home, 'push', '--quiet', fx.bare, 'HEAD:main')
    }
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:v3', 'source-commit': fx.initial })
    fx.server.beforeRequest = undefined
    expect(run.code).toBe(0)
    expect(run.outputs.pushed).toBe('true')
    expect(logs(run)).toMatch(/retry 1\/12 in \d+ ms: push of branch 'main' .* was rejected because the branch moved/)
    expect(logs(run)).toMatch(/after 1 retries/)
    expect(git(fx.bare, fx.home, 'log', '--format=%s', '-2', 'main').split('\n')).toEqual(['deploy(overlays/prod): foo dev-1338 → v3', 'another leg'])
    expectNoForcedUpdate(fx)
  })

  it("the edit's warnings (a dropped newName) are shown once, not again when it is re-applied after a rebase", async () => {
    const fx = await setup(['prod'])
    const file = 'overlays/prod/kustomization.yaml'
    const intruder = await cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-leg-'), 'repo'), fx.home)
    const renamed = readFileSync(path.join(intruder, file), 'utf8').replace('- name: foo\n', '- name: foo\n    newName: registry.example/foo\n')
    writeFileSync(path.join(intruder, file), renamed)
    git(intruder, fx.home, 'commit', '--quiet', '-am', 'foo from registry.example')
    git(intruder, fx.home, 'push', '--quiet', fx.bare, 'HEAD:main')
    const ws = await cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-leg-'), 'repo'), fx.home)
    let moved = false
    fx.server.beforeRequest = async req => {
      if (moved || !req.url?.includes('service=git-receive-pack')) return
      moved = true
      git(intruder, fx.home, 'commit', '--quiet', '--allow-empty', '-m', 'another leg')
      git(intruder, fx.home, 'push', '--quiet', fx.bare, 'HEAD:main')
    }
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:v5', 'source-commit': fx.initial })
    fx.server.beforeRequest = undefined
    expect({ code: run.code, pushed: run.outputs.pushed }).toEqual({ code: 0, pushed: 'true' })
    expect(logs(run)).toMatch(/'main' is at [0-9a-f]{7}, not at this checkout's [0-9a-f]{7}: applying the edit to its files/)
    const dropped = run.stdout.split('\n').filter(l => l.startsWith('::warning') && l.includes("drops the existing newName 'registry.example/foo'"))
    expect(dropped).toHaveLength(1)
    expect(git(fx.bare, fx.home, 'show', `main:${file}`)).not.toContain('newName')
  })
})
