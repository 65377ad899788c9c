/**
 * `npm run fuzz -- --cases 20000 [--seed N] [--jobs N] [--batch N] [--first I] [--out DIR] [--oracle driver|binary]`:
 * the differential fuzz against the real kustomize v5.5 and kubectl; prints its figures and
 * writes every counterexample to DIR/<seed>-<index>/ (before.yaml, args.txt, ours.yaml,
 * theirs.yaml, why.txt) to be turned into a golden case. Exits 1 on any counterexample.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import type { CaseResult } from './differential.js'
import { formatFigures, fuzz } from './figures.js'

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    jobs: { type: 'string', default: String(cpus().length * 2) },
    batch: { type: 'string', default: '200' },
    first: { type: 'string', default: '0' },
    out: { type: 'string', default: 'fuzz-out' },
    root: { type: 'string', default: process.cwd() },
    oracle: { type: 'string', default: 'driver' }
  }
})
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31)
const kind = values.oracle === 'binary' ? 'binary' : 'driver'
const script = kind === 'binary' ? 'scripts/build-kustomize.sh' : 'scripts/build-kustomize-driver.sh'
const oracle = { kind, path: execFileSync('bash', [path.join(values.root!, script)], { encoding: 'utf8' }).trim() } as const

let written = 0
const figures = await fuzz({
  oracle,
  seed,
  cases: Number(values.cases),
  jobs: Number(values.jobs),
  batch: Number(values.batch),
  first: Number(values.first),
  onBatch: f => {
    // counterexamples are written as they come, so a long run can be looked at while it runs
    for (const r of f.counterexamples.slice(written)) writeCase(r)
    written = f.counterexamples.length
    process.stderr.write(`\r${f.cases} cases, ${f.counterexamples.length} counterexamples, ${f.seconds.toFixed(0)} s   `)
  }
})
process.stderr.write('\n')
console.log(formatFigures(figures, seed) + `\n  oracle: ${kind === 'binary' ? 'the kustomize v5.5.0 CLI, a process per case' : 'tools/kustomize-driver (kustomize v5.5.0 code, a process per batch)'}; renders: kubectl kustomize, a call per batch`)

function writeCase(r: CaseResult): void {
  const dir = path.join(values.out!, `${seed}-${r.fuzz.index}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'before.yaml'), r.fuzz.kustomization)
  writeFileSync(path.join(dir, 'args.txt'), r.fuzz.args.join('\n') + '\n')
  if (r.ours !== undefined) writeFileSync(path.join(dir, 'ours.yaml'), r.ours)
  if (r.theirs !== undefined) writeFileSync(path.join(dir, 'theirs.yaml'), r.theirs)
  writeFileSync(path.join(dir, 'why.txt'), JSON.stringify(r.outcome, null, 2) + '\n')
}
if (figures.counterexamples.length > 0) {
  console.log(`counterexamples written to ${values.out}/; rerun one with --seed ${seed} --first <index> --cases 1`)
  process.exitCode = 1
}
