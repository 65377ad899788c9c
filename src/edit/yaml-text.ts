/**
 * Text-level helpers for editing YAML in place: the file is changed by splicing its source
 * text at node offsets reported by the `yaml` parser, so everything not touched stays
 * byte-for-byte as the author wrote it (pure).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml'
import { goYamlKind, SEXAGESIMAL } from './go-yaml-resolve.js'

export interface Splice {
  start: number
  end: number
  text: string
}

/**
 * Apply non-overlapping splices. Insertions at one offset land in the order they were given
 * (a field added to the last entry comes before a new entry appended after it).
 */
export function applySplices(source: string, splices: Splice[]): string {
  let out = source
  const order = splices.map((s, i) => ({ s, i }))
  order.sort((a, b) => b.s.start - a.s.start || b.s.end - a.s.end || b.i - a.i)
  for (const { s } of order) out = out.slice(0, s.start) + s.text + out.slice(s.end)
  return out
}

export function lineStart(source: string, pos: number): number {
  return source.lastIndexOf('\n', pos - 1) + 1
}

/** Column of `pos`; a UTF-8 byte order mark does not count. */
export function column(source: string, pos: number): number {
  const start = lineStart(source, pos)
  return pos - start - (start === 0 && source.startsWith('\uFEFF') && pos > 0 ? 1 : 0)
}

/**
 * The column a block mapping's keys start at, from one of its keys: on a `- ` line, the first
 * character after the dash (`- &a name:` → the `&`); otherwise the line's first non-space.
 */
export function keyColumn(source: string, keyPos: number): number {
  const start = lineStart(source, keyPos)
  const m = /^(\uFEFF?)([ \t]*)(?:-[ \t]+)*/.exec(source.slice(start, keyPos))!
  return m[0].length - m[1].length
}

/** A splice that inserts whole lines after the line whose content ends at `end`. */
export function insertLinesAfter(source: string, end: number, lines: string[], eol: string): Splice {
  const at = end > 0 && source[end - 1] === '\n' ? end : source.indexOf('\n', end) + 1
  if (at <= 0) return { start: source.length, end: source.length, text: eol + lines.join(eol) }
  return { start: at, end: at, text: lines.join(eol) + eol }
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

/** Whether a plain scalar reads back as this very string to go-yaml v2 and to YAML 1.1 and 1.2. */
function readsAsString(value: string): boolean {
  if (value === '' || /^[\s]|[\s]$|[:#]\s|\s#|^[-?:,[\]{}#&*!|>'"%@`]|[\x00-\x1f\x7f-\x9f\uFEFF\u2028\u2029]/.test(value)) return false
  if (goYamlKind(value) !== 'str' || SEXAGESIMAL.test(value) || /[,[\]{}]/.test(value)) return false
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
