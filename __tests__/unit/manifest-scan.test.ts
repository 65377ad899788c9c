import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readDocument, readObject, scanDocument, splitDocuments } from '../../src/render/manifest-scan.js'
import { deployment } from './render-fixture.js'


describe('the line scanner reads what the yaml parser reads, or defers to it', () => {
  it.each([
    ['canonical deployment', deployment('web', 'reg/app:v1@sha256:abc', '      initContainers:\n      - image: reg/init:1\n        name: init\n')],
    ['quoted names', `apiVersion: "v1"\nkind: 'ConfigMap'\nmetadata:\n  name: "with-quotes"\n  namespace: 'it''s'\n`],
    ['a block scalar that looks like metadata', `apiVersion: v1\ndata:\n  text: |\n    metadata:\n      name: fake\n    kind: Fake\nkind: ConfigMap\nmetadata:\n  name: real\n`],
    ['nested names are not the name', `apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    name: label\n  name: pod\n  ownerReferences:\n  - name: owner\nspec:\n  containers:\n  - args:\n    - --x\n    image: busybox\n    name: c\n`],
    ['indented sequences', `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: job\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: reg/a:1\n            - image: reg/b:2\n              name: b\n`],
    ['a comment and a trailing comment', `# leading\napiVersion: v1 # trailing\nkind: ConfigMap\nmetadata:\n  name: cm # here\n`],
    ['an image that is not a container', `apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  image: not-a-container\n`],
    ['names inside a container are not its name', deployment('web', 'reg/app:1', '        env:\n        - name: NOT_A_CONTAINER\n          value: x\n        ports:\n        - name: http\n      - env:\n        - name: X\n        image: reg/side:2\n        name: side\n')],
    ['a container without a name, one without an image', deployment('web', 'reg/app:1', '      - name: no-image\n      ephemeralContainers:\n      - image: reg/debug:1\n')],
    ['an empty container list', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n  initContainers:\n`]
  ])('%s', (_name, text) => {
    const scanned = scanDocument(text)
    expect(scanned).toBeDefined()
    expect(scanned).toEqual(readObject(parse(text)))
  })

  it.each([
    ['flow metadata', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'],
    ['a multi-line quoted name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\n    b"\n'],
    ['a tagged name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: !!str x\n'],
    ['a repeated kind', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: x\n'],
    ['a quoted key', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  "name": x\n'],
    ['no name', 'apiVersion: v1\nkind: ConfigMap\n'],
    ['a flow container list', deployment('web', 'reg/app:1').replace(/containers:[^]*$/, 'containers: [{name: a, image: reg/a:1}]\n')],
    ['a flow container item', deployment('web', 'reg/app:1', '      - {name: b, image: reg/b:1}\n')],
    ['a container item opened by a bare dash', deployment('web', 'reg/app:1', '      -\n        name: b\n        image: reg/b:1\n')],
    ['a container with two images', deployment('web', 'reg/app:1', '        image: reg/other:2\n')],
    ['a container list written as a mapping', deployment('web', 'reg/app:1', '      initContainers:\n        name: x\n')],
    ['a tagged image', deployment('web', '!!str reg/app:1')]
  ])('defers on %s', (_name, text) => {
    expect(scanDocument(text)).toBeUndefined()
  })

  it.each([
    ['a flow container list', deployment('web', 'reg/app:1').replace(/containers:[^]*$/, 'containers: [{name: a, image: reg/a:1}]\n'), [{ name: 'a', image: 'reg/a:1' }]],
    ['a flow container item', deployment('web', 'reg/app:1', '      - {name: b, image: reg/b:1}\n'), [{ name: 'app', image: 'reg/app:1' }, { name: 'b', image: 'reg/b:1' }]],
    ['a container item opened by a bare dash', deployment('web', 'reg/app:1', '      -\n        name: b\n        image: reg/b:1\n'), [{ name: 'app', image: 'reg/app:1' }, { name: 'b', image: 'reg/b:1' }]]
  ])('the parser reads what the scanner defers on: %s', (_name, text, containers) => {
    expect(readDocument(text)).toEqual({ id: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' }, containers, images: containers.map(c => c.image) })
  })

  it('reads container names with their images', () => {
    const text = deployment('web', 'reg/app:1', '      initContainers:\n      - image: reg/init:1\n        name: init\n')
    expect(scanDocument(text)?.containers).toEqual([{ name: 'app', image: 'reg/app:1' }, { name: 'init', image: 'reg/init:1' }])
    expect(scanDocument(text)?.images).toEqual(['reg/app:1', 'reg/init:1'])
  })
})

describe('splitDocuments', () => {
  it.each([
    ['separators between', 'a: 1\n---\nb: 2\n', ['a: 1\n', 'b: 2\n']],
    ['a leading separator and an empty document', '---\na: 1\n---\n---\nb: 2\n', ['a: 1\n', 'b: 2\n']],
    ['a document end marker (parser route)', 'a: 1\n...\n---\nb: 2\n', ['a: 1\n...\n', 'b: 2\n']],
    ['nothing', '', []]
  ])('%s', (_name, text, expected) => {
    expect(splitDocuments(text).map(d => d.trimEnd())).toEqual(expected.map(d => d.trimEnd()))
  })
})

