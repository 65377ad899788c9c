/**
 * The format-preserving `images:` edit of a kustomization file (pure).
 *
 * Semantics are those of `kustomize edit set image` (see image-spec.ts); only the lines of the
 * touched entries change, a new entry is appended in the list's own style, and the result is
 * re-parsed and checked against the intended entries before it is returned.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'
import { FileError } from '../errors.js'
import { droppedFieldsWarning, mergeImage, type ImageEntry, type ImageSpec } from './image-spec.js'
import {
  applySplices, column, contentEnd, formatScalar, insertLinesAfter, lineStart, scalarText, type Splice
} from './yaml-text.js'

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
const FIELDS = ['newName', 'newTag', 'digest'] as const

export interface EditResult {
  content: string
  changed: boolean
  before: ImageEntry[]
  after: ImageEntry[]
  warnings: string[]
}

interface Parsed {
  doc: Document
  root: YAMLMap | null
  images: Pair | undefined
  entries: { node: YAMLMap; entry: ImageEntry }[]
}

function lineOf(source: string, pos: number): number {
  return source.slice(0, pos).split('\n').length
}

/** Parse a kustomization and read its `images:` entries; YAML problems become FileErrors. */
function parse(source: string, file: string): Parsed {
  const doc = parseDocument(source)
  const err = doc.errors[0]
  if (err) {
    const pos = err.linePos?.[0]
    throw new FileError(`${file}: invalid YAML: ${err.message.split('\n')[0]}`, file, pos?.line, pos?.col)
  }
  const contents = doc.contents as Node | null
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { doc, root: null, images: undefined, entries: [] }
  }
  if (!isMap(contents) || contents.flow) {
    const at = contents.range ? lineOf(source, contents.range[0]) : 1
    throw new FileError(`${file}: expected a block mapping at the top level`, file, at)
  }
  const images = contents.items.find(p => isScalar(p.key) && p.key.value === 'images')
  const entries: Parsed['entries'] = []
  const list = images?.value as Node | null | undefined
  if (list && !(isScalar(list) && list.value === null)) {
    if (!isSeq(list)) {
      throw new FileError(`${file}: 'images' must be a list`, file, lineOf(source, list.range?.[0] ?? 0))
    }
    for (const item of list.items as Node[]) {
      const name = isMap(item) ? scalarText(source, item.get('name', true)) : undefined
      if (!isMap(item) || !name) {
        throw new FileError(`${file}: each 'images' entry needs a 'name'`, file, lineOf(source, item.range?.[0] ?? 0))
      }
      const entry: ImageEntry = { name }
      for (const field of FIELDS) {
        const value = scalarText(source, item.get(field, true))
        if (value) entry[field] = value
      }
      entries.push({ node: item, entry })
    }
  }
  return { doc, root: contents, images, entries }
}

/** The `images:` entries of a kustomization, as written. */
export function readImages(source: string, file: string): ImageEntry[] {
  return parse(source, file).entries.map(e => e.entry)
}

const same = (a: ImageEntry, b: ImageEntry): boolean =>
  a.name === b.name && FIELDS.every(f => a[f] === b[f])

/** Apply the specs to the kustomization text. */
export function editImages(source: string, specs: ImageSpec[], file: string): EditResult {
  const parsed = parse(source, file)
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  const before = parsed.entries.map(e => e.entry)
  const warnings: string[] = []
  const splices: Splice[] = []
  const added: ImageEntry[] = []

  for (const spec of specs) {
    const matches = parsed.entries.filter(e => e.entry.name === spec.name)
    if (matches.length === 0) added.push(mergeImage(undefined, spec))
    for (const { node, entry } of matches) {
      const merged = mergeImage(entry, spec)
      if (same(merged, entry)) continue
      const warning = droppedFieldsWarning(entry, spec)
      if (warning) warnings.push(`${warning} (${file})`)
      splices.push(...editEntry(source, node, merged, eol))
    }
  }
  if (added.length > 0) splices.push(appendEntries(source, parsed, added, eol))
  if (splices.length === 0) return { content: source, changed: false, before, after: before, warnings }

  const content = applySplices(source, splices)
  const after = readImages(content, file)
  const expected = before.map(e => mergeWith(e, specs)).concat(added)
  if (after.length !== expected.length || !after.every((e, i) => same(e, expected[i]))) {
    throw new FileError(`${file}: internal error: the edit did not produce the intended images list`, file)
  }
  return { content, changed: content !== source, before, after, warnings }
}

function mergeWith(entry: ImageEntry, specs: ImageSpec[]): ImageEntry {
  const spec = specs.find(s => s.name === entry.name)
  return spec ? mergeImage(entry, spec) : entry
}

/** Splices that turn one existing entry into `merged`, touching only its changed fields. */
function editEntry(source: string, node: YAMLMap, merged: ImageEntry, eol: string): Splice[] {
  const pairs = node.items as Pair<Node, Node | null>[]
  const find = (field: string) => pairs.find(p => isScalar(p.key) && p.key.value === field)
  if (node.flow) {
    const parts = pairs.map(p => {
      const field = (p.key as { value?: unknown }).value as (typeof FIELDS)[number]
      if (!FIELDS.includes(field)) return source.slice(p.key.range![0], contentEnd(p.value, p.key.range![1]))
      const want = merged[field]
      return want === undefined ? undefined : `${field}: ${formatScalar(want, styleOf(p.value))}`
    })
    for (const field of FIELDS) if (!find(field) && merged[field]) parts.push(`${field}: ${formatScalar(merged[field]!)}`)
    return [{ start: node.range![0], end: node.range![1], text: `{${parts.filter(p => p !== undefined).join(', ')}}` }]
  }

  const splices: Splice[] = []
  const keyCol = column(source, pairs[0].key.range![0])
  const removed = new Set<Pair>()
  for (const field of FIELDS) {
    const pair = find(field)
    const want = merged[field]
    if (pair && want === undefined) removed.add(pair)
    else if (pair && want !== scalarText(source, pair.value) && pair.value?.range) {
      const [start, end] = pair.value.range
      splices.push({ start, end, text: formatScalar(want!, styleOf(pair.value)) })
    }
  }
  let covered = -1
  pairs.forEach((pair, i) => {
    if (!removed.has(pair) || i <= covered) return
    const keyStart = pair.key.range![0]
    const start = lineStart(source, keyStart)
    if (source.slice(start, keyStart).trim() === '') {
      const end = source.indexOf('\n', contentEnd(pair.value, pair.key.range![1]))
      splices.push({ start, end: end < 0 ? source.length : end + 1, text: '' })
      return
    }
    // the pair sits on the `- ` line: pull the next kept pair up to its place
    covered = pairs.findIndex((p, j) => j > i && !removed.has(p))
    splices.push({ start: keyStart, end: pairs[covered].key.range![0], text: '' })
  })
  const missing = FIELDS.filter(f => !find(f) && merged[f] !== undefined)
  if (missing.length > 0) {
    const lines = missing.map(f => `${' '.repeat(keyCol)}${f}: ${formatScalar(merged[f]!)}`)
    splices.push(insertLinesAfter(source, contentEnd(node, node.range![1]), lines, eol))
  }
  return splices
}

function styleOf(node: Node | null | undefined) {
  return isScalar(node) ? node.type : undefined
}

function entryLines(entry: ImageEntry, dashCol: number, keyOffset: number): string[] {
  const fields = (['name', ...FIELDS] as const).filter(f => entry[f] !== undefined)
  return fields.map((f, i) =>
    `${' '.repeat(i === 0 ? dashCol : dashCol + keyOffset)}${i === 0 ? '- ' + ' '.repeat(keyOffset - 2) : ''}${f}: ${formatScalar(entry[f]!)}`
  )
}

function flowEntry(entry: ImageEntry): string {
  const fields = (['name', ...FIELDS] as const).filter(f => entry[f] !== undefined)
  return `{${fields.map(f => `${f}: ${formatScalar(entry[f]!)}`).join(', ')}}`
}

/** One splice that appends new entries to `images:` in its style, or adds the key. */
function appendEntries(source: string, parsed: Parsed, added: ImageEntry[], eol: string): Splice {
  const list = parsed.images?.value as Node | null | undefined
  if (isSeq(list) && list.flow) {
    const items = list.items as Node[]
    const text = added.map(flowEntry).join(', ')
    if (items.length === 0) return { start: list.range![1] - 1, end: list.range![1] - 1, text }
    return { start: items[items.length - 1].range![1], end: items[items.length - 1].range![1], text: `, ${text}` }
  }
  if (isSeq(list) && list.items.length > 0) {
    const items = list.items as Node[]
    const last = items[items.length - 1]
    if (isMap(last) && last.flow) {
      const dash = ' '.repeat(column(source, list.range![0]))
      return insertLinesAfter(source, contentEnd(last, 0), added.map(e => `${dash}- ${flowEntry(e)}`), eol)
    }
    const dashCol = column(source, list.range![0])
    const first = items[0]
    const keyOffset = isMap(first) && !first.flow ? column(source, first.range![0]) - dashCol : 2
    const lines = added.flatMap(e => entryLines(e, dashCol, Math.max(keyOffset, 2)))
    return insertLinesAfter(source, contentEnd(list, 0), lines, eol)
  }
  const root = parsed.root
  const dashCol = (keyCol: number) => keyCol + sequenceIndent(source, root)
  if (parsed.images) {
    // `images:` with no value (or an explicit null)
    const key = parsed.images.key as Node
    const keyCol = column(source, key.range![0])
    const lines = added.flatMap(e => entryLines(e, dashCol(keyCol), 2))
    const splice = insertLinesAfter(source, key.range![1], lines, eol)
    const value = list && isScalar(list) && list.range && list.range[1] > list.range[0] ? list.range : undefined
    if (value) return { start: value[0], end: splice.start, text: source.slice(value[1], splice.start) + splice.text }
    return splice
  }
  const keyCol = root ? column(source, root.range![0]) : 0
  const lines = [`${' '.repeat(keyCol)}images:`, ...added.flatMap(e => entryLines(e, dashCol(keyCol), 2))]
  if (!root) {
    const sep = source === '' || source.endsWith('\n') ? '' : eol
    return { start: source.length, end: source.length, text: sep + lines.join(eol) + eol }
  }
  return insertLinesAfter(source, contentEnd(root, source.length), lines, eol)
}

/** How far the file indents a block sequence under its key (0 as kustomize writes, or 2). */
function sequenceIndent(source: string, root: YAMLMap | null): number {
  for (const pair of root?.items ?? []) {
    const value = (pair as Pair<Node, Node>).value
    if (isPair(pair) && isSeq(value) && !value.flow && value.range) {
      return Math.max(0, column(source, value.range[0]) - column(source, (pair.key as Node).range![0]))
    }
  }
  return 0
}
