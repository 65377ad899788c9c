/**
 * `load-restrictor: none` on the real control plane, through the bundle under Node 24: a target
 * whose transformer lives in a sibling folder (as kserve/modelmesh-serving's config/runtimes) is
 * rendered, diffed (the preflight), applied and waited for with the restrictor lifted; kubectl's
 * `diff -k` / `apply -k` have no such flag, so they take the render as `-f -`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectl, kubectlOk, liveImage, requireCluster } from '../helpers/cluster.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const REG = 'registry.example.com/kid'
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')

function workspace(ns: string): string {
  const ws = tempDir('kid-e2e-lr-')
  writeFiles(ws, {
    'config/runtimes/kustomization.yaml': `namespace: ${ns}\nresources:\n- web.yaml\ntransformers:\n- ../transformers/labels.yaml\n`,
    'config/runtimes/web.yaml': deployment('web', `${REG}/web:1.0.0`),
    'config/transformers/labels.yaml':
      'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: runtime-labels\nlabels:\n  app.kubernetes.io/part-of: modelmesh\nfieldSpecs:\n- path: metadata/labels\n  create: true\n'
  })
  return ws
}

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('load-restrictor', () => {
  it('none: rendered, dry-run, applied and rolled out with the sibling transformer; run again: unchanged', async () => {
    const ns = await freshNamespace('kid-lr-none')
    const ws = workspace(ns)
    const inputs = { path: 'config/runtimes', images: `${REG}/web:1.0.1`, apply: 'true', kubectl: KUBECTL, timeout: '60s', 'load-restrictor': 'none' }
    const run = await runAction(ws, inputs, { GITHUB_EVENT_NAME: 'push' })
    if (run.code !== 0) throw new Error(`the action failed (exit ${run.code}):\n${logs(run)}`)
    expect(run.outputs.applied).toBe('true')
    expect(JSON.parse(run.outputs.resources)).toEqual([expect.objectContaining({ kind: 'Deployment', name: 'web', namespace: ns, action: 'created' })])
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:1.0.1`)
    expect(kubectlOk(['-n', ns, 'get', 'deployment', 'web', '-o', 'jsonpath={.metadata.labels.app\\.kubernetes\\.io/part-of}'])).toBe('modelmesh')
    expect(logs(run)).toMatch(/rolled out|successfully rolled out/)

    const again = await runAction(ws, inputs, { GITHUB_EVENT_NAME: 'push' })
    expect(again.code).toBe(0)
    expect(JSON.parse(again.outputs.resources)).toEqual([expect.objectContaining({ name: 'web', action: 'unchanged' })])
  })

  it('root-only (the default): the render refuses the sibling file; the cluster is not touched', async () => {
    const ns = await freshNamespace('kid-lr-root')
    const run = await runAction(workspace(ns), { path: 'config/runtimes', images: `${REG}/web:1.0.1`, apply: 'true', kubectl: KUBECTL, timeout: '60s' }, { GITHUB_EVENT_NAME: 'push' })
    expect(run.code).toBe(1)
    expect(logs(run)).toMatch(/security; file '.*config\/transformers\/labels\.yaml' is not in or below/)
    expect(run.outputs.applied).toBe('false')
    expect(kubectl(['-n', ns, 'get', 'deployment', 'web']).status).not.toBe(0)
  })
})
