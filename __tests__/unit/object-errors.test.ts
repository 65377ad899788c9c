/**
 * kubectl apply's stderr → one classified error per object. The fixtures are kubectl v1.35.4's
 * own stderr, recorded against the e2e control plane (scripts/e2e): `kubectl apply
 * --dry-run=server -k` of a Deployment with `replicaz` (created, patched client-side, server-side),
 * as a read-only user, and of a render with a missing namespace and an unknown kind.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseApplyOutput } from '../../src/apply/apply-output.js'
import { formatObjectError, objectErrors, objectHint, plural } from '../../src/apply/object-errors.js'
import type { Manifest } from '../../src/render/manifests.js'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kubectl-stderr')
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8')
const m = (kind: string, name: string, namespace: string, group = ''): Manifest => ({ kind, group, version: 'v1', name, namespace, images: new Map() })

const NS = 'kid-truth-scratch'
const webAndCm = [m('Deployment', 'web', NS, 'apps'), m('ConfigMap', 'cm', NS)]
const lines = (errors: ReturnType<typeof objectErrors>) => errors.map(formatObjectError)

describe('objectErrors on recorded kubectl stderr', () => {
  it('a client-side patch with an unknown field names the object and the field, not the patch dump', () => {
    const out = lines(objectErrors(read('patch-invalid.txt'), parseApplyOutput('configmap/cm unchanged (server dry run)\n'), webAndCm))
    expect(out).toEqual(['deployment/web: rejected by validation: unknown field "spec.replicaz"'])
  })

  it('a create with an unknown field: the one Deployment of the render', () => {
    const out = lines(objectErrors(read('create-invalid.txt'), parseApplyOutput('configmap/cm created (server dry run)\n'), webAndCm))
    expect(out).toEqual(['deployment/web: rejected by validation: Deployment: unknown field "spec.replicaz"'])
  })

  it('server-side apply: the typed patch error, the migration warning left out', () => {
    const out = lines(objectErrors(read('ssa-invalid.txt'), [], webAndCm))
    expect(out).toEqual(['deployment/web: rejected by validation: .spec.replicaz: field not declared in schema'])
  })

  it('a forbidden patch names its object', () => {
    const out = lines(objectErrors(read('patch-forbidden.txt'), parseApplyOutput('configmap/cm unchanged (server dry run)\n'), webAndCm))
    expect(out).toEqual([
      'deployment/web: forbidden: user "kid-e2e-restricted" may not patch deployments.apps in namespace kid-truth-scratch; grant it with RBAC or use another kubeconfig'
    ])
  })

  const render = [
    m('Namespace', 'kid-truth-newns', ''),
    m('ConfigMap', 'cm', 'kid-truth-newns'),
    m('ConfigMap', 'cm2', 'kid-truth-missing'),
    m('Widget', 'w', NS, 'example.com'),
    m('ConfigMap', 'fresh', NS),
    m('ConfigMap', 'fresh2', NS)
  ]

  it('forbidden creates: one line per object, matched by resource and namespace, in order', () => {
    const out = lines(objectErrors(read('create-forbidden.txt'), [], render))
    expect(out).toEqual([
      'widget/w: the cluster does not know kind Widget (example.com/v1); install its CustomResourceDefinition first',
      'namespace/kid-truth-newns: forbidden: user "kid-e2e-restricted" may not create namespaces at cluster scope; grant it with RBAC or use another kubeconfig',
      'configmap/cm2: forbidden: user "kid-e2e-restricted" may not create configmaps in namespace kid-truth-missing; grant it with RBAC or use another kubeconfig',
      'configmap/cm: forbidden: user "kid-e2e-restricted" may not create configmaps in namespace kid-truth-newns; grant it with RBAC or use another kubeconfig',
      'configmap/fresh: forbidden: user "kid-e2e-restricted" may not create configmaps in namespace kid-truth-scratch; grant it with RBAC or use another kubeconfig',
      'configmap/fresh2: forbidden: user "kid-e2e-restricted" may not create configmaps in namespace kid-truth-scratch; grant it with RBAC or use another kubeconfig'
    ])
  })

  it('a missing namespace and an unknown kind, the objects kubectl reported left out', () => {
    const out = lines(objectErrors(read('missing.txt'), parseApplyOutput(read('missing.out')), render))
    expect(out).toEqual([
      'widget/w: the cluster does not know kind Widget (example.com/v1); install its CustomResourceDefinition first',
      'configmap/cm2: namespace "kid-truth-missing" does not exist; create it or add it to the kustomization',
      'configmap/cm: namespace "kid-truth-newns" does not exist; create it or add it to the kustomization'
    ])
  })

  it('a forbidden create in an API group', () => {
    const stderr = 'Error from server (Forbidden): error when creating "app": deployments.apps is forbidden: User "u" cannot create resource "deployments" in API group "apps" in the namespace "n"\n'
    expect(lines(objectErrors(stderr, [], [m('ConfigMap', 'c', 'n'), m('Deployment', 'web', 'n', 'apps')]))).toEqual([
      'deployment/web: forbidden: user "u" may not create deployments.apps in namespace n; grant it with RBAC or use another kubeconfig'
    ])
  })

  it('an admission policy refusal', () => {
    const stderr = `The configmaps "refused" is invalid: : ValidatingAdmissionPolicy 'kid-policy' with binding 'kid-policy' denied request: kid-e2e: this ConfigMap is refused outside a dry run\n`
    expect(lines(objectErrors(stderr, [], [m('ConfigMap', 'refused', NS)]))).toEqual([
      'configmap/refused: refused by admission policy kid-policy: kid-e2e: this ConfigMap is refused outside a dry run'
    ])
  })

  it('an error no object fits keeps its message alone', () => {
    expect(lines(objectErrors('error: unable to connect: dial tcp 127.0.0.1:1: connect: connection refused\n', [], webAndCm))).toEqual([
      'cluster unreachable: connect: connection refused'
    ])
  })
})

describe('pieces', () => {
  it.each([
    ['Deployment', 'deployments'],
    ['NetworkPolicy', 'networkpolicies'],
    ['Ingress', 'ingresses'],
    ['Gateway', 'gateways']
  ])('plural(%s) = %s', (kind, expected) => {
    expect(plural(kind)).toBe(expected)
  })

  it('objectHint reads the Name/Namespace lines of a patch error', () => {
    expect(objectHint(read('patch-forbidden.txt'))).toMatchObject({ kind: 'Deployment', name: 'web', namespace: NS })
  })
})
