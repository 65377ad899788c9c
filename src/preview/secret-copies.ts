/**
 * Secret values that kustomize copied into other objects (`replacements` into a ConfigMap
 * field, a container `env` value, a URL in an annotation) are redacted wherever they land
 * (pure). The values are those of every Secret in either render (base and head), in the forms a
 * copy takes: as is, base64, JSON-escaped, and each long line of a multi-line value. Every
 * render is redacted with both sides' values (an old value left in a copy is still a secret),
 * and the placeholder says whether the value is in both renders, only the old one or only the
 * new one, so a copied value that changed still shows as a change.
 */
import { parse } from 'yaml'
import { readDocument, splitDocuments } from '../render/manifest-scan.js'

/** form of a value → its placeholder */
export type SecretCopies = Map<string, string>

/** Shorter forms are redacted only as a whole YAML value, not inside other text. */
const MIN_SUBSTRING = 4
/** Lines of a multi-line value (a key, a certificate) at least this long are redacted on their own. */
const MIN_LINE = 8

export const PLACEHOLDERS = { both: '(redacted secret value)', old: '(redacted secret value: old)', new: '(redacted secret value: new)' } as const

const isSecret = (text: string, kind: string | undefined) => kind === 'Secret' || /^kind: *["']?Secret["']? *$/m.test(text)

/** The plain values of every Secret in a render (data decoded from base64, stringData as is). */
export function secretValues(render: string): Set<string> {
  const values = new Set<string>()
  for (const text of splitDocuments(render)) {
    if (!isSecret(text, readDocument(text).id?.kind)) continue
    let object: { data?: unknown; stringData?: unknown } | null
    try {
      object = parse(text) as typeof object
    } catch {
      continue
    }
    for (const [field, encoded] of [['data', true], ['stringData', false]] as const) {
      const map = object?.[field]
      if (!map || typeof map !== 'object') continue
      for (const value of Object.values(map)) {
        if (typeof value !== 'string' || value === '') continue
        if (encoded) {
          values.add(value.replace(/\s+/g, '')) // the encoded form itself
          const decoded = Buffer.from(value, 'base64').toString('utf8')
          if (decoded !== '' && !decoded.includes('\uFFFD')) values.add(decoded)
        } else values.add(value)
      }
    }
  }
  return values
}

/** The forms a copy of `value` may take in rendered YAML. */
function formsOf(value: string): string[] {
  const forms = [value, Buffer.from(value, 'utf8').toString('base64'), JSON.stringify(value).slice(1, -1)]
  if (value.includes('\n')) for (const line of value.split('\n')) if (line.trim().length >= MIN_LINE) forms.push(line.trim())
  return forms.filter(f => f !== '')
}

/** Every form of every Secret value of both renders, with its placeholder. */
export function secretCopies(base: string, head: string): SecretCopies {
  const sides = [secretValues(base), secretValues(head)]
  const side = (form: string, values: Set<string>) => [...values].some(v => formsOf(v).includes(form))
  const copies: SecretCopies = new Map()
  for (const value of new Set([...sides[0], ...sides[1]])) {
    for (const form of formsOf(value)) {
      if (copies.has(form)) continue
      const [old, now] = sides.map(values => side(form, values))
      copies.set(form, old && now ? PLACEHOLDERS.both : old ? PLACEHOLDERS.old : PLACEHOLDERS.new)
    }
  }
  return copies
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `text` with every copy of a Secret value replaced by its placeholder (longest forms first). */
export function redactCopies(text: string, copies: SecretCopies): string {
  if (copies.size === 0) return text
  const forms = [...copies.keys()].sort((a, b) => b.length - a.length)
  let out = text
  for (const form of forms) {
    const placeholder = copies.get(form)!
    if (form.length >= MIN_SUBSTRING) {
      if (out.includes(form)) out = out.split(form).join(placeholder)
    } else {
      const whole = new RegExp(`^(\\s*(?:- |[^\\n:]+:[ \\t]+))(["']?)${escapeRe(form)}\\2[ \\t]*$`, 'gm')
      out = out.replace(whole, (_m, lead: string) => `${lead}${placeholder}`)
    }
  }
  return out
}
