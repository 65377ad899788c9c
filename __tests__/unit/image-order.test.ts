import { describe, expect, it } from '@jest/globals'
import { FileError } from '../../src/errors.js'
import type { ImageEntry } from '../../src/edit/image-spec.js'
import { checkOrder, interacts, nameOrder, orderWithin, placeNewEntries } from '../../src/edit/image-order.js'

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'
const REG = 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo'

describe('interacts: whether the order of two entries can change a render', () => {
  it.each<[string, ImageEntry, ImageEntry, boolean]>([
    ['a plain name and the same name with a tag', { name: 'app' }, { name: 'app:latest', newTag: 'v1' }, true],
    ['a plain name and the same name with a digest', { name: 'app', newTag: 'v1' }, { name: `app@${D}` }, true],
    ['two tags of one name, one writing the other', { name: 'app:v1', newTag: 'v2' }, { name: 'app:v2', newTag: 'v3' }, true],
    ['two tags of one name, neither writing the other', { name: 'app:v1', newTag: 'v5' }, { name: 'app:v2', newTag: 'v3' }, false],
    ['a new name that another entry matches', { name: 'api', newName: 'web' }, { name: 'web', newTag: 'v2' }, true],
    ['a new name with a tag that another entry matches', { name: 'api', newName: 'web', newTag: 'v0' }, { name: 'web:v0', newTag: 'v2' }, true],
    ['a dot matches any character', { name: 'a.b' }, { name: 'axb', newTag: 'v1' }, true],
    ['names of one registry, different repositories', { name: `${REG}/adservice`, tagSuffix: '-x' }, { name: `${REG}/cartservice`, tagSuffix: '-x' }, false],
    ['a name that is a prefix of another', { name: 'ghcr.io/org/app', newTag: 'v1' }, { name: 'ghcr.io/org/app-v2', newTag: 'v1' }, false],
    ['a registry port is no tag', { name: 'localhost:5000/app', newTag: 'v1' }, { name: 'localhost/app', newTag: 'v1' }, false],
    ['a dot of the name standing for the tag separator', { name: 'org/app.v1', newTag: 'v2' }, { name: 'org/app:v2', newTag: 'v3' }, true],
    ['a dot of the name, and tags that never meet', { name: 'org/app.v1', newTag: 'v5' }, { name: 'org/app:v2', newTag: 'v3' }, false],
    ['a name holding another regular-expression operator', { name: 'app+' }, { name: 'web' }, true]
  ])('%s: %p', (_label, a, b, expected) => {
    expect(interacts(a, b)).toBe(expected)
    expect(interacts(b, a)).toBe(expected)
  })
})

describe('placing new entries', () => {
  const kept = [{ entry: { name: 'web', newTag: 'v1' }, line: 2 }, { entry: { name: 'app:v1', newTag: 'v1' }, line: 4 }]

  it('puts a new entry before a later-sorting entry it interacts with, others at the end', () => {
    expect(placeNewEntries(kept, [{ name: 'app', newTag: 'v3' }, { name: 'cron', newTag: 'v2' }], 'k')).toEqual([1, 2])
  })

  it('keeps argument order among new entries, name order where they interact', () => {
    const added = [{ name: 'web:v9', newTag: 'x' }, { name: 'cron', newTag: 'v2' }, { name: 'web', newTag: 'v8' }]
    expect(orderWithin(added).map(e => e.name)).toEqual(['cron', 'web', 'web:v9'])
  })

  it('refuses kept entries whose order matters and is not name order', () => {
    expect(() => checkOrder([{ entry: { name: 'web:v1', newTag: 'v3' }, line: 2 }, { entry: { name: 'web', newTag: 'v2' }, line: 4 }], 'k')).toThrow(FileError)
    expect(() => checkOrder(kept, 'k')).not.toThrow()
  })

  it('orders names as Go does, by UTF-8 bytes', () => {
    expect(nameOrder('\uFF5E', '\u{1F600}')).toBeLessThan(0)
    expect(nameOrder('app', 'app:v1')).toBeLessThan(0)
    expect(nameOrder('Web', 'app')).toBeLessThan(0)
  })
})
