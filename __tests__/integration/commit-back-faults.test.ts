/**
 * Commit-back under faults, through the built bundle under Node 24 against bare remotes served
 * over smart HTTP: a force-push rewind, a push whose answer is lost, refused/reset/silent
 * connections, hooks with their own messages, a dirty checkout, and git preconditions checked
 * before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { deploy, deployRepo, isAncestor, logs, type Fixture } from '../helpers/deploy-repo.js'
import { cloneRepo, git, installHook, pushOver, tempDir } from '../helpers/git-http-server.js'

const FILE = 'overlays/prod/kustomization.yaml'
const fixtures: Fixture[] = []
let fx: Fixture

beforeAll(async () => {
  fx = await fresh()
})
afterAll(async () => Promise.all(fixtures.map(f => f.server.stop())))

async function fresh(): Promise<Fixture> {
  const f = await deployRepo(['prod', 'dev'])
  fixtures.push(f)
  return f
}

const clone = (f = fx) => cloneRepo(f.server, 'deploy.git', path.join(tempDir('kid-ws-'), 'repo'), f.home)
const tip = (f = fx) => git(f.bare, f.home, 'rev-parse', 'main')
const errors = (stdout: string) => stdout.split('\n').filter(l => l.startsWith('::error'))

describe('commit-back: history', () => {
  it('a force-push rewind is not undone: the commit is built on the rewound tip, the removed commit stays removed', async () => {
    const f = await fresh()
    const writer = await clone(f)
    writeFileSync(path.join(writer, 'SECRET.txt'), 'oops\n')
    git(writer, f.home, 'add', 'SECRET.txt')
    git(writer, f.home, 'commit', '--quiet', '-m', 'add SECRET.txt by mistake')
    await pushOver(f.server, writer, f.home, 'origin', 'main')
    const x = tip(f)
    const ws = await clone(f) // the job checked X out
    await pushOver(f.server, writer, f.home, '--force', 'origin', `${x}^:main`) // someone removes X
    const rewound = tip(f)
    expect(rewound).toBe(f.initial)

    const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:v2', 'source-commit': f.initial })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'commit-sha': tip(f) })
    expect(git(f.bare, f.home, 'rev-parse', 'main^')).toBe(rewound)
    expect(git(f.bare, f.home, 'ls-tree', '--name-only', 'main')).not.toContain('SECRET.txt')
    expect(isAncestor(f, x, tip(f))).toBe(false)
    expect(git(f.bare, f.home, 'show', `main:${FILE}`)).toContain('newTag: v2')
    // the checkout is what was pushed
    expect(git(ws, f.home, 'rev-parse', 'HEAD')).toBe(tip(f))
    expect(existsSync(path.join(ws, 'SECRET.txt'))).toBe(false)
    expect(git(ws, f.home, 'status', '--porcelain')).toBe('')
  })

  it('a push whose answer was lost (applied, then the connection dropped) reports pushed=true, changed=true', async () => {
    const f = await fresh()
    const ws = await clone(f)
    f.server.fault = { kind: 'drop-after-push', count: 1 }
    const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:v3', 'source-commit': f.initial }, { GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '1' })
    f.server.fault = undefined
    expect(f.server.injected).toContain('drop-after-push')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', changed: 'true', 'commit-sha': tip(f) })
    // git (curl) may re-send the POST on the dropped connection: the retry then sees a moved ref
    expect(logs(run)).toMatch(/retry 1\/12 .*push of branch 'main'/)
    expect(logs(run)).toMatch(/the push landed although its answer was lost/)
    expect(git(f.bare, f.home, 'rev-list', '--count', `${f.initial}..main`)).toBe('1')
    expect(git(f.bare, f.home, 'log', '-1', '--format=%B', 'main')).toContain('Deploy-Run: 99/1')
    expect(git(ws, f.home, 'rev-parse', 'HEAD')).toBe(tip(f))
    expect(git(ws, f.home, 'status', '--porcelain')).toBe('')
  })

  it('a dirty tracked file the branch also changed: a clear error, nothing pushed, no local commit', async () => {
    const f = await fresh()
    const ws = await clone(f)
    const head = git(ws, f.home, 'rev-parse', 'HEAD')
    writeFileSync(path.join(ws, 'base/deployment.yaml'), readFileSync(path.join(ws, 'base/deployment.yaml'), 'utf8') + '# local note\n')
    const other = await clone(f)
    writeFileSync(path.join(other, 'base/deployment.yaml'), readFileSync(path.join(other, 'base/deployment.yaml'), 'utf8').replace('name: app', 'name: app2'))
    git(other, f.home, 'commit', '--quiet', '-am', 'rename app')
    await pushOver(f.server, other, f.home, 'origin', 'main')
    const before = tip(f)
    const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:v4', 'source-commit': f.initial })
    expect(run.code).toBe(1)
    const lines = errors(run.stdout)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/cannot move this checkout onto 'main' \([0-9a-f]{7}\): base\/deployment\.yaml has uncommitted changes here and the branch changed it since [0-9a-f]{7}; commit or discard them/)
    expect(logs(run)).not.toMatch(/not uptodate/)
    expect(tip(f)).toBe(before)
    expect(git(ws, f.home, 'rev-parse', 'HEAD')).toBe(head)
  })
})

describe('commit-back: network', () => {
  it('a reset connection is transient: retried, then pushed', async () => {
    const f = await fresh()
    const ws = await clone(f)
    f.server.fault = { kind: 'reset', count: 1 }
    const run = await deploy(f, ws, { path: 'overlays/dev', images: 'bar:2', 'source-commit': f.initial })
    f.server.fault = undefined
    expect(f.server.injected).toContain('reset')
    expect({ code: run.code, pushed: run.outputs.pushed }).toEqual({ code: 0, pushed: 'true' })
    expect(logs(run)).toMatch(/retry 1\/12 .*fetch of branch 'main' .* failed on the network/)
  })

  it('a refused connection is transient: retried, then pushed', async () => {
    const f = await fresh()
    const ws = await clone(f)
    let refusing: Promise<void> | undefined
    f.server.beforeRequest = req => {
      if (refusing || !req.url?.includes('git-receive-pack')) return
      refusing = f.server.refuseFor(1200) // the push's connections are refused for a while
      req.socket.resetAndDestroy()
    }
    const run = await deploy(f, ws, { path: 'overlays/dev', images: 'bar:3', 'source-commit': f.initial })
    f.server.beforeRequest = undefined
    await refusing
    expect({ code: run.code, pushed: run.outputs.pushed }).toEqual({ code: 0, pushed: 'true' })
    expect(logs(run)).toMatch(/retry \d\/12 .*failed on the network \((Failed to connect|.*Couldn't connect to server|.*Connection refused)/i)
    expect(git(f.bare, f.home, 'show', 'main:overlays/dev/kustomization.yaml')).toContain('newTag: "3"')
  })

  it('a silent remote: every git network operation is cut off after KID_GIT_TIMEOUT, the run fails clearly', async () => {
    const f = await fresh()
    const ws = await clone(f)
    const before = tip(f)
    f.server.fault = { kind: 'silent' }
    const started = Date.now()
    const run = await deploy(f, ws, { path: 'overlays/dev', images: 'bar:4' }, { KID_GIT_TIMEOUT: '1.5' })
    const elapsed = Date.now() - started
    f.server.fault = undefined
    expect(run.code).toBe(1)
    const lines = errors(run.stdout)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/fetch of branch 'main' at http:\/\/127\.0\.0\.1:\d+\/deploy\.git failed on the network \(git fetch timed out after 1\.5 s/)
    expect(logs(run).match(/retry \d\/12/g)).toHaveLength(3)
    expect(elapsed).toBeLessThan(60_000) // a bound on a hang, not a performance figure
    expect(tip(f)).toBe(before)
  })
})

describe('commit-back: hooks', () => {
  it("a custom pre-receive hook's own words reach the error; not retried", async () => {
    const f = await fresh()
    installHook(f.bare, 'pre-receive', 'echo "policy: deploys to main are frozen until 2026-12-01 (ask #release)" >&2\nexit 1')
    const ws = await clone(f)
    const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:v5' })
    expect(run.code).toBe(1)
    const lines = errors(run.stdout)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/push of branch 'main' .* was refused by .*pre-receive hook \(policy: deploys to main are frozen until 2026-12-01 \(ask #release\)\)/)
    expect(logs(run)).not.toMatch(/retry \d/)
    // nothing was pushed: the files are put back (commit-phase-leftovers.test.ts)
    expect(git(ws, f.home, 'status', '--porcelain')).toBe('')
    expect(git(ws, f.home, 'rev-list', '--count', 'origin/main..HEAD')).toBe('0')
  })

  it('a hook message that merely contains "cannot lock ref" is not a branch race', async () => {
    const f = await fresh()
    installHook(f.bare, 'update', 'echo "error: cannot lock ref $1: release freeze holds the lock" >&2\nexit 1')
    const ws = await clone(f)
    const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:v6' })
    expect(run.code).toBe(1)
    const lines = errors(run.stdout)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/was refused by .*hook \(cannot lock ref refs\/heads\/main: release freeze holds the lock\)/)
    expect(logs(run)).not.toMatch(/retry \d/)
    expect(logs(run)).not.toMatch(/branch moved/)
  })
})

describe('commit-back: preconditions before any file is written', () => {
  it('outside a git repository', async () => {
    const ws = tempDir('kid-norepo-')
    mkdirSync(path.join(ws, 'app'))
    const content = 'resources: []\nimages:\n  - name: foo\n    newTag: v1\n'
    writeFileSync(path.join(ws, 'app/kustomization.yaml'), content)
    const run = await deploy(fx, ws, { path: 'app', images: 'foo:v2' })
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual([expect.stringMatching(/^::error::commit: .* is not inside a git repository.*actions\/checkout.*commit: false/)])
    expect(readFileSync(path.join(ws, 'app/kustomization.yaml'), 'utf8')).toBe(content)
  })

  it('a branch that reads as an option (--upload-pack=…)', async () => {
    const ws = await clone()
    const marker = path.join(tempDir('kid-marker-'), 'pwned')
    const before = readFileSync(path.join(ws, FILE), 'utf8')
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:v7', branch: `--upload-pack=touch ${marker}` })
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual([expect.stringMatching(/^::error::branch: '--upload-pack=touch .*' is not valid; expected a branch name such as main/)])
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(before)
    expect(git(ws, fx.home, 'status', '--porcelain')).toBe('')
    expect(existsSync(marker)).toBe(false)
  })

  it('a repository without a remote', async () => {
    const ws = await clone()
    git(ws, fx.home, 'remote', 'remove', 'origin')
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:v8' })
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual([expect.stringMatching(/^::error::commit: the repository at .* has no remote to push to/)])
    expect(git(ws, fx.home, 'status', '--porcelain')).toBe('')
  })

})
