/** The apply phase's redaction: the Secret names a live object refers to, and the sides of the copies. */
import { describe, expect, it } from '@jest/globals'
import { otherNames, redactor, secretRefs, targetCopies } from '../../src/apply/secret-redaction.js'
import { PLACEHOLDERS } from '../../src/preview/secret-copies.js'

const container = {
  name: 'web',
  env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'env-ref', key: 'k' } } }, { name: 'B', value: 'plain' }],
  envFrom: [{ secretRef: { name: 'env-from' } }, { configMapRef: { name: 'not-a-secret' } }]
}
const podSpec = {
  imagePullSecrets: [{ name: 'pull' }],
  volumes: [{ name: 'v', secret: { secretName: 'volume' } }, { name: 'p', projected: { sources: [{ secret: { name: 'projected' } }, { configMap: { name: 'cm' } }] } }],
  initContainers: [{ name: 'init', envFrom: [{ secretRef: { name: 'init-from' } }] }],
  containers: [container]
}

describe('secretRefs', () => {
  it.each([
    ['a Deployment', { kind: 'Deployment', spec: { template: { spec: podSpec } } }],
    ['a CronJob', { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } }],
    ['a Pod', { kind: 'Pod', spec: podSpec }]
  ])('%s: every Secret its pod spec names, once', (_name, object) => {
    expect(secretRefs(object).sort()).toEqual(['env-from', 'env-ref', 'init-from', 'projected', 'pull', 'volume'])
  })

  it('an object without a pod spec names none', () => {
    expect(secretRefs({ kind: 'ConfigMap', data: { a: 'b' } })).toEqual([])
    expect(secretRefs(null)).toEqual([])
  })
})

const secret = (name: string, password: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\nstringData:\n  password: ${password}\n---\n`

describe('targetCopies', () => {
  it('old side: the live Secrets; new side: the render; what only git recorded counts as old', () => {
    const copies = targetCopies(secret('db-old', 'live-value'), secret('db-git', 'git-value'), secret('db-new', 'new-value'))
    expect(copies.get('live-value')).toBe(PLACEHOLDERS.old)
    expect(copies.get('new-value')).toBe(PLACEHOLDERS.new)
    expect(copies.get('git-value')).toBe(PLACEHOLDERS.old)
  })

  it('nothing live: what git recorded is the old side', () => {
    const copies = targetCopies('', secret('db', 'same'), secret('db', 'same'))
    expect(copies.get('same')).toBe(PLACEHOLDERS.both)
  })

  it('one redaction over every target\'s copies', () => {
    const redact = redactor([targetCopies('', '', secret('a', 'first-value')), targetCopies('', '', secret('b', 'second-value'))])
    expect(redact('DB_PASSWORD:  first-value\nexample.com/url: https://u:second-value@db')).toBe(
      `DB_PASSWORD:  ${PLACEHOLDERS.new}\nexample.com/url: https://u:${PLACEHOLDERS.new}@db`
    )
  })
})

describe('otherNames', () => {
  it('keeps the listed Secrets that are a generated base name with a hash suffix, nothing else', () => {
    const listed = ['secret/db-4fhbmfc4k7', 'secret/db-b66kfmthbd', 'secret/db', 'secret/db-config-4fhbmfc4k7', 'secret/sh.helm.release.v1.web.v3', 'secret/db-notahash1', 'configmap/db-4fhbmfc4k7']
    expect(otherNames(listed, new Set(['db']))).toEqual(['secret/db-4fhbmfc4k7', 'secret/db-b66kfmthbd'])
  })
})
