/**
 * `commit: pull-request` through the built bundle against a protected base: the remote's
 * pre-receive hook refuses direct pushes to main (as GitHub's "changes must be made through a
 * pull request") but not to deploy/*. The GitHub stand-in serves pulls, labels, refs and
 * GraphQL (validated against the published OpenAPI description and GraphQL schema).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { logs } from '../helpers/deploy-repo.js'
import { githubRepo, type GitHubFixture } from '../helpers/github-fixture.js'
import { git, tempDir } from '../helpers/git-http-server.js'

const FILE = 'overlays/prod/kustomization.yaml'

/** Refuse pushes to main only, with GitHub's words. */
function protectMain(bare: string): void {
  const hook = path.join(bare, 'hooks', 'pre-receive')
  writeFileSync(
    hook,
    '#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/main ]; then\n' +
      '    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2\n' +
      '    echo "error: Changes must be made through a pull request." >&2\n    exit 1\n  fi\ndone\nexit 0\n'
  )
  chmodSync(hook, 0o755)
}

let fx: GitHubFixture
/** source commits, oldest first, on a side branch every clone gets */
let sources: string[]
/** a checkout made before the pull request was merged */
let early: string

beforeAll(async () => {
  fx = await githubRepo(['prod', 'dev'])
  protectMain(fx.bare)
  const ws = await fx.clone()
  git(ws, fx.home, 'checkout', '--quiet', '-b', 'src')
  sources = [1, 2, 3].map(i => {
    git(ws, fx.home, 'commit', '--quiet', '--allow-empty', '-m', `source ${i}`)
    return git(ws, fx.home, 'rev-parse', 'HEAD')
  })
  git(fx.bare, fx.home, 'fetch', '--quiet', ws, 'src:src')
})
afterAll(async () => fx?.stop())

const tip = (branch: string) => git(fx.bare, fx.home, 'rev-parse', branch)
const reflog = (branch: string) => git(fx.bare, fx.home, 'reflog', 'show', '--format=%H', `refs/heads/${branch}`).split('\n').filter(Boolean)
const inputs = (image: string, source: string, more: Record<string, string> = {}) => ({
  commit: 'pull-request', path: 'overlays/prod', images: image, environment: 'prod', 'source-commit': source, apply: 'auto',
  'pull-request-labels': 'deploy, prod', 'auto-merge': 'squash', ...more
})

describe('commit: pull-request', () => {
  it('opens one pull request from deploy/prod, one commit on the base tip; main untouched; nothing applied', async () => {
    const main = tip('main')
    const run = await fx.run(await fx.clone(), inputs('foo:v2', sources[1]))
    expect({ code: run.code, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'created', 'pull-request-number': '1', pushed: 'true', applied: 'false', 'commit-sha': tip('deploy/prod') })
    expect(run.outputs['pull-request-url']).toBe('https://github.example/acme/deploy/pull/1')
    expect(tip('main')).toBe(main)
    expect(tip('deploy/prod^')).toBe(main)
    expect(git(fx.bare, fx.home, 'diff', '--name-only', 'main', 'deploy/prod')).toBe(FILE)
    expect(git(fx.bare, fx.home, 'show', `deploy/prod:${FILE}`)).toContain('newTag: v2')
    const [pr] = fx.api.repos.pulls
    expect(pr).toMatchObject({ number: 1, head: 'deploy/prod', base: 'main', state: 'open', title: 'deploy(prod): foo dev-1338 → v2', labels: ['deploy', 'prod'], autoMerge: 'SQUASH', draft: false })
    expect(pr.body).toContain('| `foo` | `foo:dev-1338` | `foo:v2` |')
    expect(pr.body).toContain('+      - image: foo:v2')
    expect(pr.body).toContain(`\`${sources[1].slice(0, 12)}\``)
    expect(pr.body).toContain('/actions/runs/777')
    expect(logs(run)).toContain('commit: pull-request: nothing is applied in this run')
    expect(run.summary).toContain('Nothing applied: the change reaches the cluster when the pull request is merged.')
    expect(fx.api.violations).toEqual([])
  })

  it('a second run with a newer tag updates the same pull request; the deploy branch is rebuilt as one commit on the base tip', async () => {
    const main = tip('main')
    const run = await fx.run(await fx.clone(), inputs('foo:v3', sources[2]))
    expect({ code: run.code, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'updated', 'pull-request-number': '1', pushed: 'true' })
    expect(fx.api.repos.pulls).toHaveLength(1)
    expect(fx.api.repos.pulls[0].title).toBe('deploy(prod): foo dev-1338 → v3')
    expect(git(fx.bare, fx.home, 'rev-list', '--count', 'main..deploy/prod')).toBe('1')
    expect(tip('deploy/prod^')).toBe(main)
    expect(git(fx.bare, fx.home, 'show', `deploy/prod:${FILE}`)).toContain('newTag: v3')
    expect(reflog('main')).toHaveLength(1)
    expect(fx.api.violations).toEqual([])
  })

  it('a deploy branch moved by a concurrent run between fetch and push: the lease refuses, the run re-reads and rebuilds', async () => {
    const main = tip('main')
    let moved = ''
    fx.server.beforeRequest = async req => {
      if (moved || !req.url?.includes('service=git-receive-pack')) return
      // another run of this environment replaced the deploy branch meanwhile
      moved = git(fx.bare, fx.home, 'commit-tree', `${main}^{tree}`, '-p', main, '-m', 'deploy(prod): bar 7 → 8')
      git(fx.bare, fx.home, 'update-ref', 'refs/heads/deploy/prod', moved)
    }
    const run = await fx.run(await fx.clone(), inputs('foo:v4', sources[2]))
    fx.server.beforeRequest = undefined
    expect({ code: run.code, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, log: '' })
    expect(logs(run)).toMatch(/retry 1\/12 in \d+ ms: push of branch 'deploy\/prod' .* was rejected because the branch moved/)
    expect(logs(run)).toContain(`'deploy/prod' held ${moved.slice(0, 7)} (deploy(prod): bar 7 → 8)`)
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'updated', 'pull-request-number': '1', 'commit-sha': tip('deploy/prod') })
    expect(git(fx.bare, fx.home, 'rev-list', '--count', 'main..deploy/prod')).toBe('1')
    expect(git(fx.bare, fx.home, 'show', `deploy/prod:${FILE}`)).toContain('newTag: v4')
    expect(reflog('deploy/prod')).toContain(moved)
  })

  it('a stale source is refused on the base branch before any branch is touched', async () => {
    early = await fx.clone()
    // merge the pull request (foo:v4): main now records a deploy from sources[2]
    git(fx.bare, fx.home, 'update-ref', 'refs/heads/main', tip('deploy/prod'))
    const deployLog = reflog('deploy/prod')
    const pulls = fx.api.requests.filter(r => r.path.includes('/pulls')).length
    const pushes = fx.server.requests.filter(r => r.includes('git-receive-pack')).length
    const run = await fx.run(await fx.clone(), inputs('foo:v1', sources[0]))
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ stale: 'true', pushed: 'false', 'pull-request-operation': '' })
    expect(reflog('deploy/prod')).toEqual(deployLog)
    expect(fx.api.requests.filter(r => r.path.includes('/pulls')).length).toBe(pulls)
    expect(fx.server.requests.filter(r => r.includes('git-receive-pack'))).toHaveLength(pushes)
  })

  it('the base already holds the edit: nothing pushed, operation unchanged', async () => {
    const deployLog = reflog('deploy/prod')
    const pulls = JSON.stringify(fx.api.repos.pulls)
    // a checkout older than the base: the edit is rebuilt on the base tip and changes nothing there
    const run = await fx.run(early, inputs('foo:v4', sources[2]))
    expect({ code: run.code, log: run.code === 0 ? '' : logs(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', pushed: 'false', 'commit-sha': tip('main'), 'pull-request-number': '1' })
    expect(logs(run)).toContain("'main' already holds this edit: no deploy branch pushed")
    // a checkout of the base itself: nothing changes in it
    const fresh = await fx.run(await fx.clone(), inputs('foo:v4', sources[2]))
    expect(fresh.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', pushed: 'false', 'commit-sha': tip('main') })
    expect(reflog('deploy/prod')).toEqual(deployLog)
    expect(JSON.stringify(fx.api.repos.pulls)).toBe(pulls)
  })

  it('auto-merge the repository does not allow is a warning, not a failure; draft is honoured', async () => {
    const other = await githubRepo(['prod'], { allowAutoMerge: false })
    try {
      protectMain(other.bare)
      const run = await other.run(await other.clone(), { ...inputs('foo:v9', other.initial), 'pull-request-draft': 'true' })
      expect(run.code).toBe(0)
      expect(run.outputs['pull-request-operation']).toBe('created')
      expect(run.stdout).toMatch(/::warning::auto-merge \(squash\) could not be enabled on pull request #1: Pull request Auto merge is not allowed for this repository/)
      expect(other.api.repos.pulls[0]).toMatchObject({ draft: true })
      expect(other.api.repos.pulls[0].autoMerge).toBeUndefined()
      expect(other.api.violations).toEqual([])
    } finally {
      await other.stop()
    }
  })

  it('a token without pull-requests: write: the error names the token and the permission; from a fork it points to workflow_run', async () => {
    const other = await githubRepo(['prod'], { bot: { pullRequests: false } })
    try {
      const run = await other.run(await other.clone(), inputs('foo:v7', other.initial))
      expect(run.code).toBe(1)
      const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/opening a pull request from 'deploy\/prod' into 'main' was denied \(HTTP 403: Resource not accessible by integration.*\) using the 'token' input; the token needs 'pull-requests: write'/)
      const event = path.join(tempDir('kid-event-'), 'event.json')
      writeFileSync(event, JSON.stringify({ number: 5, pull_request: { number: 5, head: { repo: { full_name: 'someone/deploy' } }, base: { repo: { full_name: 'acme/deploy' } } } }))
      const fork = await other.run(await other.clone(), inputs('foo:v8', other.initial), { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event })
      expect(fork.code).toBe(1)
      expect(fork.stdout).toMatch(/::error::.*pull request from a fork, whose token is read-only: no permission can be granted to it\. Deploy from a workflow triggered by workflow_run/)
    } finally {
      await other.stop()
    }
  })

  it('with sign-commits the deploy branch is set through the refs API and committed by GitHub: no git push at all', async () => {
    const other = await githubRepo(['prod'])
    try {
      protectMain(other.bare)
      const first = await other.run(await other.clone(), { ...inputs('foo:v5', other.initial), 'sign-commits': 'true' })
      expect({ code: first.code, log: first.code === 0 ? '' : logs(first) }).toEqual({ code: 0, log: '' })
      const second = await other.run(await other.clone(), { ...inputs('foo:v6', other.initial), 'sign-commits': 'true' })
      expect(second.outputs).toMatchObject({ 'pull-request-operation': 'updated', 'pull-request-number': '1' })
      const head = git(other.bare, other.home, 'rev-parse', 'deploy/prod')
      expect(second.outputs['commit-sha']).toBe(head)
      expect(git(other.bare, other.home, 'log', '-1', '--format=%P|%cn', 'deploy/prod')).toBe(`${other.initial}|GitHub`)
      expect(other.server.requests.filter(r => r.includes('git-receive-pack'))).toHaveLength(0)
      expect(other.api.requests.filter(r => r.path.includes('/git/refs')).map(r => `${r.method} ${r.status}`)).toEqual(['POST 201', 'PATCH 200'])
      expect(other.api.violations).toEqual([])
    } finally {
      await other.stop()
    }
  })
})
