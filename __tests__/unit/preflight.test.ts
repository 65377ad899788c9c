/**
 * When the preflight asks the cluster again (`kubectl apply --dry-run=server`) and when the
 * target's `kubectl diff`, itself a server-side dry run with the same flags, already answered.
 * kubectl is replaced by a recorder of apply calls (a unit test of one module).
 */
import { describe, expect, it } from '@jest/globals'
import { preflight } from '../../src/apply/preflight.js'
import type { Cluster, Looked } from '../../src/apply/apply.js'
import { KubectlError, type ApplyFlags, type ExecResult } from '../../src/apply/kubectl.js'
import type { Target } from '../../src/edit/targets.js'

const target = (rel: string): Target => ({ rel, dir: `/ws/${rel}`, file: `/ws/${rel}/kustomization.yaml`, fileRel: `${rel}/kustomization.yaml` }) as Target

function cluster(reply: ExecResult | Error, serverSide = false) {
  const calls: { dir: string; flags: ApplyFlags }[] = []
  const kubectl = {
    apply: async (dir: string, flags: ApplyFlags) => {
      calls.push({ dir, flags })
      if (reply instanceof Error) throw reply
      if (reply.code !== 0) throw new KubectlError('refused', reply)
      return reply
    }
  }
  const settings = { serverSide, fieldManager: 'ci', forceConflicts: serverSide }
  return { calls, cluster: { kubectl, settings } as unknown as Cluster }
}

const clean: Looked = { diff: { differences: true, output: 'diff …', warnings: '' }, live: [] }
const warned: Looked = { diff: { differences: true, output: 'diff …', warnings: 'Warning: unknown field "spec.replicaz"' }, live: [] }
const failed: Looked = { diff: new Error('Error from server (Forbidden): deployments.apps "web" is forbidden'), live: [] }
const refused: ExecResult = { code: 1, stdout: '', stderr: 'Error from server (BadRequest): strict decoding error: unknown field "spec.replicaz"' }
const accepted: ExecResult = { code: 0, stdout: 'deployment.apps/web configured (server dry run)\n', stderr: '' }

describe('preflight: the diff answers when it can', () => {
  it.each<[string, Looked, ExecResult, 'diff' | 'asked']>([
    ['a diff accepted with nothing on stderr is the answer', clean, refused, 'diff'],
    ['a diff the server warned about is asked again (strict validation)', warned, refused, 'asked'],
    ['a failed diff is asked again, to name every refused object', failed, refused, 'asked'],
    ['a failed diff whose dry run passes is accepted by the dry run', failed, accepted, 'asked']
  ])('%s', async (_name, looked, reply, expected) => {
    const { calls, cluster: c } = cluster(reply)
    const [run] = await preflight(c, [target('app')], Promise.resolve([looked]))
    if (expected === 'diff') {
      expect(run.result).toBe('diff')
      expect(calls).toEqual([])
    } else {
      expect(run.result).toEqual(reply)
      expect(calls).toEqual([{ dir: '/ws/app', flags: { serverSide: false, fieldManager: 'ci', forceConflicts: false, dryRun: 'server' } }])
    }
  })

  it('only the targets whose diff did not answer are asked, with the flags of the real apply', async () => {
    const { calls, cluster: c } = cluster(accepted, true)
    const runs = await preflight(c, [target('a'), target('b'), target('c')], Promise.resolve([clean, failed, clean]))
    expect(runs.map(r => (r.result === 'diff' ? 'diff' : 'asked'))).toEqual(['diff', 'asked', 'diff'])
    expect(calls).toEqual([{ dir: '/ws/b', flags: { serverSide: true, fieldManager: 'ci', forceConflicts: true, dryRun: 'server' } }])
  })

  it('kubectl that cannot run is an Error result, not a rejection', async () => {
    const { cluster: c } = cluster(new Error("kubectl: cannot run 'kubectl'"))
    const [run] = await preflight(c, [target('app')], Promise.resolve([failed]))
    expect(run.result).toBeInstanceOf(Error)
  })
})
