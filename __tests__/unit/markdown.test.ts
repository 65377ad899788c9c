/** Untrusted text made safe for Markdown, HTML, code spans and log lines (table-driven). */
import { describe, expect, it } from '@jest/globals'
import { code, oneLine, text } from '../../src/markdown.js'

describe('text', () => {
  it.each([
    ['plain', 'staging', 'staging'],
    ['html', '<img src=x onerror=alert(1)>', '&#60;img src=x onerror=alert(1)&#62;'],
    ['markdown link', '[x](http://evil)', '&#91;x&#93;(http://evil)'],
    ['mention', '@org/team', '&#64;org/team'],
    ['line breaks', 'prod\n::error title=X::boom', 'prod ::error title=X::boom'],
    ['backtick', 'a`b', 'a&#96;b']
  ])('%s', (_, input, expected) => expect(text(input)).toBe(expected))
})

describe('code', () => {
  it.each([
    ['plain', 'registry.example/app:v1', false, '`registry.example/app:v1`'],
    ['a backtick cannot close the span', 'x` <img src=x onerror=alert(1)> `y', false, '``x` <img src=x onerror=alert(1)> `y``'],
    ['a run of backticks', 'a``b', false, '```a``b```'],
    ['starts with a backtick', '`x', false, '`` `x ``'],
    ['pipe in a table', 'a|b', true, '`a\\|b`'],
    ['pipe elsewhere', 'a|b', false, '`a|b`'],
    ['line break', 'a\n::error::x', false, '`a ::error::x`'],
    ['empty', '', false, '` `']
  ])('%s', (_, input, table, expected) => expect(code(input, table)).toBe(expected))
})

describe('oneLine', () => {
  it.each([
    ['prod\n::error title=X::boom', 'prod\\n::error title=X::boom'],
    ['a\r\nb', 'a\\r\\nb'],
    ['bell\x07', 'bell\\x07'],
    ['plain text', 'plain text'],
    ['x ##[error]boom', 'x ##\\[error]boom'],
    ['::error::boom', '\\::error::boom'],
    [' \t::warning::boom', ' \t\\::warning::boom'],
    ['a\u0085::error::b', 'a\\x85::error::b'],
    ['a\u2028b', 'a\\u2028b'],
    ['a\tb', 'a\tb']
  ])('%j', (input, expected) => {
    expect(oneLine(input)).toBe(expected)
    expect(oneLine(oneLine(input))).toBe(expected)
    expect(oneLine(input)).not.toMatch(/[\r\n]/)
  })
})
