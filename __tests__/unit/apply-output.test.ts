import { describe, expect, it } from '@jest/globals'
import { parseApplyOutput, redactSecretDiffs, toResources } from '../../src/apply-output.js'
import { rolloutTargets } from '../../src/apply.js'
import { changedInDiff, containerImages, diffName, parseManifests, resourceName } from '../../src/manifests.js'

const RENDER = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  a: "1"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: reg/migrate:1
      containers:
      - name: web
        image: reg/web:2
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: job
            image: reg/job:3
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web.example
`

describe('parseManifests', () => {
  const manifests = parseManifests(RENDER, 'fallback')
  it('reads kind, group, version, effective namespace (cluster-scoped: empty)', () => {
    expect(manifests.map(m => [m.kind, m.group, m.version, m.namespace, m.name])).toEqual([
      ['Namespace', '', 'v1', '', 'shop'],
      ['ConfigMap', '', 'v1', 'fallback', 'web'],
      ['Deployment', 'apps', 'v1', 'shop', 'web'],
      ['CronJob', 'batch', 'v1', 'fallback', 'nightly'],
      ['Ingress', 'networking.k8s.io', 'v1', 'fallback', 'web.example']
    ])
  })
  it('reads container images, init containers and CronJob templates included', () => {
    expect([...manifests[2].images]).toEqual([['migrate', 'reg/migrate:1'], ['web', 'reg/web:2']])
    expect([...manifests[3].images]).toEqual([['job', 'reg/job:3']])
    expect(containerImages({ kind: 'ConfigMap' }).size).toBe(0)
  })
  it('names objects the way kubectl apply and kubectl diff do', () => {
    expect(manifests.map(resourceName)).toEqual(['namespace/shop', 'configmap/web', 'deployment.apps/web', 'cronjob.batch/nightly', 'ingress.networking.k8s.io/web.example'])
    expect(manifests.map(diffName)).toEqual(['v1.Namespace..shop', 'v1.ConfigMap.fallback.web', 'apps.v1.Deployment.shop.web', 'batch.v1.CronJob.fallback.nightly', 'networking.k8s.io.v1.Ingress.fallback.web.example'])
  })
  it('finds the objects a kubectl diff output changes', () => {
    const diff = [
      'diff -u -N /tmp/LIVE-123/apps.v1.Deployment.shop.web /tmp/MERGED-456/apps.v1.Deployment.shop.web',
      '--- /tmp/LIVE-123/apps.v1.Deployment.shop.web',
      '+++ /tmp/MERGED-456/apps.v1.Deployment.shop.web',
      '-        image: reg/web:1',
      '+        image: reg/web:2',
      'diff -u -N /tmp/LIVE-1/v1.Namespace..shop /tmp/MERGED-2/v1.Namespace..shop'
    ].join('\n')
    expect(changedInDiff(diff, manifests).map(resourceName)).toEqual(['namespace/shop', 'deployment.apps/web'])
    expect(changedInDiff('', manifests)).toEqual([])
  })
})

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

describe('rolloutTargets: workloads the apply created or changed', () => {
  const r = (kind: string, action: string, extra: object = {}) => ({ kind, namespace: 'n', name: kind.toLowerCase(), action, ...extra })
  const manifests = parseManifests('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: statefulset, namespace: n}\n', 'n')
  it.each<[string, ReturnType<typeof r>[], typeof manifests | undefined, string[]]>([
    ['created and configured workloads', [r('Deployment', 'created'), r('DaemonSet', 'configured'), r('StatefulSet', 'unchanged')], [], ['Deployment', 'DaemonSet']],
    ['not other kinds', [r('ConfigMap', 'created'), r('CronJob', 'configured'), r('Service', 'configured')], [], []],
    ['not dry runs', [r('Deployment', 'created', { dryRun: 'server' })], [], []],
    ['server-side: the ones kubectl diff showed', [r('Deployment', 'serverside-applied'), r('StatefulSet', 'serverside-applied')], manifests, ['StatefulSet']],
    ['server-side without a diff: all', [r('Deployment', 'serverside-applied'), r('StatefulSet', 'serverside-applied')], undefined, ['Deployment', 'StatefulSet']]
  ])('%s', (_name, resources, changed, kinds) => {
    expect(rolloutTargets(resources, changed).map(t => t.kind)).toEqual(kinds)
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
