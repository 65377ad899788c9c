/**
 * Untrusted text (image names, object names from rendered manifests, environment names, paths:
 * all of it can come from a pull request) made safe where it is shown (pure):
 * - `text`: Markdown and HTML inert, one line, no @mention;
 * - `code`: an inline code span it cannot break out of (backticks, table pipes, line breaks);
 * - `oneLine`: a log line that cannot start a workflow command (`::error::…` needs a line start).
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

/** Line breaks and other control characters as visible escapes (`\n`), for the log. */
export function oneLine(value: string): string {
  return value.replace(/[\x00-\x1f\x7f]/g, c => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`))
}
