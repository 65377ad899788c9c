import { describe, expect, it } from '@jest/globals'
import { parseApplyOutput, redactSecretDiffs, toResources } from '../../src/apply/apply-output.js'
import { rolloutTargets } from '../../src/apply/apply.js'
import { parseManifests } from '../../src/render/manifests.js'
import { RENDER } from './render-fixture.js'

describe('parseApplyOutput', () => {
  it.each<[string, ReturnType<typeof parseApplyOutput>]>([
    ['deployment.apps/web created', [{ ref: 'deployment.apps/web', action: 'created' }]],
    ['deployment.apps/web configured\nservice/web unchanged', [{ ref: 'deployment.apps/web', action: 'configured' }, { ref: 'service/web', action: 'unchanged' }]],
    ['deployment.apps/web serverside-applied', [{ ref: 'deployment.apps/web', action: 'serverside-applied' }]],
    ['deployment.apps/web created (server dry run)', [{ ref: 'deployment.apps/web', action: 'created', dryRun: 'server' }]],
    ['configmap/cfg configured (dry run)', [{ ref: 'configmap/cfg', action: 'configured', dryRun: 'client' }]],
    ['ingress.networking.k8s.io/web.example created', [{ ref: 'ingress.networking.k8s.io/web.example', action: 'created' }]],
    ['Warning: resource deployments/web is missing the annotation\n\n', []]
  ])('%j', (stdout, expected) => {
    expect(parseApplyOutput(stdout)).toEqual(expected)
  })
})

describe('toResources: lines matched to the rendered objects', () => {
  const manifests = parseManifests(RENDER, 'default')
  it('takes kind and namespace from the manifest', () => {
    const lines = parseApplyOutput('namespace/shop created\nconfigmap/web created\ndeployment.apps/web configured\ningress.networking.k8s.io/web.example unchanged')
    expect(toResources(lines, manifests)).toEqual([
      { kind: 'Namespace', namespace: '', name: 'shop', action: 'created' },
      { kind: 'ConfigMap', namespace: 'default', name: 'web', action: 'created' },
      { kind: 'Deployment', namespace: 'shop', name: 'web', action: 'configured' },
      { kind: 'Ingress', namespace: 'default', name: 'web.example', action: 'unchanged' }
    ])
  })
  it('the same kind and name in two namespaces match in order', () => {
    const two = parseManifests('kind: ConfigMap\napiVersion: v1\nmetadata: {name: c, namespace: a}\n---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: c, namespace: b}\n', 'x')
    expect(toResources(parseApplyOutput('configmap/c created\nconfigmap/c unchanged'), two).map(r => [r.namespace, r.action])).toEqual([
      ['a', 'created'],
      ['b', 'unchanged']
    ])
  })
  it('a line with no rendered object keeps what the line says', () => {
    expect(toResources(parseApplyOutput('widget.example.com/w created'), [])).toEqual([{ kind: 'widget', namespace: '', name: 'w', action: 'created' }])
  })
})

describe('rolloutTargets: every workload a real apply touched; the unchanged ones are checked for readiness too', () => {
  const r = (kind: string, action: string, extra: object = {}) => ({ kind, namespace: 'n', name: kind.toLowerCase(), action, ...extra })
  const manifests = parseManifests('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: statefulset, namespace: n}\n', 'n')
  it.each<[string, ReturnType<typeof r>[], typeof manifests | undefined, string[]]>([
    ['created, configured and unchanged workloads', [r('Deployment', 'created'), r('DaemonSet', 'configured'), r('StatefulSet', 'unchanged')], [], ['Deployment', 'DaemonSet', 'StatefulSet unchanged']],
    ['not other kinds', [r('ConfigMap', 'created'), r('CronJob', 'configured'), r('Service', 'configured')], [], []],
    ['not dry runs', [r('Deployment', 'created', { dryRun: 'server' }), r('StatefulSet', 'unchanged', { dryRun: 'client' })], [], []],
    ['not a workload whose apply failed', [r('Deployment', 'failed', { error: 'forbidden' })], [], []],
    ['server-side: the ones kubectl diff showed change, the others unchanged', [r('Deployment', 'serverside-applied'), r('StatefulSet', 'serverside-applied')], manifests, ['Deployment unchanged', 'StatefulSet']],
    ['server-side without a diff: all changed', [r('Deployment', 'serverside-applied'), r('StatefulSet', 'serverside-applied')], undefined, ['Deployment', 'StatefulSet']]
  ])('%s', (_name, resources, changed, kinds) => {
    expect(rolloutTargets(resources, changed).map(t => `${t.kind}${t.unchanged ? ' unchanged' : ''}`)).toEqual(kinds)
  })
})

describe('redactSecretDiffs', () => {
  it('keeps the header of a Secret diff and drops its body; other diffs stay', () => {
    const cm = 'diff -u -N /tmp/LIVE-1/v1.ConfigMap.n.c /tmp/MERGED-2/v1.ConfigMap.n.c\n--- a\n+++ b\n-  a: "1"\n+  a: "2"\n'
    const secret = 'diff -u -N /tmp/LIVE-1/v1.Secret.n.s /tmp/MERGED-2/v1.Secret.n.s\n--- a\n+++ b\n-      {"data":{"password":"c2VjcmV0"}}\n+      {"data":{"password":"bmV3"}}\n'
    const out = redactSecretDiffs(cm + secret + cm)
    expect(out).toBe(cm + 'diff -u -N /tmp/LIVE-1/v1.Secret.n.s /tmp/MERGED-2/v1.Secret.n.s\n(a Secret: its changes are not shown)\n' + cm)
    expect(out).not.toContain('c2VjcmV0')
  })
})
