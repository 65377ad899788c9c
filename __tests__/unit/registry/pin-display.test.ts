import { describe, expect, it } from '@jest/globals'
import { describeImages, entryValue } from '../../../src/commit/commit-message.js'
import { droppedFieldsWarning, formatEntry, shortDigest } from '../../../src/edit/image-spec.js'
import { parseRegistry } from '../../../src/input-values.js'

const D = 'sha256:4f1c2e9a0b7d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcde'

describe('digests in messages and summaries are short', () => {
  it('shortDigest keeps the algorithm and 8 hex digits', () => {
    expect(shortDigest(D)).toBe('sha256:4f1c2e9a…')
    expect(shortDigest('sha256:abc')).toBe('sha256:abc')
  })
  it.each([
    [{ name: 'web', newTag: 'dev-1339', digest: D }, 'dev-1339 (sha256:4f1c2e9a…)', 'web:dev-1339 (sha256:4f1c2e9a…)'],
    [{ name: 'web', newName: 'ghcr.io/org/web', newTag: 'v2', digest: D }, 'ghcr.io/org/web:v2 (sha256:4f1c2e9a…)', 'ghcr.io/org/web:v2 (sha256:4f1c2e9a…)'],
    [{ name: 'web', digest: D }, 'sha256:4f1c2e9a…', 'web@sha256:4f1c2e9a…'],
    [{ name: 'web', newTag: 'v1' }, 'v1', 'web:v1']
  ])('%j: message %s, summary %s', (entry, message, summary) => {
    expect(entryValue(entry)).toBe(message)
    expect(formatEntry(entry)).toBe(summary)
  })
  it('the commit message names tag and short digest', () => {
    const edit = { changed: true, before: [{ name: 'web', newTag: 'dev-1338' }], after: [{ name: 'web', newTag: 'dev-1339', digest: D }] }
    expect(describeImages([edit])).toBe('web dev-1338 → dev-1339 (sha256:4f1c2e9a…)')
  })
})

describe('pin-digest and the dropped-digest warning', () => {
  const existing = { name: 'web', newTag: 'v1', digest: D }
  it('without pin-digest, an argument without digest drops the existing one, and says so', () => {
    expect(droppedFieldsWarning(existing, { arg: 'web:v2', name: 'web', newTag: 'v2' })).toContain("drops the existing digest")
  })
  it('with pin-digest the registry digest replaces it: no warning', () => {
    expect(droppedFieldsWarning(existing, { arg: 'web:v2', name: 'web', newTag: 'v2', pin: true })).toBeUndefined()
  })
})

describe('verify-images and pin-digest inputs', () => {
  it.each([
    ['', false, { verify: 'auto', pin: false }],
    ['AUTO', true, { verify: 'auto', pin: true }],
    ['yes', true, { verify: 'true', pin: true }],
    ['off', false, { verify: 'false', pin: false }]
  ])('%j pin %s', (value, pin, expected) => expect(parseRegistry(value, pin)).toEqual(expected))
  it('refuses anything else, and pinning without lookups', () => {
    expect(() => parseRegistry('sometimes', false)).toThrow("verify-images: 'sometimes' is not valid; expected auto, true or false")
    expect(() => parseRegistry('false', true)).toThrow("pin-digest: 'true' is not valid")
  })
})
