/**
 * Text splices that change `images:` entries in place (pure): set, add or remove a field of one
 * entry, remove a whole entry. New entries: images-add.ts.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { FileError } from '../errors.js'
import type { ImageEntry } from './image-spec.js'
import { asWritten, FIELDS, lineOf, type EntryNode, type Field, type Parsed } from './kustomize-read.js'
import { column, contentEnd, formatScalar, insertLinesAfter, keyColumn, lineStart, type Splice } from './yaml-text.js'

type AnyPair = Pair<Node, Node | null>

const styleOf = (node: Node | null | undefined) => (isScalar(node) ? node.type : undefined)

/** Where a pair's value text starts (after `key:`) and ends (before a comment or line break). */
export function valueSpan(source: string, pair: AnyPair): { start: number; end: number } {
  const colon = source.indexOf(':', pair.key.range![1])
  const value = pair.value
  if (!value?.range || value.range[1] <= colon) return { start: colon + 1, end: colon + 1 }
  if (value.range[0] === value.range[1]) {
    // an empty value: only its properties (`!!null`, `&a`) on the key's line, never a comment
    const props = /^(?:[ \t]+[!&][^\s]*)*/.exec(source.slice(colon + 1))![0]
    return { start: colon + 1, end: colon + 1 + props.length }
  }
  let end = value.range[1]
  while (end > value.range[0] && /[\r\n]/.test(source[end - 1])) end--
  return { start: colon + 1, end }
}

/** A node about to be replaced or removed must hold no anchor that an alias refers to. */
function checkAnchors(source: string, doc: Document, node: Node | Pair | null, file: string): void {
  const anchors = new Map<string, number>()
  if (node) {
    visit(node as Node, (_k, n) => {
      if ((isScalar(n) || isMap(n) || isSeq(n)) && n.anchor) anchors.set(n.anchor, n.range?.[0] ?? 0)
    })
  }
  if (anchors.size === 0) return
  let used: string | undefined
  visit(doc, { Alias: (_k, alias) => void (used ??= anchors.has(alias.source) ? alias.source : undefined) })
  if (used === undefined) return
  const line = lineOf(source, anchors.get(used)!)
  throw new FileError(
    `${file}:${line}: the edit would change or remove the anchor &${used}, which an alias (*${used}) reads elsewhere, so it is refused; write the value out`,
    file,
    line
  )
}

/** Splices that turn one existing entry into `merged`, touching only its changed fields. */
export function editEntry(source: string, doc: Document, e: EntryNode, merged: ImageEntry, eol: string, file: string): Splice[] {
  const splices: Splice[] = []
  const removed: AnyPair[] = []
  const missing: Field[] = []
  for (const field of FIELDS) {
    const pairs = e.pairs.get(field) ?? []
    const want = merged[field]
    if (want === undefined) {
      removed.push(...pairs)
      for (const pair of pairs) checkAnchors(source, doc, pair, file)
    }
    else if (pairs.length === 0) missing.push(field)
    for (const pair of want === undefined ? [] : pairs) {
      if (asWritten(source, pair.value, doc) === want) continue
      checkAnchors(source, doc, pair.value, file)
      const { start, end } = valueSpan(source, pair)
      splices.push({ start, end, text: ' ' + formatScalar(want!, styleOf(pair.value)) })
    }
  }
  splices.push(...removePairs(source, e.node, removed))
  if (missing.length === 0) return splices
  if (e.node.flow) {
    const close = source.lastIndexOf('}', e.node.range![1])
    const sep = e.node.items.length > removed.length ? ', ' : ''
    return [...splices, { start: close, end: close, text: sep + missing.map(f => `${f}: ${formatScalar(merged[f]!)}`).join(', ') }]
  }
  const keyCol = keyColumn(source, (e.node.items[0] as AnyPair).key.range![0])
  const lines = missing.map(f => `${' '.repeat(keyCol)}${f}: ${formatScalar(merged[f]!)}`)
  return [...splices, insertLinesAfter(source, contentEnd(e.node, e.node.range![1]), lines, eol)]
}

/** Remove pairs from a mapping: whole lines in block style, `key: value, ` in flow style. */
function removePairs(source: string, node: YAMLMap, removed: AnyPair[]): Splice[] {
  const pairs = node.items as AnyPair[]
  const gone = new Set(removed)
  const splices: Splice[] = []
  if (node.flow) {
    const kept = pairs.filter(p => !gone.has(p))
    if (kept.length === 0 && pairs.length > 0) {
      return [{ start: pairs[0].key.range![0], end: contentEnd(pairs[pairs.length - 1].value, pairs[pairs.length - 1].key.range![1]), text: '' }]
    }
    pairs.forEach((pair, i) => {
      if (!gone.has(pair)) return
      const next = pairs.slice(i + 1).find(p => !gone.has(p))
      if (next) splices.push({ start: pair.key.range![0], end: next.key.range![0], text: '' })
      else {
        const prev = kept[kept.length - 1]
        splices.push({ start: contentEnd(prev.value, prev.key.range![1]), end: contentEnd(pair.value, pair.key.range![1]), text: '' })
      }
    })
    return mergeAdjacent(splices)
  }
  let covered = -1
  pairs.forEach((pair, i) => {
    if (!gone.has(pair) || i <= covered) return
    const keyStart = pair.key.range![0]
    const start = lineStart(source, keyStart)
    if (source.slice(start, keyStart).trim() === '') {
      const end = source.indexOf('\n', contentEnd(pair.value, pair.key.range![1]))
      splices.push({ start, end: end < 0 ? source.length : end + 1, text: '' })
      return
    }
    // the pair sits on the `- ` line: pull the next kept pair up to its place
    covered = pairs.findIndex((p, j) => j > i && !gone.has(p))
    splices.push({ start: keyStart, end: pairs[covered].key.range![0], text: '' })
  })
  return splices
}

/** Flow-style removals of neighbouring pairs overlap at their edges: join them. */
function mergeAdjacent(splices: Splice[]): Splice[] {
  const sorted = [...splices].sort((a, b) => a.start - b.start)
  const out: Splice[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }
  return out
}

/** Remove whole entries of the images list (duplicates of a kept entry). */
export function removeEntries(source: string, parsed: Parsed, gone: EntryNode[], file: string): Splice[] {
  const list = parsed.images?.value
  if (!isSeq(list) || gone.length === 0) return []
  for (const e of gone) checkAnchors(source, parsed.doc, e.node, file)
  const items = list.items as Node[]
  const removed = new Set<Node>(gone.map(e => e.node))
  if (list.flow) {
    // each run of removed items goes with the separator before the next kept item, or after the last kept one
    const splices: Splice[] = []
    for (let i = 0; i < items.length; i++) {
      if (!removed.has(items[i])) continue
      let j = i
      while (j + 1 < items.length && removed.has(items[j + 1])) j++
      if (j + 1 < items.length) splices.push({ start: items[i].range![0], end: items[j + 1].range![0], text: '' })
      else splices.push({ start: i > 0 ? items[i - 1].range![1] : items[i].range![0], end: items[j].range![1], text: '' })
      i = j
    }
    return splices
  }
  return gone.map(e => {
    const dash = source.lastIndexOf('-', e.node.range![0] - 1)
    const start = lineStart(source, dash)
    if (dash < 0 || !/^-[\s]*(?:[&!]\S*[\s]+)*$/.test(source.slice(dash, e.node.range![0])) || source.slice(start, dash).trim() !== '') {
      throw new FileError(`${file}:${e.line}: this duplicate images entry cannot be removed in place; remove it by hand`, file, e.line)
    }
    const end = source.indexOf('\n', contentEnd(e.node, e.node.range![1]) - 1)
    return { start, end: end < 0 ? source.length : end + 1, text: '' }
  })
}
