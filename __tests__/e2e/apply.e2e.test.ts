/**
 * The apply phase end to end: the built bundle under Node 24 (runAction) against the real
 * control plane of scripts/e2e (kube-apiserver, controller-manager, scheduler, kwok nodes), with
 * the built kubectl as the `kubectl` input and a fresh namespace per test.
 * Run with `npm run test:e2e` (or scripts/e2e/run.sh); without KUBECONFIG it fails on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo, Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { availableParallelism, homedir } from 'node:os'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { createRemote, git, GitHttpServer, protectBranch, tempDir } from '../helpers/git-http-server.js'
import { writeFiles } from '../helpers/workspace.js'
import { partCount } from '../../src/apply/diff-parts.js'

const IMAGE = 'registry.example.com/kid/web'
const state = process.env.KID_E2E_DIR || path.join(homedir(), '.cache', 'kid-e2e', 'run')
const currentBin = path.join(homedir(), '.cache', 'kid-e2e', 'current-bin')
const KUBECTL = process.env.KID_E2E_KUBECTL || (existsSync(currentBin) ? path.join(readFileSync(currentBin, 'utf8').trim(), 'kubectl') : '')

function kubectl(args: string[], kubeconfig = process.env.KUBECONFIG): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(KUBECTL, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, KUBECONFIG: kubeconfig } })
  if (r.error) throw r.error
  return r
}

function kubectlOk(args: string[]): string {
  const r = kubectl(args)
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

const namespaces: string[] = []
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function freshNamespace(prefix: string): Promise<string> {
  const ns = `kid-apply-${prefix}-${randomBytes(3).toString('hex')}`
  kubectlOk(['create', 'namespace', ns])
  namespaces.push(ns)
  for (const deadline = Date.now() + 60_000; kubectl(['-n', ns, 'get', 'serviceaccount', 'default']).status !== 0; await sleep(250)) {
    if (Date.now() > deadline) throw new Error(`no default serviceaccount in ${ns}`)
  }
  return ns
}

function deployment(name: string, neverReady = false): string {
  const extra = neverReady ? '\n        kid.e2e/never-ready: "true"' : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}${extra}
    spec:
      containers:
      - name: web
        image: ${IMAGE}:0.1.0
        readinessProbe:
          httpGet:
            path: /healthz
            port: 8080
`
}

/** A workspace with app/ (a ConfigMap and Deployments) whose kustomization sets `namespace: ns`. */
function workspace(ns: string, opts: { names?: string[]; neverReady?: boolean; namespaceInFile?: boolean } = {}): string {
  const names = opts.names ?? ['web']
  const ws = tempDir('kid-e2e-ws-')
  const files: Record<string, string> = {
    'app/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  greeting: hello\n',
    'app/kustomization.yaml': [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      ...(opts.namespaceInFile === false ? [] : [`namespace: ${ns}`]),
      'resources:',
      '- config.yaml',
      ...names.map(n => `- ${n}.yaml`),
      ''
    ].join('\n')
  }
  for (const n of names) files[`app/${n}.yaml`] = deployment(n, opts.neverReady)
  writeFiles(ws, files)
  return ws
}

function deploy(ws: string, tag: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ws, { path: 'app', images: `${IMAGE}:${tag}`, apply: 'true', kubectl: KUBECTL, timeout: '120s', ...inputs }, env)
}

interface Resource {
  kind: string
  namespace: string
  name: string
  action: string
  dryRun?: string
}
const resources = (run: ActionRun): Resource[] => JSON.parse(run.outputs.resources || '[]')
const actionOf = (run: ActionRun, kind: string, name = 'web') => resources(run).find(r => r.kind === kind && r.name === name)?.action
const liveImage = (ns: string, name = 'web') => kubectlOk(['-n', ns, 'get', 'deployment', name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])
const exists = (ns: string, ref: string) => kubectl(['-n', ns, 'get', ref]).status === 0

/** The run's log without the runner's add-mask commands (they carry the masked values by design). */
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')

function expectSucceeded(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`the action failed (exit ${run.code}):\n${logs(run)}`)
}

beforeAll(() => {
  if (!process.env.KUBECONFIG) {
    throw new Error('KUBECONFIG is not set: the e2e suite runs against the control plane of scripts/e2e/run.sh; use `npm run test:e2e`')
  }
  if (!KUBECTL || !existsSync(KUBECTL)) throw new Error(`the built kubectl was not found (KID_E2E_KUBECTL=${process.env.KID_E2E_KUBECTL ?? ''}); run scripts/e2e/build.sh`)
  kubectlOk(['get', '--raw=/readyz'])
})

afterAll(() => {
  for (const ns of namespaces) kubectl(['delete', 'namespace', ns, '--wait=false'])
})

describe('apply through the bundle', () => {
  it('the first apply creates and waits; the second reports unchanged and checks that the workload is still ready', async () => {
    const ns = await freshNamespace('create')
    const ws = workspace(ns)
    const first = await deploy(ws, '1.0.0')
    expectSucceeded(first)
    expect(resources(first)).toEqual([
      { path: 'app', kind: 'ConfigMap', namespace: ns, name: 'web-config', action: 'created' },
      { path: 'app', kind: 'Deployment', namespace: ns, name: 'web', action: 'created' }
    ])
    expect(first.outputs.applied).toBe('true')
    expect(logs(first)).toContain(`deployment/web in ${ns}: deployment "web" successfully rolled out`)
    expect(first.summary).toContain(`| \`Deployment\` | \`${ns}\` | \`web\` | created |`)
    expect(first.summary).toMatch(/✅ `deployment\/web`/)
    expect(liveImage(ns)).toBe(`${IMAGE}:1.0.0`)

    const second = await deploy(ws, '1.0.0')
    expectSucceeded(second)
    expect(resources(second).map(r => r.action)).toEqual(['unchanged', 'unchanged'])
    expect(logs(second)).toContain('app: kubectl diff -k shows no differences')
    expect(logs(second)).toContain('waiting up to 2m for 1 workload(s) to be ready (1 unchanged by this apply)')
    expect(second.summary).toMatch(/✅ `deployment\/web`/)
  })

  it('a target of many objects is diffed from its render in parts at once: every change shows, the preflight is answered, every rollout waited for', async () => {
    const ns = await freshNamespace('parts')
    const names = Array.from({ length: 20 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`)
    const ws = workspace(ns, { names })
    expectSucceeded(await deploy(ws, '1.0.0'))
    const run = await deploy(ws, '1.1.0')
    expectSucceeded(run)
    const parts = partCount(names.length + 1, availableParallelism())
    expect(parts).toBeGreaterThan(1) // this machine has the cores to split on
    expect(logs(run)).toContain(`app: kubectl diff of the render in ${parts} parts at once shows differences:`)
    expect(logs(run).match(new RegExp(`\\n\\+\\s+- image: ${IMAGE}:1\\.1\\.0\\n`, 'g'))).toHaveLength(names.length)
    expect(logs(run)).toMatch(/app: 21 object\(s\) accepted by the server-side dry run of kubectl diff in \d+ ms/)
    expect(resources(run).filter(r => r.action === 'configured').map(r => r.name)).toEqual(names)
    expect(logs(run).match(/successfully rolled out/g)).toHaveLength(names.length)
    for (const name of names) expect(liveImage(ns, name)).toBe(`${IMAGE}:1.1.0`)
  })

  it('an image bump is diffed, applied as configured, and its rollout completes', async () => {
    const ns = await freshNamespace('bump')
    const ws = workspace(ns)
    expectSucceeded(await deploy(ws, '1.0.0'))
    const run = await deploy(ws, '1.1.0')
    expectSucceeded(run)
    expect(actionOf(run, 'Deployment')).toBe('configured')
    expect(actionOf(run, 'ConfigMap', 'web-config')).toBe('unchanged')
    // the preflight's answer is the diff's own server-side dry run: no second dry run
    expect(logs(run)).toMatch(/app: 2 object\(s\) accepted by the server-side dry run of kubectl diff in \d+ ms/)
    expect(logs(run)).toMatch(new RegExp(`\\n-\\s+- image: ${IMAGE}:1\\.0\\.0\\n\\+\\s+- image: ${IMAGE}:1\\.1\\.0\\n`))
    expect(logs(run)).toContain('successfully rolled out')
    // the deploy's before → after render, diffed from the render the apply phase made before the edit
    const bump = new RegExp(`\\n-\\s+- image: ${IMAGE}:1\\.0\\.0\\n\\+\\s+- image: ${IMAGE}:1\\.1\\.0\\n`)
    expect(run.outputs.diff).toMatch(bump)
    expect(run.summary).toMatch(bump)
    const live = JSON.parse(kubectlOk(['-n', ns, 'get', 'deployment', 'web', '-o', 'json']))
    expect(live.spec.template.spec.containers[0].image).toBe(`${IMAGE}:1.1.0`)
    expect(live.status.updatedReplicas).toBe(2)
    expect(live.status.availableReplicas).toBe(2)
  })

  it('a Secret\'s values reach neither the log nor the summary, also when its diff is shown or kustomize copied them elsewhere', async () => {
    const ns = await freshNamespace('secret')
    const ws = workspace(ns)
    const values = [`pw-${randomBytes(6).toString('hex')}`, `pw-${randomBytes(6).toString('hex')}`]
    const withSecret = (value: string) =>
      writeFiles(ws, {
        'app/kustomization.yaml':
          `namespace: ${ns}\nresources:\n- config.yaml\n- web.yaml\nsecretGenerator:\n- name: db\n  literals:\n  - password=${value}\ngeneratorOptions:\n  disableNameSuffixHash: true\n` +
          // the Secret's (base64) value copied into the ConfigMap: kubectl diff shows the ConfigMap
          'replacements:\n- source:\n    kind: Secret\n    name: db\n    fieldPath: data.password\n  targets:\n  - select:\n      kind: ConfigMap\n      name: web-config\n    fieldPaths:\n    - data.copied\n    options:\n      create: true\n'
      })
    withSecret(values[0])
    expectSucceeded(await deploy(ws, '1.0.0'))
    withSecret(values[1])
    const run = await deploy(ws, '1.0.1')
    expectSucceeded(run)
    expect(actionOf(run, 'Secret', 'db')).toBe('configured')
    expect(logs(run)).toMatch(/\/v1\.Secret\.kid-apply-secret-\w+\.db\n\(a Secret: its changes are not shown\)/)
    // the ConfigMap's diff is shown, with the copied value redacted on both sides
    expect(logs(run)).toMatch(/-\s+copied: \(redacted secret value: old\)/)
    expect(logs(run)).toMatch(/\+\s+copied: \(redacted secret value: new\)/)
    for (const v of values) {
      for (const form of [v, Buffer.from(v).toString('base64')]) {
        expect(logs(run)).not.toContain(form)
        expect(run.summary).not.toContain(form)
      }
    }
  })

  it('workloads that never become ready time out together, with describe and events, and fail the run', async () => {
    const ns = await freshNamespace('never-ready')
    const ws = workspace(ns, { names: ['web', 'api'], neverReady: true })
    const started = Date.now()
    const run = await deploy(ws, '1.0.0', { timeout: '15s' })
    const seconds = (Date.now() - started) / 1000
    expect(run.code).toBe(1)
    expect(run.outputs.applied).toBe('true')
    for (const name of ['web', 'api']) {
      expect(logs(run)).toContain(`::error::rollout of deployment/${name} in ${ns} did not complete within 15s`)
      expect(run.summary).toContain(`<details><summary>deployment/${name}: describe and events</summary>`)
    }
    expect(logs(run)).toMatch(/\$ kubectl describe deployment web\nName:\s+web\nNamespace:\s+kid-apply-never-ready-/)
    expect(run.summary).toMatch(/Replicas:\s+2 desired \| 2 updated \| 2 total \| 0 available \| 2 unavailable/)
    expect(run.summary).toContain('$ kubectl events --for deployment/web')
    // Two 15 s waits one after the other would take 30 s; all at once, about 15 s.
    expect(seconds).toBeLessThan(28)
  })

  it('dry-run: server reports what would be created and changes nothing', async () => {
    const ns = await freshNamespace('dry-run')
    const run = await deploy(workspace(ns), '1.0.0', { 'dry-run': 'server' })
    expectSucceeded(run)
    expect(resources(run)).toEqual([
      { path: 'app', kind: 'ConfigMap', namespace: ns, name: 'web-config', action: 'created', dryRun: 'server' },
      { path: 'app', kind: 'Deployment', namespace: ns, name: 'web', action: 'created', dryRun: 'server' }
    ])
    expect(run.outputs.applied).toBe('false')
    expect(run.summary).toContain('### Apply (dry run: server)')
    expect(exists(ns, 'deployment/web')).toBe(false)
    expect(exists(ns, 'configmap/web-config')).toBe(false)
  })

  it('a server-side apply conflict is named with the force-conflicts hint; force-conflicts takes the field over', async () => {
    const ns = await freshNamespace('ssa')
    const ws = workspace(ns)
    const ssa = { 'server-side': 'true', 'field-manager': 'kid-e2e' }
    const created = await deploy(ws, '1.0.0', ssa)
    expectSucceeded(created)
    expect(actionOf(created, 'Deployment')).toBe('serverside-applied')
    kubectlOk(['-n', ns, 'set', 'image', 'deployment/web', `web=${IMAGE}:hotfix`])

    const conflicted = await deploy(ws, '1.1.0', ssa)
    expect(conflicted.code).toBe(1)
    expect(logs(conflicted)).toContain(
      `server-side apply conflict: .spec.template.spec.containers[name="web"].image (owned by "kubectl-set"); set 'force-conflicts: true' to take them over`
    )
    expect(liveImage(ns)).toBe(`${IMAGE}:hotfix`)

    const forced = await deploy(ws, '1.1.0', { ...ssa, 'force-conflicts': 'true' })
    expectSucceeded(forced)
    expect(liveImage(ns)).toBe(`${IMAGE}:1.1.0`)
    const managed = JSON.parse(kubectlOk(['-n', ns, 'get', 'deployment', 'web', '--show-managed-fields', '-o', 'json'])).metadata.managedFields
    expect(managed.map((m: { manager: string }) => m.manager)).toContain('kid-e2e')
  })

  it('kubeconfig content as input, versus the runner\'s KUBECONFIG', async () => {
    const admin = process.env.KUBECONFIG as string
    const content = readFileSync(admin, 'utf8')
    const context = kubectlOk(['config', 'current-context']).trim()
    const ns = await freshNamespace('kubeconfig')
    const runnerTemp = tempDir('kid-e2e-runner-temp-')

    // Input content, with the runner's KUBECONFIG pointing nowhere: only the input can work.
    const fromInput = await deploy(workspace(ns, { namespaceInFile: false }), '1.0.0', { kubeconfig: content, context, namespace: ns }, { KUBECONFIG: '/nonexistent/kubeconfig', RUNNER_TEMP: runnerTemp })
    expectSucceeded(fromInput)
    expect(logs(fromInput)).toContain(`kubeconfig: from the 'kubeconfig' input (written to a 0600 temp file), context ${context}`)
    expect(actionOf(fromInput, 'Deployment')).toBe('created')
    expect(readdirSync(runnerTemp)).toEqual([])
    const secretLine = content.split('\n').find(l => /client-key-data|token:/.test(l))?.trim() as string
    expect(fromInput.stdout).toContain(`::add-mask::${secretLine.split(/:\s+/)[1]}`)
    expect(logs(fromInput)).not.toContain(secretLine.split(/:\s+/)[1])

    // The runner's own kubeconfig (no input): the same objects, now unchanged.
    const fromRunner = await deploy(workspace(ns, { namespaceInFile: false }), '1.0.0', { namespace: ns }, { KUBECONFIG: admin })
    expectSucceeded(fromRunner)
    expect(logs(fromRunner)).toContain(`kubeconfig: the runner's KUBECONFIG (${admin}), context ${context}`)
    expect(resources(fromRunner).map(r => [r.namespace, r.action])).toEqual([
      [ns, 'unchanged'],
      [ns, 'unchanged']
    ])
  })

  it('a user whose RBAC forbids the apply gets a one-line forbidden error and changes nothing', async () => {
    const restricted = path.join(state, 'restricted.kubeconfig')
    expect(existsSync(restricted)).toBe(true)
    const ns = await freshNamespace('rbac')
    const run = await deploy(workspace(ns), '1.0.0', {}, { KUBECONFIG: restricted })
    expect(run.code).toBe(1)
    expect(logs(run)).toMatch(
      new RegExp(`::error::preflight: app: (configmap/web-config|deployment/web): forbidden: user "kid-e2e-restricted" may not create (configmaps|deployments\\.apps) in namespace ${ns}; grant it with RBAC`)
    )
    expect(run.outputs.applied).toBe('false')
    expect(exists(ns, 'deployment/web')).toBe(false)
    expect(exists(ns, 'configmap/web-config')).toBe(false)
  })

  it('a cluster that takes the connection and never answers: each kubectl call is killed at KID_KUBECTL_TIMEOUT; nothing pushed or applied, files put back', async () => {
    // the API server's own certificate, so TLS succeeds and only the answer never comes
    const pki = path.join(state, 'pki')
    const held: Socket[] = []
    const silent = createTlsServer({ key: readFileSync(path.join(pki, 'apiserver.key')), cert: readFileSync(path.join(pki, 'apiserver.crt')) }, socket => void held.push(socket))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as AddressInfo).port
    const kubeconfig = path.join(tempDir('kid-e2e-silent-'), 'kubeconfig')
    writeFileSync(kubeconfig, readFileSync(process.env.KUBECONFIG!, 'utf8').replace(/server: https:\/\/127\.0\.0\.1:\d+/, `server: https://127.0.0.1:${port}`))
    try {
      const ws = workspace('kid-apply-silent')
      const file = path.join(ws, 'app/kustomization.yaml')
      const before = readFileSync(file, 'utf8')
      const started = Date.now()
      const run = await deploy(ws, '9.9.9', {}, { KUBECONFIG: kubeconfig, KID_KUBECTL_TIMEOUT: '3' })
      expect(Date.now() - started).toBeLessThan(60_000)
      expect(run.code).toBe(1)
      expect(logs(run).split('\n').filter(l => l.startsWith('::error'))).toEqual([expect.stringMatching(/^::error::preflight: app: .*kubectl apply did not finish within 3 s \(KID_KUBECTL_TIMEOUT\): the cluster did not answer/)])
      expect(readFileSync(file, 'utf8')).toBe(before)
      expect(run.outputs).toMatchObject({ pushed: 'false', applied: 'false' })
    } finally {
      for (const socket of held) socket.destroy()
      silent.close()
    }
  })

  it('a kubectl set image behind git\'s back shows up as drift and the apply corrects it', async () => {
    const ns = await freshNamespace('drift')
    const ws = workspace(ns)
    expectSucceeded(await deploy(ws, '1.0.0'))
    kubectlOk(['-n', ns, 'set', 'image', 'deployment/web', `web=${IMAGE}:hotfix`])

    const run = await deploy(ws, '1.1.0')
    expectSucceeded(run)
    expect(logs(run)).toContain(`::warning::drift: deployment/web in ${ns} container web runs ${IMAGE}:hotfix, git recorded ${IMAGE}:1.0.0; applying ${IMAGE}:1.1.0`)
    expect(run.summary).toContain('**Drift**')
    expect(run.summary).toContain(`| \`deployment/web\` (\`${ns}\`) | \`web\` | \`${IMAGE}:hotfix\` | \`${IMAGE}:1.0.0\` | \`${IMAGE}:1.1.0\` |`)
    expect(liveImage(ns)).toBe(`${IMAGE}:1.1.0`)

    const again = await deploy(ws, '1.1.0')
    expectSucceeded(again)
    expect(logs(again)).not.toContain('drift:')
  })

  it('a push the remote refuses means the cluster is untouched', async () => {
    const ns = await freshNamespace('push')
    const home = tempDir('kid-e2e-home-')
    writeFiles(home, { gitconfig: '' })
    const root = tempDir('kid-e2e-remotes-')
    const seed = workspace(ns)
    const files = Object.fromEntries(['app/config.yaml', 'app/kustomization.yaml', 'app/web.yaml'].map(f => [f, readFileSync(path.join(seed, f), 'utf8')]))
    const { bare } = createRemote(root, 'deploy.git', files, home)
    protectBranch(bare)
    const server = await new GitHttpServer(root).start()
    try {
      // Cloned from the path (a clone over HTTP here would block the in-process server), then
      // pointed at the server, as actions/checkout leaves a workspace.
      const ws = path.join(tempDir('kid-e2e-clone-'), 'repo')
      git(tempDir('kid-e2e-cwd-'), home, 'clone', '--quiet', bare, ws)
      git(ws, home, 'remote', 'set-url', 'origin', server.url('deploy.git'))
      const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home }
      const run = await deploy(ws, '1.0.0', { commit: 'true', token: server.token }, env)
      expect(run.code).toBe(1)
      expect(logs(run)).toMatch(/::error::.*was refused by a branch protection rule, ruleset or pre-receive hook \(.*GH006/)
      expect(logs(run)).toContain('::group::Committing back')
      expect(logs(run)).not.toContain('::group::Applying')
      expect(exists(ns, 'deployment/web')).toBe(false)
      expect(exists(ns, 'configmap/web-config')).toBe(false)
    } finally {
      await server.stop()
    }
  })
})
