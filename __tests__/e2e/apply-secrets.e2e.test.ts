/**
 * Secret values in what the apply phase logs and summarises, against the real control plane
 * (the bundle under Node 24): the describe, events and pod details of a failed rollout, where
 * kustomize's `replacements` copied a Secret's value into a container's env and an annotation;
 * the diff of a `secretGenerator` Secret whose value changed, so that the old value lives
 * only in the cluster, under the old hash-suffixed name; and the preflight's refusal, where the
 * API server quotes the invalid value it was sent (a Secret's value copied into a label).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, freshNamespace, KUBECTL, requireCluster } from '../helpers/cluster.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const IMAGE = 'registry.example.com/kid/web'

beforeAll(() => requireCluster())
afterAll(() => deleteNamespaces())

const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
const secretValue = () => `pw-${randomBytes(6).toString('hex')}`
const forms = (v: string) => [v, Buffer.from(v).toString('base64')]

function deployment(neverReady: boolean, refersToSecret = true): string {
  const label = neverReady ? ', kid.e2e/never-ready: "true"' : ''
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    example.com/db-url: placeholder
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web${label}}
    spec:
      containers:
      - name: web
        image: ${IMAGE}:0.1.0
${refersToSecret ? '        envFrom:\n        - secretRef: {name: db}\n' : ''}        env:
        - name: DB_PASSWORD
          value: placeholder
`
}

/** kustomize's `replacements`: the Secret's `field` into the container env, an annotation (and a ConfigMap). */
const replacement = (field: string, configMap: boolean) =>
  `replacements:\n- source: {kind: Secret, name: db, fieldPath: ${field}}\n  targets:\n` +
  '  - select: {kind: Deployment, name: web}\n    fieldPaths:\n    - spec.template.spec.containers.[name=web].env.[name=DB_PASSWORD].value\n    - metadata.annotations.[example.com/db-url]\n' +
  (configMap ? '  - select: {kind: ConfigMap, name: web-config}\n    fieldPaths: [data.copied]\n    options: {create: true}\n' : '')

function deploy(ws: string, tag: string, timeout = '120s', kubectl = KUBECTL): Promise<ActionRun> {
  return runAction(ws, { path: 'app', images: `${IMAGE}:${tag}`, apply: 'true', kubectl, timeout })
}

/** A `kubectl` that logs each call's arguments (one line) and runs the real one; `calls()` reads the log. */
function loggingKubectl(): { path: string; calls: () => string[] } {
  const dir = tempDir('kid-e2e-kubectl-log-')
  const file = path.join(dir, 'calls.log')
  const wrapper = path.join(dir, 'kubectl')
  writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${file}'\nexec '${KUBECTL}' "$@"\n`)
  chmodSync(wrapper, 0o755)
  return { path: wrapper, calls: () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(l => l !== '') : []) }
}

function expectNowhere(run: ActionRun, values: string[]): void {
  const shown = { log: logs(run), summary: run.summary }
  for (const v of values.flatMap(forms)) expect({ value: v, log: shown.log.includes(v), summary: shown.summary.includes(v) }).toEqual({ value: v, log: false, summary: false })
}

describe('Secret values in the apply phase', () => {
  it('a failed rollout\'s describe, events and pod details show no copied Secret value (env, annotation), in the log or the summary', async () => {
    const ns = await freshNamespace('kid-secret-describe')
    const value = secretValue()
    const ws = tempDir('kid-e2e-secret-')
    writeFiles(ws, {
      'app/web.yaml': deployment(true),
      'app/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${value}\n`,
      'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- secret.yaml\n- web.yaml\n${replacement('stringData.password', false)}`
    })
    const run = await deploy(ws, '1.0.0', '10s')
    expect(run.code).toBe(1)
    expect(run.summary).toContain('<details><summary>deployment/web: describe and events</summary>')
    expect(logs(run)).toMatch(/\$ kubectl describe deployment web\n/)
    expect(logs(run)).toMatch(/DB_PASSWORD:\s+\(redacted secret value\)/)
    expect(run.summary).toMatch(/DB_PASSWORD:\s+\(redacted secret value\)/)
    expectNowhere(run, [value])
  })

  it.each([
    ['a workload refers to it', true],
    ['only copies of it exist', false]
  ])('the diff of a secretGenerator Secret whose value changed shows neither value, the old one read under its old name (%s)', async (_name, refers) => {
    const ns = await freshNamespace('kid-secret-generator')
    const values = [secretValue(), secretValue()]
    const ws = tempDir('kid-e2e-secret-')
    const write = (value: string) =>
      writeFiles(ws, {
        'app/web.yaml': deployment(false, refers),
        'app/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  greeting: hello\n',
        'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- config.yaml\n- web.yaml\nsecretGenerator:\n- name: db\n  literals:\n  - password=${value}\n${replacement('data.password', true)}`
      })
    write(values[0])
    const first = await deploy(ws, '1.0.0')
    expect(first.code).toBe(0)
    write(values[1])
    const kubectl = loggingKubectl()
    const run = await deploy(ws, '1.0.1', '120s', kubectl.path)
    expect(run.code).toBe(0)
    // the other generations are found by their names alone: no Secret's value is read but theirs
    const secretReads = kubectl.calls().filter(c => / get secrets? /.test(` ${c} `) || / get .*\bsecret\//.test(c))
    expect(secretReads.filter(c => !/ -o name$/.test(c) && !/ get (secret\/\S+ )+--ignore-not-found -o json$/.test(c))).toEqual([])
    expect(secretReads.some(c => / get secrets -o name$/.test(c))).toBe(true)
    // the ConfigMap's and the Deployment's diffs are shown, the copied values redacted on both sides
    expect(logs(run)).toMatch(/-\s+copied: \(redacted secret value: old\)/)
    expect(logs(run)).toMatch(/\+\s+copied: \(redacted secret value: new\)/)
    expectNowhere(run, values)
  })

  it('a preflight refusal that quotes a copied Secret value shows it redacted, in the log and the summary', async () => {
    const ns = await freshNamespace('kid-secret-preflight')
    const value = `${secretValue()}!` // not a valid label value: the API server quotes it
    const ws = tempDir('kid-e2e-secret-')
    const toLabel = 'replacements:\n- source: {kind: Secret, name: db, fieldPath: stringData.password}\n  targets:\n  - select: {kind: Deployment, name: web}\n    fieldPaths: [metadata.labels.db]\n    options: {create: true}\n'
    writeFiles(ws, {
      'app/web.yaml': deployment(false),
      'app/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: "${value}"\n`,
      'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- secret.yaml\n- web.yaml\n${toLabel}`
    })
    const run = await deploy(ws, '1.0.0')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::preflight: app: .*Invalid value: "\(redacted secret value\)"/m)
    expect(run.summary).toContain('Preflight refused')
    expectNowhere(run, [value])
  })
})
