/**
 * `sign-commits: true` through the built bundle: commits are created by the GitHub stand-in's
 * GraphQL `createCommitOnBranch` (validated against GitHub's published schema, acting on the
 * real bare repository), never pushed: the remote's pre-receive hook refuses every push.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { logs } from '../helpers/deploy-repo.js'
import { githubRepo, REPO, type GitHubFixture } from '../helpers/github-fixture.js'
import { git, protectBranch } from '../helpers/git-http-server.js'

const LEGS = 12
const fixtures: GitHubFixture[] = []
afterAll(async () => Promise.all(fixtures.map(f => f.stop())))

async function setup(overlays: string[], options: Parameters<typeof githubRepo>[1] = {}): Promise<GitHubFixture> {
  const fx = await githubRepo(overlays, options)
  fixtures.push(fx)
  protectBranch(fx.bare) // every git push is refused: only API commits can land
  return fx
}

const receivePacks = (fx: GitHubFixture) => fx.server.requests.filter(r => r.includes('git-receive-pack')).length

describe('sign-commits', () => {
  it('creates the commit through createCommitOnBranch on the fetched head; the checkout ends on exactly that commit', async () => {
    const fx = await setup(['prod'])
    const ws = await fx.clone()
    const run = await fx.run(ws, { path: 'overlays/prod', images: 'foo:v2', environment: 'prod', 'sign-commits': 'true', 'source-commit': fx.initial })
    expect({ code: run.code, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, log: '' })
    const tip = git(fx.bare, fx.home, 'rev-parse', 'main')
    expect(run.outputs).toMatchObject({ pushed: 'true', 'commit-sha': tip })
    expect(git(fx.bare, fx.home, 'log', '-1', '--format=%P|%cn <%ce>|%an', 'main')).toBe(`${fx.initial}|GitHub <noreply@github.com>|github-actions[bot]`)
    const message = git(fx.bare, fx.home, 'log', '-1', '--format=%B', 'main')
    expect(message.split('\n')[0]).toBe('deploy(prod): foo dev-1338 → v2')
    expect(message).toContain(`Deploy-Source: ${fx.initial}`)
    expect(git(ws, fx.home, 'rev-parse', 'HEAD')).toBe(tip)
    expect(git(ws, fx.home, 'status', '--porcelain')).toBe('')
    expect(receivePacks(fx)).toBe(0)
    expect(fx.api.graphqlCalls.map(c => c.operation)).toEqual(['CreateCommit'])
    expect(fx.api.repos.apiCommits).toEqual([{ repository: REPO, branch: 'main', oid: tip, parent: fx.initial, login: 'github-actions[bot]' }])
    expect(fx.api.violations).toEqual([])
  })

  it('an answer lost after GitHub created the commit (502): the commit is this run\'s, reported pushed, and made once', async () => {
    const fx = await setup(['prod'])
    fx.api.faults.add({ kind: 'error-after', operation: 'graphql/CreateCommit', count: 1 })
    const ws = await fx.clone()
    const run = await fx.run(ws, { path: 'overlays/prod', images: 'foo:v2', environment: 'prod', 'sign-commits': 'true', 'source-commit': fx.initial })
    expect({ code: run.code, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, log: '' })
    const tip = git(fx.bare, fx.home, 'rev-parse', 'main')
    expect(fx.api.faults.injected).toEqual(['error-after graphql/CreateCommit'])
    expect(git(fx.bare, fx.home, 'rev-list', '--count', `${fx.initial}..main`)).toBe('1')
    expect(run.outputs).toMatchObject({ pushed: 'true', 'commit-sha': tip })
    expect(logs(run)).toContain(`the answer to createCommitOnBranch was lost, but the branch tip ${tip} is this run's commit`)
    expect(git(ws, fx.home, 'rev-parse', 'HEAD')).toBe(tip)
  })

  it(`${LEGS} concurrent legs all land without a single git push, each commit-sha on the branch`, async () => {
    const names = Array.from({ length: LEGS }, (_, i) => `env-${String(i + 1).padStart(2, '0')}`)
    const fx = await setup(names)
    const workspaces = await Promise.all(names.map(() => fx.clone(['--depth', '1'])))
    const runs = await Promise.all(
      names.map((name, i) => fx.run(workspaces[i], { path: `overlays/${name}`, images: `foo:build-${i + 1}`, environment: name, 'sign-commits': 'true', 'source-commit': fx.initial }))
    )
    for (const run of runs) expect({ code: run.code, pushed: run.outputs.pushed, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, pushed: 'true', log: '' })
    expect(receivePacks(fx)).toBe(0)
    expect(git(fx.bare, fx.home, 'rev-list', '--count', `${fx.initial}..main`)).toBe(String(LEGS))
    const onBranch = git(fx.bare, fx.home, 'rev-list', 'main').split('\n')
    for (const run of runs) expect(onBranch).toContain(run.outputs['commit-sha'])
    // every commit GitHub made sits on the head its request expected: nothing overwritten
    for (const commit of fx.api.repos.apiCommits) expect(git(fx.bare, fx.home, 'rev-parse', `${commit.oid}^`)).toBe(commit.parent)
    names.forEach((name, i) => expect(git(fx.bare, fx.home, 'show', `main:overlays/${name}/kustomization.yaml`)).toContain(`newTag: build-${i + 1}`))
    const moved = fx.api.graphqlCalls.filter(c => c.errors.some(e => e.startsWith('STALE_DATA')))
    expect(fx.api.graphqlCalls).toHaveLength(LEGS + moved.length)
    expect(fx.api.violations).toEqual([])
  }, 600_000) // twelve bundles at once on a shared machine: minutes under load

  it('a stale source is refused before the API is called', async () => {
    const fx = await setup(['prod'])
    const ws = await fx.clone()
    git(ws, fx.home, 'checkout', '--quiet', '-b', 'src')
    git(ws, fx.home, 'commit', '--quiet', '--allow-empty', '-m', 'older source')
    const older = git(ws, fx.home, 'rev-parse', 'HEAD')
    git(ws, fx.home, 'commit', '--quiet', '--allow-empty', '-m', 'newer source')
    const newer = git(ws, fx.home, 'rev-parse', 'HEAD')
    git(ws, fx.home, 'checkout', '--quiet', 'main')
    const first = await fx.run(ws, { path: 'overlays/prod', images: 'foo:v3', 'sign-commits': 'true', 'source-commit': newer })
    expect({ code: first.code, pushed: first.outputs.pushed }).toEqual({ code: 0, pushed: 'true' })
    const calls = fx.api.graphqlCalls.length
    const tip = git(fx.bare, fx.home, 'rev-parse', 'main')
    const run = await fx.run(ws, { path: 'overlays/prod', images: 'foo:v1', 'sign-commits': 'true', 'source-commit': older })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ stale: 'true', pushed: 'false', 'commit-sha': '' })
    expect(fx.api.graphqlCalls.length).toBe(calls)
    expect(git(fx.bare, fx.home, 'rev-parse', 'main')).toBe(tip)
  })

  it('commit-author cannot apply to an API commit: a warning says so', async () => {
    const fx = await setup(['prod'])
    const run = await fx.run(await fx.clone(), { path: 'overlays/prod', images: 'foo:v4', 'sign-commits': 'true', 'commit-author': 'Deploy Bot <deploy@example.com>' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::commit-author 'Deploy Bot <deploy@example.com>' cannot apply with sign-commits/)
  })

  it('a token without contents: write gets a one-line error naming the token and the permission', async () => {
    // the token reads the repository over git but may not write contents (permissions: contents: read)
    const fx = await setup(['prod'], { bot: { contents: false } })
    const run = await fx.run(await fx.clone(), { path: 'overlays/prod', images: 'foo:v5', 'sign-commits': 'true' })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/createCommitOnBranch on 'main' of acme\/deploy was denied \(HTTP 403: Resource not accessible by integration\) using the 'token' input; the token needs 'contents: write'/)
    expect(logs(run)).not.toMatch(/retry \d/)
  })
})
