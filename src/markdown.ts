/**
 * Untrusted text (image names, object names from rendered manifests, environment names, paths:
 * all of it can come from a pull request) made safe where it is shown (pure):
 * - `text`: Markdown and HTML inert, one line, no @mention;
 * - `code`: an inline code span it cannot break out of (backticks, table pipes, line breaks);
 * - `oneLine`: a log line that cannot start a workflow command (`::error::…` at a line start, or
 *   the runner's legacy `##[error]…` anywhere in one).
 */

/**
 * Markdown and HTML special characters as numeric entities (parentheses need none once brackets
 * are escaped: no link can form); line breaks as spaces.
 */
export function text(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#|~&@]/g, c => `&#${c.charCodeAt(0)};`)
}

/**
 * An inline code span holding `value` verbatim: fenced by one backtick more than its longest
 * run, padded when it starts or ends with one. In a table cell (`table`) a pipe is escaped, as
 * GFM requires even inside code.
 */
export function code(value: string, table = false): string {
  let s = value.replace(/[\r\n]+/g, ' ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  if (table) s = s.replace(/\|/g, '\\|')
  if (s === '') return '` `'
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map(run => run.length))
  const ticks = '`'.repeat(longest + 1)
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${s}${pad}${ticks}`
}

const visible = (c: string): string => {
  const n = c.charCodeAt(0)
  return c === '\n' ? '\\n' : c === '\r' ? '\\r' : n > 0xff ? `\\u${n.toString(16)}` : `\\x${n.toString(16).padStart(2, '0')}`
}

/**
 * The one escaping of a log line (`log.info` applies it to every line; idempotent): control
 * characters (C0, DEL, C1, U+2028/2029: anything the runner could split a line at) as visible
 * escapes (`\n`, `\x85`), the runner's legacy command prefix `##[` (read anywhere in a line) as
 * `##\[`, and a `::` at the line start (after blanks, which the runner trims) as `\::`.
 */
export function oneLine(value: string): string {
  return value
    .replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g, visible)
    .replace(/##\[/g, '##\\[')
    .replace(/^(\s*)::/, '$1\\::')
}

/** A control character as `oneLine` counts them: a target path holding one is refused (targets.ts). */
export const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/
