/**
 * The exact kubectl argument lists for each combination of inputs, and exit-code handling.
 * src/process.ts is replaced by a recorder (a unit test of the one kubectl wrapper).
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'

interface Call {
  binary: string
  args: string[]
  env: Record<string, string>
  input?: string
}
const calls: Call[] = []
let reply: { exitCode: number; stdout: string; stderr: string } | Error = { exitCode: 0, stdout: '', stderr: '' }

jest.unstable_mockModule('../../src/process.js', () => ({
  runProcess: async (binary: string, args: string[], options: { env: Record<string, string>; input?: string }) => {
    calls.push({ binary, args, env: options.env, input: options.input })
    if (reply instanceof Error) throw reply
    return { code: reply.exitCode, stdout: reply.stdout, stderr: reply.stderr }
  }
}))

const { Kubectl, KubectlError } = await import('../../src/apply/kubectl.js')
type Flags = import('../../src/apply/kubectl.js').ApplyFlags

const plain: Flags = { serverSide: false, fieldManager: '', forceConflicts: false, dryRun: 'none' }

beforeEach(() => {
  calls.length = 0
  reply = { exitCode: 0, stdout: '', stderr: '' }
})

describe('kubectl apply -k argv', () => {
  it.each<[string, Partial<Flags>, { context?: string; namespace?: string }, string[]]>([
    ['defaults', {}, {}, ['apply', '-k', '/ws/app']],
    ['context', {}, { context: 'prod' }, ['--context', 'prod', 'apply', '-k', '/ws/app']],
    ['namespace', {}, { namespace: 'web' }, ['--namespace', 'web', 'apply', '-k', '/ws/app']],
    ['context and namespace', {}, { context: 'prod', namespace: 'web' }, ['--context', 'prod', '--namespace', 'web', 'apply', '-k', '/ws/app']],
    ['server-side', { serverSide: true }, {}, ['apply', '--server-side', '-k', '/ws/app']],
    ['server-side, field manager', { serverSide: true, fieldManager: 'ci' }, {}, ['apply', '--server-side', '--field-manager=ci', '-k', '/ws/app']],
    [
      'server-side, field manager, force',
      { serverSide: true, fieldManager: 'ci', forceConflicts: true },
      {},
      ['apply', '--server-side', '--field-manager=ci', '--force-conflicts', '-k', '/ws/app']
    ],
    ['force without server-side is not passed', { forceConflicts: true }, {}, ['apply', '-k', '/ws/app']],
    ['client-side with a field manager', { fieldManager: 'ci' }, {}, ['apply', '--field-manager=ci', '-k', '/ws/app']],
    ['dry-run client', { dryRun: 'client' }, {}, ['apply', '--dry-run=client', '-k', '/ws/app']],
    ['dry-run server', { dryRun: 'server' }, {}, ['apply', '--dry-run=server', '-k', '/ws/app']],
    [
      'everything',
      { serverSide: true, fieldManager: 'kid', forceConflicts: true, dryRun: 'server' },
      { context: 'c', namespace: 'n' },
      ['--context', 'c', '--namespace', 'n', 'apply', '--server-side', '--field-manager=kid', '--force-conflicts', '--dry-run=server', '-k', '/ws/app']
    ]
  ])('%s', async (_name, flags, global, expected) => {
    await new Kubectl('/bin/kubectl', { KUBECONFIG: '/tmp/k' }, global).apply('/ws/app', { ...plain, ...flags })
    expect(calls).toHaveLength(1)
    expect(calls[0].binary).toBe('/bin/kubectl')
    expect(calls[0].args).toEqual(expected)
  })
})

describe('kubectl diff -k argv (no dry-run flag: diff is always a server-side dry run)', () => {
  it.each<[string, Partial<Flags>, string[]]>([
    ['defaults', {}, ['diff', '-k', 'd']],
    ['server-side', { serverSide: true, fieldManager: 'ci', forceConflicts: true, dryRun: 'server' }, ['diff', '--server-side', '--field-manager=ci', '--force-conflicts', '-k', 'd']],
    ['dry-run client', { dryRun: 'client' }, ['diff', '-k', 'd']]
  ])('%s', async (_name, flags, expected) => {
    reply = { exitCode: 0, stdout: '', stderr: '' }
    await new Kubectl('kubectl').diff('d', { ...plain, ...flags })
    expect(calls[0].args).toEqual(expected)
  })
})

describe('per-object calls: their namespace wins over the namespace input, context stays', () => {
  const k = () => new Kubectl('kubectl', {}, { context: 'ctx', namespace: 'input-ns' })
  const ref = { kind: 'Deployment', name: 'web', namespace: 'obj-ns' }
  it.each<[string, (kc: InstanceType<typeof Kubectl>) => Promise<unknown>, string[]]>([
    ['rollout status', kc => kc.rolloutStatus(ref, 300), ['--context', 'ctx', '--namespace', 'obj-ns', 'rollout', 'status', 'deployment/web', '--timeout=300s']],
    ['describe', kc => kc.describe(ref), ['--context', 'ctx', '--namespace', 'obj-ns', 'describe', 'deployment', 'web']],
    ['events', kc => kc.events(ref), ['--context', 'ctx', '--namespace', 'obj-ns', 'events', '--for', 'deployment/web']],
    [
      'get',
      kc => kc.get(['deployment.apps/web', 'cronjob.batch/job'], 'obj-ns'),
      ['--context', 'ctx', '--namespace', 'obj-ns', 'get', 'deployment.apps/web', 'cronjob.batch/job', '--ignore-not-found', '-o', 'json']
    ],
    ['get without a namespace uses the input', kc => kc.get(['namespace/x']), ['--context', 'ctx', '--namespace', 'input-ns', 'get', 'namespace/x', '--ignore-not-found', '-o', 'json']],
    ['kustomize takes no cluster flags', kc => kc.kustomize('d'), ['kustomize', 'd']],
    ['get lists kinds', kc => kc.get(['deployment.apps,cronjob.batch'], 'obj-ns'), ['--context', 'ctx', '--namespace', 'obj-ns', 'get', 'deployment.apps,cronjob.batch', '--ignore-not-found', '-o', 'json']]
  ])('%s', async (_name, call, expected) => {
    reply = { exitCode: 0, stdout: '{"clientVersion":{"gitVersion":"v1.35.4"}}', stderr: '' }
    await call(k())
    expect(calls[0].args).toEqual(expected)
  })

  it('get with no refs runs nothing', async () => {
    expect(await k().get([])).toEqual([])
    expect(calls).toHaveLength(0)
  })
})

describe('load-restrictor: none (diff -k and apply -k have no such flag: they take the render on stdin)', () => {
  const k = () => new Kubectl('kubectl', {}, { context: 'c', namespace: 'n', loadRestrictor: 'none' })
  const render = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n'
  const argv = () => calls.map(c => c.args)

  it('kustomize', async () => {
    await k().kustomize('d')
    expect(argv()).toEqual([['kustomize', '--load-restrictor', 'LoadRestrictionsNone', 'd']])
  })

  it('diff: the render, then diff -f - of it', async () => {
    reply = { exitCode: 0, stdout: render, stderr: '' }
    await k().diff('d', { ...plain, serverSide: true })
    expect(argv()).toEqual([['kustomize', '--load-restrictor', 'LoadRestrictionsNone', 'd'], ['--context', 'c', '--namespace', 'n', 'diff', '--server-side', '-f', '-']])
    expect(calls[1].input).toBe(render)
  })

  it('apply: the render, then apply -f - of it (dry run and server-side flags kept)', async () => {
    reply = { exitCode: 0, stdout: render, stderr: '' }
    await k().apply('d', { ...plain, serverSide: true, dryRun: 'server' })
    expect(argv()).toEqual([['kustomize', '--load-restrictor', 'LoadRestrictionsNone', 'd'], ['--context', 'c', '--namespace', 'n', 'apply', '--server-side', '--dry-run=server', '-f', '-']])
    expect(calls[1].input).toBe(render)
  })

  it('root-only passes nothing (kubectl default)', async () => {
    await new Kubectl('kubectl', {}, { loadRestrictor: 'root-only' }).apply('d', plain)
    expect(argv()).toEqual([['apply', '-k', 'd']])
  })
})

describe('the kubeconfig reaches kubectl only through its environment', () => {
  it('KUBECONFIG is set for the process and never appears in argv', async () => {
    await new Kubectl('kubectl', { KUBECONFIG: '/runner/tmp/kubeconfig' }, { context: 'c' }).apply('d', plain)
    expect(calls[0].env.KUBECONFIG).toBe('/runner/tmp/kubeconfig')
    expect(calls[0].args.join(' ')).not.toContain('kubeconfig')
  })
})

describe('exit codes', () => {
  it.each<[number, boolean | 'throws']>([
    [0, false],
    [1, true],
    [2, 'throws'],
    [127, 'throws']
  ])('diff exit %d → differences %s', async (exitCode, expected) => {
    reply = { exitCode, stdout: 'diff -u -N /tmp/LIVE-1/x /tmp/MERGED-2/x', stderr: 'error: boom' }
    const run = new Kubectl('kubectl').diff('d', plain)
    if (expected === 'throws') await expect(run).rejects.toThrow(KubectlError)
    else expect((await run).differences).toBe(expected)
  })

  it.each<[string, string]>([
    ['', ''],
    ['Warning: unknown field "spec.replicaz"\n', 'Warning: unknown field "spec.replicaz"']
  ])('a successful diff keeps what stderr said as warnings (%j)', async (stderr, warnings) => {
    reply = { exitCode: 1, stdout: 'diff -u -N /tmp/LIVE-1/x /tmp/MERGED-2/x', stderr }
    expect((await new Kubectl('kubectl').diff('d', plain)).warnings).toBe(warnings)
  })

  it('apply exit 1 throws a KubectlError that keeps the partial stdout', async () => {
    reply = { exitCode: 1, stdout: 'configmap/cfg created\n', stderr: 'Error from server (Forbidden): nope\n' }
    const error = await new Kubectl('kubectl').apply('d', plain).catch(e => e)
    expect(error).toBeInstanceOf(KubectlError)
    expect(error.result.stdout).toBe('configmap/cfg created\n')
    expect(error.message).toBe('Error from server (Forbidden): nope')
  })

  it('rollout status never throws: the caller judges the code', async () => {
    reply = { exitCode: 1, stdout: '', stderr: 'error: timed out waiting for the condition' }
    expect((await new Kubectl('kubectl').rolloutStatus({ kind: 'Deployment', name: 'w' }, 5)).code).toBe(1)
  })

  it('describe and events return the error text instead of throwing', async () => {
    reply = { exitCode: 1, stdout: '', stderr: 'error: the server does not have a resource type "events"' }
    expect(await new Kubectl('kubectl').events({ kind: 'Deployment', name: 'w' })).toMatch(/^kubectl events failed: error: the server/)
    expect(await new Kubectl('kubectl').describe({ kind: 'Deployment', name: 'w' })).toMatch(/^kubectl describe failed/)
  })

  it('get: a List, a single object and empty output', async () => {
    reply = { exitCode: 0, stdout: JSON.stringify({ kind: 'List', items: [{ kind: 'A' }, { kind: 'B' }] }), stderr: '' }
    expect(await new Kubectl('kubectl').get(['a/x', 'b/y'])).toEqual([{ kind: 'A' }, { kind: 'B' }])
    reply = { exitCode: 0, stdout: JSON.stringify({ kind: 'Deployment' }), stderr: '' }
    expect(await new Kubectl('kubectl').get(['deployment/x'])).toEqual([{ kind: 'Deployment' }])
    reply = { exitCode: 0, stdout: '', stderr: '' }
    expect(await new Kubectl('kubectl').get(['deployment/x'])).toEqual([])
    reply = { exitCode: 1, stdout: '', stderr: 'error: forbidden' }
    await expect(new Kubectl('kubectl').get(['deployment/x'])).rejects.toThrow('error: forbidden')
  })

  it('a binary that cannot run names the kubectl input', async () => {
    reply = new Error('spawn /nope/kubectl ENOENT')
    await expect(new Kubectl('/nope/kubectl').kustomize('d')).rejects.toThrow(/cannot run '\/nope\/kubectl'.*set the 'kubectl' input/)
  })
})
