import { describe, expect, it } from '@jest/globals'
import { parseImageArg, type ImageEntry } from '../../src/edit/image-spec.js'
import {
  checkArguments, editDistance, nearestImages, partialMessage, producedBy, renderedImages, suggestions, unmatchedMessage, type RenderedTarget
} from '../../src/render/unmatched.js'
import { deployment, RENDER } from './render-fixture.js'

describe('producedBy: does a rendered image come out of an images entry (kustomize image tag updater)', () => {
  it.each<[string, ImageEntry, string, boolean]>([
    ['new tag', { name: 'web', newTag: 'v2' }, 'web:v2', true],
    ['new tag, old tag still rendered', { name: 'web', newTag: 'v2' }, 'web:v1', false],
    ['new tag drops the digest', { name: 'web', newTag: 'v2' }, 'web:v2@sha256:abc', false],
    ['renamed', { name: 'web', newName: 'ghcr.io/org/web', newTag: 'v2' }, 'ghcr.io/org/web:v2', true],
    ['renamed, old name rendered', { name: 'web', newName: 'ghcr.io/org/web', newTag: 'v2' }, 'web:v2', false],
    ['rename only keeps any tag', { name: 'web', newName: 'reg/web' }, 'reg/web:v9', true],
    ['rename only, no tag', { name: 'web', newName: 'reg/web' }, 'reg/web', true],
    ['digest only drops the tag', { name: 'web', digest: 'sha256:abc' }, 'web@sha256:abc', true],
    ['digest only, a tag left', { name: 'web', digest: 'sha256:abc' }, 'web:v1@sha256:abc', false],
    ['tag and digest', { name: 'web', newTag: 'v2', digest: 'sha256:abc' }, 'web:v2@sha256:abc', true],
    ['tag and digest, digest missing', { name: 'web', newTag: 'v2', digest: 'sha256:abc' }, 'web:v2', false],
    ['registry port is not a tag', { name: 'localhost:5000/app', newTag: '1' }, 'localhost:5000/app:1', true],
    ['another image with the name as prefix', { name: 'web', newTag: 'v2' }, 'web-worker:v2', false],
    ['the short name of a longer one', { name: 'web', newTag: 'v2' }, 'ghcr.io/org/web:v2', false]
  ])('%s', (_name, entry, image, expected) => {
    expect(producedBy(entry, image)).toBe(expected)
  })
})

describe('renderedImages: the image fields kustomize changes', () => {
  it('reads containers and initContainers of every kind, in document order', () => {
    expect(renderedImages(RENDER)).toEqual(expect.arrayContaining(['reg/migrate:1', 'reg/web:2']))
  })

  it.each([
    ['a custom resource with a pod template', `apiVersion: example.com/v1\nkind: Workflow\nmetadata:\n  name: w\nspec:\n  steps:\n  - template:\n      containers:\n      - name: s\n        image: reg/step:3\n`, ['reg/step:3']],
    ['ephemeral containers', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ephemeralContainers:\n  - name: d\n    image: reg/debug:1\n`, ['reg/debug:1']],
    ['an image key a configurations: entry maps', `apiVersion: example.com/v1\nkind: Service\nmetadata:\n  name: k\nspec:\n  runLatest:\n    container:\n      image: "reg/knative:4"\n`, ['reg/knative:4']],
    ['a flow-style container list (parsed)', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: reg/flow:5}]\n`, ['reg/flow:5']],
    ['a kind: List', `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec: {containers: [{name: a, image: reg/listed:6}]}\n`, ['reg/listed:6']],
    ['no workloads', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n', []]
  ])('%s', (_name, render, expected) => {
    expect(renderedImages(render)).toEqual(expected)
  })
})

const target = (rel: string, images: string[], after: ImageEntry[] = []): RenderedTarget => ({ rel, fileRel: `${rel}/kustomization.yaml`, after, images })

describe('checkArguments', () => {
  const web = parseImageArg('web:v2')
  it('splits targets into matched and missed per argument, using each target\'s entry after the edit', () => {
    const a = target('overlays/a', ['web:v2'], [{ name: 'web', newTag: 'v2' }])
    const b = target('overlays/b', ['ghcr.io/org/web:v1'], [{ name: 'web', newTag: 'v2' }])
    const [check] = checkArguments([web], [a, b])
    expect(check.matched).toEqual([a])
    expect(check.missed).toEqual([b])
  })

  it('a * that kept a newName is judged with the kept name', () => {
    const spec = parseImageArg('web=*:v2')
    const t = target('app', ['reg/web:v2'], [{ name: 'web', newName: 'reg/web', newTag: 'v2' }])
    expect(checkArguments([spec], [t])[0].missed).toEqual([])
  })

  it('an argument matching nowhere has every target missed', () => {
    const [check] = checkArguments([web], [target('a', ['ghcr.io/org/web:v1'])])
    expect(check.matched).toEqual([])
  })
})

describe('messages', () => {
  it('the issue\'s example, word for word', () => {
    const [check] = checkArguments([parseImageArg('web:v2')], [target('apps/web', ['ghcr.io/org/web:v1'], [{ name: 'web', newTag: 'v2' }])])
    expect(unmatchedMessage(check)).toBe(
      "images: 'web:v2' matches no container in apps/web; rendered images: ghcr.io/org/web:v1 — did you mean ghcr.io/org/web=*:v2 or ghcr.io/org/web:v2?"
    )
  })

  it.each<[string, string, string[], string]>([
    ['nearest first, no hint for unrelated names', 'postgres:16', ['reg/web:1', 'reg/metrics:2'], "images: 'postgres:16' matches no container in app; rendered images: reg/metrics:2, reg/web:1"],
    ['a typo in the last segment', 'reg/wbe:2', ['reg/web:1', 'reg/api:1'], "images: 'reg/wbe:2' matches no container in app; rendered images: reg/web:1, reg/api:1 — did you mean reg/web=*:2 or reg/web:2?"],
    ['a renaming argument keeps its new name', 'web=reg/web2:3', ['ghcr.io/o/web:1'], "images: 'web=reg/web2:3' matches no container in app; rendered images: ghcr.io/o/web:1 — did you mean ghcr.io/o/web=reg/web2:3?"],
    ['a digest', 'web@sha256:' + 'a'.repeat(64), ['r/web:1'], `images: 'web@sha256:${'a'.repeat(64)}' matches no container in app; rendered images: r/web:1 — did you mean r/web=*@sha256:${'a'.repeat(64)} or r/web@sha256:${'a'.repeat(64)}?`],
    ['nothing rendered', 'web:v2', [], "images: 'web:v2' matches no container in app; rendered images: none"],
    ['many images are cut', 'x:1', ['a:1', 'b:1', 'c:1', 'd:1', 'e:1', 'f:1', 'g:1'], "images: 'x:1' matches no container in app; rendered images: a:1, b:1, c:1, d:1, e:1 (and 2 more) — did you mean a=*:1 or a:1?"]
  ])('%s', (_name, arg, images, expected) => {
    const [check] = checkArguments([parseImageArg(arg)], [target('app', images)])
    expect(unmatchedMessage(check)).toBe(expected)
  })

  it('suggests the entry name kustomize matches when the render shows its newName', () => {
    const spec = parseImageArg('web:v2')
    const t = target('app', ['ghcr.io/org/web:v1'], [{ name: 'app-image', newName: 'ghcr.io/org/web', newTag: 'v1' }, { name: 'web', newTag: 'v2' }])
    expect(nearestImages(spec, [t]).names).toEqual(['app-image'])
  })

  it('names every target it missed in, and the partial warning names where it matched', () => {
    const spec = parseImageArg('reg/web:2')
    const [check] = checkArguments([spec], [target('a', ['reg/web:2']), target('b', ['reg/api:1']), target('c', ['reg/api:1'])])
    expect(partialMessage(check, check.missed[0])).toBe("images: 'reg/web:2' matches no container in b (it does in a); this target keeps its images")
    expect(unmatchedMessage({ ...check, matched: [] })).toMatch(/^images: 'reg\/web:2' matches no container in b, c;/)
  })

  it.each([
    ['web:v2', 'n', ['n=*:v2', 'n:v2']],
    ['web=new:v2', 'n', ['n=new:v2']],
    ['web=new', 'n', ['n=new']],
    ['web:*', 'n', ['n=*:*', 'n:*']]
  ])('suggestions(%s, %s)', (arg, name, expected) => {
    expect(suggestions(parseImageArg(arg), name)).toEqual(expected)
  })

  it.each([['web', 'web', 0], ['web', 'wbe', 2], ['', 'abc', 3], ['kitten', 'sitting', 3]])('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })

  it('the deployment fixture renders its image', () => {
    expect(renderedImages(deployment('web', 'reg/app:v1'))).toEqual(['reg/app:v1'])
  })
})
