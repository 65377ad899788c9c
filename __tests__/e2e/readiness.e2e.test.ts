/**
 * With `wait: true` every workload of a target is checked for readiness after the apply, changed
 * or not (issue 17 item 8): a re-run after a failed rollout, whose apply says `unchanged`, must
 * fail like the rollout that did not complete, not pass green over a Deployment at 0/1 ready.
 * The bundle under Node 24 against the real control plane; kwok keeps pods labelled
 * kid.e2e/never-ready from becoming Ready.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectlOk, requireCluster } from '../helpers/cluster.js'
import { tempDir } from '../helpers/git-http-server.js'
import { writeFiles } from '../helpers/workspace.js'

const IMAGE = 'registry.example.com/kid/ready'
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
const errorLines = (run: ActionRun) => run.stdout.split('\n').filter(l => l.startsWith('::error'))

/** app/: Deployments `ok` (becomes ready) and, when asked, `stuck` (never does). */
function workspace(ns: string, stuck: boolean): string {
  const ws = tempDir('kid-e2e-ready-')
  const names = stuck ? ['ok', 'stuck'] : ['ok']
  writeFiles(ws, {
    'app/kustomization.yaml': `namespace: ${ns}\nresources:\n${names.map(n => `- ${n}.yaml`).join('\n')}\n`,
    ...Object.fromEntries(names.map(n => [`app/${n}.yaml`, deployment(n, IMAGE, n, { neverReady: n === 'stuck' })]))
  })
  return ws
}

const deploy = (ws: string, inputs: Record<string, string> = {}) =>
  runAction(ws, { path: 'app', images: `${IMAGE}:1.0.0`, apply: 'true', kubectl: KUBECTL, timeout: '10s', ...inputs })

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('wait: every workload of the target is checked for readiness, changed or not', () => {
  it('a re-run after a failed rollout fails too: the apply says unchanged, the Deployment is still not ready', async () => {
    const ns = await freshNamespace('kid-ready-rerun')
    const ws = workspace(ns, true)
    const first = await deploy(ws)
    expect(first.code).toBe(1)
    expect(errorLines(first)).toContain(`::error::rollout of deployment/stuck in ${ns} did not complete within 10s (Waiting for deployment "stuck" rollout to finish: 0 of 1 updated replicas are available)`)

    const again = await deploy(ws)
    expect(JSON.parse(again.outputs.resources).filter((r: { kind: string }) => r.kind === 'Deployment').map((r: { name: string; action: string }) => [r.name, r.action])).toEqual([
      ['ok', 'unchanged'],
      ['stuck', 'unchanged']
    ])
    expect(again.code).toBe(1)
    const stuck = errorLines(again).filter(l => l.includes('deployment/stuck'))
    expect(stuck).toEqual([`::error::rollout of deployment/stuck in ${ns} did not complete within 10s (Waiting for deployment "stuck" rollout to finish: 0 of 1 updated replicas are available; the apply left it unchanged and it is not ready)`])
    expect(errorLines(again).some(l => l.includes('deployment/ok'))).toBe(false)
    expect(again.summary).toContain('<details><summary>deployment/stuck: describe and events</summary>')
    expect(kubectlOk(['-n', ns, 'get', 'deployment', 'stuck', '-o', 'jsonpath={.status.readyReplicas}'])).toBe('')
  })

  it('a re-run over ready workloads passes and says each is ready', async () => {
    const ns = await freshNamespace('kid-ready-ok')
    const ws = workspace(ns, false)
    const first = await deploy(ws, { timeout: '60s' })
    if (first.code !== 0) throw new Error(logs(first))
    const again = await deploy(ws, { timeout: '60s' })
    if (again.code !== 0) throw new Error(logs(again))
    expect(logs(again)).toContain('waiting up to 1m for 1 workload(s) to be ready (1 unchanged by this apply)')
    expect(logs(again)).toMatch(/deployment\/ok in kid-ready-ok-\w+: deployment "ok" successfully rolled out/)
  })

  it('wait: false checks nothing', async () => {
    const ns = await freshNamespace('kid-ready-nowait')
    const ws = workspace(ns, true)
    const run = await deploy(ws, { wait: 'false' })
    if (run.code !== 0) throw new Error(logs(run))
    expect(logs(run)).not.toContain('waiting up to')
  })
})
