import { describe, expect, it } from '@jest/globals'
import { diffRenders, unifiedLines, type RenderDiff } from '../../src/preview/resource-diff.js'
import { deployment } from './render-fixture.js'


const configMap = (name: string, value: string, namespace = 'shop') => `apiVersion: v1
data:
  key: ${value}
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${namespace}
`

const secret = (name: string, fields: string) => `apiVersion: v1
${fields}kind: Secret
metadata:
  name: ${name}
  namespace: shop
type: Opaque
`

const render = (...docs: string[]) => docs.join('---\n')
const labels = (d: RenderDiff) => d.changes.map(c => `${c.change} ${c.id.kind}/${c.id.namespace}/${c.id.name}`)

describe('diffRenders matches resources by apiVersion, kind, namespace and name', () => {
  it.each([
    ['identical renders', render(configMap('a', 'x')), render(configMap('a', 'x')), [], { added: 0, removed: 0, changed: 0, unchanged: 1 }],
    ['a changed value', render(configMap('a', 'x')), render(configMap('a', 'y')), ['changed ConfigMap/shop/a'], { added: 0, removed: 0, changed: 1, unchanged: 0 }],
    [
      'added and removed',
      render(configMap('a', 'x'), configMap('b', 'x')),
      render(configMap('a', 'x'), configMap('c', 'x')),
      ['added ConfigMap/shop/c', 'removed ConfigMap/shop/b'],
      { added: 1, removed: 1, changed: 0, unchanged: 1 }
    ],
    [
      'the same name in another namespace is another resource',
      render(configMap('a', 'x', 'one')),
      render(configMap('a', 'x', 'two')),
      ['added ConfigMap/two/a', 'removed ConfigMap/one/a'],
      { added: 1, removed: 0 + 1, changed: 0, unchanged: 0 }
    ],
    [
      'document order does not matter',
      render(configMap('a', 'x'), configMap('b', 'y')),
      render(configMap('b', 'y'), configMap('a', 'x')),
      [],
      { added: 0, removed: 0, changed: 0, unchanged: 2 }
    ],
    ['an empty base: everything is added', '', render(configMap('a', 'x')), ['added ConfigMap/shop/a'], { added: 1, removed: 0, changed: 0, unchanged: 0 }]
  ])('%s', (_name, base, head, expected, counts) => {
    const diff = diffRenders(base, head)
    expect(labels(diff)).toEqual(expected)
    expect(diff.counts).toEqual(counts)
  })

  it('gives a unified diff of the changed lines with context', () => {
    const diff = diffRenders(deployment('web', 'reg/app:v1'), deployment('web', 'reg/app:v2'))
    expect(diff.changes[0].lines).toContain('-      - image: reg/app:v1')
    expect(diff.changes[0].lines).toContain('+      - image: reg/app:v2')
    expect(diff.changes[0].lines[0]).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/)
    expect(diff.images).toEqual({ before: ['reg/app:v1'], after: ['reg/app:v2'] })
  })

  it('keeps resources with a repeated identity apart', () => {
    const diff = diffRenders('', render(configMap('a', 'x'), configMap('a', 'y')))
    expect(diff.counts.added).toBe(2)
  })
})

describe('Secret values never appear, in any form', () => {
  const plain = 'hunter2-correct-horse'
  const b64 = Buffer.from(plain).toString('base64')
  const b64new = Buffer.from(plain + '-rotated').toString('base64')
  it.each([
    ['stringData value changed', `stringData:\n  password: ${plain}\n`, `stringData:\n  password: ${plain}-rotated\n`, { added: [], removed: [], changed: ['stringData.password'] }],
    ['data value changed', `data:\n  password: ${b64}\n`, `data:\n  password: ${b64new}\n`, { added: [], removed: [], changed: ['data.password'] }],
    ['key added', `data:\n  password: ${b64}\n`, `data:\n  password: ${b64}\n  token: ${b64new}\n`, { added: ['data.token'], removed: [], changed: [] }],
    ['key removed', `data:\n  password: ${b64}\n  token: ${b64new}\n`, `data:\n  password: ${b64}\n`, { added: [], removed: ['data.token'], changed: [] }],
    ['moved from stringData to data', `stringData:\n  password: ${plain}\n`, `data:\n  password: ${b64}\n`, { added: ['data.password'], removed: ['stringData.password'], changed: [] }]
  ])('%s', (_name, before, after, keys) => {
    const diff = diffRenders(secret('db', before), secret('db', after))
    expect(diff.changes).toHaveLength(1)
    expect(diff.changes[0].secretKeys).toEqual(keys)
    const shown = JSON.stringify(diff)
    for (const value of [plain, b64, b64new, plain + '-rotated', Buffer.from(plain + '-rotated').toString('base64')]) {
      expect(shown).not.toContain(value)
    }
  })

  it('redacts an added Secret and its last-applied annotation', () => {
    const annotated = `apiVersion: v1
kind: Secret
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"password":"${plain}"}}'
  name: db
stringData:
  password: ${plain}
`
    const diff = diffRenders('', annotated)
    expect(diff.changes[0].change).toBe('added')
    expect(diff.changes[0].lines.join('\n')).toContain('password: (redacted)')
    expect(JSON.stringify(diff)).not.toContain(plain)
  })

  it('redacts a Secret the scanner cannot read (flow style)', () => {
    const flow = `{apiVersion: v1, kind: Secret, metadata: {name: db}, stringData: {password: ${plain}}}\n`
    const diff = diffRenders('', flow)
    expect(diff.changes[0].id.name).toBe('db')
    expect(JSON.stringify(diff)).not.toContain(plain)
  })
})

describe('unifiedLines', () => {
  const lines = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`).join('\n') + '\n'
  const ten = lines(10, 'a')
  it.each([
    ['a small edit gets context', ten, ten.replace('a5', 'b5'), ['@@ -3,7 +3,7 @@', ' a2', ' a3', ' a4', '-a5', '+b5', ' a6', ' a7', ' a8']],
    ['an addition to nothing', '', lines(2, 'a'), ['@@ -0,0 +1,2 @@', '+a0', '+a1']],
    ['a removal of everything', lines(2, 'a'), '', ['@@ -1,2 +0,0 @@', '-a0', '-a1']],
    ['a line inserted', ten, ten.replace('a9\n', 'a9\nnew\n'), ['@@ -8,3 +8,4 @@', ' a7', ' a8', ' a9', '+new']],
    ['no difference', ten, ten, []]
  ])('%s', (_name, before, after, expected) => {
    expect(unifiedLines(before, after)).toEqual(expected)
  })

  it('shows a resource changed beyond the edit limit as replaced whole, quickly', () => {
    const started = performance.now()
    const out = unifiedLines(lines(5000, 'a'), lines(5000, 'b'))
    expect(performance.now() - started).toBeLessThan(1500)
    expect(out[0]).toBe('@@ -1,5000 +1,5000 @@')
    expect(out).toHaveLength(10001)
  })
})
