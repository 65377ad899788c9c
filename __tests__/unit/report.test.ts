import { describe, expect, it } from '@jest/globals'
import type { CommitResult } from '../../src/commit/commit-back.js'
import { commitMarkdown } from '../../src/report.js'

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
