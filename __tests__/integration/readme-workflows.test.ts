/**
 * The README's workflow examples are linted by the real actionlint (built from the Go module
 * proxy by scripts/build-actionlint.sh) against this repository's action.yml. These tests feed
 * scripts/lint-readme-workflows.mjs Markdown files with known-bad blocks, so the check is shown
 * to fail where it must, and at the Markdown line a reader would fix.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../helpers/action.js'
import { tempDir } from '../helpers/workspace.js'

const SCRIPT = path.join(ROOT, 'scripts', 'lint-readme-workflows.mjs')
const ACTION = 'kustomize-image-deploy/kustomize-image-deploy'
let actionlint: string

beforeAll(() => {
  actionlint = execFileSync('bash', [path.join(ROOT, 'scripts', 'build-actionlint.sh')], { encoding: 'utf8' }).trim()
}, 300_000)

function lint(markdown: string): { code: number | null; out: string } {
  const file = path.join(tempDir('kid-readme-'), 'README.md')
  writeFileSync(file, markdown)
  const run = spawnSync(process.execPath, [SCRIPT, actionlint, file], { encoding: 'utf8' })
  return { code: run.status, out: run.stdout + run.stderr }
}

const fence = (body: string, indent = '') => `${indent}\`\`\`yaml\n${body.replace(/^/gm, indent)}\n${indent}\`\`\`\n`

const steps = (withLines: string) => `      - uses: actions/checkout@v6
      - uses: ${ACTION}@v1
        with:
${withLines}`

describe('lint-readme-workflows', () => {
  it("passes the README's own examples", () => {
    const run = spawnSync(process.execPath, [SCRIPT, actionlint, path.join(ROOT, 'README.md')], { encoding: 'utf8' })
    expect(run.stdout).toMatch(/README\.md: \d+ workflow example\(s\) linted, \d+ other YAML block\(s\) skipped, 0 problem\(s\)/)
    expect(Number(/(\d+) workflow example/.exec(run.stdout)?.[1])).toBeGreaterThanOrEqual(8)
    expect(run.status).toBe(0)
  })

  it('passes a steps fragment whose inputs action.yml declares', () => {
    const run = lint(`# t\n\n${fence(steps('          path: deploy/overlays/prod\n          images: ghcr.io/o/web:${{ github.sha }}\n          apply: false'))}`)
    expect(run.out).toContain('1 workflow example(s) linted, 0 other YAML block(s) skipped, 0 problem(s)')
    expect(run.code).toBe(0)
  })

  it('fails an input action.yml does not declare, at its README line', () => {
    const md = `# t\n\ntext\n\n${fence(steps('          path: deploy\n          imagez: ghcr.io/o/web:v1'))}`
    const run = lint(md)
    const line = md.split('\n').findIndex(l => l.includes('imagez')) + 1
    expect(run.out).toMatch(new RegExp(`README\\.md:${line}:\\d+: input "imagez" is not defined in action .* defined at "\\./"`))
    expect(run.code).toBe(1)
  })

  it('fails matrix in a workflow-level concurrency block (the old README advice)', () => {
    const block = 'permissions:\n  contents: write\nconcurrency:\n  group: deploy-${{ matrix.environment }}\n  cancel-in-progress: false'
    const md = `# t\n\n${fence(block)}\n${fence(steps('          path: deploy'))}`
    const run = lint(md)
    const line = md.split('\n').findIndex(l => l.includes('group: deploy-')) + 1
    expect(run.out).toMatch(new RegExp(`README\\.md:${line}:21: context "matrix" is not allowed here`))
    expect(run.code).toBe(1)
  })

  it('fails a whole workflow with a job-level mistake, and a fenced block inside a list item keeps its column', () => {
    const workflow = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    needs: build
    steps:
      - uses: ${ACTION}@v1
        with:
          path: deploy`
    const md = `1. A list item:\n\n${fence(workflow, '   ')}`
    const run = lint(md)
    const line = md.split('\n').findIndex(l => l.includes('  deploy:')) + 1
    expect(run.out).toMatch(new RegExp(`README\\.md:${line}:6: job "deploy" needs job "build" which does not exist`))
    expect(run.code).toBe(1)
  })

  it('fails a fragment no reader could paste, and YAML that does not parse', () => {
    const run = lint(`${fence('runs-on: ubuntu-latest\nstrategy:\n  matrix:\n    env: [a]')}\n${fence('steps:\n  - uses: [')}`)
    expect(run.out).toMatch(/README\.md:2:1: a workflow fragment that is neither/)
    expect(run.out).toMatch(/README\.md:\d+:1: not valid YAML/)
    expect(run.code).toBe(1)
  })

  it('skips YAML that is no workflow, but a file with no workflow example at all fails', () => {
    const run = lint(fence('images:\n  - name: ghcr.io/o/web\n    newTag: dev-1'))
    expect(run.out).toContain('0 workflow example(s) linted, 1 other YAML block(s) skipped, 0 problem(s)')
    expect(run.out).toContain('no workflow example found')
    expect(run.code).toBe(1)
  })


  it('fails a link to an anchor no heading has, and knows GitHub\'s slugs', () => {
    const md = `# Kustomize Image Deploy\n\n## How the edit compares with \`kustomize edit set image\`\n\n## Scenarios\n\n### A matrix of environments\n\nSee [one](#how-the-edit-compares-with-kustomize-edit-set-image), [two](#a-matrix-of-environments) and [three](#a-matrix-of-environment).\n\n${fence(steps('          path: deploy'))}`
    const run = lint(md)
    expect(run.out).toMatch(/README\.md:9:\d+: link to #a-matrix-of-environment: no such heading/)
    expect(run.out).not.toContain('#a-matrix-of-environments: no such')
    expect(run.out).not.toContain('#how-the-edit-compares')
    expect(run.code).toBe(1)
  })
})
