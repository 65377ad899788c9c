/**
 * What the bundle's child processes see of its inputs: nothing. A `git` wrapper first on PATH
 * (the action's own git and the git clones kustomize makes of a remote base) and a `kubectl`
 * input that is a wrapper record each child's arguments and environment, then run the real
 * binary. No child gets an INPUT_* variable; kubectl gets the kubeconfig as a path (never its
 * content, and a render not even that); the token's credential header reaches the action's own
 * git commands only (never kubectl, nor the git that kustomize runs).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { basicHeader, cloneRepo, createRemote, GitHttpServer, tempDir } from '../helpers/git-http-server.js'

interface Child {
  tool: 'git' | 'kubectl'
  args: string[]
  env: Map<string, string>
}

const KUBE_TOKEN = `kube-secret-${Math.random().toString(36).slice(2)}`
const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: ci
  cluster:
    server: https://127.0.0.1:1
users:
- name: ci
  user:
    token: ${KUBE_TOKEN}
contexts:
- name: ci
  context: {cluster: ci, user: ci}
current-context: ci
`

/**
 * A shell script that records its arguments and environment in `dumps`, then runs `real`
 * (`mark`: a line that marks what it starts, so kustomize's git is told from the action's).
 */
function wrapper(dir: string, name: string, real: string, dumps: string, mark = ''): string {
  const file = path.join(dir, name)
  writeFileSync(file, `#!/bin/sh\nn=$(mktemp "${dumps}/${name}-XXXXXX")\nprintf '%s\\0' "$@" > "$n.args"\nenv -0 > "$n.env"\n${mark}exec ${real} "$@"\n`)
  chmodSync(file, 0o755)
  return file
}

function children(dumps: string): Child[] {
  return readdirSync(dumps)
    .filter(f => f.endsWith('.env'))
    .map(f => {
      const base = path.join(dumps, f.slice(0, -4))
      const split = (file: string) => readFileSync(file, 'utf8').split('\0').filter(Boolean)
      const env = new Map(split(`${base}.env`).map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as [string, string]))
      return { tool: f.startsWith('git') ? ('git' as const) : ('kubectl' as const), args: split(`${base}.args`), env }
    })
}

const which = (bin: string) => (process.env.PATH ?? '').split(':').map(d => path.join(d, bin)).find(f => existsSync(f)) as string
let server: GitHttpServer
let home: string
let remoteBase: string

beforeAll(async () => {
  home = tempDir('kid-home-')
  writeFileSync(path.join(home, 'gitconfig'), '')
  const root = tempDir('kid-remotes-')
  // a remote base that kustomize clones with git (file:// URL, no credentials needed)
  remoteBase = createRemote(root, 'base.git', { 'base/kustomization.yaml': 'resources:\n- cm.yaml\n', 'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\ndata:\n  a: b\n' }, home).bare
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n      - name: app\n        image: app:1\n'
  createRemote(root, 'deploy.git', { 'app/deployment.yaml': deployment, 'app/kustomization.yaml': `resources:\n- deployment.yaml\n- file://${remoteBase}//base?ref=main\n` }, home)
  server = await new GitHttpServer(root).start()
})
afterAll(async () => server?.stop())

async function observedRun(inputs: Record<string, string>): Promise<{ run: ActionRun; seen: Child[] }> {
  const ws = await cloneRepo(server, 'deploy.git', path.join(tempDir('kid-ws-'), 'repo'), home)
  const bin = tempDir('kid-wrappers-')
  const dumps = tempDir('kid-dumps-')
  wrapper(bin, 'git', which('git'), dumps)
  const kubectl = wrapper(bin, 'kubectl-observed', which('kubectl'), dumps, 'KID_OBSERVED_BY_KUBECTL="$*"; export KID_OBSERVED_BY_KUBECTL\n')
  const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home, PATH: `${bin}:${process.env.PATH}` }
  const run = await runAction(ws, { path: 'app', images: 'app:2', token: server.token, kubeconfig, kubectl, ...inputs }, env)
  return { run, seen: children(dumps) }
}

function expectNothingOfTheInputs(seen: Child[]): void {
  for (const child of seen) {
    const leaked = [...child.env].filter(([k, v]) => k.startsWith('INPUT_') || v.includes(KUBE_TOKEN) || v.includes(server.token))
    expect({ args: child.args, leaked: leaked.map(([k]) => k) }).toEqual({ args: child.args, leaked: [] })
  }
}

describe('child processes', () => {
  it('a commit run: no git or kubectl child (nor kustomize\'s clone of the remote base) gets an input; the credential goes to the action\'s git only', async () => {
    const { run, seen } = await observedRun({ commit: 'true', apply: 'false' })
    expect(run.code).toBe(0)
    expect(run.outputs.pushed).toBe('true')
    const git = seen.filter(c => c.tool === 'git')
    expect(git.some(c => c.args[0] === 'push' || c.args.includes('push'))).toBe(true)
    // kustomize's own clone of the remote base runs git too (a fetch from the file:// URL)
    expect(git.some(c => c.args.some(a => a.includes(remoteBase)))).toBe(true)
    expect(seen.some(c => c.tool === 'kubectl' && c.args[0] === 'kustomize')).toBe(true)
    expectNothingOfTheInputs(seen)
    const header = basicHeader(server.token).replace(/^AUTHORIZATION: basic /, '')
    const carries = (c: Child) => [...c.env.values()].some(v => v.includes(header))
    // kustomize's git runs in its own clone directory, a child of kubectl: it inherits kubectl's environment
    const kustomizes = (c: Child) => c.env.has('KID_OBSERVED_BY_KUBECTL')
    expect(git.filter(c => carries(c) && c.args.includes('push')).length).toBeGreaterThan(0)
    expect(seen.filter(c => (c.tool === 'kubectl' || kustomizes(c)) && carries(c)).map(c => c.args.join(' '))).toEqual([])
    expect(git.filter(kustomizes).length).toBeGreaterThan(0)
  })

  it('an apply run: kubectl gets the kubeconfig as the temp file path and nothing else of it', async () => {
    const { run, seen } = await observedRun({ commit: 'false', apply: 'true' })
    expect(run.code).toBe(1) // the cluster at 127.0.0.1:1 does not answer the preflight
    const kubectl = seen.filter(c => c.tool === 'kubectl')
    const cluster = kubectl.filter(c => c.args.includes('apply') || c.args.includes('diff'))
    expect(cluster.length).toBeGreaterThan(0)
    expectNothingOfTheInputs(seen)
    for (const c of cluster) {
      expect(c.env.get('KUBECONFIG')).toMatch(/kid-kubeconfig-[^/]+\/kubeconfig$/)
    }
    // rendering needs no cluster: neither `kubectl kustomize` nor its git clone gets the kubeconfig path
    // (`kubectl apply -k` renders too, in its own process: its git clone has kubectl's environment)
    const renders = seen.filter(c => (c.tool === 'kubectl' && c.args[0] === 'kustomize') || c.env.get('KID_OBSERVED_BY_KUBECTL')?.startsWith('kustomize '))
    expect(renders.length).toBeGreaterThan(0)
    expect(renders.filter(c => c.env.has('KUBECONFIG')).map(c => c.args.join(' '))).toEqual([])
  })
})
