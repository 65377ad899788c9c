// Benchmark (issue 5): apply + wait of five Deployments through the action (the bundle under
// Node 24, as the runner runs it) against bare `kubectl apply -k` followed by
// `kubectl rollout status` of each Deployment in turn, measured in the same run against the real
// control plane of scripts/e2e. Each round is an image bump of all five (a real rollout).
//
//   bash scripts/e2e/run.sh node bench/apply.mjs        (BENCH_RUNS=5 by default)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'
import { report, runBundle, tempDir } from './lib.mjs'

if (!process.env.KUBECONFIG) throw new Error('KUBECONFIG is not set: run through scripts/e2e/run.sh')
const currentBin = path.join(homedir(), '.cache/kid-e2e/current-bin')
const KUBECTL = process.env.KID_E2E_KUBECTL || path.join(readFileSync(currentBin, 'utf8').trim(), 'kubectl')
if (!existsSync(KUBECTL)) throw new Error(`no kubectl at ${KUBECTL}`)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const NAMES = ['d1', 'd2', 'd3', 'd4', 'd5']
const IMAGE = 'registry.example.com/kid/bench'
const kubectl = (...args) => execFileSync(KUBECTL, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

const deployment = name => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: app
        image: ${IMAGE}:0
`

/** A namespace and a workspace whose kustomization app/ holds the five Deployments. */
function setup(label) {
  const ns = `kid-bench-${label}-${Date.now().toString(36)}`
  kubectl('create', 'namespace', ns)
  const ws = tempDir(`kid-bench-apply-${label}-`)
  mkdirSync(path.join(ws, 'app'))
  for (const n of NAMES) writeFileSync(path.join(ws, 'app', `${n}.yaml`), deployment(n))
  setTag(ws, ns, 'v0')
  return { ns, ws }
}

function setTag(ws, ns, tag) {
  const resources = NAMES.map(n => `- ${n}.yaml`).join('\n')
  writeFileSync(path.join(ws, 'app/kustomization.yaml'), `namespace: ${ns}\nresources:\n${resources}\nimages:\n- name: ${IMAGE}\n  newTag: ${tag}\n`)
}

function reference(ws, ns) {
  kubectl('apply', '-k', path.join(ws, 'app'))
  for (const n of NAMES) kubectl('-n', ns, 'rollout', 'status', `deployment/${n}`, '--timeout=300s')
}

function action(ws, tag) {
  const out = runBundle(ws, { path: 'app', images: `${IMAGE}:${tag}`, apply: 'true', kubectl: KUBECTL, timeout: '300s' })
  const waited = (out.stdout.match(/successfully rolled out/g) ?? []).length
  if (waited !== NAMES.length) throw new Error(`the action waited for ${waited} rollouts, expected ${NAMES.length}:\n${out.stdout}`)
}

const ms = start => Number(process.hrtime.bigint() - start) / 1e6
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const ref = setup('ref')
const ours = setup('action')
try {
  // Warm-up, untimed: create everything and let the first rollouts finish.
  reference(ref.ws, ref.ns)
  action(ours.ws, 'v0')
  const refTimes = []
  const ourTimes = []
  for (let i = 1; i <= RUNS; i++) {
    // Interleaved, so both see the same cluster load.
    setTag(ref.ws, ref.ns, `v${i}`)
    let start = process.hrtime.bigint()
    reference(ref.ws, ref.ns)
    refTimes.push(ms(start))
    start = process.hrtime.bigint()
    action(ours.ws, `v${i}`)
    ourTimes.push(ms(start))
  }
  const r = median(refTimes)
  const a = median(ourTimes)
  report(`apply + wait, 5 Deployments x 2 replicas, image bump, median of ${RUNS}`, [
    ['kubectl apply -k + rollout status each in turn', `${r.toFixed(0)} ms  (${refTimes.map(t => t.toFixed(0)).join(', ')})`],
    ['action (node24 bundle: edit, render, diff, drift, apply, parallel waits)', `${a.toFixed(0)} ms  (${ourTimes.map(t => t.toFixed(0)).join(', ')})`],
    ['ratio action / reference (target <= 1.1)', (a / r).toFixed(2)]
  ])
} finally {
  for (const { ns } of [ref, ours]) kubectl('delete', 'namespace', ns, '--wait=false')
}
