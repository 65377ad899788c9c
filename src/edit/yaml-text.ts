/**
 * Text-level helpers for editing YAML in place: the file is changed by splicing its source
 * text at node offsets reported by the `yaml` parser, so everything not touched stays
 * byte-for-byte as the author wrote it (pure).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml'

export interface Splice {
  start: number
  end: number
  text: string
}

/** Apply non-overlapping splices (any order). */
export function applySplices(source: string, splices: Splice[]): string {
  let out = source
  for (const s of [...splices].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, s.start) + s.text + out.slice(s.end)
  }
  return out
}

export function lineStart(source: string, pos: number): number {
  return source.lastIndexOf('\n', pos - 1) + 1
}

export function column(source: string, pos: number): number {
  return pos - lineStart(source, pos)
}

/** A splice that inserts whole lines after the line holding `pos`. */
export function insertLinesAfter(source: string, pos: number, lines: string[], eol: string): Splice {
  const nl = source.indexOf('\n', pos)
  if (nl < 0) return { start: source.length, end: source.length, text: eol + lines.join(eol) }
  return { start: nl + 1, end: nl + 1, text: lines.join(eol) + eol }
}

/** Where the last character of a node's own content is (before trailing blank lines). */
export function contentEnd(node: Node | null | undefined, fallback: number): number {
  if (!node || !node.range) return fallback
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1]
    if (isPair(last)) {
      const key = last.key as Node | null
      return contentEnd(last.value as Node | null, key?.range?.[1] ?? fallback)
    }
    return contentEnd(last as Node, fallback)
  }
  return node.range[1]
}

/** Whether a plain scalar reads back as this very string under YAML 1.1 and 1.2. */
function readsAsString(value: string): boolean {
  if (value === '' || /^[\s]|[\s]$|[:#]\s|\s#|^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false
  for (const version of ['1.1', '1.2'] as const) {
    const doc = parseDocument(value, { version })
    const node = doc.contents
    if (doc.errors.length > 0 || !isScalar(node) || node.value !== value) return false
  }
  return true
}

/**
 * A scalar's source text. An existing scalar keeps its quoting style; a plain value that YAML
 * would read as a number, boolean, null or date (`1.10`, `yes`, `0755`, `2024-01-01`) is quoted.
 */
export function formatScalar(value: string, style?: Scalar.Type): string {
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`
  if (style === Scalar.QUOTE_DOUBLE || !readsAsString(value)) return JSON.stringify(value)
  return value
}

/** The string a scalar holds as written (so an unquoted `1.10` stays "1.10", not 1.1). */
export function scalarText(source: string, node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || !node.range) return undefined
  if (node.type === Scalar.PLAIN) return source.slice(node.range[0], node.range[1])
  return String(node.value)
}
