/**
 * `npm run local-action` (scripts/local-action.sh) runs src/main.ts under GitHub's own
 * @github/local-action, which replaces @actions/core with its own stub: code that reads
 * anything the stub lacks (core.ExitCode was one) crashes there and only there.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../helpers/action.js'
import { tempDir } from '../helpers/workspace.js'

function localAction(image: string, examples?: string) {
  const run = spawnSync('bash', [path.join(ROOT, 'scripts', 'local-action.sh'), image, 'overlays/*'], {
    encoding: 'utf8',
    env: { ...process.env, ...(examples ? { EXAMPLES: examples } : {}) },
    timeout: 120_000
  })
  return { code: run.status, out: run.stdout + run.stderr }
}

describe('npm run local-action', () => {
  it('edits the example overlays in a temporary copy', () => {
    const before = readFileSync(path.join(ROOT, 'examples', 'overlays', 'staging', 'kustomization.yaml'), 'utf8')
    const run = localAction('ghcr.io/example/web:local-1')
    expect(run.out).not.toMatch(/^::error/m)
    expect(run.out).toMatch(/^\+    newTag: local-1$/m)
    expect(run.out).toContain('overlays/production/kustomization.yaml')
    expect(run.code).toBe(0)
    expect(readFileSync(path.join(ROOT, 'examples', 'overlays', 'staging', 'kustomization.yaml'), 'utf8')).toBe(before)
  })

  it('a YAML error is an annotation at the file and line and a failed run, not a crash', () => {
    const examples = tempDir('kid-local-action-')
    cpSync(path.join(ROOT, 'examples'), examples, { recursive: true })
    writeFileSync(path.join(examples, 'overlays', 'staging', 'kustomization.yaml'), 'resources:\n  - ../../base\nimages:\n  - name: ghcr.io/example/web\n    newTag: [unclosed\n')
    const run = localAction('ghcr.io/example/web:local-2', examples)
    expect(run.out).toMatch(/^::error file=overlays\/staging\/kustomization\.yaml,line=\d+/m)
    expect(run.out).not.toMatch(/TypeError|Cannot read properties/)
    expect(run.code).toBe(1)
  })

  it('a bad input fails the run', () => {
    const run = localAction('web:{{TAG}}')
    expect(run.out).toMatch(/^::error::images: 'web:\{\{TAG\}\}' is not valid/m)
    expect(run.code).toBe(1)
  })
})
