/**
 * The `commit-message` template (pure, no settings): which placeholders it may use, checked
 * when the inputs are read, and filling it in with the trailers as the last paragraph.
 */
import { InputError } from '../errors.js'

export const PLACEHOLDERS = ['environment', 'images', 'paths', 'source', 'source-short'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

const PATTERN = /\{([A-Za-z-]+)\}/g

/** Rejects placeholders the template cannot fill; returns the template unchanged. */
export function checkTemplate(template: string, input = 'commit-message'): string {
  for (const match of template.matchAll(PATTERN)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1])) {
      const expected = `a message using only the placeholders ${PLACEHOLDERS.map(p => `{${p}}`).join(', ')}`
      throw new InputError(input, template, expected, `unknown placeholder {${match[1]}}`)
    }
  }
  if (template.trim() === '') throw new InputError(input, template, 'a non-empty message')
  return template
}

export type MessageValues = Record<Placeholder, string>

/** Template filled in, `[skip ci]` appended to the subject when asked, trailers as the last paragraph. */
export function renderMessage(template: string, values: MessageValues, skipCi: boolean, trailers: string[]): string {
  const body = template.replace(PATTERN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole
  )
  const lines = body.replace(/\r\n/g, '\n').trim().split('\n')
  if (skipCi && !/\[(skip ci|ci skip)\]/i.test(body)) lines[0] = `${lines[0]} [skip ci]`
  const message = lines.join('\n')
  return trailers.length > 0 ? `${message}\n\n${trailers.join('\n')}\n` : `${message}\n`
}
