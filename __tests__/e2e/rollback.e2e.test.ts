/**
 * `rollback: true` (issue 19) on the real control plane, through the bundle under Node 24 with
 * real git: a failed rollout is undone through git, by a rollback commit on the branch tip, never
 * by `kubectl rollout undo`. kwok keeps pods whose image tag holds `never-ready` from becoming
 * Ready (scripts/e2e/start.sh), so the failure follows the image, as in life.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectlOk, liveImage, requireCluster } from '../helpers/cluster.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import { cloneRepo, createRemote, git, GitHttpServer, installHook, protectBranch, tempDir } from '../helpers/git-http-server.js'
import { writeFiles } from '../helpers/workspace.js'

const REG = 'registry.example.com/kid'
const BROKEN = `${REG}/web:2.0.0-never-ready`
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
const errorLines = (run: ActionRun) => run.stdout.split('\n').filter(l => l.startsWith('::error'))
const resources = (run: ActionRun): Record<string, unknown>[] => JSON.parse(run.outputs.resources || '[]')
const ready = (ns: string, name: string) => kubectlOk(['-n', ns, 'get', 'deployment', name, '-o', 'jsonpath={.status.readyReplicas}/{.status.updatedReplicas}'])
const kustomization = (ns: string, file: string, tag = '0.9.0') => `namespace: ${ns}\nresources:\n- ${file}\nimages:\n- name: ${REG}/${file.replace('.yaml', '')}\n  newTag: ${tag}\n`

function expectSucceeded(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`the action failed (exit ${run.code}):\n${logs(run)}`)
}

/** A deploy repository (targets a/ with web, b/ with api, deployed at 1.0.0) whose history has two commits to serve as sources. */
function deployRepo(ns: string) {
  const home = tempDir('kid-e2e-home-')
  writeFiles(home, { gitconfig: '' })
  const files = { 'a/kustomization.yaml': kustomization(ns, 'web.yaml'), 'a/web.yaml': deployment('web', `${REG}/web`), 'b/kustomization.yaml': kustomization(ns, 'api.yaml'), 'b/api.yaml': deployment('api', `${REG}/api`) }
  const { bare, initial } = createRemote(tempDir('kid-e2e-remotes-'), 'deploy.git', files, home)
  const clone = () => {
    const ws = path.join(tempDir('kid-e2e-clone-'), 'repo')
    git(tempDir('kid-e2e-cwd-'), home, 'clone', '--quiet', bare, ws)
    return ws
  }
  const seed = clone()
  writeFileSync(path.join(seed, 'README'), 'app\n')
  git(seed, home, 'add', 'README')
  git(seed, home, 'commit', '--quiet', '-m', 'app change')
  git(seed, home, 'push', '--quiet', 'origin', 'main')
  const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home, GITHUB_REF: 'refs/heads/main' }
  const tip = () => git(bare, home, 'rev-parse', 'main')
  const show = (rev: string, file: string) => git(bare, home, 'show', `${rev}:${file}`)
  return { home, bare, initial, source: tip(), clone, env, tip, show }
}
type Repo = ReturnType<typeof deployRepo>

function deploy(repo: Repo, ws: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ws, { path: 'a', apply: 'true', kubectl: KUBECTL, timeout: '15s', commit: 'true', rollback: 'true', 'source-commit': repo.source, ...inputs }, { ...repo.env, ...env })
}

/** Both targets deployed through the action at 1.0.0 from `repo.source` (two runs at once), ready. */
async function deployedRepo(prefix: string): Promise<{ ns: string; repo: Repo }> {
  const ns = await freshNamespace(prefix)
  const repo = deployRepo(ns)
  const runs = await Promise.all(['web:a', 'api:b'].map(t => deploy(repo, repo.clone(), { path: t.split(':')[1], images: `${REG}/${t.split(':')[0]}:1.0.0`, timeout: '60s' })))
  runs.forEach(expectSucceeded)
  return { ns, repo }
}

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('rollback: a failed rollout is reverted through git', () => {
  it('one target fails: a rollback commit on the tip, the cluster back at the old image and ready, the run still fails; the out-of-order guard reads the rollback', async () => {
    const { ns, repo } = await deployedRepo('kid-rb-one')
    const ws = repo.clone()
    const source = repo.tip() // a newer source than the deployed one
    const run = await deploy(repo, ws, { images: BROKEN, 'source-commit': source })
    expect(run.code).toBe(1)
    const deployCommit = run.outputs['commit-sha']
    const rollbackSha = run.outputs['rollback-sha']
    expect(run.outputs).toMatchObject({ pushed: 'true', applied: 'true', 'rolled-back': 'true' })
    expect(rollbackSha).toBe(repo.tip())
    expect(git(repo.bare, repo.home, 'rev-parse', `${rollbackSha}^`)).toBe(deployCommit)
    expect(repo.show(rollbackSha, 'a/kustomization.yaml')).toBe(kustomization(ns, 'web.yaml', '1.0.0').trimEnd()) // git() trims
    const message = git(repo.bare, repo.home, 'log', '-1', '--format=%B', rollbackSha)
    expect(message.split('\n')[0]).toBe(`rollback(a): ${REG}/web 2.0.0-never-ready → 1.0.0 (rollout of deployment/web in ${ns} did not complete within 15s)`)
    expect(message).toContain(`Deploy-Source: ${source}\n`)
    expect(message).toContain(`Deploy-Image: ${REG}/web:1.0.0\nDeploy-Rollback-Of: ${deployCommit}\nDeploy-Restored-Source: ${repo.source}`)
    // the cluster is back at the old image and ready; the run says so
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
    expect(ready(ns, 'web')).toBe('1/1')
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(new RegExp(`^::error::rollout of deployment/web in ${ns} did not complete within 15s \\(Waiting for deployment "web" rollout to finish: `))
    expect(run.summary).toContain('### Rollback')
    expect(run.summary).toContain(`Pushed the rollback commit \`${rollbackSha.slice(0, 12)}\` on \`main\``)
    expect(run.summary).toContain(`| \`a\` | ↩️ **failed, rolled back** — rollout of deployment/web in ${ns} did not complete within 15s`)
    expect(run.summary).toContain('**The cluster is back and ready** at the rolled-back images.')
    expect(run.summary).toContain('<details><summary>deployment/web: describe and events</summary>')
    expect(resources(run)).toEqual([
      { path: 'a', kind: 'Deployment', namespace: ns, name: 'web', action: 'configured', outcome: 'rolled-back' },
      { path: 'a', kind: 'Deployment', namespace: ns, name: 'web', action: 'configured', rollback: true }
    ])
    expect(git(ws, repo.home, 'rev-parse', 'HEAD')).toBe(rollbackSha)
    expect(git(ws, repo.home, 'status', '--porcelain')).toBe('')

    // a re-run of the same failed build is refused: no deploy–fail–rollback loop
    const again = await deploy(repo, repo.clone(), { images: BROKEN, 'source-commit': source })
    expect(again.outputs).toMatchObject({ stale: 'true', pushed: 'false', applied: 'false', 'rolled-back': 'false' })
    expect(logs(again)).toContain(`a/kustomization.yaml: this run's source ${source.slice(0, 7)} was rolled back by ${rollbackSha.slice(0, 7)}`)
    expect(repo.tip()).toBe(rollbackSha)
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
    // an older source than the restored one is still stale
    const older = await deploy(repo, repo.clone(), { images: `${REG}/web:0.9.0`, 'source-commit': repo.initial })
    expect(older.outputs).toMatchObject({ stale: 'true', pushed: 'false' })
    // allow-downgrade asks for the rolled-back source deliberately
    const forced = await deploy(repo, repo.clone(), { images: `${REG}/web:2.0.1`, 'source-commit': source, 'allow-downgrade': 'true', timeout: '60s' })
    expectSucceeded(forced)
    expect(forced.outputs).toMatchObject({ pushed: 'true', 'rolled-back': 'false' })
    // a newer source deploys as usual
    const newer = await deploy(repo, repo.clone(), { images: `${REG}/web:3.0.0`, 'source-commit': rollbackSha, timeout: '60s' })
    expectSucceeded(newer)
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:3.0.0`)
  })

  it('two targets, one fails: only it rolls back; the other stays deployed, and resources say so per target', async () => {
    const { ns, repo } = await deployedRepo('kid-rb-two')
    const run = await deploy(repo, repo.clone(), { path: 'a\nb', images: `${BROKEN}\n${REG}/api:2.0.0` })
    expect(run.code).toBe(1)
    expect(run.outputs['rolled-back']).toBe('true')
    const tip = repo.tip()
    expect(repo.show(tip, 'a/kustomization.yaml')).toContain('newTag: 1.0.0')
    expect(repo.show(tip, 'b/kustomization.yaml')).toContain('newTag: 2.0.0')
    expect(git(repo.bare, repo.home, 'diff', '--name-only', `${tip}^`, tip)).toBe('a/kustomization.yaml')
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
    expect(liveImage(ns, 'api')).toBe(`${REG}/api:2.0.0`)
    expect(resources(run).filter(r => !r.rollback).map(r => [r.path, r.name, r.outcome])).toEqual([
      ['a', 'web', 'rolled-back'],
      ['b', 'api', 'deployed']
    ])
    expect(resources(run).filter(r => r.rollback).map(r => r.name)).toEqual(['web'])
    expect(run.summary).toContain('| `b` | ✅ deployed |')
  })

  it('a newer deploy of the same image lands during the wait: it is not rolled back, and the summary says why', async () => {
    const { ns, repo } = await deployedRepo('kid-rb-newer')
    const running = deploy(repo, repo.clone(), { images: BROKEN, timeout: '25s' })
    for (const deadline = Date.now() + 60_000; !liveImage(ns, 'web').endsWith('never-ready'); await new Promise(r => setTimeout(r, 250))) {
      if (Date.now() > deadline) throw new Error('the first run never applied')
    }
    const broken = repo.tip()
    expectSucceeded(await deploy(repo, repo.clone(), { images: `${REG}/web:3.0.0`, apply: 'false', 'source-commit': broken }))
    const newer = repo.tip()
    const run = await running
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ 'rolled-back': 'false', 'rollback-sha': '' })
    expect(repo.tip()).toBe(newer)
    expect(run.summary).toContain('❌ **failed, not rolled back**')
    expect(run.summary).toContain(`left: the branch holds ${REG}/web:3.0.0, not this run&#39;s ${BROKEN}: a newer change wins`.replace('&#39;', "'"))
    expect(resources(run)[0]).toMatchObject({ outcome: 'failed', why: expect.stringContaining('a newer change wins') })
  })

  it('a rollback whose push is refused (a hook, as a protected branch): reported, nothing else done', async () => {
    const { ns, repo } = await deployedRepo('kid-rb-refused')
    installHook(repo.bare, 'pre-receive', [
      'while read old new ref; do',
      '  if git log -1 --format=%s "$new" | grep -q "^rollback("; then',
      '    echo "error: GH006: Protected branch update failed for $ref." >&2; exit 1',
      '  fi',
      'done'
    ].join('\n'))
    const run = await deploy(repo, repo.clone(), { images: BROKEN })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'rolled-back': 'false', 'rollback-sha': '' })
    expect(repo.tip()).toBe(run.outputs['commit-sha'])
    expect(errorLines(run).some(l => /^::error::rollback: the rollback commit was not pushed: .*protected.*; nothing was rolled back$/i.test(l))).toBe(true)
    expect(liveImage(ns, 'web')).toBe(BROKEN)
    expect(resources(run)).toEqual([expect.objectContaining({ name: 'web', outcome: 'failed', why: expect.stringContaining('the rollback commit was not pushed') })])
  })

  /** The first run fails its rollout; during its wait `breaking` lands on the branch (another commit): its rollback must not be pushed. */
  async function brokenDuringWait(prefix: string, breaking: (ws: string) => Record<string, string>) {
    const { ns, repo } = await deployedRepo(prefix)
    const running = deploy(repo, repo.clone(), { images: BROKEN, timeout: '25s' })
    for (const deadline = Date.now() + 60_000; !liveImage(ns, 'web').endsWith('never-ready'); await new Promise(r => setTimeout(r, 250))) {
      if (Date.now() > deadline) throw new Error('the first run never applied')
    }
    const other = repo.clone()
    writeFiles(other, breaking(other))
    git(other, repo.home, 'add', '-A')
    git(other, repo.home, 'commit', '--quiet', '-m', 'a: a change that breaks the target')
    git(other, repo.home, 'push', '--quiet', 'origin', 'main')
    const landed = repo.tip()
    const run = await running
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'rolled-back': 'false', 'rollback-sha': '' })
    expect(repo.tip()).toBe(landed) // the remote is unchanged by the rollback
    expect(liveImage(ns, 'web')).toBe(BROKEN) // nothing else was done
    expect(logs(run)).not.toContain('rollback commit pushed')
    expect(run.summary).toContain('No rollback commit was made.')
    expect(resources(run)[0]).toMatchObject({ outcome: 'failed', why: expect.stringContaining('the rollback commit was not pushed') })
    return run
  }

  it('another commit breaks the render of the target during the wait: the rollback built on it is rendered first, and not pushed', async () => {
    const run = await brokenDuringWait('kid-rb-norender', () => ({ 'a/web.yaml': 'kind: Deployment\nmetadata: [not, a, mapping\n' }))
    const line = errorLines(run).find(l => l.startsWith('::error::rollback:'))
    expect(line).toMatch(/^::error::rollback: the rollback commit was not pushed: commit: a does not render at the commit built on 'main' \([0-9a-f]{7}, on [0-9a-f]{7}\): .+; nothing was rolled back$/)
    expect(run.summary).toContain('**Failed**: rollback: the rollback commit was not pushed: commit: a does not render')
  })

  it('another commit adds what the cluster refuses during the wait: the rollback built on it is dry-run first, and not pushed', async () => {
    const bad = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_A_Valid_Name\ndata: {a: b}\n'
    const run = await brokenDuringWait('kid-rb-refusedtree', ws => ({ 'a/bad.yaml': bad, 'a/kustomization.yaml': readFileSync(path.join(ws, 'a/kustomization.yaml'), 'utf8').replace('- web.yaml\n', '- web.yaml\n- bad.yaml\n') }))
    const line = errorLines(run).find(l => l.startsWith('::error::rollback:'))
    expect(line).toMatch(/^::error::rollback: the rollback commit was not pushed: .*Not_A_Valid_Name.*; nothing was rolled back$/)
    // the deploy commit was pushed and applied: the summary must not say otherwise
    expect(run.summary).not.toContain('nothing was committed, pushed or applied')
    expect(run.summary).toContain(`the rollback commit was not pushed; the deploy commit ${run.outputs['commit-sha']} stays applied`)
  })

  it('a failure this run\'s edit did not cause: the images are restored, the rollout still fails, and the run says so plainly', async () => {
    const { ns, repo } = await deployedRepo('kid-rb-cause')
    const ws = repo.clone()
    // the broken change comes from another commit: a label that keeps every pod of web unready
    writeFileSync(path.join(ws, 'a/web.yaml'), deployment('web', `${REG}/web`).replace('labels: {app: web}', 'labels: {app: web, kid.e2e/never-ready: "true"}'))
    git(ws, repo.home, 'commit', '--quiet', '-am', 'web: a label')
    git(ws, repo.home, 'push', '--quiet', 'origin', 'main')
    const run = await deploy(repo, ws, { images: `${REG}/web:1.1.0` })
    expect(run.code).toBe(1)
    expect(run.outputs['rolled-back']).toBe('true')
    expect(repo.show(repo.tip(), 'a/kustomization.yaml')).toContain('newTag: 1.0.0')
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
    expect(errorLines(run).filter(l => l.startsWith('::error::rollback: rollout of deployment/web'))).toHaveLength(1)
    expect(run.summary).toContain("**The rollback did not bring the cluster back to ready**: the failure may not come from this run's images edit")
  })

  it('rollback: false: as before, the failure is reported and nothing is reverted', async () => {
    const { ns, repo } = await deployedRepo('kid-rb-off')
    const run = await deploy(repo, repo.clone(), { images: BROKEN, rollback: 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ pushed: 'true', 'rolled-back': 'false', 'rollback-sha': '' })
    expect(repo.tip()).toBe(run.outputs['commit-sha'])
    expect(resources(run)).toEqual([{ path: 'a', kind: 'Deployment', namespace: ns, name: 'web', action: 'configured' }])
    expect(run.summary).not.toContain('### Rollback')
    expect(liveImage(ns, 'web')).toBe(BROKEN)
  })
})

describe('rollback with sign-commits: through the GitHub API stand-in', () => {
  it('the rollback commit is created by createCommitOnBranch like the deploy; no git push at all', async () => {
    const ns = await freshNamespace('kid-rb-signed')
    const home = tempDir('kid-e2e-home-')
    writeFiles(home, { gitconfig: '' })
    const root = tempDir('kid-e2e-remotes-')
    const { bare, initial } = createRemote(root, 'acme/deploy.git', { 'a/kustomization.yaml': kustomization(ns, 'web.yaml', '1.0.0'), 'a/web.yaml': deployment('web', `${REG}/web`) }, home)
    const server = await new GitHttpServer(root).start()
    const api = await GitHubApiServer.start({ [server.token]: { login: 'github-actions[bot]', type: 'Bot', write: true, readsUser: false } })
    try {
      api.repos.add('acme/deploy', bare, { allowAutoMerge: true })
      const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home, GITHUB_SERVER_URL: new URL(server.url('')).origin, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/deploy', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1' }
      const inputs = { path: 'a', apply: 'true', kubectl: KUBECTL, commit: 'true', rollback: 'true', 'sign-commits': 'true', token: server.token, 'source-commit': initial }
      const clone = () => cloneRepo(server, 'acme/deploy.git', path.join(tempDir('kid-e2e-ws-'), 'repo'), home)
      expectSucceeded(await runAction(await clone(), { ...inputs, images: `${REG}/web:1.0.0`, timeout: '60s' }, env))
      protectBranch(bare) // from here on, only API commits can land
      const ws = await clone()
      const run = await runAction(ws, { ...inputs, images: BROKEN, timeout: '15s' }, env)
      expect(run.code).toBe(1)
      const tip = git(bare, home, 'rev-parse', 'main')
      expect(run.outputs).toMatchObject({ 'rolled-back': 'true', 'rollback-sha': tip })
      expect(api.repos.apiCommits.map(c => c.oid).slice(-2)).toEqual([run.outputs['commit-sha'], tip])
      expect(git(bare, home, 'log', '-1', '--format=%s|%cn', 'main')).toMatch(/^rollback\(a\): .*web 2\.0\.0-never-ready → 1\.0\.0 .*\|GitHub$/)
      expect(git(ws, home, 'rev-parse', 'HEAD')).toBe(tip)
      expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
      expect(ready(ns, 'web')).toBe('1/1')
      expect(api.violations).toEqual([])
    } finally {
      await server.stop()
      await api.close()
    }
  })
})
