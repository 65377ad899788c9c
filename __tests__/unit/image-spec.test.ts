import { describe, expect, it } from '@jest/globals'
import { droppedFieldsWarning, mergeImage, parseImageArg, parseImageArgs, splitImage } from '../../src/edit/image-spec.js'

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'

describe('parseImageArg accepts the kustomize grammar', () => {
  it.each([
    ['nginx:1.25', { name: 'nginx', newTag: '1.25' }],
    [`nginx@${D}`, { name: 'nginx', digest: D }],
    [`nginx:1.25@${D}`, { name: 'nginx', newTag: '1.25', digest: D }],
    ['nginx=reg.io/nginx', { name: 'nginx', newName: 'reg.io/nginx' }],
    ['nginx=reg.io/nginx:1', { name: 'nginx', newName: 'reg.io/nginx', newTag: '1' }],
    [`nginx=reg.io/nginx:1@${D}`, { name: 'nginx', newName: 'reg.io/nginx', newTag: '1', digest: D }],
    ['localhost:5000/app:1', { name: 'localhost:5000/app', newTag: '1' }],
    ['app=localhost:5000/team/app:dev-01', { name: 'app', newName: 'localhost:5000/team/app', newTag: 'dev-01' }],
    ['app=*:v2', { name: 'app', newName: '*', newTag: 'v2' }],
    ['app=reg/app:*', { name: 'app', newName: 'reg/app', newTag: '*' }],
    ['app=*@*', { name: 'app', newName: '*', digest: '*' }],
    ['app:v2@*', { name: 'app', newTag: 'v2', digest: '*' }],
    ['my.registry:8443/team/app:v1', { name: 'my.registry:8443/team/app', newTag: 'v1' }],
    ['APP_IMAGE:v1', { name: 'APP_IMAGE', newTag: 'v1' }]
  ])('%s', (arg, expected) => {
    expect(parseImageArg(arg)).toEqual({ arg, ...expected })
  })
})

describe('parseImageArg rejects what kustomize or a registry would refuse', () => {
  it.each([
    ['nginx', 'sets neither a new name, a tag nor a digest'],
    ['localhost:5000/app', 'sets neither a new name, a tag nor a digest'],
    ['app:{{TAG}}', 'unsubstituted template'],
    ['app:${TAG}', 'unsubstituted template'],
    ['app:$TAG', 'unsubstituted template'],
    ['app:<tag>', 'unsubstituted template'],
    ['app:', "tag '' is not a valid tag"],
    ['app:-bad', "tag '-bad' is not a valid tag"],
    [`app:${'x'.repeat(129)}`, 'is not a valid tag'],
    ['app@sha256:abc', 'must have 64 lower-case hex digits'],
    ['app@md5', 'is not algorithm:hex'],
    ['app@', 'is not algorithm:hex'],
    ['app=Reg/App:1', "new name 'Reg/App' is not a valid repository name"],
    ['app=:1', 'the new name after = is empty'],
    ['=reg/app:1', 'the image name before = is empty'],
    [':v1', 'the image name is empty'],
    ['app: v1', 'whitespace'],
    ['foo@@bar', 'is not algorithm:hex']
  ])('%s', (arg, reason) => {
    expect(() => parseImageArg(arg)).toThrow(reason)
    expect(() => parseImageArg(arg)).toThrow(`images: '${arg}' is not valid`)
    expect(() => parseImageArg(arg)).toThrow('expected name[=newName][:tag][@digest]')
  })
})

describe('splitImage looks for : and @ only after the first /', () => {
  it.each([
    ['a', { name: 'a' }],
    ['a:1', { name: 'a', tag: '1' }],
    ['h:5000/a', { name: 'h:5000/a' }],
    ['h:5000/a:1', { name: 'h:5000/a', tag: '1' }],
    ['h:5000/a@sha256:x', { name: 'h:5000/a', digest: 'sha256:x' }],
    ['a@sha256:x', { name: 'a', digest: 'sha256:x' }],
    ['a:1@sha256:x', { name: 'a', tag: '1', digest: 'sha256:x' }]
  ])('%s', (ref, expected) => expect(splitImage(ref)).toEqual(expected))
})

describe('parseImageArgs', () => {
  it('ignores blank lines and spaces, last wins per name', () => {
    expect(parseImageArgs(['', '  web:v1 ', 'api:v1', 'web:v2', '   '])).toEqual([
      { arg: 'api:v1', name: 'api', newTag: 'v1' },
      { arg: 'web:v2', name: 'web', newTag: 'v2' }
    ])
  })
  it('fails on the first bad argument', () => {
    expect(() => parseImageArgs(['web:v1', 'nginx'])).toThrow("images: 'nginx'")
  })
})

describe('mergeImage follows kustomize: the argument replaces the whole entry', () => {
  const existing = { name: 'web', newName: 'reg/web', newTag: 'v1', digest: D }
  it.each([
    ['web:v2', { name: 'web', newTag: 'v2' }],
    ['web=*:v2', { name: 'web', newName: 'reg/web', newTag: 'v2' }],
    ['web=*:v2@*', { name: 'web', newName: 'reg/web', newTag: 'v2', digest: D }],
    ['web=other/web:*', { name: 'web', newName: 'other/web', newTag: 'v1' }],
    ['web=*', { name: 'web', newName: 'reg/web' }]
  ])('%s', (arg, expected) => expect(mergeImage(existing, parseImageArg(arg))).toEqual(expected))

  it('a * with nothing to keep leaves the field out', () => {
    expect(mergeImage(undefined, parseImageArg('web=*:*'))).toEqual({ name: 'web' })
  })

  it('warns with the form that keeps a dropped newName or digest', () => {
    expect(droppedFieldsWarning(existing, parseImageArg('web:v2'))).toContain("write 'web=*:v2@*' to keep them")
    expect(droppedFieldsWarning({ name: 'web', newName: 'r/w' }, parseImageArg('web:v2'))).toContain("write 'web=*:v2' to keep it")
    expect(droppedFieldsWarning({ name: 'web', digest: D }, parseImageArg('web:v2'))).toContain("write 'web:v2@*' to keep it")
    expect(droppedFieldsWarning(existing, parseImageArg('web=*:v2@*'))).toBeUndefined()
    expect(droppedFieldsWarning(undefined, parseImageArg('web:v2'))).toBeUndefined()
  })
})

describe('parseImageArg refuses invisible and control characters', () => {
  it.each([
    ['fo\u200bo:v2', 'U+200B', 'fo\\u{200B}o:v2'],
    ['foo:v2\u200d', 'U+200D', 'foo:v2\\u{200D}'],
    ['foo\u0000:v2', 'U+0000', 'foo\\u{0000}:v2'],
    ['fo\u202eo:v2', 'U+202E', 'fo\\u{202E}o:v2'],
    ['foo=reg/fo\u00a0o:v2', 'whitespace', 'foo=reg/fo\\u{00A0}o:v2'],
    ['\ufefffoo:v2', 'whitespace', '\\u{FEFF}foo:v2'],
    ['foo:v\u00ad2', 'U+00AD', 'foo:v\\u{00AD}2']
  ])('%j', (arg, reason, shown) => {
    expect(() => parseImageArg(arg)).toThrow(reason)
    expect(() => parseImageArg(arg)).toThrow(`images: '${shown}' is not valid`)
  })
})

describe('parseImageArgs names the line of a bad argument', () => {
  it('counts blank and comment lines, as the user sees them', () => {
    expect(() => parseImageArgs(['web:v1', '', '# the worker', 'worker=Reg/Worker:v2'])).toThrow(
      "images: 'worker=Reg/Worker:v2' is not valid: line 4: new name 'Reg/Worker' is not a valid repository name"
    )
  })
  it('says nothing of lines for a single argument', () => {
    expect(() => parseImageArgs(['worker=Reg/Worker:v2'])).toThrow("images: 'worker=Reg/Worker:v2' is not valid: new name 'Reg/Worker'")
  })
})
