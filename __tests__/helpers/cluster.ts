/**
 * The control plane of scripts/e2e for e2e tests: the built kubectl, fresh namespaces (removed
 * by `deleteNamespaces` in afterAll), and a guard that fails on purpose without a cluster.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'

const currentBin = path.join(homedir(), '.cache', 'kid-e2e', 'current-bin')
export const KUBECTL = process.env.KID_E2E_KUBECTL || (existsSync(currentBin) ? path.join(readFileSync(currentBin, 'utf8').trim(), 'kubectl') : '')

export function kubectl(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(KUBECTL, args, { encoding: 'utf8', timeout: 120_000 })
  if (r.error) throw r.error
  return r
}

export function kubectlOk(args: string[]): string {
  const r = kubectl(args)
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return r.stdout
}

/** Throws unless the e2e control plane answers (run the suite through scripts/e2e/run.sh). */
export function requireCluster(): void {
  if (!process.env.KUBECONFIG) throw new Error('KUBECONFIG is not set: the e2e suite runs against the control plane of scripts/e2e/run.sh; use `npm run test:e2e`')
  if (!KUBECTL || !existsSync(KUBECTL)) throw new Error(`the built kubectl was not found (KID_E2E_KUBECTL=${process.env.KID_E2E_KUBECTL ?? ''}); run scripts/e2e/build.sh`)
  kubectlOk(['get', '--raw=/readyz'])
}

const created: string[] = []
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** A new namespace with its default ServiceAccount in place (Pods need it). */
export async function freshNamespace(prefix: string): Promise<string> {
  const ns = `${prefix}-${randomBytes(3).toString('hex')}`
  kubectlOk(['create', 'namespace', ns])
  created.push(ns)
  for (const deadline = Date.now() + 60_000; kubectl(['-n', ns, 'get', 'serviceaccount', 'default']).status !== 0; await sleep(250)) {
    if (Date.now() > deadline) throw new Error(`no default serviceaccount in ${ns}`)
  }
  return ns
}

export function deleteNamespaces(): void {
  for (const ns of created.splice(0)) kubectl(['delete', 'namespace', ns, '--wait=false'])
}

/** The pod label that keeps kwok from making a pod Ready (scripts/e2e/start.sh). */
export const NEVER_READY_LABEL = 'kid.e2e/never-ready: "true"'

/** A Deployment of one replica and one container; `neverReady`: its pods never become Ready. */
export function deployment(name: string, image: string, container = name, { neverReady = false } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}${neverReady ? `, ${NEVER_READY_LABEL}` : ''}}
    spec:
      containers:
      - name: ${container}
        image: ${image}
`
}

export const liveImage = (ns: string, name: string) => kubectlOk(['-n', ns, 'get', 'deployment', name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])
