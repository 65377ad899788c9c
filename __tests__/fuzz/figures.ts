/** Run generated cases in batches and tally the outcomes (shared by the jest test and the CLI). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runBatch, type CaseResult, type Oracle } from './differential.js'
import { generate } from './generator.js'

export interface Figures {
  cases: number
  agree: number
  bothRefuse: number
  repaired: number
  deliberate: Record<string, number>
  counterexamples: CaseResult[]
  /** cases whose input kustomize itself refuses */
  kustomizeRefusesInput: number
  seconds: number
}

export interface FuzzOptions {
  oracle: Oracle
  seed: number
  cases: number
  jobs: number
  batch: number
  /** index of the first case (to rerun one) */
  first?: number
  onBatch?: (f: Figures) => void
}

export async function fuzz(opts: FuzzOptions): Promise<Figures> {
  const started = Date.now()
  const f: Figures = { cases: 0, agree: 0, bothRefuse: 0, repaired: 0, deliberate: {}, counterexamples: [], kustomizeRefusesInput: 0, seconds: 0 }
  const first = opts.first ?? 0
  for (let start = first; start < first + opts.cases; start += opts.batch) {
    const count = Math.min(opts.batch, first + opts.cases - start)
    const cases = Array.from({ length: count }, (_, i) => generate(opts.seed, start + i))
    const dir = mkdtempSync(path.join(tmpdir(), 'kid-fuzz-'))
    for (const r of await runBatch(cases, dir, opts.oracle, opts.jobs)) tally(f, r)
    f.seconds = (Date.now() - started) / 1000
    opts.onBatch?.(f)
  }
  return f
}

function tally(f: Figures, r: CaseResult): void {
  f.cases++
  if (r.theirs === undefined) f.kustomizeRefusesInput++
  const o = r.outcome
  if (o.kind === 'agree') f.agree++
  else if (o.kind === 'both refuse') f.bothRefuse++
  else if (o.kind === 'repaired') f.repaired++
  else if (o.kind === 'deliberate refusal') f.deliberate[o.category] = (f.deliberate[o.category] ?? 0) + 1
  else f.counterexamples.push(r)
}

export function formatFigures(f: Figures, seed: number): string {
  const byProperty = new Map<string, number>()
  for (const r of f.counterexamples) {
    const p = r.outcome.kind === 'counterexample' ? r.outcome.property : '?'
    byProperty.set(p, (byProperty.get(p) ?? 0) + 1)
  }
  const lines = [
    `seed ${seed}: ${f.cases} cases in ${f.seconds.toFixed(1)} s (${(f.cases / f.seconds).toFixed(0)} cases/s)`,
    `  agree with kustomize (list read back, render, untouched lines, no-op rerun): ${f.agree}`,
    `  both refuse (kustomize refuses too): ${f.bothRefuse}`,
    `  kustomize cannot read the input, our edit replaced the unreadable value (kustomize reads our file): ${f.repaired}`,
    `  deliberate refusals where kustomize accepts: ${Object.values(f.deliberate).reduce((a, b) => a + b, 0)}`,
    ...Object.entries(f.deliberate).sort((a, b) => b[1] - a[1]).map(([k, v]) => `    ${k}: ${v}`),
    `  counterexamples: ${f.counterexamples.length}`,
    ...[...byProperty].map(([k, v]) => `    ${k}: ${v}`)
  ]
  return lines.join('\n')
}
