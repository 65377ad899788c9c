import { describe, expect, it } from '@jest/globals'
import type { TargetEdit } from '../../../src/edit/edit-targets.js'
import type { ImageEntry } from '../../../src/edit/image-spec.js'
import { entryReference, referencesOf } from '../../../src/registry/lookups.js'

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'
const edit = (after: ImageEntry[]) => ({ after }) as unknown as TargetEdit
const spec = (arg: string, name: string) => ({ arg, name })

describe('what is looked up: the image each argument produced', () => {
  it.each([
    [{ name: 'web', newTag: 'v2' }, 'web:v2'],
    [{ name: 'web', newName: 'ghcr.io/org/web', newTag: 'v2' }, 'ghcr.io/org/web:v2'],
    [{ name: 'web', newName: 'ghcr.io/org/web', newTag: 'v2', digest: D }, `ghcr.io/org/web:v2@${D}`],
    [{ name: 'web', digest: D }, `web@${D}`]
  ])('%j → %s', (entry, ref) => expect(entryReference(entry)).toBe(ref))

  it('once per reference across targets; entries no argument touched and names without tag or digest are not asked', () => {
    const edits = [
      edit([{ name: 'web', newName: 'ghcr.io/a/web', newTag: 'v2' }, { name: 'db', newTag: '16' }]),
      edit([{ name: 'web', newName: 'ghcr.io/a/web', newTag: 'v2' }]),
      edit([{ name: 'web', newName: 'ghcr.io/b/web', newTag: 'v2' }]),
      edit([{ name: 'api', newName: 'ghcr.io/a/api' }])
    ]
    const refs = referencesOf(edits, [spec('web=*:v2', 'web'), spec('api=ghcr.io/a/api', 'api')])
    expect(refs.map(r => r.text)).toEqual(['ghcr.io/a/web:v2', 'ghcr.io/b/web:v2'])
  })
})
