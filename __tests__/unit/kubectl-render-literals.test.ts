/**
 * When the kubectl wrapper reads a target's secretGenerator literals to redact them from a
 * render's stderr (src/apply/kubectl.ts `rendering`): only for a call that failed, once per
 * directory. src/process.ts and the literal reader are replaced by recorders.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'

let reply = { code: 0, stdout: '', stderr: '' }
const reads: string[] = []

jest.unstable_mockModule('../../src/process.js', () => ({ runProcess: async () => reply }))
jest.unstable_mockModule('../../src/render/generator-literals.js', () => ({
  secretLiterals: async (dir: string) => (reads.push(dir), ['password=hunter2']),
  redactLiterals: (text: string, literals: string[]) => literals.reduce((t, l) => t.split(l).join('(redacted)'), text)
}))

const { Kubectl, KubectlError } = await import('../../src/apply/kubectl.js')
const flags = { serverSide: false, fieldManager: '', forceConflicts: false, dryRun: 'none' as const }

beforeEach(() => {
  reads.length = 0
})

describe('secretGenerator literals of a render, for its stderr', () => {
  it.each([
    ['a kustomize', (k: InstanceType<typeof Kubectl>) => k.kustomize('/ws/app'), 0],
    ['a diff -k with no differences', (k: InstanceType<typeof Kubectl>) => k.diff('/ws/app', flags), 0],
    ['a diff -k with differences', (k: InstanceType<typeof Kubectl>) => k.diff('/ws/app', flags), 1],
    ['an apply -k', (k: InstanceType<typeof Kubectl>) => k.apply('/ws/app', flags), 0]
  ])('%s that succeeds with a warning on stderr reads none', async (_name, call, code) => {
    reply = { code, stdout: '', stderr: 'Warning: policy/v1beta1 PodDisruptionBudget is deprecated\n' }
    await call(new Kubectl('kubectl'))
    expect(reads).toEqual([])
  })

  it('a failed render reads them once per directory, and its stderr is redacted every time', async () => {
    reply = { code: 1, stdout: '', stderr: 'error: invalid literal source password=hunter2\n' }
    const kubectl = new Kubectl('kubectl')
    for (const dir of ['/ws/app', '/ws/app', '/ws/other']) {
      const error = await kubectl.kustomize(dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(KubectlError)
      expect((error as InstanceType<typeof KubectlError>).result.stderr).toBe('error: invalid literal source (redacted)\n')
    }
    reply = { code: 2, stdout: '', stderr: 'error: loading KV pairs: password=hunter2\n' }
    await expect(kubectl.diff('/ws/app', flags)).rejects.toThrow('error: loading KV pairs: (redacted)')
    expect(reads).toEqual(['/ws/app', '/ws/other'])
  })
})
