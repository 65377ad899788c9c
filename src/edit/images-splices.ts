/**
 * Text splices that change `images:` entries in place (pure): set, add or remove a field of one
 * entry, remove a whole entry, append new entries in the list's own style.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { FileError } from '../errors.js'
import type { ImageEntry } from './image-spec.js'
import { asWritten, FIELDS, lineOf, type EntryNode, type Field, type Parsed } from './kustomize-read.js'
import { column, contentEnd, formatScalar, insertLinesAfter, keyColumn, lineStart, type Splice } from './yaml-text.js'

type AnyPair = Pair<Node, Node | null>

const styleOf = (node: Node | null | undefined) => (isScalar(node) ? node.type : undefined)

/** Where a pair's value text starts (after `key:`) and ends (before a comment or line break). */
function valueSpan(source: string, pair: AnyPair): { start: number; end: number } {
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

function entryLines(entry: ImageEntry, dashCol: number, keyOffset: number): string[] {
  const fields = (['name', ...FIELDS] as const).filter(f => entry[f] !== undefined)
  return fields.map(
    (f, i) => `${' '.repeat(i === 0 ? dashCol : dashCol + keyOffset)}${i === 0 ? '- ' + ' '.repeat(keyOffset - 2) : ''}${f}: ${formatScalar(entry[f]!)}`
  )
}

function flowEntry(entry: ImageEntry): string {
  const fields = (['name', ...FIELDS] as const).filter(f => entry[f] !== undefined)
  return `{${fields.map(f => `${f}: ${formatScalar(entry[f]!)}`).join(', ')}}`
}

/**
 * One splice that appends new entries to `images:` in its style, or adds the key. `finalBreak`:
 * whether the file as written ends in a line break (the text given may have one added).
 */
export function appendEntries(source: string, parsed: Parsed, added: ImageEntry[], eol: string, finalBreak: boolean): Splice {
  const list = parsed.images?.value as Node | null | undefined
  if (isSeq(list) && list.flow) {
    const items = list.items as Node[]
    const text = added.map(flowEntry).join(', ')
    const close = source.lastIndexOf(']', list.range![1])
    if (items.length === 0) return { start: close, end: close, text }
    const last = items[items.length - 1].range![1]
    return { start: last, end: last, text: `, ${text}` }
  }
  if (isSeq(list) && list.items.length > 0) return appendToBlockList(source, list.items as Node[], list.range![0], added, eol)
  const dashCol = (keyCol: number) => keyCol + sequenceIndent(source, parsed.root)
  if (parsed.images) {
    // `images:` with no value, a null (`~`, `!!null`) or an empty block list
    const keyCol = column(source, parsed.images.key.range![0])
    const lines = added.flatMap(e => entryLines(e, dashCol(keyCol), 2))
    const { start, end } = valueSpan(source, parsed.images)
    const after = insertLinesAfter(source, end, lines, eol)
    return { start, end: after.start, text: source.slice(end, after.start) + after.text }
  }
  const keyCol = parsed.root ? column(source, parsed.root.range![0]) : 0
  return addImagesKey(source, parsed.root, [`${' '.repeat(keyCol)}images:`, ...added.flatMap(e => entryLines(e, dashCol(keyCol), 2))], eol, finalBreak)
}

/** New entries after the last one of a block list, in the style of its entries. */
function appendToBlockList(source: string, items: Node[], listStart: number, added: ImageEntry[], eol: string): Splice {
  const last = items[items.length - 1]
  const dashCol = column(source, listStart)
  if (isMap(last) && last.flow) {
    return insertLinesAfter(source, contentEnd(last, 0), added.map(e => `${' '.repeat(dashCol)}- ${flowEntry(e)}`), eol)
  }
  const first = items[0]
  const keyOffset = isMap(first) && !first.flow ? keyColumn(source, first.range![0]) - dashCol : 2
  const lines = added.flatMap(e => entryLines(e, dashCol, Math.max(keyOffset, 2)))
  return insertLinesAfter(source, contentEnd(last, 0), lines, eol)
}

/** The `images:` key and its list, at the end of the top-level mapping. */
function addImagesKey(source: string, root: YAMLMap | null, lines: string[], eol: string, finalBreak: boolean): Splice {
  if (!root) {
    const sep = source === '' || source.endsWith('\n') ? '' : eol
    return { start: source.length, end: source.length, text: sep + lines.join(eol) + eol }
  }
  if (endsInKeptLineBreaks(source, root, finalBreak)) {
    // text after it would change the value of the block scalar the file ends in: go before
    const lastKey = (root.items[root.items.length - 1] as AnyPair).key
    const at = lineStart(source, lastKey.range![0])
    return { start: at, end: at, text: lines.join(eol) + eol }
  }
  return insertLinesAfter(source, contentEnd(root, source.length), lines, eol)
}

/**
 * Whether the file ends in a block scalar whose value would take in appended lines: one that
 * keeps trailing line breaks (`|+`), or one that clips them (`|`) with no final line break yet.
 */
function endsInKeptLineBreaks(source: string, node: Node | null, finalBreak: boolean): boolean {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1] as Node | AnyPair
    return endsInKeptLineBreaks(source, isPair(last) ? (last.value as Node | null) : (last as Node), finalBreak)
  }
  if (!isScalar(node) || !node.range || (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED)) return false
  const header = /^[|>]([-+0-9]*)/.exec(source.slice(node.range[0]))?.[1] ?? ''
  return header.includes('+') || (!header.includes('-') && !finalBreak)
}

/** How far the file indents a block sequence under its key (0 as kustomize writes, or 2). */
function sequenceIndent(source: string, root: YAMLMap | null): number {
  for (const pair of (root?.items ?? []) as AnyPair[]) {
    const value = pair.value
    if (isSeq(value) && !value.flow && value.range) return Math.max(0, column(source, value.range[0]) - column(source, pair.key.range![0]))
  }
  return 0
}
