/**
 * The `images:` list of a kustomization as kustomize v5.5 reads it (pure).
 *
 * kustomize decodes a kustomization with sigs.k8s.io/yaml: go-yaml v2 reads the YAML into maps,
 * those become JSON with keys in sorted byte order, and encoding/json fills the Go structs,
 * matching field names case-insensitively. So `Images:` is the images list, `newtag` is `newTag`,
 * of two spellings the later in byte order wins, and a null value leaves a field as it was.
 * What this module cannot read exactly as kustomize does it refuses, naming the line.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { FileError } from '../errors.js'
import { goYamlKind } from './go-yaml-resolve.js'
import type { ImageEntry } from './image-spec.js'

export const FIELDS = ['newName', 'newTag', 'digest', 'tagSuffix'] as const
export type Field = 'name' | (typeof FIELDS)[number]

/** One `images` entry: its node, every pair per field (all spellings), what kustomize reads. */
export interface EntryNode {
  node: YAMLMap
  /** 1-based line of the entry */
  line: number
  pairs: Map<Field, Pair<Node, Node | null>[]>
  /** values as written (an unquoted 1.10 stays "1.10") */
  entry: ImageEntry
}

export interface Parsed {
  doc: Document
  root: YAMLMap | null
  /** the root pair kustomize reads as `images` */
  images: Pair<Node, Node | null> | undefined
  entries: EntryNode[]
}

/** encoding/json's case folding of a field name (unicode.ToUpper(unicode.ToLower(r)) per rune). */
export function foldName(key: string): string {
  let out = ''
  for (const c of key) {
    const lower = [...c.toLowerCase()].length === 1 ? c.toLowerCase() : c
    const upper = [...lower.toUpperCase()].length === 1 ? lower.toUpperCase() : lower
    out += upper
  }
  return out
}

const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))
const FOLDED = new Map<string, Field>((['name', ...FIELDS] as Field[]).map(f => [foldName(f), f]))

export function lineOf(source: string, pos: number): number {
  let line = 1
  for (let i = source.indexOf('\n'); i >= 0 && i < pos; i = source.indexOf('\n', i + 1)) line++
  return line
}

/** A scalar's string as kustomize reads it, `null` for a null, or undefined for a non-string. */
export function kustomizeString(source: string, node: Node | null | undefined, doc: Document): string | null | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node
  if (target === null || target === undefined) return null
  if (!isScalar(target)) return undefined
  if (target.type !== Scalar.PLAIN) return String(target.value)
  const text = target.range ? source.slice(target.range[0], target.range[1]) : String(target.value)
  if (target.tag === 'tag:yaml.org,2002:str') return text
  if (target.tag === 'tag:yaml.org,2002:null') return null
  if (target.tag) return undefined
  const kind = goYamlKind(text)
  return kind === 'str' ? text : kind === 'null' ? null : undefined
}

/** The string a scalar holds as written (an unquoted `1.10` is "1.10"), or undefined for null. */
export function asWritten(source: string, node: Node | null | undefined, doc: Document): string | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node
  if (!isScalar(target) || target.value === null || target.value === undefined) return undefined
  if (target.type === Scalar.PLAIN && target.range && !target.tag) return source.slice(target.range[0], target.range[1])
  return String(target.value)
}

/** Parse a kustomization and read its `images:` entries; what kustomize would read otherwise is refused. */
export function parseKustomization(source: string, file: string): Parsed {
  const fail = (message: string, pos: number, col?: number): never => {
    throw new FileError(`${file}:${lineOf(source, pos)}: ${message}`, file, lineOf(source, pos), col)
  }
  const docs = parseAllDocuments(source)
  const list = Array.isArray(docs) ? docs : [docs]
  const doc = list[0] as Document | undefined
  if (!doc) return { doc: parseAllDocuments('')[0] as Document, root: null, images: undefined, entries: [] }
  for (const d of list) {
    const err = d.errors[0]
    if (err) {
      const pos = err.linePos?.[0]
      throw new FileError(`${file}: invalid YAML: ${err.message.split('\n')[0]}`, file, pos?.line, pos?.col)
    }
  }
  const empty = (c: unknown) => c === null || (isScalar(c) && c.value === null && !c.tag && !c.anchor && c.range![0] === c.range![1])
  const extra = list.slice(1).find(d => !empty(d.contents))
  if (extra) {
    fail('a second YAML document starts here; kustomize reads only the first and ignores the rest, so it is refused (one kustomization per file)', extra.range[0])
  }
  const contents = doc.contents as Node | null
  if (contents === null || (isScalar(contents) && contents.value === null)) return { doc, root: null, images: undefined, entries: [] }
  if (!isMap(contents) || contents.flow) return fail('expected a block mapping at the top level', contents.range?.[0] ?? 0)

  const pairs = contents.items as Pair<Node, Node | null>[]
  const keyed = pairs.filter(p => isScalar(p.key) && foldName(String(p.key.value)) === 'IMAGES')
  if (keyed.length > 1) {
    const lines = keyed.map(p => lineOf(source, p.key.range![0]))
    fail(`'images' is set ${keyed.length} times (lines ${lines.join(' and ')}; kustomize matches keys case-insensitively); keep one`, keyed[1].key.range![0])
  }
  for (const p of pairs) {
    if (!isScalar(p.key) || p.key.value !== '<<') continue
    const merged = isAlias(p.value) ? p.value.resolve(doc) : p.value
    const sources = isSeq(merged) ? (merged.items as Node[]).map(n => (isAlias(n) ? n.resolve(doc) : n)) : [merged]
    const hasImages = sources.some(m => isMap(m) && m.items.some(q => isScalar(q.key) && foldName(String(q.key.value)) === 'IMAGES'))
    if (hasImages) fail("a merge key (<<) brings in 'images'; kustomize's YAML reader merges in its own order, so write the images list out", p.key.range![0])
  }
  const images = keyed[0]
  return { doc, root: contents, images, entries: images ? readEntries(source, doc, images, fail) : [] }
}

function readEntries(source: string, doc: Document, images: Pair<Node, Node | null>, fail: (m: string, pos: number) => never): EntryNode[] {
  const value = images.value
  const at = (node: Node | null | undefined) => node?.range?.[0] ?? images.key.range![0]
  if (isAlias(value)) fail("'images' is an alias (*…); write the list out", at(value))
  if (value === null || (isScalar(value) && kustomizeString(source, value, doc) === null)) return []
  if (!isSeq(value)) return fail("'images' must be a list", at(value))
  return (value.items as (Node | null)[]).map(item => {
    if (isAlias(item)) fail('an images entry that is an alias (*…) is refused; write the entry out', at(item))
    if (!isMap(item)) fail('each images entry must be a mapping with a name', at(item ?? value))
    const node = item as YAMLMap
    const pairs = new Map<Field, Pair<Node, Node | null>[]>()
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (key === '<<') {
        fail("a merge key (<<) in an images entry is refused: kustomize's YAML reader lets it override the fields before it, unlike other YAML tools; write the fields out", at(pair.key))
      }
      const field = FOLDED.get(foldName(key))
      if (!field) fail(`unknown field '${key}' in an images entry (kustomize refuses the file); expected name, newName, newTag, digest or tagSuffix`, at(pair.key))
      if (pair.value !== null && !isScalar(pair.value) && !isAlias(pair.value)) fail(`'${key}' must be a string`, at(pair.value))
      pairs.set(field!, [...(pairs.get(field!) ?? []), pair])
    }
    const entry = { name: '' } as ImageEntry
    for (const [field, list] of pairs) {
      // JSON keys arrive in byte order and each non-null one overwrites the field
      const ordered = [...list].sort((a, b) => byteOrder(String((a.key as Scalar).value), String((b.key as Scalar).value)))
      const last = ordered.filter(p => kustomizeString(source, p.value, doc) !== null).pop()
      const text = last ? asWritten(source, last.value, doc) : undefined
      if (text) entry[field] = text
    }
    if (!entry.name) {
      fail("an images entry without a name is refused: it changes no image, and an edit cannot tell which image it meant; add 'name: <image>' or remove it", at(node))
    }
    return { node, line: lineOf(source, at(node)), pairs, entry }
  })
}
