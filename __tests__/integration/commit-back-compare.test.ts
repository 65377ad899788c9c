/**
 * The stale guard across repositories: the source commits live in another repository (they do
 * not exist in the config repository), so ancestry comes from GitHub's compare endpoint, served
 * by the OpenAPI-checked stand-in, while the built bundle pushes to a real smart-HTTP remote.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import * as path from 'node:path'
import type { ActionRun } from '../helpers/action.js'
import { deploy, deployRepo, logs, type Fixture } from '../helpers/deploy-repo.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import { cloneRepo, git, gitEnv, tempDir } from '../helpers/git-http-server.js'

const SOURCE_REPO = 'another/repo'
let fx: Fixture
let api: GitHubApiServer

beforeAll(async () => {
  fx = await deployRepo(['prod', 'dev'])
  api = await GitHubApiServer.start({ [fx.server.token]: { login: 'github-actions[bot]', type: 'Bot', write: true, readsUser: false } })
})
afterAll(async () => {
  await fx?.server.stop()
  await api?.close()
})

const remoteTip = () => git(fx.bare, fx.home, 'rev-parse', 'main')
const remoteFile = (overlay: string) => git(fx.bare, fx.home, 'show', `main:overlays/${overlay}/kustomization.yaml`)
const short = (sha: string) => sha.slice(0, 7)
const compareCalls = (base: string, head: string) => api.requests.filter(r => r.method === 'GET' && r.path.startsWith(`/repos/${SOURCE_REPO}/compare/${base}...${head}`))

/** A commit id of the source repository: present in neither the config repository nor its remote. */
function sourceSha(): string {
  const sha = randomBytes(20).toString('hex')
  expect(() => execFileSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: fx.bare, env: gitEnv(fx.home), stdio: 'ignore' })).toThrow()
  return sha
}

async function deployFrom(overlay: string, image: string, source: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const ws = await cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-ws-'), 'repo'), fx.home)
  const run = await deploy(
    fx,
    ws,
    { path: `overlays/${overlay}`, images: image, apply: 'false', 'source-commit': source, 'source-repository': SOURCE_REPO, ...inputs },
    { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'config-owner/deploy' }
  )
  expect({ code: run.code, errors: run.stdout.match(/::error::.*/g) }).toEqual({ code: 0, errors: null })
  return run
}

describe('stale guard with the source in another repository (compare API)', () => {
  it('refuses an older source, lets allow-downgrade through, proceeds for a newer one', async () => {
    const [older, newer, newest] = [sourceSha(), sourceSha(), sourceSha()]
    api.setComparison(SOURCE_REPO, older, newer, 'ahead')
    api.setComparison(SOURCE_REPO, newest, older, 'behind')

    const first = await deployFrom('prod', 'foo:v-new', newer)
    expect(first.outputs).toMatchObject({ pushed: 'true', stale: 'false', 'commit-sha': remoteTip() })
    expect(git(fx.bare, fx.home, 'log', '-1', '--format=%B', 'main')).toContain(`Deploy-Source-Repository: ${SOURCE_REPO}`)
    const deployed = remoteTip()

    const stale = await deployFrom('prod', 'foo:v-old', older)
    expect(stale.outputs).toMatchObject({ pushed: 'false', stale: 'true', 'commit-sha': '' })
    expect(stale.stdout).toMatch(new RegExp(`::warning::.*stale run.*${short(newer)}.*newer than this run's source ${short(older)}`))
    expect(compareCalls(older, newer)).toHaveLength(1)
    expect(remoteTip()).toBe(deployed)
    expect(remoteFile('prod')).toContain('newTag: v-new')

    const rollback = await deployFrom('prod', 'foo:v-old', older, { 'allow-downgrade': 'true' })
    expect(rollback.outputs).toMatchObject({ pushed: 'true', stale: 'false', 'commit-sha': remoteTip() })
    expect(rollback.stdout).toMatch(new RegExp(`::warning::.*rolling back from ${short(newer)}.*to the older source ${short(older)}`))
    expect(compareCalls(older, newer)).toHaveLength(2)
    expect(remoteFile('prod')).toContain('newTag: v-old')

    const forward = await deployFrom('prod', 'foo:v-newest', newest)
    expect(forward.outputs).toMatchObject({ pushed: 'true', stale: 'false', 'commit-sha': remoteTip() })
    expect(logs(forward)).toContain(`last deployed from ${short(older)}`)
    expect(logs(forward)).not.toMatch(/::warning::/)
    expect(compareCalls(newest, older)).toHaveLength(1)
    expect(api.violations).toEqual([])
  })

  it('a failing compare (404) is a warning that ancestry cannot be determined, and the run proceeds', async () => {
    const [earlier, later] = [sourceSha(), sourceSha()]
    await deployFrom('dev', 'bar:20', earlier)
    const before = remoteTip()

    const run = await deployFrom('dev', 'bar:21', later)
    expect(run.outputs).toMatchObject({ pushed: 'true', stale: 'false', 'commit-sha': remoteTip() })
    expect(git(fx.bare, fx.home, 'rev-parse', 'main^')).toBe(before)
    const warnings = run.stdout.split('\n').filter(l => l.startsWith('::warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      new RegExp(`cannot tell whether the last deployed source ${short(earlier)} .* is newer than this run's source ${short(later)} \\(the compare API failed for ${SOURCE_REPO}: Not Found.*\\); proceeding`)
    )
    expect(compareCalls(later, earlier).map(r => r.status)).toEqual([404])
    expect(remoteFile('dev')).toContain('newTag: "21"')
    expect(api.violations).toEqual([])
  })

  it('a rate limit resetting in an hour is not slept through: the commit fails saying until when, nothing pushed', async () => {
    const [earlier, later] = [sourceSha(), sourceSha()]
    await deployFrom('dev', 'bar:30', earlier)
    const before = remoteTip()
    api.faults.add({ kind: 'rate-limit', operation: 'repos/compare-commits-with-basehead', seconds: 3600 })
    const ws = await cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-ws-'), 'repo'), fx.home)
    const started = Date.now()
    const run = await deploy(
      fx,
      ws,
      { path: 'overlays/dev', images: 'bar:31', 'source-commit': later, 'source-repository': SOURCE_REPO },
      { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'config-owner/deploy' }
    )
    api.faults.clear()
    expect(Date.now() - started).toBeLessThan(60_000) // a bound on a wait, not a performance figure
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toEqual([
      expect.stringMatching(/^::error::commit: the out-of-order guard needs GitHub's compare API for another\/repo: GitHub API rate limit exhausted \(GET \/repos\/another\/repo\/compare\/.*\): it resets at .*, in 60 min, longer than this action waits \(60 s, KID_RATE_LIMIT_MAX_WAIT\); nothing was pushed$/)
    ])
    expect(run.outputs.pushed ?? 'false').toBe('false')
    expect(remoteTip()).toBe(before)
    expect(git(ws, fx.home, 'rev-list', '--count', 'origin/main..HEAD')).toBe('0')
  })
})
