// Benchmark (issue 9 §5): the whole deploy step, edit + commit + push + apply + wait, through
// the action (the bundle under Node 24, as the runner runs it, with commit: true and apply: true)
// against the bare script a user would write, measured in the same run on the real control plane
// of scripts/e2e:
//   kustomize edit set image; git commit; git push; kubectl apply -k; kubectl rollout status (each)
// for 1 Deployment and for 20 Deployments. Each round is an image bump of every Deployment (a
// real rollout), both sides pushing to their own bare remote. Rounds alternate between the two
// sides so both see the same load.
//
//   npm run bench:apply        (BENCH_SIZES=1,20; BENCH_RUNS: 9 rounds for 1 Deployment, 5 for 20)
//   KID_BASELINE=/path/to/other/dist/index.js npm run bench:apply
//                              also times that bundle, interleaved, and prints its ratio (A/B)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import * as path from 'node:path'
import { ROOT, report, runBundle, tempDir } from './lib.mjs'

if (!process.env.KUBECONFIG) throw new Error('KUBECONFIG is not set: run through scripts/e2e/run.sh (npm run bench:apply)')
const currentBin = path.join(homedir(), '.cache/kid-e2e/current-bin')
const KUBECTL = process.env.KID_E2E_KUBECTL || path.join(readFileSync(currentBin, 'utf8').trim(), 'kubectl')
if (!existsSync(KUBECTL)) throw new Error(`no kubectl at ${KUBECTL}`)
const KUSTOMIZE = execFileSync('bash', [path.join(ROOT, 'scripts/build-kustomize.sh')], { encoding: 'utf8' }).trim()
const runsFor = size => Number(process.env.BENCH_RUNS ?? (size === 1 ? 9 : 5))
const BASELINE = process.env.KID_BASELINE
const SIZES = (process.env.BENCH_SIZES ?? '1,20').split(',').map(Number)
const IMAGE = 'registry.example.com/kid/bench'

const home = tempDir('kid-bench-home-')
writeFileSync(path.join(home, 'gitconfig'), '[user]\n\tname = bench\n\temail = bench@example.com\n')
const env = { ...process.env, GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' }
const run = (file, args, cwd) => execFileSync(file, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const kubectl = (...args) => run(KUBECTL, args)
const git = (cwd, ...args) => run('git', args, cwd)

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

/** A namespace, a bare remote and its clone whose app/ holds `names`, applied and rolled out. */
function setup(label, names) {
  const ns = `kid-bench-${label}-${Date.now().toString(36)}`
  kubectl('create', 'namespace', ns)
  const root = tempDir(`kid-bench-apply-${label}-`)
  const bare = path.join(root, 'remote.git')
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare)
  const ws = path.join(root, 'ws')
  git(root, 'clone', '--quiet', bare, ws)
  mkdirSync(path.join(ws, 'app'))
  for (const n of names) writeFileSync(path.join(ws, 'app', `${n}.yaml`), deployment(n))
  const resources = names.map(n => `- ${n}.yaml`).join('\n')
  writeFileSync(path.join(ws, 'app/kustomization.yaml'), `namespace: ${ns}\nresources:\n${resources}\nimages:\n- name: ${IMAGE}\n  newTag: v0\n`)
  git(ws, 'add', '-A')
  git(ws, 'commit', '--quiet', '-m', 'initial')
  git(ws, 'push', '--quiet', 'origin', 'main')
  kubectl('apply', '-k', path.join(ws, 'app'))
  for (const n of names) kubectl('-n', ns, 'rollout', 'status', `deployment/${n}`, '--timeout=300s')
  return { ns, ws, names }
}

/** The bare script a user would write. */
function reference({ ns, ws, names }, tag) {
  const app = path.join(ws, 'app')
  run(KUSTOMIZE, ['edit', 'set', 'image', `${IMAGE}:${tag}`], app)
  git(ws, 'commit', '--quiet', '-am', `deploy ${tag}`)
  git(ws, 'push', '--quiet', 'origin', 'main')
  kubectl('apply', '-k', app)
  for (const n of names) kubectl('-n', ns, 'rollout', 'status', `deployment/${n}`, '--timeout=300s')
}

function action({ ws, names }, tag, bundle) {
  const inputs = { path: 'app', images: `${IMAGE}:${tag}`, commit: 'true', apply: 'true', kubectl: KUBECTL, timeout: '300s' }
  const out = runBundle(ws, inputs, { GIT_CONFIG_GLOBAL: env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: '1' }, bundle)
  const waited = (out.stdout.match(/successfully rolled out/g) ?? []).length
  if (waited !== names.length) throw new Error(`the action waited for ${waited} rollouts, expected ${names.length}:\n${out.stdout}`)
  if (!/pushed [0-9a-f]{40}/.test(out.stdout)) throw new Error(`the action did not push:\n${out.stdout}`)
}

const ms = start => Number(process.hrtime.bigint() - start) / 1e6
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const list = xs => xs.map(t => t.toFixed(0)).join(', ')

const namespaces = []
try {
  for (const size of SIZES) {
    const names = Array.from({ length: size }, (_, i) => `d${String(i + 1).padStart(2, '0')}`)
    const runs = runsFor(size)
    const sides = [
      { label: 'bare script (kustomize edit, git commit/push, apply -k, rollout status each)', run: reference, at: setup(`ref${size}`, names) },
      { label: 'action (node24 bundle, commit: true, apply: true)', run: (at, tag) => action(at, tag), at: setup(`kid${size}`, names) }
    ]
    if (BASELINE) sides.push({ label: `baseline action (${BASELINE})`, run: (at, tag) => action(at, tag, BASELINE), at: setup(`base${size}`, names) })
    namespaces.push(...sides.map(s => s.at.ns))
    for (const side of sides) side.run(side.at, 'w') // warm-up, untimed (page cache, kubectl discovery cache)
    for (const side of sides) side.times = []
    for (let i = 1; i <= runs; i++) {
      // rotate the order each round so every side sees the same load on average
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k) % sides.length]
        const start = process.hrtime.bigint()
        side.run(side.at, `v${i}`)
        side.times.push(ms(start))
      }
    }
    const [ref, ...ours] = sides
    const r = median(ref.times)
    const target = size === 1 ? 1.5 : 1.05
    const what = `${size} Deployment${size > 1 ? 's' : ''}`
    report(`edit + commit + push + apply + wait, ${what} x 2 replicas, median of ${runs}`, [
      ...sides.map(s => [s.label, `${median(s.times).toFixed(0)} ms  (${list(s.times)})`]),
      [`ratio action / bare script, ${what} (target <= ${target})`, (median(ours[0].times) / r).toFixed(2)],
      ...(BASELINE ? [[`ratio baseline action / bare script, ${what}`, (median(ours[1].times) / r).toFixed(2)]] : [])
    ])
  }
} finally {
  for (const ns of namespaces) kubectl('delete', 'namespace', ns, '--wait=false')
}
