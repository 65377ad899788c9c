/**
 * The cluster gets exactly what the commit holds (issue 17, items 10 and 13), on the real control
 * plane through the bundle under Node 24 with real git remotes:
 * - a commit built on a moved tip is rendered, and dry-run against the cluster, before it is
 *   pushed: a tip that no longer renders, or that the cluster refuses, pushes nothing;
 * - a checkout whose uncommitted changes (or files git does not track) change what a target
 *   renders is refused before anything is written: the commit would not hold them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectl, kubectlOk, liveImage, requireCluster } from '../helpers/cluster.js'
import { createRemote, git, tempDir } from '../helpers/git-http-server.js'
import { writeFiles } from '../helpers/workspace.js'

const REG = 'registry.example.com/kid'
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
const errorLines = (run: ActionRun) => run.stdout.split('\n').filter(l => l.startsWith('::error'))
const exists = (ns: string, ref: string) => kubectl(['-n', ns, 'get', ref]).status === 0
const replicas = (ns: string, name: string) => kubectlOk(['-n', ns, 'get', 'deployment', name, '-o', 'jsonpath={.spec.replicas}'])

const kustomization = (ns: string, resources: string[], extra = '') =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${ns}\nresources:\n${resources.map(r => `- ${r}`).join('\n')}\n${extra}`

/** A deploy repository (bare remote) with target `a/` (one Deployment); clones of it. */
function deployRepo(ns: string, files: Record<string, string> = {}) {
  const home = tempDir('kid-e2e-home-')
  writeFiles(home, { gitconfig: '' })
  const seed = { 'a/kustomization.yaml': kustomization(ns, ['web.yaml']), 'a/web.yaml': deployment('web', `${REG}/web:1.0.0`), 'README.md': 'deploy\n', ...files }
  const { bare, initial } = createRemote(tempDir('kid-e2e-remotes-'), 'deploy.git', seed, home)
  const clone = () => {
    const ws = path.join(tempDir('kid-e2e-clone-'), 'repo')
    git(tempDir('kid-e2e-cwd-'), home, 'clone', '--quiet', bare, ws)
    return ws
  }
  /** Another writer's commit on the remote: `change` edits files of a fresh clone. */
  const pushOther = (change: (ws: string) => void) => {
    const other = clone()
    change(other)
    git(other, home, 'add', '-A')
    git(other, home, 'commit', '--quiet', '-m', 'another writer')
    git(other, home, 'push', '--quiet', 'origin', 'main')
    return git(bare, home, 'rev-parse', 'main')
  }
  const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home, GITHUB_SHA: initial, GITHUB_REF: 'refs/heads/main' }
  const tip = () => git(bare, home, 'rev-parse', 'main')
  return { home, bare, initial, clone, pushOther, env, tip }
}

function deploy(ws: string, env: Record<string, string>, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ws, { path: 'a', images: `${REG}/web:2.0.0`, apply: 'true', kubectl: KUBECTL, timeout: '60s', commit: 'true', ...inputs }, env)
}

const edit = (ws: string, file: string, change: (text: string) => string) => writeFileSync(path.join(ws, file), change(readFileSync(path.join(ws, file), 'utf8')))

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('a commit built on a moved tip is checked before it is pushed', () => {
  it('a tip that no longer renders: nothing pushed, nothing applied, the error says so', async () => {
    const ns = await freshNamespace('kid-tree-norender')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    const moved = repo.pushOther(other => edit(other, 'a/kustomization.yaml', t => t.replace('- web.yaml', '- web.yaml\n- gone.yaml')))
    const run = await deploy(ws, repo.env)
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/^::error::commit: a does not render at the commit built on 'main' \(\w{7}, on .*\): .*gone\.yaml.*; nothing was pushed$/)])
    expect(run.outputs).toMatchObject({ pushed: 'false', applied: 'false' })
    expect(repo.tip()).toBe(moved)
    expect(exists(ns, 'deployment/web')).toBe(false)
  })

  it('a tip the cluster refuses: the dry run of the commit fails, nothing pushed, the cluster keeps what it ran', async () => {
    const ns = await freshNamespace('kid-tree-refused')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    kubectlOk(['apply', '-k', path.join(ws, 'a')])
    const moved = repo.pushOther(other => edit(other, 'a/web.yaml', t => t.replace('replicas: 1', 'replicaz: 2')))
    const run = await deploy(ws, repo.env)
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([`::error::preflight: a: deployment/web: rejected by validation: unknown field "spec.replicaz"`])
    expect(logs(run)).toContain("the commit built on 'main'")
    // the kustomization edit stays written (only a phase before commit back puts files back)
    expect(run.summary).not.toContain('the kustomization files were put back')
    expect(run.summary).toMatch(/the commit built on 'main' \([0-9a-f]{7}, on [0-9a-f]{7}\) was not pushed and nothing was applied/)
    expect(run.outputs).toMatchObject({ pushed: 'false', applied: 'false' })
    expect(repo.tip()).toBe(moved)
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
  })

  it('a tip that renders and that the cluster takes: pushed on the tip and applied', async () => {
    const ns = await freshNamespace('kid-tree-moved')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    const moved = repo.pushOther(other => edit(other, 'a/web.yaml', t => t.replace('replicas: 1', 'replicas: 2')))
    const run = await deploy(ws, repo.env, { wait: 'false' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', applied: 'true' })
    expect(git(repo.bare, repo.home, 'rev-parse', 'main^')).toBe(moved)
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:2.0.0`)
    expect(replicas(ns, 'web')).toBe('2')
  })
})

describe('the checkout holds only what the commit will hold', () => {
  it('an uncommitted change to a file the target renders: refused before anything is written, nothing pushed or applied', async () => {
    const ns = await freshNamespace('kid-tree-dirty')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    edit(ws, 'a/web.yaml', t => t.replace('replicas: 1', 'replicas: 9'))
    const run = await deploy(ws, repo.env)
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::commit: a renders differently in this checkout than in the commit this run would push \(HEAD \w{7} plus its kustomization edit\): .*a\/web\.yaml.*uncommitted.*; commit or discard them before this step \(nothing was written, pushed or applied\)$/)
    ])
    expect(repo.tip()).toBe(repo.initial)
    expect(git(ws, repo.home, 'status', '--porcelain')).toBe('M a/web.yaml')
    expect(exists(ns, 'deployment/web')).toBe(false)
  })

  it('a file git does not track that the target reads: refused the same way', async () => {
    const ns = await freshNamespace('kid-tree-untracked')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    writeFiles(ws, { 'a/extra.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata: {a: b}\n` })
    edit(ws, 'a/kustomization.yaml', t => t.replace('- web.yaml', '- web.yaml\n- extra.yaml'))
    git(ws, repo.home, 'commit', '--quiet', '-am', 'uses extra.yaml, which was never added')
    git(ws, repo.home, 'push', '--quiet', 'origin', 'main')
    const before = repo.tip()
    const run = await deploy(ws, repo.env)
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/^::error::commit: a does not render at HEAD \w{7} plus its kustomization edit .*extra\.yaml.*: this checkout has .*a\/extra\.yaml \(not tracked\).*nothing was written, pushed or applied\)$/)])
    expect(repo.tip()).toBe(before)
    expect(exists(ns, 'configmap/extra')).toBe(false)
  })

  it('uncommitted changes the targets do not read, and a file git ignores that one reads: deployed as the commit holds it', async () => {
    const ns = await freshNamespace('kid-tree-clean-enough')
    const generator = 'secretGenerator:\n- name: creds\n  envs:\n  - creds.env\n'
    const repo = deployRepo(ns, { 'a/kustomization.yaml': kustomization(ns, ['web.yaml'], generator), '.gitignore': 'creds.env\n' })
    const ws = repo.clone()
    writeFiles(ws, { 'a/creds.env': 'password=generated-by-an-earlier-step\n', 'notes.txt': 'scratch\n' })
    edit(ws, 'README.md', t => `${t}local note\n`)
    repo.pushOther(other => writeFiles(other, { 'CHANGES.md': 'moved on\n' }))
    const run = await deploy(ws, repo.env, { wait: 'false' })
    expect(logs(run)).not.toContain('::error')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ pushed: 'true', applied: 'true' })
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:2.0.0`)
    expect(kubectlOk(['-n', ns, 'get', 'secret', '-o', 'name'])).toMatch(/secret\/creds-/)
  })
})
