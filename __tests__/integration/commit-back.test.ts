/**
 * Commit-back with real git against a bare remote served over smart HTTP on loopback, driven
 * through the built bundle under Node 24: trailers and message, the stale guard, detached
 * HEAD, shallow clone, a config repository in a subfolder, auth and protected-branch failures.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { cloneDeploy, deploy, deployRepo, logs, remoteReflog, sourceCommits, type Fixture } from '../helpers/deploy-repo.js'
import { basicHeader, cloneRepo, createRemote, git, gitEnv, protectBranch, tempDir } from '../helpers/git-http-server.js'

const FILE = 'overlays/prod/kustomization.yaml'
let fx: Fixture

beforeAll(async () => {
  fx = await deployRepo(['prod', 'dev'])
})
afterAll(async () => fx?.server.stop())

const clone = (extra: string[] = []) => cloneDeploy(fx, extra)
const remoteTip = () => git(fx.bare, fx.home, 'rev-parse', 'main')
const remoteFile = (file = FILE) => git(fx.bare, fx.home, 'show', `main:${file}`)

describe('commit-back', () => {
  it('commits only the changed file with message, trailers and identity, and pushes it', async () => {
    const ws = await clone()
    const [source] = await sourceCommits(fx, 1)
    const before = remoteTip()
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:dev-1339', environment: 'prod', 'source-commit': source, 'skip-ci': 'true' }, {
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '2'
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', stale: 'false', 'commit-sha': remoteTip() })
    expect(git(fx.bare, fx.home, 'rev-parse', 'main^')).toBe(before)
    const message = git(fx.bare, fx.home, 'log', '-1', '--format=%B', 'main')
    expect(message.split('\n')[0]).toBe('deploy(prod): foo dev-1338 → dev-1339 [skip ci]')
    expect(message).toContain(`Deploy-Source: ${source}`)
    expect(message).toContain('Deploy-Run: 4242/2')
    expect(message).toContain(`Deploy-Path: ${FILE}`)
    expect(message).toContain('Deploy-Image: foo:dev-1339')
    expect(git(fx.bare, fx.home, 'log', '-1', '--format=%an <%ae>|%cn', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot]'
    )
    expect(git(fx.bare, fx.home, 'diff', '--name-only', 'main^', 'main')).toBe(FILE)
    expect(remoteFile()).toContain('newTag: dev-1339')
    expect(git(ws, fx.home, 'rev-parse', 'HEAD')).toBe(remoteTip())
    expect(git(ws, fx.home, 'status', '--porcelain')).toBe('')
    expect(logs(run)).not.toContain(fx.server.token)
  })

  it('nothing changed: no commit, no push; commit-sha is the tip that already holds the edit', async () => {
    const ws = await clone()
    const tag = /newTag: (\S+)/.exec(remoteFile())![1]
    const before = remoteTip()
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: `foo:${tag}` })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ changed: 'false', pushed: 'false', stale: 'false', 'commit-sha': before })
    expect(remoteTip()).toBe(before)
  })

  it('stale guard: an older source is refused, the same source is a no-op, allow-downgrade rolls back', async () => {
    const [older, newer] = await sourceCommits(fx, 2)
    const early = await clone() // checked out before the newer deploy, like a delayed run
    const early2 = await clone()
    const newRun = await deploy(fx, await clone(), { path: 'overlays/prod', images: 'foo:v-new', 'source-commit': newer })
    expect(newRun.outputs.pushed).toBe('true')
    const deployed = remoteTip()

    const stale = await deploy(fx, early, { path: 'overlays/prod', images: 'foo:v-old', 'source-commit': older })
    expect(stale.code).toBe(0)
    expect(stale.outputs).toMatchObject({ pushed: 'false', stale: 'true', 'commit-sha': '' })
    expect(stale.stdout).toMatch(new RegExp(`::warning::.*stale run.*${newer.slice(0, 7)}.*${older.slice(0, 7)}`))
    expect(remoteTip()).toBe(deployed)

    const again = await deploy(fx, early2, { path: 'overlays/prod', images: 'foo:v-new', 'source-commit': newer })
    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ pushed: 'false', stale: 'false', 'commit-sha': deployed })
    expect(remoteTip()).toBe(deployed)

    const rollback = await deploy(fx, await clone(), { path: 'overlays/prod', images: 'foo:v-old', 'source-commit': older, 'allow-downgrade': 'true' })
    expect(rollback.outputs).toMatchObject({ pushed: 'true', stale: 'false' })
    expect(rollback.stdout).toMatch(/::warning::.*rolling back/)
    expect(remoteFile()).toContain('newTag: v-old')
  })

  it('pushes from a detached HEAD to the branch input, and asks for it when missing', async () => {
    const ws = await clone()
    git(ws, fx.home, 'checkout', '--quiet', '--detach')
    const missing = await deploy(fx, ws, { path: 'overlays/dev', images: 'bar:8' })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/::error::branch: '' is not valid: .*detached HEAD.*; expected the branch to push to/)
    git(ws, fx.home, 'checkout', '--quiet', '--', '.')
    const run = await deploy(fx, ws, { path: 'overlays/dev', images: 'bar:8', branch: 'main' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'commit-sha': remoteTip() })
    expect(remoteFile('overlays/dev/kustomization.yaml')).toContain('newTag: "8"')
  })

  it('pushes from a shallow clone after the branch moved on', async () => {
    const ws = await clone(['--depth', '1'])
    expect(git(ws, fx.home, 'rev-parse', '--is-shallow-repository')).toBe('true')
    await sourceCommits(fx, 3)
    const run = await deploy(fx, ws, { path: 'overlays/dev', images: 'bar:9', 'source-commit': git(ws, fx.home, 'rev-parse', 'HEAD') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'commit-sha': remoteTip() })
    expect(git(fx.bare, fx.home, 'rev-list', '--count', 'main~4..main')).toBe('4')
    expect(readFileSync(path.join(ws, 'overlays/dev/kustomization.yaml'), 'utf8').trim()).toBe(remoteFile('overlays/dev/kustomization.yaml'))
  })

  it('writes back a config repository checked out into a subfolder to its own remote', async () => {
    const workspace = tempDir('kid-app-')
    const app = createRemote(tempDir('kid-app-remote-'), 'app.git', { 'README.md': 'app\n' }, fx.home)
    execFileSync('git', ['clone', '--quiet', app.bare, workspace], { env: gitEnv(fx.home) })
    await cloneRepo(fx.server, 'deploy.git', path.join(workspace, 'config'), fx.home)
    const run = await deploy(fx, workspace, { path: 'config/overlays/dev', images: 'bar:10' }, { GITHUB_REF: 'refs/heads/main' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'commit-sha': remoteTip() })
    expect(remoteFile('overlays/dev/kustomization.yaml')).toContain('newTag: "10"')
    expect(git(app.bare, fx.home, 'rev-parse', 'main')).toBe(app.initial)
    expect(git(fx.bare, fx.home, 'log', '-1', '--format=%B', 'main')).toContain('Deploy-Path: overlays/dev/kustomization.yaml')
  })

  it('the token input wins over credentials actions/checkout persisted, and the git config is left as it was', async () => {
    const ws = await clone()
    const key = `http.${fx.server.url('')}.extraheader`
    git(ws, fx.home, 'config', key, basicHeader('a-persisted-token-this-remote-refuses'))
    const config = readFileSync(path.join(ws, '.git', 'config'), 'utf8')
    const run = await deploy(fx, ws, { path: 'overlays/dev', images: 'bar:11' })
    expect({ code: run.code, pushed: run.outputs.pushed, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, pushed: 'true', log: '' })
    expect(logs(run)).toMatch(/authenticating to http:\/\/127\.0\.0\.1:\d+\/deploy\.git with the 'token' input \(it wins over the credentials persisted in the git config\)/)
    expect(readFileSync(path.join(ws, '.git', 'config'), 'utf8')).toBe(config)
  })

  it('uses credentials persisted in the checkout when the token input is empty', async () => {
    const ws = await clone()
    git(ws, fx.home, 'config', `http.${fx.server.url('')}.extraheader`, basicHeader(fx.server.token))
    const run = await deploy(fx, ws, { path: 'overlays/dev', images: 'bar:13', token: '' })
    expect({ code: run.code, pushed: run.outputs.pushed }).toEqual({ code: 0, pushed: 'true' })
    expect(logs(run)).toContain("no 'token' input: using the credentials persisted in the repository's git config")
  })

  it('wrong token: one-line authentication error, no retry, nothing pushed', async () => {
    const ws = await clone()
    const before = remoteTip()
    const requests = fx.server.requests.length
    const run = await deploy(fx, ws, { path: 'overlays/dev', images: 'bar:12', token: 'wrong-token-value' })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/fetch of branch 'main' at http:\/\/127\.0\.0\.1:\d+\/deploy\.git was denied: authentication or permission failed .*contents: write/)
    expect(logs(run)).not.toMatch(/retry \d/)
    expect(fx.server.requests.length - requests).toBeLessThanOrEqual(2)
    expect(logs(run)).not.toContain('wrong-token-value')
    expect(remoteTip()).toBe(before)
  })

  it('protected branch: classified error naming the rule, no retry, nothing pushed', async () => {
    const protectedFx = await deployRepo(['prod'])
    try {
      protectBranch(protectedFx.bare)
      const ws = await cloneRepo(protectedFx.server, 'deploy.git', path.join(tempDir('kid-ws-'), 'repo'), protectedFx.home)
      const before = git(protectedFx.bare, protectedFx.home, 'rev-parse', 'main')
      const run = await deploy(protectedFx, ws, { path: 'overlays/prod', images: 'foo:v2' })
      expect(run.code).toBe(1)
      const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/push of branch 'main' .* was refused by a branch protection rule.*GH006: Protected branch update failed for refs\/heads\/main.*GitHub App token/)
      expect(logs(run)).not.toMatch(/retry \d/)
      expect(git(protectedFx.bare, protectedFx.home, 'rev-parse', 'main')).toBe(before)
      expect(remoteReflog(protectedFx)).toHaveLength(1)
    } finally {
      await protectedFx.server.stop()
    }
  })
})
