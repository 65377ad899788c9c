/**
 * The apply guards that need no cluster, through the built bundle under Node 24: a bad
 * kubeconfig, context or kubectl stops the run before any file is edited; an unreachable cluster
 * fails the preflight with one classified line; the kubeconfig temp file is 0600-written, masked and
 * removed in every case.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/action.js'
import { exampleWorkspace, snapshot, tempDir, writeFiles } from '../helpers/workspace.js'

const FILES = ['overlays/staging/kustomization.yaml']
const TOKEN = 'kid-test-token-4f9c2a71e0'
const kubeconfig = (server: string, current = 'ci') => `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: ${server}
contexts:
- name: ci
  context:
    cluster: c
    user: u
    namespace: shop
current-context: ${current}
users:
- name: u
  user:
    token: ${TOKEN}
`

/** Lines of stdout that carry the token outside the runner's add-mask command. */
const leaks = (stdout: string) => stdout.split('\n').filter(l => l.includes(TOKEN) && !l.startsWith('::add-mask::'))

describe('a bad cluster setup stops the run before anything is edited', () => {
  it.each<[string, Record<string, string>, Record<string, string>, RegExp]>([
    ['kubeconfig content that is not YAML', { kubeconfig: `clusters: [\n  - server: x\n  token: ${TOKEN}\n` }, {}, /kubeconfig: '\(the input content\)' is not valid: not YAML/],
    ['a context the kubeconfig lacks', { kubeconfig: kubeconfig('https://127.0.0.1:1'), context: 'prod' }, {}, /context: 'prod' is not valid: the 'kubeconfig' input has no such context; expected one of its contexts: ci/],
    ['a current-context that is not defined', { kubeconfig: kubeconfig('https://127.0.0.1:1', 'gone') }, {}, /its current-context 'gone' is not one of its contexts/],
    ['a runner KUBECONFIG that does not exist', {}, { KUBECONFIG: '/nonexistent/kid/config' }, /kubeconfig: '' is not valid: the runner's KUBECONFIG \(\/nonexistent\/kid\/config\) does not exist/],
    ['a kubectl that cannot run', { kubeconfig: kubeconfig('https://127.0.0.1:1'), kubectl: '/nonexistent/kubectl' }, {}, /cannot run '\/nonexistent\/kubectl'.*set the 'kubectl' input/]
  ])('%s', async (_name, inputs, env, message) => {
    const ws = exampleWorkspace()
    const temp = tempDir('kid-runner-temp-')
    const before = snapshot(ws, FILES)
    const run = await runAction(ws, { path: 'overlays/staging', images: 'ghcr.io/example/web:dev-2000', apply: 'true', ...inputs }, { RUNNER_TEMP: temp, ...env })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(message)
    expect(run.stdout).not.toContain('::group::Editing images')
    expect(snapshot(ws, FILES)).toEqual(before)
    expect(readdirSync(temp)).toEqual([])
    expect(leaks(run.stdout + run.stderr)).toEqual([])
  })
})

describe('an unreachable cluster', () => {
  it('fails the preflight with one classified line, puts the edit back, and removes the kubeconfig file', async () => {
    const ws = exampleWorkspace()
    const temp = tempDir('kid-runner-temp-')
    const before = snapshot(ws, FILES)
    const run = await runAction(ws, { path: 'overlays/staging', images: 'ghcr.io/example/web:dev-2000', apply: 'true', kubeconfig: kubeconfig('https://127.0.0.1:1') }, { RUNNER_TEMP: temp })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
    expect(run.stdout).toContain('kubeconfig: from the \'kubeconfig\' input (written to a 0600 temp file), context ci')
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([expect.stringMatching(/^::error::preflight: overlays\/staging: cluster unreachable: .*connection refused/)])
    expect(run.stdout).not.toContain('::group::Applying')
    expect(snapshot(ws, FILES)).toEqual(before)
    expect(run.outputs.applied).toBe('false')
    expect(run.outputs.pushed).toBe('false')
    expect(run.summary).toContain('### Preflight refused — context `ci`')
    expect(run.summary).toMatch(/- overlays\/staging: cluster unreachable: /)
    expect(readdirSync(temp)).toEqual([])
    expect(leaks(run.stdout + run.stderr)).toEqual([])
  })

  it('the runner\'s own kubeconfig (KUBECONFIG list) is used in place, not copied', async () => {
    const ws = exampleWorkspace()
    const temp = tempDir('kid-runner-temp-')
    const home = tempDir('kid-home-')
    writeFiles(home, { 'empty.yaml': 'apiVersion: v1\nkind: Config\n', 'config.yaml': kubeconfig('https://127.0.0.1:1') })
    const list = [path.join(home, 'missing.yaml'), path.join(home, 'empty.yaml'), path.join(home, 'config.yaml')].join(path.delimiter)
    const run = await runAction(ws, { path: 'overlays/staging', images: 'ghcr.io/example/web:dev-2000', apply: 'true' }, { RUNNER_TEMP: temp, KUBECONFIG: list })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`kubeconfig: the runner's KUBECONFIG (${list}), context ci`)
    expect(run.stdout).toMatch(/cluster unreachable/)
    expect(readdirSync(temp)).toEqual([])
  })
})

/** What the runner shows: every line but the add-mask commands, with each masked value as ***. */
function asRunnerShows(stdout: string): { masks: string[]; log: string } {
  const lines = stdout.split('\n')
  const masks = lines.filter(l => l.startsWith('::add-mask::')).map(l => l.slice('::add-mask::'.length))
  const log = lines.filter(l => !l.startsWith('::add-mask::')).map(l => masks.reduce((line, m) => line.split(m).join('***'), l)).join('\n')
  return { masks, log }
}

describe('the kubeconfig input masks credentials, not names', () => {
  it('a context, cluster and user named production stay readable; the token is masked', async () => {
    const ws = exampleWorkspace()
    const named = kubeconfig('https://127.0.0.1:1').replace(/\b(name|cluster|user|current-context): (c|ci|u)$/gm, '$1: production').replace('- name: ci', '- name: production')
    expect(named).toContain('current-context: production')
    const run = await runAction(ws, { path: 'overlays/staging', images: 'ghcr.io/example/web:dev-2000', apply: 'true', kubeconfig: named }, { RUNNER_TEMP: tempDir('kid-runner-temp-') })
    const { masks, log } = asRunnerShows(run.stdout)
    expect(masks).toContain(TOKEN)
    expect(masks.filter(m => 'production kubectl.kubernetes.io/last-applied-configuration'.includes(m))).toEqual([])
    expect(log).toContain('context production')
    expect(run.summary).toContain('context `production`')
    expect(log).not.toContain(TOKEN)
  })
})

describe('prepareKubeconfig writes the input content for kubectl only', () => {
  it('a 0600 file in a fresh directory under RUNNER_TEMP, gone after dispose', async () => {
    const { prepareKubeconfig } = await import('../../src/apply/kubeconfig.js')
    const { readFileSync, statSync, existsSync } = await import('node:fs')
    const temp = tempDir('kid-runner-temp-')
    const file = await prepareKubeconfig(kubeconfig('https://127.0.0.1:1'), '', { RUNNER_TEMP: temp })
    expect(path.dirname(path.dirname(file.path))).toBe(temp)
    expect(statSync(file.path).mode & 0o777).toBe(0o600)
    expect(readFileSync(file.path, 'utf8')).toBe(kubeconfig('https://127.0.0.1:1'))
    expect(file).toMatchObject({ context: 'ci', namespace: 'shop' })
    await file.dispose()
    expect(existsSync(file.path)).toBe(false)
    expect(readdirSync(temp)).toEqual([])
  })
})
