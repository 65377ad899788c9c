import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileError } from '../../src/errors.js'
import { parseImageArgs } from '../../src/edit/image-spec.js'
import { editImages, readImages } from '../../src/edit/kustomization.js'
import { EDIT_CASES } from './edit-cases.js'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'edit')
const read = (name: string, file: string) => readFileSync(path.join(FIXTURES, name, file), 'utf8')

describe('editImages golden files', () => {
  it.each(EDIT_CASES)('$name', ({ name, args, warnings }) => {
    const before = read(name, 'before.yaml')
    const expected = read(name, 'after.yaml')
    const specs = parseImageArgs(args)
    const result = editImages(before, specs, 'kustomization.yaml')
    expect(result.content).toBe(expected)
    expect(result.changed).toBe(before !== expected)
    expect(result.warnings).toHaveLength(warnings?.length ?? 0)
    warnings?.forEach((w, i) => expect(result.warnings[i]).toContain(w))
    // idempotent: the same edit again changes nothing
    const again = editImages(result.content, specs, 'kustomization.yaml')
    expect(again.changed).toBe(false)
    expect(again.content).toBe(result.content)
  })

  it('changes only the lines of touched entries', () => {
    const FIELD = /(name|newName|newTag|digest|tagSuffix): |images: |\{name: /i
    for (const { name, args } of EDIT_CASES) {
      const before = read(name, 'before.yaml')
      const after = editImages(before, parseImageArgs(args), 'k').content
      const removed = before.split('\n').filter(line => !after.split('\n').includes(line))
      for (const line of removed) expect(`${name}: ${line}`).toMatch(new RegExp(`^${name}: .*(${FIELD.source})`, 'i'))
    }
  })
})

describe('editImages results', () => {
  it('reports entries before and after', () => {
    const result = editImages('images:\n- name: web\n  newTag: v1\n', parseImageArgs(['web:v2', 'api=reg/api:3']), 'k')
    expect(result.before).toEqual([{ name: 'web', newTag: 'v1' }])
    expect(result.after).toEqual([{ name: 'web', newTag: 'v2' }, { name: 'api', newName: 'reg/api', newTag: '3' }])
  })

  it('removes a block scalar that ends a file without a final newline, and adds no blank line', () => {
    const before = 'resources:\n- deploy.yaml\nimages:\n- name: app\n  newTag: v1\n  tagSuffix: |\n    -debug'
    const result = editImages(before, parseImageArgs(['app:v2', 'web:v1']), 'k')
    expect(result.content).toBe('resources:\n- deploy.yaml\nimages:\n- name: app\n  newTag: v2\n- name: web\n  newTag: v1')
  })

  it('reads an unquoted numeric tag as written', () => {
    expect(readImages('images:\n- name: web\n  newTag: 1.10\n', 'k')).toEqual([{ name: 'web', newTag: '1.10' }])
  })

  it.each([
    ['broken YAML', 'images:\n- name: web\n  newTag: [v1\nresources: x\n', 4],
    ['images not a list', 'resources: []\nimages: web:v1\n', 2],
    ['entry without a name', 'images:\n- newTag: v1\n', 2],
    ['top level is a list', '- a\n- b\n', 1],
    ['several documents', 'images: []\n---\nresources: []\n', 2],
    ['a merge key in an entry', 'images:\n- name: web\n  newTag: v1\n  <<: {newTag: v0}\n', 4],
    ['a merge key bringing images in', 'base: &b\n  images: []\n<<: *b\n', 3],
    ['an alias entry', 'x: &e {name: web}\nimages:\n- *e\n', 3],
    ['an aliased list', 'x: &l []\nimages: *l\n', 2],
    ['an unknown field', 'images:\n- name: web\n  newTAG: v1\n  tag: v1\n', 4],
    ['images twice in two cases', 'images: []\nresources: []\nIMAGES: []\n', 3],
    ['a changed value whose anchor is read elsewhere', 'images:\n- name: web\n  newTag: &t v1\n- name: api\n  newTag: *t\n', 3],
    // fuzz seed 2, cases 802 and 813: removing what an alias reads
    ['a dropped field whose anchor is read elsewhere', 'images:\n- digest: &a sha256:x\n  name: web\n- name: api\n  newTag: *a\n', 2],
    ['a duplicate entry holding an anchor read elsewhere', 'images:\n- name: web\n- newTag: &a v1\n  name: web\n- name: api\n  newTag: *a\n', 3],
    ['a kept value kustomize reads as a number', 'images:\n- name: web\n  newTag: v1\n- name: api\n  newTag: 1.10\n', 5],
    ['a kept value kustomize reads as a boolean', 'images:\n- name: api\n  newTag: on\n', 3],
    // fuzz seed 10, case 7617: nothing to change, and kustomize cannot read the file
    ['an unreadable value when nothing changes', 'images:\n- name: api\n  newTag: on\n- name: web\n  newTag: v2\n', 3],
    // issue 17: kustomize edit set image sorts the list, which would change what these render
    ['an entry feeding a later one out of name order', 'images:\n- name: web\n  newTag: v1\n- name: api\n  newName: web\n', 4],
    ['a tagged name before its plain name', 'images:\n- name: web:v1\n  newTag: v3\n- name: web\n  newTag: v2\n', 4]
  ])('%s is a FileError at the line', (_label, source, line) => {
    let error: unknown
    try {
      editImages(source, parseImageArgs(['web=*:v2']), 'overlays/prod/kustomization.yaml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FileError)
    expect((error as FileError).file).toBe('overlays/prod/kustomization.yaml')
    expect((error as FileError).line).toBe(line)
    expect((error as FileError).message).toMatch(/^overlays\/prod\/kustomization\.yaml(:\d+)?: /)
    expect((error as FileError).message).not.toContain('\n')
  })
})
