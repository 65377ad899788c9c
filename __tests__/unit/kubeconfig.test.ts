import { describe, expect, it } from '@jest/globals'
import { chooseContext, maskKubeconfig, mergeKubeconfigs, parseKubeconfig } from '../../src/apply/kubeconfig.js'
import { kubeconfigSecrets, secretArgs } from '../../src/apply/kubeconfig-secrets.js'

const CONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
    server: https://10.1.2.3:6443
  name: prod
contexts:
- context:
    cluster: prod
    user: deployer
    namespace: shop
  name: prod
- context:
    cluster: prod
    user: deployer
  name: prod-admin
current-context: prod-admin
preferences: {}
users:
- name: deployer
  user:
    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.secret
`

describe('parseKubeconfig + chooseContext', () => {
  const doc = parseKubeconfig(CONFIG, 'input')
  it.each<[string, string, { context: string; namespace?: string }]>([
    ['the requested context and its namespace', 'prod', { context: 'prod', namespace: 'shop' }],
    ['the current-context when none is requested', '', { context: 'prod-admin', namespace: undefined }]
  ])('%s', (_name, requested, expected) => {
    expect(chooseContext(doc, requested, 'the input')).toEqual(expected)
  })

  it.each<[string, string, string, RegExp]>([
    ['unknown context', CONFIG, 'staging', /^context: 'staging' is not valid: the input has no such context; expected one of its contexts: prod, prod-admin$/],
    ['no current-context', CONFIG.replace('current-context: prod-admin\n', ''), '', /^context: '' is not valid: the input sets no current-context; expected one of its contexts: prod, prod-admin$/],
    ['current-context not defined', CONFIG.replace('current-context: prod-admin', 'current-context: gone'), '', /^kubeconfig: 'the input' is not valid: its current-context 'gone' is not one of its contexts/],
    ['no contexts at all', 'apiVersion: v1\nkind: Config\n', 'x', /expected a kubeconfig that defines contexts$/]
  ])('%s', (_name, text, requested, message) => {
    expect(() => chooseContext(parseKubeconfig(text, 'the input'), requested, 'the input')).toThrow(message)
  })

  it.each<[string, string, RegExp]>([
    ['not YAML', 'clusters: [\n  - a: b\n', /^kubeconfig: 'input' is not valid: not YAML \(\w+ at line \d+\); expected kubeconfig YAML/],
    ['a list', '- a\n- b\n', /not a YAML mapping/],
    ['a scalar', 'just a token\n', /not a YAML mapping/]
  ])('%s is an InputError that does not echo the content', (_name, text, message) => {
    let thrown: Error | undefined
    try {
      parseKubeconfig(text, 'input')
    } catch (error) {
      thrown = error as Error
    }
    expect(thrown?.name).toBe('InputError')
    expect(thrown?.message).toMatch(message)
    expect(thrown?.message).not.toContain(text.trim().split('\n')[0])
  })
})

describe('mergeKubeconfigs follows kubectl: first file wins', () => {
  it('merges contexts and takes the first current-context', () => {
    const a = parseKubeconfig('contexts:\n- name: a\n  context: {namespace: one}\n', 'a')
    const b = parseKubeconfig('current-context: b\ncontexts:\n- name: a\n  context: {namespace: two}\n- name: b\n  context: {}\n', 'b')
    const merged = mergeKubeconfigs([a, b])
    expect(merged.currentContext).toBe('b')
    expect(chooseContext(merged, 'a', 'x')).toEqual({ context: 'a', namespace: 'one' })
  })
})

const REAL_WORLD = `apiVersion: v1
kind: Config
clusters:
- name: production
  cluster:
    server: https://kubernetes.example.com:6443
    certificate-authority-data: Q0EtREFUQS1iYXNlNjQ=
    proxy-url: http://proxyuser:pr%40xy-pass@proxy.internal:3128
- name: kubernetes
  cluster:
    server: https://10.0.0.1
contexts:
- name: production
  context: {cluster: production, user: production, namespace: shop}
- name: kubernetes-admin@kubernetes
  context: {cluster: kubernetes, user: kubernetes-admin}
current-context: production
users:
- name: production
  user:
    token: eyJhbGciOiJSUzI1NiJ9.prod-token
- name: kubernetes-admin
  user:
    client-certificate-data: Q0xJRU5ULUNFUlQ=
    client-key-data: Q0xJRU5ULUtFWQ==
- name: basic
  user: {username: admin, password: hunter2}
- name: eks
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --cluster-name, production, --region, eu-west-1, --token-code=123456, --session-token, FwoGZXIvYXdzEB, --role-arn, arn:aws:iam::1:role/deployer]
      env:
      - {name: AWS_PROFILE, value: production}
      - {name: AWS_SECRET_ACCESS_KEY, value: wJalrXUtnFEMI/K7MDENG}
      - {name: AWS_ACCESS_KEY_ID, value: AKIAIOSFODNN7EXAMPLE}
      - {name: VAULT_TOKEN_FILE, value: /run/secrets/vault}
- name: oidc
  user:
    auth-provider:
      name: oidc
      config:
        client-id: kubernetes
        client-secret: oidc-client-secret-value
        id-token: oidc.id.token
        refresh-token: oidc-refresh-token
        idp-issuer-url: https://issuer.example.com
`

describe('kubeconfigSecrets: credentials, never names', () => {
  const secrets = kubeconfigSecrets(REAL_WORLD)
  it.each<[string, string]>([
    ['a bearer token', 'eyJhbGciOiJSUzI1NiJ9.prod-token'],
    ['a password (however short)', 'hunter2'],
    ['client key data', 'Q0xJRU5ULUtFWQ=='],
    ['client certificate data', 'Q0xJRU5ULUNFUlQ='],
    ['certificate authority data', 'Q0EtREFUQS1iYXNlNjQ='],
    ['the password inside a proxy URL, raw', 'pr%40xy-pass'],
    ['the password inside a proxy URL, decoded', 'pr@xy-pass'],
    ['an exec env value with a secret name', 'wJalrXUtnFEMI/K7MDENG'],
    ['an exec access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['an exec --flag=value secret', '123456'],
    ['an exec --flag value secret', 'FwoGZXIvYXdzEB'],
    ['an auth-provider client secret', 'oidc-client-secret-value'],
    ['an auth-provider id token', 'oidc.id.token'],
    ['an auth-provider refresh token', 'oidc-refresh-token']
  ])('masks %s', (_name, value) => {
    expect(secrets).toContain(value)
  })

  // the runner masks each value wherever it appears in a line: none may occur inside these
  it.each<[string, string]>([
    ['a cluster, user and context name', 'error: user "production" cannot patch deployments'],
    ['kubeadm\'s default names', 'context kubernetes-admin@kubernetes, cluster kubernetes'],
    ['the annotation kubectl writes', 'kubectl.kubernetes.io/last-applied-configuration'],
    ['a server address', 'https://kubernetes.example.com:6443'],
    ['a username', 'admin'],
    ['exec names and non-secret arguments', 'aws eks get-token --cluster-name production --region eu-west-1 --role-arn arn:aws:iam::1:role/deployer'],
    ['exec env that is not secret, and where a secret lives', 'AWS_PROFILE=production VAULT_TOKEN_FILE=/run/secrets/vault'],
    ['an auth-provider client id and issuer', 'client-id kubernetes at https://issuer.example.com'],
    ['the structure', 'apiVersion: v1 kind: Config clusters users contexts current-context namespace: shop']
  ])('keeps %s readable', (_name, line) => {
    expect(secrets.filter(s => line.includes(s))).toEqual([])
  })

  it('content that is not a YAML mapping: every line with data', () => {
    expect(kubeconfigSecrets('clusters: [\n  - server: x\n  token: abcdefgh12345\n')).toEqual(expect.arrayContaining(['token: abcdefgh12345', 'abcdefgh12345']))
    expect(kubeconfigSecrets('just-a-token-value\n')).toEqual(['just-a-token-value'])
  })

  it('maskKubeconfig registers each secret once', () => {
    const masked: string[] = []
    maskKubeconfig(CONFIG, s => masked.push(s))
    expect(masked.sort()).toEqual(['LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.secret'])
  })
})

describe('secretArgs', () => {
  it.each<[string[], string[]]>([
    [['--token', 'abcd1234'], ['abcd1234']],
    [['--password=s3cret!'], ['s3cret!']],
    [['-api-key', 'k-123456'], ['k-123456']],
    [['--token', '--verbose'], []],
    [['--token-file', '/tmp/t', '--kubeconfig', '/x'], []],
    [['--cluster-name', 'production', 'token'], []]
  ])('%j → %j', (args, expected) => {
    expect(secretArgs(args)).toEqual(expected)
  })
})
