/** Which of the runner's variables a child process gets (src/child-env.ts). */
import { describe, expect, it } from '@jest/globals'
import { childEnvironment, OIDC, passed } from '../../src/child-env.js'

const runner = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  HTTPS_PROXY: 'http://proxy:3128',
  AWS_REGION: 'eu-west-1',
  GIT_SSH_COMMAND: 'ssh -i key',
  INPUT_KUBECONFIG: 'apiVersion: v1\nusers: [{user: {token: secret}}]',
  INPUT_TOKEN: 'ghs_secret',
  'INPUT_COMMIT-MESSAGE': 'x',
  KUBECONFIG: '/home/runner/.kube/config',
  ACTIONS_RUNTIME_TOKEN: 'rt',
  ACTIONS_RUNTIME_URL: 'https://pipelines',
  ACTIONS_RESULTS_URL: 'https://results',
  ACTIONS_CACHE_URL: 'https://cache',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
  GITHUB_OUTPUT: '/tmp/out',
  GITHUB_ENV: '/tmp/env',
  GITHUB_PATH: '/tmp/path',
  GITHUB_STATE: '/tmp/state',
  GITHUB_STEP_SUMMARY: '/tmp/summary',
  GITHUB_REPOSITORY: 'o/r'
}

describe('childEnvironment', () => {
  it('keeps what children need and withholds the inputs, the runner\'s credentials and its command files', () => {
    expect(childEnvironment({}, runner)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      HTTPS_PROXY: 'http://proxy:3128',
      AWS_REGION: 'eu-west-1',
      GIT_SSH_COMMAND: 'ssh -i key',
      GITHUB_REPOSITORY: 'o/r'
    })
  })

  it('adds what the wrapper sets (the kubeconfig path), and the OIDC request variables only when handed on', () => {
    const env = childEnvironment({ ...passed(OIDC, runner), KUBECONFIG: '/tmp/kid-kubeconfig-x/kubeconfig' }, runner)
    expect(env.KUBECONFIG).toBe('/tmp/kid-kubeconfig-x/kubeconfig')
    expect(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN).toBe('oidc')
    expect(Object.keys(env).filter(k => k.startsWith('INPUT_'))).toEqual([])
  })
})
