/** Secret values copied into other objects are redacted wherever they land (table-driven). */
import { describe, expect, it } from '@jest/globals'
import { diffRenders } from '../../src/preview/resource-diff.js'
import { PLACEHOLDERS, redactCopies, secretCopies, secretValues } from '../../src/preview/secret-copies.js'

const b64 = (s: string) => Buffer.from(s).toString('base64')
const secret = (value: string, field: 'data' | 'stringData' = 'stringData') =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n${field}:\n  password: ${field === 'data' ? b64(value) : value}\n`
const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  url: postgres://app:${value}@db:5432/app\n`
const deployment = (value: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: app:v1\n        env:\n        - name: PASSWORD\n          value: ${value}\n`
const render = (...docs: string[]) => docs.join('---\n')

const OLD = 'hunter2-Correct-Horse'
const NEW = 'rotated-Battery-Staple'

describe('secretValues', () => {
  it('reads stringData as is and data decoded (and as encoded)', () => {
    expect([...secretValues(render(secret(OLD), configMap('x')))]).toEqual([OLD])
    expect([...secretValues(secret(OLD, 'data'))].sort()).toEqual([OLD, b64(OLD)].sort())
  })
})

describe('redactCopies', () => {
  const copies = secretCopies(secret(OLD), secret(NEW))
  it.each([
    ['plain in a URL', configMap(OLD), `url: postgres://app:${PLACEHOLDERS.old}@db:5432/app`],
    ['base64 of the value', `data:\n  token: ${b64(NEW)}\n`, `token: ${PLACEHOLDERS.new}`],
    ['in an env value', deployment(NEW), `value: ${PLACEHOLDERS.new}`],
    ['JSON-escaped in an annotation', `metadata:\n  annotations:\n    x: '{"p":"${NEW}"}'\n`, `{"p":"${PLACEHOLDERS.new}"}`]
  ])('%s', (_, text, expected) => {
    const out = redactCopies(text, copies)
    expect(out).toContain(expected)
    for (const value of [OLD, NEW]) for (const form of [value, b64(value)]) expect(out).not.toContain(form)
  })
  it('a short value is redacted only as a whole YAML value', () => {
    const short = secretCopies(secret('abc'), secret('abc'))
    expect(redactCopies('a: abc\nb: "abc"\nc: abcdef\n- abc\n', short)).toBe(
      `a: ${PLACEHOLDERS.both}\nb: ${PLACEHOLDERS.both}\nc: abcdef\n- ${PLACEHOLDERS.both}\n`
    )
  })
  it('each long line of a multi-line value', () => {
    const pem = '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX\n-----END KEY-----'
    const copies2 = secretCopies(render(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: k\nstringData:\n  key: |\n${pem.split('\n').map(l => `    ${l}`).join('\n')}\n`), '')
    const out = redactCopies(`data:\n  ca: |\n${pem.split('\n').map(l => `    ${l}`).join('\n')}\n`, copies2)
    expect(out).not.toContain('MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX')
  })
})

describe('diffRenders with copied Secret values', () => {
  it('never shows a copied value, plain or base64, on either side, and shows that it changed', () => {
    const base = render(secret(OLD), configMap(OLD), deployment(b64(OLD)))
    const head = render(secret(NEW), configMap(NEW), deployment(b64(NEW)))
    const diff = diffRenders(base, head)
    const shown = JSON.stringify(diff)
    for (const value of [OLD, NEW]) for (const form of [value, b64(value)]) expect(shown).not.toContain(form)
    const cm = diff.changes.find(c => c.id.kind === 'ConfigMap')!
    expect(cm.lines).toContain(`-  url: postgres://app:${PLACEHOLDERS.old}@db:5432/app`)
    expect(cm.lines).toContain(`+  url: postgres://app:${PLACEHOLDERS.new}@db:5432/app`)
    expect(diff.changes.find(c => c.id.kind === 'Deployment')!.lines).toContain(`+          value: ${PLACEHOLDERS.new}`)
  })
  it('an unchanged copied value is no change', () => {
    const diff = diffRenders(render(secret(OLD), configMap(OLD)), render(secret(OLD), configMap(OLD)))
    expect(diff.changes).toEqual([])
    expect(diff.counts.unchanged).toBe(2)
  })
  it('an old value left in a copy after the Secret rotated is still redacted', () => {
    const diff = diffRenders(render(secret(OLD), configMap('x')), render(secret(NEW), configMap(OLD)))
    expect(JSON.stringify(diff)).not.toContain(OLD)
  })
})
