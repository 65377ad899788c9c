import { describe, expect, it } from '@jest/globals'
import { chooseContext, maskKubeconfig, mergeKubeconfigs, parseKubeconfig } from '../../src/apply/kubeconfig.js'

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

describe('maskKubeconfig', () => {
  it('masks the whole content, every line with data, and long values alone', () => {
    const masked: string[] = []
    maskKubeconfig(CONFIG, s => masked.push(s))
    expect(masked[0]).toBe(CONFIG)
    expect(masked).toContain('token: eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.secret')
    expect(masked).toContain('eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.secret')
    expect(masked).toContain('LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t')
    expect(masked).toContain('https://10.1.2.3:6443')
    for (const structural of ['apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:', 'preferences: {}', 'users:', 'user:']) {
      expect(masked).not.toContain(structural)
    }
  })
})
