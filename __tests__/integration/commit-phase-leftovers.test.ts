/**
 * What the commit phase leaves in the workspace when it pushes nothing, through the bundle under
 * Node 24 against bare remotes over smart HTTP: whatever inputs and git decide (a token for
 * sign-commits or pull-request mode, a GitHub remote, the deploy branch name, `rollback` without
 * `commit: true`) is refused before any file is written; a phase that fails before its push
 * lands puts the files back; a run refused as out of order puts them back too, and its summary
 * shows what the branch holds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { cloneDeploy, deploy, deployRepo, sourceCommits, type Fixture } from '../helpers/deploy-repo.js'
import { git, installHook } from '../helpers/git-http-server.js'
import { workflowCommands } from '../helpers/workflow-commands.js'

const FILE = 'overlays/prod/kustomization.yaml'
const fixtures: Fixture[] = []
let fx: Fixture

async function fresh(): Promise<Fixture> {
  const f = await deployRepo(['prod'])
  fixtures.push(f)
  return f
}
beforeAll(async () => {
  fx = await fresh()
})
afterAll(async () => Promise.all(fixtures.map(f => f.server.stop())))

const clone = (f = fx) => cloneDeploy(f)
const errors = (stdout: string) => workflowCommands(stdout).filter(c => c.name === 'error').map(c => c.data)
const status = (ws: string, f = fx) => git(ws, f.home, 'status', '--porcelain')
const GITHUB = { GITHUB_REPOSITORY: 'acme/deploy' }

describe('refused before any file is written', () => {
  it.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['sign-commits with an empty token', { 'sign-commits': 'true', token: '' }, {}, "token: '' is not valid: GitHub creates the commit through its API; expected a token when 'sign-commits' is true"],
    ['pull-request mode with an empty token', { commit: 'pull-request', token: '' }, GITHUB, "token: '' is not valid: the pull request is opened through GitHub's API; expected a token when 'commit' is pull-request"],
    [
      'a pull-request-branch that renders an invalid name',
      { commit: 'pull-request', 'pull-request-branch': 'deploy/{environment}.lock' },
      GITHUB,
      "pull-request-branch: 'deploy/{environment}.lock' is not valid: it gives 'deploy/overlays/prod.lock', which is not a valid branch name; expected a branch name template such as deploy/{environment}"
    ],
    ['a pull-request-branch equal to the base branch', { commit: 'pull-request', 'pull-request-branch': 'main' }, GITHUB, "pull-request-branch: 'main' is not valid; expected a branch other than the base branch 'main'"],
    ['sign-commits with a remote that is no GitHub repository', { 'sign-commits': 'true' }, {}, 'cannot tell which GitHub repository the remote'],
    ['rollback with commit: false', { rollback: 'true', commit: 'false' }, {}, "rollback: 'true' is not valid: a rollback is a commit pushed to the branch, and 'commit: false' pushes nothing; expected 'commit: true' (or rollback: false)"],
    ['rollback with commit: pull-request', { rollback: 'true', commit: 'pull-request' }, GITHUB, "rollback: 'true' is not valid: 'commit: pull-request' applies nothing in this run, so nothing can roll back; expected 'commit: true' (or rollback: false)"]
  ])('%s', async (_name, inputs, env, message) => {
    const ws = await clone()
    const before = readFileSync(path.join(ws, FILE), 'utf8')
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:v2', ...inputs }, env)
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual([expect.stringContaining(message)])
    expect(run.stdout).not.toContain('::group::Writing kustomizations')
    expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(before)
    expect(status(ws)).toBe('')
  })
})

describe('a commit phase that fails before its push lands', () => {
  it('a push refused by a hook: the files are put back, no local commit', async () => {
    const f = await fresh()
    installHook(f.bare, 'pre-receive', 'echo "policy: deploys to main are frozen" >&2\nexit 1')
    const ws = await clone(f)
    const head = git(ws, f.home, 'rev-parse', 'HEAD')
    const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:v3' })
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual([expect.stringMatching(/pre-receive hook \(policy: deploys to main are frozen\)/)])
    expect(run.stdout).toContain('nothing was pushed: put 1 file(s) back as they were before this run')
    expect(status(ws, f)).toBe('')
    expect(git(ws, f.home, 'rev-parse', 'HEAD')).toBe(head)
    expect(run.outputs).toMatchObject({ pushed: 'false', applied: 'false' })
  })
})

describe('a run refused as out of order', () => {
  it('puts its edit back, leaves no local commit and reports what the branch holds as "before", from an old checkout and from the tip alike', async () => {
    const f = await fresh()
    const [older, newer] = await sourceCommits(f, 2)
    const early = await clone(f) // checked out before the newer deploy
    expect((await deploy(f, await clone(f), { path: 'overlays/prod', images: 'foo:new', 'source-commit': newer })).outputs.pushed).toBe('true')
    const late = await clone(f) // checked out after it
    for (const ws of [early, late]) {
      const original = readFileSync(path.join(ws, FILE), 'utf8')
      const head = git(ws, f.home, 'rev-parse', 'HEAD')
      const run = await deploy(f, ws, { path: 'overlays/prod', images: 'foo:old', 'source-commit': older })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ stale: 'true', pushed: 'false', 'commit-sha': '' })
      expect(readFileSync(path.join(ws, FILE), 'utf8')).toBe(original)
      expect(git(ws, f.home, 'rev-parse', 'HEAD')).toBe(head)
      expect(status(ws, f)).toBe('')
      expect(run.summary).toContain('| `foo` | foo:new | **foo:old** |')
      expect(run.summary).not.toContain('foo:dev-1338')
      expect(JSON.parse(run.outputs.images)[0].images).toEqual([{ name: 'foo', newTag: 'old' }, { name: 'bar', newTag: '7' }])
    }
  })
})
