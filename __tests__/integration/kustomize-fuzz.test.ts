/**
 * The differential fuzz with a fixed seed, against the real kustomize v5.5 CLI (a process per
 * case) and `kubectl kustomize`: see __tests__/fuzz/differential.ts for the properties. The long
 * run is `npm run fuzz -- --cases 20000`. Refusals are then run through the bundle: the run fails
 * and the file stays byte for byte.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { fuzz, formatFigures } from '../fuzz/figures.js'
import { ROOT, runAction } from '../helpers/action.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'
import { generate, type FuzzCase } from '../fuzz/generator.js'
import { DELIBERATE } from '../fuzz/differential.js'
import { parseImageArgs } from '../../src/edit/image-spec.js'
import { editImages } from '../../src/edit/kustomization.js'

const SEED = 20261130
const CASES = 300
const KUSTOMIZE = execFileSync('bash', [path.join(ROOT, 'scripts/build-kustomize.sh')], { encoding: 'utf8', timeout: 600_000 }).trim()

describe('differential fuzz against kustomize v5.5', () => {
  it(`seed ${SEED}: ${CASES} cases, no counterexample`, async () => {
    const figures = await fuzz({ oracle: { kind: 'binary', path: KUSTOMIZE }, seed: SEED, cases: CASES, jobs: 4, batch: 150 })
    process.stdout.write(formatFigures(figures, SEED) + '\n')
    expect(figures.counterexamples.map(r => ({ index: r.fuzz.index, ...r.outcome }))).toEqual([])
    expect(figures.cases).toBe(CASES)
    // the generator reaches the interesting places: most cases are real edits, some refused
    expect(figures.agree).toBeGreaterThan(CASES * 0.75)
    expect(Object.keys(figures.deliberate).length).toBeGreaterThanOrEqual(2)
  }, 900_000)

  it('a refused case fails the bundle run and leaves the file byte for byte', async () => {
    // the first case of each refusal kind the generator makes from this seed
    const picked = new Map<string, FuzzCase>()
    for (let i = 0; i < 3000 && picked.size < 4; i++) {
      const c = generate(SEED, i)
      try {
        editImages(c.kustomization, parseImageArgs(c.args), 'kustomization.yaml')
      } catch (error) {
        const kind = DELIBERATE.find(([, re]) => re.test((error as Error).message))?.[0] ?? (error as Error).message
        if (!picked.has(kind)) picked.set(kind, c)
      }
    }
    expect(picked.size).toBeGreaterThanOrEqual(3)
    for (const c of picked.values()) {
      const ws = tempDir('kid-fuzz-ws-')
      writeFiles(ws, { 'kustomization.yaml': c.kustomization, 'deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' })
      const run = await runAction(ws, { path: '.', images: c.args.join('\n') })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/^::error/m)
      expect(readFileSync(path.join(ws, 'kustomization.yaml'), 'utf8')).toBe(c.kustomization)
      expect(run.outputs).toEqual({})
    }
  }, 300_000)
})
