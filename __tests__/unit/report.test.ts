import { describe, expect, it } from '@jest/globals'
import type { CommitResult } from '../../src/commit/commit-back.js'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { commitMarkdown, cutMarkdown, failedOutputs, STEP_SUMMARY_LIMIT, summaryMarkdown } from '../../src/report.js'
import type { TargetEdit } from '../../src/edit/edit-targets.js'
import type { Preview } from '../../src/preview/preview.js'
import { diffRenders } from '../../src/preview/resource-diff.js'

const base: CommitResult = { pushed: false, commitSha: '', stale: false, skipped: true, retries: 0 }

describe('commitMarkdown', () => {
  it.each<[string, Partial<CommitResult>, string | undefined]>([
    ['commit off or nothing changed', {}, undefined],
    ['pushed first time', { pushed: true, skipped: false, commitSha: 'a'.repeat(40), branch: 'main' }, 'Pushed `aaaaaaaaaaaa` on `main`.'],
    ['pushed after retries', { pushed: true, skipped: false, commitSha: 'b'.repeat(40), branch: 'main', retries: 2 }, 'Pushed `bbbbbbbbbbbb` on `main` after 2 retried push(es).'],
    ['tip already had it', { skipped: false, commitSha: 'c'.repeat(40), branch: 'main' }, 'Already deployed: `cccccccccccc` on `main` holds this edit; nothing pushed.'],
    ['stale', { stale: true, skipped: false, refused: 'source 111 is older than 222' }, '**Refused as out of order** — nothing pushed or applied. source 111 is older than 222']
  ])('%s', (_label, result, line) => {
    expect(commitMarkdown({ ...base, ...result })[0]).toBe(line)
  })
})

describe('summaryMarkdown stays within the step summary limit as a whole', () => {
  const edit = (i: number): TargetEdit => ({
    target: { dir: `/w/o${i}`, rel: `overlays/env-${i}`, file: `/w/o${i}/kustomization.yaml`, fileRel: `overlays/env-${i}/kustomization.yaml` },
    environment: `env-${i}`,
    original: '',
    content: '',
    changed: true,
    before: [{ name: `registry.example/very/long/image/name-${i}`, newTag: 'v1' }],
    after: [{ name: `registry.example/very/long/image/name-${i}`, newTag: 'v2' }]
  })
  const big = (n: number): Preview => ({
    comments: [],
    environments: [{ environment: 'prod', path: 'overlays/prod', diff: diffRenders('', Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: ${'x'.repeat(200)}\n`).join('---\n')) }]
  })
  it.each([
    ['a large diff', 10, 8000],
    ['many edits and a large diff', 12_000, 8000],
    ['many edits alone', 12_000, 0]
  ])('%s', (_, edits, resources) => {
    const markdown = summaryMarkdown({ edits: Array.from({ length: edits }, (_, i) => edit(i)), preview: resources ? big(resources) : undefined })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT)
    expect(markdown).toContain('## Kustomize Image Deploy')
  })
  it('says where it was cut', () => {
    expect(cutMarkdown('a\n'.repeat(1000), 500)).toMatch(/cut here: a job summary is limited to 1 MiB/)
    expect(Buffer.byteLength(cutMarkdown('é\n'.repeat(1000), 500))).toBeLessThanOrEqual(500)
  })
  it('escapes what came from the pull request', () => {
    const e = { ...edit(1), environment: 'prod\n::error title=X::<img src=x onerror=alert(1)>' }
    const markdown = summaryMarkdown({ edits: [e] })
    expect(markdown).not.toContain('<img')
    expect(markdown).not.toMatch(/^::error/m)
  })
})

describe('failedOutputs', () => {
  const outputs = (commit: CommitResult | undefined): { note?: string; written: string } => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kid-failed-'))
    const file = path.join(dir, 'output')
    writeFileSync(file, '')
    const saved = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = file
    try {
      const note = failedOutputs(commit)
      return { note, written: readFileSync(file, 'utf8') }
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const sha = 'a'.repeat(40)

  it.each([
    ['nothing committed', undefined, false],
    ['refused as stale', { pushed: false, commitSha: '', stale: true, skipped: false, retries: 0 }, false],
    ['pushed', { pushed: true, commitSha: sha, stale: false, skipped: false, retries: 0, branch: 'main' }, true]
  ] as [string, CommitResult | undefined, boolean][])('%s', (_, commit, pushed) => {
    const { note, written } = outputs(commit)
    expect(written).toMatch(new RegExp(`^pushed<<.*\\n${pushed}\\n`, 'm'))
    expect(written).toMatch(/^applied<<.*\nfalse\n/m)
    expect(written.includes(`commit-sha<<`)).toBe(pushed)
    if (pushed) {
      expect(written).toContain(`\n${sha}\n`)
      expect(note).toBe(`commit ${sha} was pushed to main before this failure: git holds this run's edit; the log above says what reached the cluster`)
    } else expect(note).toBeUndefined()
  })
})
