import { describe, expect, it } from '@jest/globals'
import { findDrift, liveQueries, driftCandidates } from '../../src/apply/drift.js'
import { parseManifests } from '../../src/render/manifests.js'

const deployment = (image: string, ns = 'n', name = 'web') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: { template: { spec: { containers: [{ name: 'web', image }, { name: 'sidecar', image: 'proxy:1' }] } } }
})
const render = (...objects: object[]) => objects.map(o => JSON.stringify(o)).join('\n---\n')

describe('findDrift: live image other than the one git recorded before the edit', () => {
  const recorded = parseManifests(render(deployment('reg/web:1')), 'n')
  const rendered = parseManifests(render(deployment('reg/web:2')), 'n')
  it.each<[string, object[], { container: string; live: string; recorded: string; applied: string }[]]>([
    ['live as recorded: no drift', [deployment('reg/web:1')], []],
    ['set image behind git: drift', [deployment('reg/web:hotfix')], [{ container: 'web', live: 'reg/web:hotfix', recorded: 'reg/web:1', applied: 'reg/web:2' }]],
    ['live already at the new tag is still not what git recorded', [deployment('reg/web:2')], [{ container: 'web', live: 'reg/web:2', recorded: 'reg/web:1', applied: 'reg/web:2' }]],
    ['object not live yet: nothing to compare', [], []],
    ['another object with the same name elsewhere: ignored', [deployment('x:1', 'other')], []]
  ])('%s', (_name, live, expected) => {
    expect(findDrift(recorded, live, rendered).map(({ container, live, recorded, applied }) => ({ container, live, recorded, applied }))).toEqual(expected)
  })

  it('a container git does not know (injected sidecar) is not drift', () => {
    const live = deployment('reg/web:1')
    live.spec.template.spec.containers.push({ name: 'istio-proxy', image: 'istio/proxyv2:1.20' })
    expect(findDrift(recorded, [live], rendered)).toEqual([])
  })
})

describe('liveQueries: one list per namespace, of the workload kinds git recorded there', () => {
  const cronJob = (ns: string, name: string) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: ns },
    spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'job', image: 'j:1' }] } } } } }
  })
  it.each<[string, object[], [string, string][]]>([
    ['twenty Deployments in one namespace: one list, no names', Array.from({ length: 20 }, (_, i) => deployment(`d:${i}`, 'n1', `d${i}`)), [['n1', 'deployment.apps']]],
    [
      'kinds joined per namespace, namespaces apart, ConfigMaps left out',
      [deployment('a:1', 'n1', 'a'), deployment('b:1', 'n2', 'b'), cronJob('n1', 'c'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }],
      [
        ['n1', 'cronjob.batch,deployment.apps'],
        ['n2', 'deployment.apps']
      ]
    ]
  ])('%s', (_name, objects, expected) => {
    expect([...liveQueries(driftCandidates(parseManifests(render(...objects), 'n1')))]).toEqual(expected)
  })
})
