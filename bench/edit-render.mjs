// Benchmark (issue 2): edit + render through the action against bare `kubectl kustomize`,
// measured in the same run on the same overlays.
//  (a) one bump across 120 overlays sharing a base vs a sequential `kubectl kustomize` loop
//  (b) one overlay vs one `kubectl kustomize`
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT, report, runBundle, tempDir, time } from './lib.mjs'

const OVERLAYS = Number(process.env.BENCH_OVERLAYS ?? 120)
const ws = tempDir('kid-bench-edit-')
cpSync(path.join(ROOT, 'examples/base'), path.join(ws, 'base'), { recursive: true })
for (let i = 0; i < OVERLAYS; i++) {
  const dir = path.join(ws, 'overlays', `env-${String(i).padStart(3, '0')}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'kustomization.yaml'),
    `# environment ${i}\nresources:\n  - ../../base\nnamePrefix: e${i}-\nimages:\n  - name: ghcr.io/example/web\n    newTag: dev-1\n`
  )
}
const dirs = Array.from({ length: OVERLAYS }, (_, i) => path.join(ws, 'overlays', `env-${String(i).padStart(3, '0')}`))
const kustomize = dir => execFileSync('kubectl', ['kustomize', dir], { stdio: ['ignore', 'pipe', 'pipe'] })

let tag = 0
const run = (inputs, options) => runBundle(ws, { ...inputs, images: `ghcr.io/example/web:dev-${++tag + 1}` }, {}, undefined, options)
const action = inputs => () => run(inputs)
// peak RSS from one more run of each, untimed (under /usr/bin/time)
const peakRss = inputs => run(inputs, { rss: true }).rssKiB
const runs = Number(process.env.BENCH_RUNS ?? 3)
const manyRef = time(() => dirs.forEach(kustomize), runs)
const manyOurs = time(action({ path: 'overlays/*' }), runs)
const manyRss = peakRss({ path: 'overlays/*' })
const oneRef = time(() => kustomize(dirs[0]), runs * 3)
const oneOurs = time(action({ path: 'overlays/env-000' }), runs * 3)
const rss = peakRss({ path: 'overlays/env-000' })

report(`(a) ${OVERLAYS} overlays sharing a base, median of ${runs}`, [
  ['sequential kubectl kustomize loop (reference)', `${manyRef.toFixed(0)} ms`],
  ['action: validate + edit + write + render all', `${manyOurs.toFixed(0)} ms`],
  ['ratio action / reference (target <= 1.0, aim 0.6)', (manyOurs / manyRef).toFixed(2)],
  ['action peak RSS (node process)', `${(manyRss / 1024).toFixed(0)} MiB`]
])
report(`(b) one overlay, median of ${runs * 3}`, [
  ['one kubectl kustomize (reference)', `${oneRef.toFixed(0)} ms`],
  ['action: one overlay end to end', `${oneOurs.toFixed(0)} ms`],
  ['ratio action / reference (target <= 2.5)', (oneOurs / oneRef).toFixed(2)],
  ['action peak RSS (node process)', `${(rss / 1024).toFixed(0)} MiB`]
])
