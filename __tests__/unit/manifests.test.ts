import { describe, expect, it } from '@jest/globals'
import { changedInDiff, diffName, liveManifest, parseManifests, resourceName } from '../../src/render/manifests.js'
import { parseAllDocuments } from 'yaml'
import { RENDER } from './render-fixture.js'

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
    expect(liveManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } })?.images.size).toBe(0)
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

describe('parseManifests: every route gives the same answer', () => {
  const objects = parseAllDocuments(RENDER).map(d => d.toJS() as object)
  const scanned = parseManifests(RENDER, 'fallback')
  it('flow style (the yaml route) reads as the block style (the scanner)', () => {
    expect(parseManifests(objects.map(o => JSON.stringify(o)).join('\n---\n'), 'fallback')).toEqual(scanned)
  })
  it('a kind: List stands for its items', () => {
    expect(parseManifests(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }), 'fallback')).toEqual(scanned)
  })
  it('a live object reads as the rendered one, with its own namespace only', () => {
    expect(objects.map(liveManifest)).toEqual(scanned.map(m => ({ ...m, namespace: m.namespace === 'fallback' ? '' : m.namespace })))
  })
  it('a document without kind or name is no object', () => {
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\n---\n{not yaml: [\n', 'n')).toEqual([])
  })
})
