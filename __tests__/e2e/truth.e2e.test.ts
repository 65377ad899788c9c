/**
 * Truthful deploys (issue 9 §2 and §4) on the real control plane, through the bundle under
 * Node 24 with real git remotes: the cluster is asked (server-side dry run) before anything is
 * pushed; the real apply tries every target and says per target what happened; a failed rollout
 * shows its pods; `apply: auto` never touches the cluster on pull requests; a dry run pushes
 * nothing; a stale run applies nothing and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectl, kubectlOk, liveImage, requireCluster } from '../helpers/cluster.js'
import { createRemote, git, tempDir } from '../helpers/git-http-server.js'
import { writeFiles } from '../helpers/workspace.js'
import type { AppliedResource } from '../../src/apply/apply-output.js'

const REG = 'registry.example.com/kid'
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
const errorLines = (run: ActionRun) => run.stdout.split('\n').filter(l => l.startsWith('::error'))
const exists = (ns: string, ref: string) => kubectl(['-n', ns, 'get', ref]).status === 0
const restricted = () => path.join(process.env.KID_E2E_DIR || path.join(process.env.HOME ?? '', '.cache', 'kid-e2e', 'run'), 'restricted.kubeconfig')

const resources = (run: ActionRun): AppliedResource[] => JSON.parse(run.outputs.resources || '[]')

function expectSucceeded(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`the action failed (exit ${run.code}):\n${logs(run)}`)
}

const kustomization = (ns: string, resources: string[]) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${ns}\nresources:\n${resources.map(r => `- ${r}`).join('\n')}\n`

/** A deploy repository (bare remote) with targets `a/` and `b/`, each one Deployment; a clone of it as the workspace. */
function deployRepo(ns: string, files: Record<string, string> = {}) {
  const home = tempDir('kid-e2e-home-')
  writeFiles(home, { gitconfig: '' })
  const seed = {
    'a/kustomization.yaml': kustomization(ns, ['web.yaml']),
    'a/web.yaml': deployment('web', `${REG}/web:1.0.0`),
    'b/kustomization.yaml': kustomization(ns, ['api.yaml']),
    'b/api.yaml': deployment('api', `${REG}/api:1.0.0`),
    ...files
  }
  const { bare, initial } = createRemote(tempDir('kid-e2e-remotes-'), 'deploy.git', seed, home)
  const clone = () => {
    const ws = path.join(tempDir('kid-e2e-clone-'), 'repo')
    git(tempDir('kid-e2e-cwd-'), home, 'clone', '--quiet', bare, ws)
    return ws
  }
  const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home, GITHUB_SHA: initial, GITHUB_REF: 'refs/heads/main' }
  const tip = () => git(bare, home, 'rev-parse', 'main')
  return { home, bare, initial, clone, env, tip }
}

function deploy(ws: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ws, { path: 'a\nb', apply: 'true', kubectl: KUBECTL, timeout: '60s', commit: 'true', ...inputs }, env)
}

const bothImages = `${REG}/web:2.0.0\n${REG}/api:2.0.0`

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('preflight: the cluster is asked before anything is pushed', () => {
  it('a read-only user: nothing pushed, nothing applied, files restored, one forbidden line per object', async () => {
    const ns = await freshNamespace('kid-truth-rbac')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    const before = repo.tip()
    const run = await deploy(ws, { images: bothImages }, { ...repo.env, KUBECONFIG: restricted() })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      `::error::preflight: a: deployment/web: forbidden: user "kid-e2e-restricted" may not create deployments.apps in namespace ${ns}; grant it with RBAC or use another kubeconfig`,
      `::error::preflight: b: deployment/api: forbidden: user "kid-e2e-restricted" may not create deployments.apps in namespace ${ns}; grant it with RBAC or use another kubeconfig`
    ])
    expect(repo.tip()).toBe(before)
    expect(logs(run)).not.toContain('::group::Committing back')
    expect(git(ws, repo.home, 'status', '--porcelain')).toBe('')
    expect(git(ws, repo.home, 'rev-parse', 'HEAD')).toBe(before)
    expect(exists(ns, 'deployment/web')).toBe(false)
  })

  it('a manifest the API server rejects (spec.replicaz, client-side patch): named with object and field, nothing pushed, the other target untouched', async () => {
    const ns = await freshNamespace('kid-truth-invalid')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    kubectlOk(['apply', '-k', path.join(ws, 'a')])
    kubectlOk(['apply', '-k', path.join(ws, 'b')])
    // the broken manifest is in git already; this run only bumps the images
    writeFileSync(path.join(ws, 'a/web.yaml'), readFileSync(path.join(ws, 'a/web.yaml'), 'utf8').replace('replicas: 1', 'replicaz: 2'))
    git(ws, repo.home, 'commit', '--quiet', '-am', 'typo')
    git(ws, repo.home, 'push', '--quiet', 'origin', 'main')
    const before = repo.tip()
    const run = await deploy(ws, { images: bothImages }, repo.env)
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([`::error::preflight: a: deployment/web: rejected by validation: unknown field "spec.replicaz"`])
    expect(logs(run)).not.toContain('map[metadata:map[annotations')
    expect(repo.tip()).toBe(before)
    expect(git(ws, repo.home, 'status', '--porcelain')).toBe('')
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.0`)
    expect(liveImage(ns, 'api')).toBe(`${REG}/api:1.0.0`)
  })

  it('a namespace the same apply creates is no refusal', async () => {
    const ns = `kid-truth-newns-${Date.now().toString(36)}`
    try {
      const ws = tempDir('kid-e2e-ws-')
      writeFiles(ws, {
        'a/kustomization.yaml': kustomization(ns, ['namespace.yaml', 'web.yaml']),
        'a/namespace.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`,
        'a/web.yaml': deployment('web', `${REG}/web:1.0.0`)
      })
      const run = await runAction(ws, { path: 'a', images: `${REG}/web:1.0.1`, apply: 'true', kubectl: KUBECTL, wait: 'false' })
      expectSucceeded(run)
      expect(logs(run)).toContain(`a: deployment/web: not checked, its namespace ${ns} is created by this apply`)
      expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.1`)
    } finally {
      kubectl(['delete', 'namespace', ns, '--wait=false'])
    }
  })
})

describe('the real apply says per target what happened', () => {
  it('a target refused after the preflight passed: the other target is still applied; applied=false; the refused one is never shown as deployed', async () => {
    const ns = await freshNamespace('kid-truth-partial')
    const policy = `kid-truth-${ns}`
    // Admission that refuses one ConfigMap for real but lets its dry run through: the cluster
    // changing its mind between preflight and apply (another writer, a new policy).
    const spec = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: ${policy}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
    - apiGroups: [""]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["configmaps"]
  validations:
  - expression: "request.dryRun == true || object.metadata.name != 'refused'"
    message: "kid-e2e: refused outside a dry run"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${policy}
spec:
  policyName: ${policy}
  validationActions: [Deny]
  matchResources:
    namespaceSelector:
      matchLabels:
        kubernetes.io/metadata.name: ${ns}
`
    const specFile = path.join(tempDir('kid-e2e-policy-'), 'policy.yaml')
    writeFileSync(specFile, spec)
    kubectlOk(['apply', '-f', specFile])
    try {
      const repo = deployRepo(ns, {
        'a/kustomization.yaml': kustomization(ns, ['web.yaml', 'refused.yaml']),
        'a/refused.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: refused\ndata:\n  a: b\n'
      })
      const ws = repo.clone()
      // a policy takes a moment to be enforced: wait until a real create is refused
      for (const deadline = Date.now() + 30_000; ; await new Promise(r => setTimeout(r, 500))) {
        const probe = kubectl(['-n', ns, 'create', 'configmap', 'refused'])
        if (probe.status !== 0 && /refused outside a dry run/.test(probe.stderr)) break
        if (probe.status === 0) kubectlOk(['-n', ns, 'delete', 'configmap', 'refused'])
        if (Date.now() > deadline) throw new Error('the admission policy was not enforced within 30 s')
      }
      const run = await deploy(ws, { images: bothImages }, repo.env)
      expect(run.code).toBe(1)
      expect(errorLines(run)).toEqual([`::error::a: kubectl apply failed: configmap/refused: refused by admission policy ${policy}: kid-e2e: refused outside a dry run`])
      expect(run.outputs.pushed).toBe('true')
      expect(run.outputs.applied).toBe('false')
      expect(resources(run)).toEqual(
        expect.arrayContaining([
          { path: 'a', kind: 'Deployment', namespace: ns, name: 'web', action: 'created' },
          { path: 'a', kind: 'ConfigMap', namespace: ns, name: 'refused', action: 'failed', error: `refused by admission policy ${policy}: kid-e2e: refused outside a dry run` },
          { path: 'b', kind: 'Deployment', namespace: ns, name: 'api', action: 'created' }
        ])
      )
      expect(run.summary).toContain('| `a` | ❌ **not applied** — kubectl apply failed: configmap/refused: refused by admission policy')
      expect(run.summary).toContain('| `b` | ✅ applied |')
      expect(run.summary).not.toContain('| `a` | ✅')
      expect(liveImage(ns, 'api')).toBe(`${REG}/api:2.0.0`)
    } finally {
      kubectl(['delete', 'validatingadmissionpolicybinding', policy])
      kubectl(['delete', 'validatingadmissionpolicy', policy])
    }
  })

  it('a rollout that never becomes ready shows the pods\' conditions and events, one error line', async () => {
    const ns = await freshNamespace('kid-truth-rollout')
    const ws = tempDir('kid-e2e-ws-')
    const neverReady = deployment('web', `${REG}/web:1.0.0`, 'web', { neverReady: true })
    writeFiles(ws, { 'a/kustomization.yaml': kustomization(ns, ['web.yaml']), 'a/web.yaml': neverReady })
    const run = await runAction(ws, { path: 'a', images: `${REG}/web:1.0.1`, apply: 'true', kubectl: KUBECTL, timeout: '10s' })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([`::error::rollout of deployment/web in ${ns} did not complete within 10s (Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available)`])
    expect(run.summary).toMatch(/1 not-ready pod\(s\) of deployment\/web:\npod\/web-[a-z0-9]+-[a-z0-9]+ \(Running\)\n {2}condition Ready=False ContainersNotReady: kid-e2e: (?:the )?label kid.e2e\/never-ready (?:or an image tag holding never-ready )?keeps this pod from becoming ready/)
    expect(run.summary).toMatch(/ {2}container web: running, ready=false, restarts=0\n {2}events:\n/)
    expect(run.summary).toMatch(/Scheduled .*Successfully assigned/)
  })
})

describe('what the user did not ask for does not happen', () => {
  it('apply: auto on a pull_request event previews only; on push it applies', async () => {
    const ns = await freshNamespace('kid-truth-auto')
    const ws = tempDir('kid-e2e-ws-')
    writeFiles(ws, { 'a/kustomization.yaml': kustomization(ns, ['web.yaml']), 'a/web.yaml': deployment('web', `${REG}/web:1.0.0`) })
    const inputs = { path: 'a', images: `${REG}/web:1.0.1`, apply: '', kubectl: KUBECTL, wait: 'false' }
    for (const event of ['pull_request', 'pull_request_target']) {
      const run = await runAction(ws, inputs, { GITHUB_EVENT_NAME: event })
      expectSucceeded(run)
      expect(logs(run)).not.toContain('::group::Applying')
      expect(logs(run)).not.toContain('::group::Preflight')
      expect(run.outputs.applied).toBe('false')
      const note = `Not applied: \`apply: auto\` only previews ${event} events; the cluster was not touched.`
      expect(logs(run)).toContain(note)
      expect(run.summary).toContain(note)
      expect(exists(ns, 'deployment/web')).toBe(false)
    }
    const push = await runAction(ws, inputs, { GITHUB_EVENT_NAME: 'push' })
    expectSucceeded(push)
    expect(push.outputs.applied).toBe('true')
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.1`)
  })

  it('dry-run: server with commit: true pushes nothing and changes nothing in the cluster', async () => {
    const ns = await freshNamespace('kid-truth-dry')
    const repo = deployRepo(ns)
    const ws = repo.clone()
    const before = repo.tip()
    const run = await deploy(ws, { images: bothImages, 'dry-run': 'server' }, repo.env)
    expectSucceeded(run)
    expect(repo.tip()).toBe(before)
    expect(git(ws, repo.home, 'rev-parse', 'HEAD')).toBe(before)
    expect(run.outputs.pushed).toBe('false')
    expect(run.outputs.applied).toBe('false')
    expect(logs(run)).toContain('Dry run (`dry-run: server`): nothing committed or pushed.')
    expect(run.summary).toContain('Dry run (`dry-run: server`): nothing committed or pushed.')
    expect(resources(run).map(r => r.action)).toEqual(['created', 'created'])
    expect(exists(ns, 'deployment/web')).toBe(false)
  })

  it('a stale run: stale=true, pushed=false, applied=false, nothing applied, every target not attempted', async () => {
    const ns = await freshNamespace('kid-truth-stale')
    const repo = deployRepo(ns)
    // B: a newer source commit on top of A (the initial one)
    const work = repo.clone()
    writeFiles(work, { 'README.md': 'newer source\n' })
    git(work, repo.home, 'add', 'README.md')
    git(work, repo.home, 'commit', '--quiet', '-m', 'newer')
    git(work, repo.home, 'push', '--quiet', 'origin', 'main')
    const newer = repo.tip()

    const first = await deploy(repo.clone(), { images: bothImages, 'source-commit': newer, wait: 'false' }, repo.env)
    expectSucceeded(first)
    expect(first.outputs.pushed).toBe('true')
    const afterFirst = repo.tip()

    const old = await deploy(repo.clone(), { images: `${REG}/web:1.5.0\n${REG}/api:1.5.0`, 'source-commit': repo.initial, wait: 'false' }, repo.env)
    expect(old.outputs.stale).toBe('true')
    expect(old.outputs.pushed).toBe('false')
    expect(old.outputs.applied).toBe('false')
    expect(repo.tip()).toBe(afterFirst)
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:2.0.0`)
    expect(old.summary).toContain('| `a` | ⏭️ not attempted — the run was refused as out of order |')
    expect(old.summary).toContain('| `b` | ⏭️ not attempted — the run was refused as out of order |')
  })
})
