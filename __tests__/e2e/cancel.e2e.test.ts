/**
 * Cancellation as the runner does it: SIGINT to the action's process, then SIGTERM. The bundle
 * under Node 24, mid-rollout against the real control plane (a workload whose pods never become
 * Ready, so `kubectl rollout status` runs in its own process group), with the kubeconfig as
 * input content (a 0600 file under RUNNER_TEMP). After the signals: the run says "cancelled",
 * exits non-zero, leaves no kubeconfig file and no child process behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { BUNDLE, inputEnv, NODE24 } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectlOk, requireCluster } from '../helpers/cluster.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

beforeAll(() => requireCluster())
afterAll(() => deleteNamespaces())

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Processes (pid, command line) whose command line contains `marker`. */
function processesWith(marker: string): [number, string][] {
  const found: [number, string][] = []
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
      if (cmdline.includes(marker)) found.push([Number(pid), cmdline])
    } catch {
      // gone meanwhile
    }
  }
  return found
}

function neverReady(ns: string, name: string): string {
  const ws = tempDir('kid-e2e-cancel-')
  writeFiles(ws, {
    'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- web.yaml\n`,
    'app/web.yaml': deployment(name, 'registry.example.com/kid/web:0.1.0', 'web', { neverReady: true })
  })
  return ws
}

describe('cancellation', () => {
  it('SIGINT then SIGTERM mid-rollout: "cancelled", non-zero exit, no kubeconfig file and no child process left', async () => {
    const ns = await freshNamespace('kid-cancel')
    const name = `never-${randomBytes(4).toString('hex')}`
    const ws = neverReady(ns, name)
    const temp = tempDir('kid-e2e-runner-temp-')
    writeFileSync(path.join(temp, 'summary'), '')
    const inputs = { path: 'app', images: 'registry.example.com/kid/web:0.2.0', apply: 'true', comment: 'false', 'verify-images': 'false', kubectl: KUBECTL, timeout: '300s', kubeconfig: readFileSync(process.env.KUBECONFIG as string, 'utf8') }
    const env: Record<string, string | undefined> = { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig', GITHUB_WORKSPACE: ws, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: path.join(temp, 'summary'), ...inputEnv(inputs) }
    const child = spawn(NODE24, [BUNDLE], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    const exited = new Promise<[number | null, string | null]>(resolve => child.on('close', (code, signal) => resolve([code, signal])))
    for (const deadline = Date.now() + 120_000; !out.includes('waiting up to'); await sleep(100)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the run never reached the rollout:\n${out}`)
    }
    await sleep(500)
    expect(processesWith(`deployment/${name}`).length).toBeGreaterThan(0) // kubectl rollout status runs
    expect(readdirSync(temp).filter(f => f.startsWith('kid-kubeconfig-'))).toHaveLength(1)

    child.kill('SIGINT')
    await sleep(300)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    const [code, signal] = await exited
    await sleep(300)
    const left = processesWith(`deployment/${name}`)
    for (const [pid] of left) process.kill(pid, 'SIGKILL') // what the old code left running

    expect({
      exit: signal ?? code,
      said: /^::error::cancelled \(SIGINT\)/m.test(out),
      temp: readdirSync(temp).filter(f => f.startsWith('kid-')),
      left: left.map(([, cmdline]) => cmdline)
    }).toEqual({ exit: 130, said: true, temp: [], left: [] })
    expect(kubectlOk(['-n', ns, 'get', 'deployment', name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('registry.example.com/kid/web:0.2.0')
  })
})
