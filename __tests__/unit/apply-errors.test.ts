import { describe, expect, it } from '@jest/globals'
import { classify, classifyAll, type ErrorKind } from '../../src/apply/apply-errors.js'

describe('classify: kubectl stderr → one line', () => {
  it.each<[string, string, ErrorKind, string]>([
    [
      'forbidden create, namespaced',
      'Error from server (Forbidden): error when creating "/ws/app": deployments.apps is forbidden: User "kid-e2e-restricted" cannot create resource "deployments" in API group "apps" in the namespace "prod"',
      'forbidden',
      'forbidden: user "kid-e2e-restricted" may not create deployments.apps in namespace prod; grant it with RBAC or use another kubeconfig'
    ],
    [
      'forbidden patch, core group',
      'Error from server (Forbidden): error when applying patch:\n{"data":…}\nto:\nResource: "/v1, Resource=configmaps"\nfor: "/ws": configmaps "cfg" is forbidden: User "system:serviceaccount:ci:deployer" cannot patch resource "configmaps" in API group "" in the namespace "web"',
      'forbidden',
      'forbidden: user "system:serviceaccount:ci:deployer" may not patch configmaps in namespace web; grant it with RBAC or use another kubeconfig'
    ],
    [
      'forbidden, cluster scope',
      'Error from server (Forbidden): error when creating "/ws": namespaces is forbidden: User "u" cannot create resource "namespaces" in API group "" at the cluster scope',
      'forbidden',
      'forbidden: user "u" may not create namespaces at cluster scope; grant it with RBAC or use another kubeconfig'
    ],
    [
      'validation, server',
      'Error from server (Invalid): error when creating "/ws": Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'invalid',
      'rejected by validation: Deployment.apps "web": spec.replicas: Invalid value: -1: must be greater than or equal to 0'
    ],
    [
      'validation, several fields',
      'The Deployment "web" is invalid: [spec.template.spec.containers[0].image: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
      'invalid',
      'rejected by validation: Deployment "web": spec.template.spec.containers[0].image: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0'
    ],
    [
      'strict decoding (unknown field)',
      'Error from server (BadRequest): error when creating "/ws": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
      'invalid',
      'rejected by validation: Deployment: unknown field "spec.template.spec.containers[0].imagee"'
    ],
    [
      'server-side apply conflict',
      'error: Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="web"].image\nPlease review the fields above--they currently have other managers. Here\nare the ways you can resolve this warning:',
      'conflict',
      'server-side apply conflict: .spec.template.spec.containers[name="web"].image (owned by "kubectl-set"); set \'force-conflicts: true\' to take them over'
    ],
    [
      'server-side apply conflicts, two managers',
      'Error from server (Conflict): Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\nconflict with "helm": .metadata.labels.app',
      'conflict',
      'server-side apply conflict: .spec.replicas (owned by "kubectl-client-side-apply"), .metadata.labels.app (owned by "helm"); set \'force-conflicts: true\' to take them over'
    ],
    [
      'optimistic concurrency',
      'Error from server (Conflict): error when applying patch: Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      'conflict',
      'conflict: deployments.apps "web" was modified while it was being applied; run again'
    ],
    [
      'refused',
      'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?',
      'unreachable',
      'cluster unreachable: connection to 127.0.0.1:6443 refused'
    ],
    [
      'dial error',
      'error: unable to recognize "/ws": Get "https://10.0.0.1:6443/api?timeout=32s": dial tcp 10.0.0.1:6443: connect: connection refused',
      'unreachable',
      'cluster unreachable: connect: connection refused'
    ],
    [
      'unable to connect',
      'Unable to connect to the server: dial tcp: lookup cluster.invalid on 127.0.0.53:53: no such host',
      'unreachable',
      'cluster unreachable: dial tcp: lookup cluster.invalid on 127.0.0.53:53: no such host'
    ],
    [
      'untrusted certificate',
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'unreachable',
      'cluster unreachable: tls: failed to verify certificate: x509: certificate signed by unknown authority'
    ],
    ['unauthorized', 'error: You must be logged in to the server (Unauthorized)', 'unauthorized', "unauthorized: the cluster rejected the kubeconfig's credentials (expired token or certificate?)"],
    ['rollout timeout', 'error: timed out waiting for the condition', 'timeout', 'timeout'],
    ['progress deadline', 'error: deployment "web" exceeded its progress deadline', 'timeout', 'timeout'],
    [
      'missing namespace',
      'Error from server (NotFound): error when creating "/ws": namespaces "prod" not found',
      'not-found',
      'namespace "prod" does not exist; create it or add it to the kustomization'
    ],
    [
      'unknown kind',
      'error: resource mapping not found for name: "x" namespace: "" from "/ws": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first',
      'not-found',
      'the cluster does not know kind Widget (example.com/v1); install its CustomResourceDefinition first'
    ],
    ['anything else: its first error line', 'Warning: something\nerror: accumulating resources: boom', 'other', 'accumulating resources: boom'],
    ['empty', '', 'other', 'kubectl failed without a message']
  ])('%s', (_name, stderr, kind, message) => {
    expect(classify(stderr)).toEqual({ kind, message })
  })
})

describe('classifyAll: one message per distinct error', () => {
  it('splits the per-object errors and drops duplicates and warnings', () => {
    const stderr = [
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation',
      'Error from server (Forbidden): error when creating "/ws": deployments.apps is forbidden: User "u" cannot create resource "deployments" in API group "apps" in the namespace "n"',
      'Error from server (Forbidden): error when creating "/ws": deployments.apps is forbidden: User "u" cannot create resource "deployments" in API group "apps" in the namespace "n"',
      'Error from server (Forbidden): error when creating "/ws": services is forbidden: User "u" cannot create resource "services" in API group "" in the namespace "n"'
    ].join('\n')
    expect(classifyAll(stderr).map(c => c.message)).toEqual([
      'forbidden: user "u" may not create deployments.apps in namespace n; grant it with RBAC or use another kubeconfig',
      'forbidden: user "u" may not create services in namespace n; grant it with RBAC or use another kubeconfig'
    ])
  })
})
