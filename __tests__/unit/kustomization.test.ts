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
    const FIELD = /(name|newName|newTag|digest): |images: |\{name: /
    for (const { name, args } of EDIT_CASES) {
      const before = read(name, 'before.yaml')
      const after = editImages(before, parseImageArgs(args), 'k').content
      const removed = before.split('\n').filter(line => !after.split('\n').includes(line))
      for (const line of removed) expect(`${name}: ${line}`).toMatch(new RegExp(`^${name}: .*(${FIELD.source})`))
    }
  })
})

describe('editImages results', () => {
  it('reports entries before and after', () => {
    const result = editImages('images:\n- name: web\n  newTag: v1\n', parseImageArgs(['web:v2', 'api=reg/api:3']), 'k')
    expect(result.before).toEqual([{ name: 'web', newTag: 'v1' }])
    expect(result.after).toEqual([{ name: 'web', newTag: 'v2' }, { name: 'api', newName: 'reg/api', newTag: '3' }])
  })

  it('reads an unquoted numeric tag as written', () => {
    expect(readImages('images:\n- name: web\n  newTag: 1.10\n', 'k')).toEqual([{ name: 'web', newTag: '1.10' }])
  })

  it.each([
    ['broken YAML', 'images:\n- name: web\n  newTag: [v1\nresources: x\n', 4],
    ['images not a list', 'resources: []\nimages: web:v1\n', 2],
    ['entry without a name', 'images:\n- newTag: v1\n', 2],
    ['top level is a list', '- a\n- b\n', 1],
    ['several documents', 'images: []\n---\nresources: []\n', 2]
  ])('%s is a FileError at the line', (_label, source, line) => {
    let error: unknown
    try {
      editImages(source, parseImageArgs(['web:v2']), 'overlays/prod/kustomization.yaml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(FileError)
    expect((error as FileError).file).toBe('overlays/prod/kustomization.yaml')
    expect((error as FileError).line).toBe(line)
    expect((error as FileError).message).toMatch(/^overlays\/prod\/kustomization\.yaml: /)
    expect((error as FileError).message).not.toContain('\n')
  })
})
