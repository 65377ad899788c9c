/**
 * Text splices that add `images:` entries (pure): in the list's own style, at its end, before an
 * entry (where kustomize's order of the list wants a new one, see image-order.ts), or with the
 * `images:` key itself.
 */
import { isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml'
import { FileError } from '../errors.js'
import type { ImageEntry } from './image-spec.js'
import { valueSpan } from './images-splices.js'
import { FIELDS, type EntryNode, type Parsed } from './kustomize-read.js'
import { column, contentEnd, formatScalar, insertLinesAfter, keyColumn, lineStart, type Splice } from './yaml-text.js'

type AnyPair = Pair<Node, Node | null>

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

/** One splice that puts new entries right before an entry of the list, and the comment lines above it. */
export function insertEntriesBefore(source: string, parsed: Parsed, target: EntryNode, added: ImageEntry[], eol: string, file: string): Splice {
  const list = parsed.images?.value
  const refuse = (): never => {
    throw new FileError(`${file}:${target.line}: the new images entries cannot be put before this entry in place (where kustomize's order of the list puts them); add them by hand`, file, target.line)
  }
  const at = target.node.range![0]
  if (isSeq(list) && list.flow) {
    if (!/[[,]\s*$/.test(source.slice(0, at))) refuse()
    return { start: at, end: at, text: added.map(e => `${flowEntry(e)}, `).join('') }
  }
  const dash = source.lastIndexOf('-', at - 1)
  let start = lineStart(source, dash)
  if (dash < 0 || !/^-[\s]*(?:[&!]\S*[\s]+)*$/.test(source.slice(dash, at)) || source.slice(start, dash).trim() !== '') refuse()
  while (start > 0 && source.slice(lineStart(source, start - 1), start).trim().startsWith('#')) start = lineStart(source, start - 1)
  const dashCol = column(source, dash)
  const lines = target.node.flow
    ? added.map(e => `${' '.repeat(dashCol)}- ${flowEntry(e)}`)
    : added.flatMap(e => entryLines(e, dashCol, Math.max(keyColumn(source, at) - dashCol, 2)))
  return { start, end: start, text: lines.join(eol) + eol }
}
