import { describe, expect, it } from '@jest/globals'
import { COMMENT_LIMIT, commentMarker, diffText, fitMarkdown, imageChanges, summarySection, type EnvironmentPreview } from '../../src/preview/pr-comment.js'
import { diffRenders } from '../../src/preview/resource-diff.js'

const deployment = (i: number, tag: string, probe = '/healthz') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: shop
spec:
  template:
    spec:
      containers:
      - image: reg.example/app:${tag}
        livenessProbe:
          httpGet:
            path: ${probe}
        name: app
`
const many = (n: number, tag: string, probe?: string) => Array.from({ length: n }, (_, i) => deployment(i, tag, probe)).join('---\n')
const bigConfigMap = (value: string, lines: number) =>
  `apiVersion: v1\ndata:\n${Array.from({ length: lines }, (_, i) => `  k${i}: ${value}-${i}`).join('\n')}\nkind: ConfigMap\nmetadata:\n  name: big\n`

const preview = (base: string, head: string): EnvironmentPreview => ({
  environment: 'staging',
  path: 'overlays/staging',
  diff: diffRenders(base, head),
  base: 'aaaaaaa',
  head: 'bbbbbbb'
})
const marker = commentMarker('staging', 'overlays/staging')
const pointer = 'The full redacted diff is in the job summary.'

describe('fitMarkdown climbs down the size ladder and always fits', () => {
  it.each([
    ['one changed deployment', 'full', many(1, 'v1'), many(1, 'v2')],
    ['no change at all', 'full', many(3, 'v1'), many(3, 'v1')],
    ['one huge resource', 'cut', bigConfigMap('a', 3000), bigConfigMap('b', 3000)],
    ['600 changed deployments', 'list', many(600, 'v1', '/a'), many(600, 'v2', '/b')],
    ['3,000 changed deployments', 'counts', many(3000, 'v1'), many(3000, 'v2')]
  ])('%s → %s', (_name, level, base, head) => {
    const fitted = fitMarkdown(preview(base, head), { limit: COMMENT_LIMIT, marker, pointer })
    expect(fitted.level).toBe(level)
    expect(fitted.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(fitted.markdown.startsWith(marker + '\n')).toBe(true)
    expect(fitted.markdown).toContain(pointer)
  })

  it.each([500, 2000, 8000, 20000])('fits a limit of %i characters', limit => {
    const fitted = fitMarkdown(preview(many(400, 'v1'), many(400, 'v2')), { limit, marker, pointer })
    expect(fitted.markdown.length).toBeLessThanOrEqual(limit)
  })

  it('shows counts and images before → after in the header', () => {
    const { markdown } = fitMarkdown(preview(many(2, 'v1') + '---\n' + deployment(9, 'v1'), many(2, 'v2')), { limit: COMMENT_LIMIT })
    expect(markdown).toContain('**2 changed**, **0 added**, **1 removed**, 0 unchanged')
    expect(markdown).toContain('| `reg.example/app` | `reg.example/app:v1` | `reg.example/app:v2` |')
  })

  it('uses a fence longer than any backtick run in the diff', () => {
    const { markdown } = fitMarkdown(preview(bigConfigMap('```', 2), bigConfigMap('````', 2)), { limit: COMMENT_LIMIT })
    expect(markdown).toContain('`````diff')
  })
})

describe('commentMarker', () => {
  it.each([
    ['staging', 'overlays/staging', '<!-- kustomize-image-deploy:env=staging;path=overlays%2Fstaging -->'],
    ['a;b', '.', '<!-- kustomize-image-deploy:env=a%3Bb;path=. -->'],
    ['x -->', 'p', '<!-- kustomize-image-deploy:env=x%20%2D%2D%3E;path=p -->']
  ])('%s %s', (env, path, expected) => {
    expect(commentMarker(env, path)).toBe(expected)
  })

  it('tells environments apart even when one name is a prefix of another', () => {
    expect(commentMarker('prod-eu', '.').startsWith(commentMarker('prod', '.'))).toBe(false)
  })
})

describe('imageChanges', () => {
  it.each([
    ['a tag bump', ['r/a:1', 'r/b:1'], ['r/a:2', 'r/b:1'], [{ name: 'r/a', before: ['r/a:1'], after: ['r/a:2'] }]],
    ['an image added', [], ['r/c:1'], [{ name: 'r/c', before: [], after: ['r/c:1'] }]],
    ['a registry with a port', ['localhost:5000/a:1'], ['localhost:5000/a:2'], [{ name: 'localhost:5000/a', before: ['localhost:5000/a:1'], after: ['localhost:5000/a:2'] }]],
    ['nothing changed', ['r/a:1'], ['r/a:1'], []]
  ])('%s', (_name, before, after, expected) => {
    const diff = { changes: [], counts: { added: 0, removed: 0, changed: 0, unchanged: 0 }, images: { before, after } }
    expect(imageChanges(diff)).toEqual(expected)
  })
})

describe('diffText and summarySection', () => {
  it('cuts the diff text at the limit and says so', () => {
    const text = diffText([preview(many(200, 'v1'), many(200, 'v2'))], 5000)
    expect(text.length).toBeLessThanOrEqual(5000)
    expect(text).toMatch(/# … cut: \d+ more characters/)
    expect(text.startsWith('# staging (overlays/staging): 200 changed, 0 added, 0 removed\n--- Deployment shop/app-0 (apps/v1)')).toBe(true)
  })

  it('keeps the full diff in the summary when it fits 1 MB, measured in bytes', () => {
    const section = summarySection([preview(many(3000, 'v1'), many(3000, 'v2'))])
    expect(Buffer.byteLength(section)).toBeLessThanOrEqual(1_000_000)
    expect(section).toContain('+      - image: reg.example/app:v2')
    expect(section.match(/<details>/g)).toHaveLength(3000)
  })

  it('shares the summary between environments', () => {
    const p = preview(bigConfigMap('é', 4000), bigConfigMap('ü', 4000))
    const section = summarySection([p, { ...p, environment: 'prod' }], 200_000)
    expect(Buffer.byteLength(section)).toBeLessThanOrEqual(200_000)
    expect(section).toContain('Rendered diff: prod')
  })
})
