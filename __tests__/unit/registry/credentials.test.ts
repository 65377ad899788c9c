import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { credentialFor, readDockerConfig, type DockerConfig, type HelperRunner } from '../../../src/registry/credentials.js'
import { parseChallenge } from '../../../src/registry/challenge.js'

const FILE = '/home/runner/.docker/config.json'
const config = (c: Partial<DockerConfig>): DockerConfig => ({ file: FILE, exists: true, auths: {}, credHelpers: {}, ...c })
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64')

/** A helper that knows `secrets` (server URL → [user, secret]) and records what it was asked. */
function helper(secrets: Record<string, Record<string, [string, string]>>, asked: string[] = []): HelperRunner {
  return async (name, serverUrl) => {
    asked.push(`${name} ${serverUrl}`)
    const hit = secrets[name]?.[serverUrl]
    return hit ? { username: hit[0], secret: hit[1] } : undefined
  }
}

describe('credential precedence (Docker order)', () => {
  const all = config({
    auths: { 'ghcr.io': { auth: basic('from-auths', 'p1') } },
    credsStore: 'desktop',
    credHelpers: { 'ghcr.io': 'gh' }
  })
  const store = { desktop: { 'ghcr.io': ['from-store', 'p2'] as [string, string] }, gh: { 'ghcr.io': ['from-helper', 'p3'] as [string, string] } }

  it('credHelpers for the host wins over credsStore, which wins over auths', async () => {
    expect(await credentialFor('ghcr.io', all, helper(store))).toEqual({ source: `docker-credential-gh (credHelpers["ghcr.io"] in ${FILE})`, username: 'from-helper', password: 'p3' })
    expect(await credentialFor('ghcr.io', { ...all, credHelpers: {} }, helper(store))).toEqual({ source: `docker-credential-desktop (credsStore in ${FILE})`, username: 'from-store', password: 'p2' })
    expect(await credentialFor('ghcr.io', { ...all, credHelpers: {}, credsStore: undefined }, helper(store))).toEqual({ source: `auths["ghcr.io"] in ${FILE}`, username: 'from-auths', password: 'p1' })
  })

  it('a helper that has nothing for the host falls through to the next place', async () => {
    expect(await credentialFor('ghcr.io', all, helper({}))).toMatchObject({ username: 'from-auths' })
  })

  it('a helper for another host is not asked', async () => {
    const asked: string[] = []
    await credentialFor('quay.io', config({ credHelpers: { 'ghcr.io': 'gh' } }), helper(store, asked))
    expect(asked).toEqual([])
  })

  it('helpers are asked for Docker Hub by its login URL, for others by host', async () => {
    const asked: string[] = []
    await credentialFor('docker.io', config({ credsStore: 'desktop' }), helper({}, asked))
    await credentialFor('123.dkr.ecr.us-east-1.amazonaws.com', config({ credHelpers: { '123.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login' } }), helper({}, asked))
    expect(asked).toEqual(['desktop https://index.docker.io/v1/', 'ecr-login 123.dkr.ecr.us-east-1.amazonaws.com'])
  })

  it('a helper answering <token> gives an identity token', async () => {
    const found = await credentialFor('acr.azurecr.io', config({ credsStore: 'x' }), helper({ x: { 'acr.azurecr.io': ['<token>', 'refresh-1'] } }))
    expect(found).toEqual({ source: `docker-credential-x (credsStore in ${FILE})`, identityToken: 'refresh-1' })
  })

  it('a failing helper names itself and where it was configured', async () => {
    const failing: HelperRunner = async () => {
      throw new Error('exit code 1: boom')
    }
    await expect(credentialFor('ghcr.io', config({ credHelpers: { 'ghcr.io': 'gh' } }), failing)).rejects.toThrow(`docker-credential-gh (credHelpers["ghcr.io"] in ${FILE}) failed: exit code 1: boom`)
  })
})

describe('auths keys as the vendors write them', () => {
  it.each([
    ['docker.io', 'https://index.docker.io/v1/', { auth: basic('hubuser', 'hubpass') }, { username: 'hubuser', password: 'hubpass' }],
    ['123.dkr.ecr.eu-west-1.amazonaws.com', 'https://123.dkr.ecr.eu-west-1.amazonaws.com', { auth: basic('AWS', 'ecr-pass') }, { username: 'AWS', password: 'ecr-pass' }],
    ['ghcr.io', 'ghcr.io', { username: 'octo', password: 'ghp' }, { username: 'octo', password: 'ghp' }],
    ['myacr.azurecr.io', 'myacr.azurecr.io', { auth: basic('00000000-0000-0000-0000-000000000000', ''), identitytoken: 'refresh-2' }, { username: '00000000-0000-0000-0000-000000000000', identityToken: 'refresh-2' }]
  ])('%s from key %s', async (registry, key, entry, expected) => {
    expect(await credentialFor(registry, config({ auths: { [key]: entry } }), helper({}))).toEqual({ source: `auths["${key}"] in ${FILE}`, ...expected })
  })

  it('an entry without a secret is no credential; another registry is not matched', async () => {
    expect(await credentialFor('ghcr.io', config({ auths: { 'ghcr.io': {} } }), helper({}))).toBeUndefined()
    expect(await credentialFor('ghcr.io', config({ auths: { 'quay.io': { auth: basic('a', 'b') } } }), helper({}))).toBeUndefined()
  })
})

describe('the config file', () => {
  it('DOCKER_CONFIG wins over ~/.docker; a missing file is an empty config; bad JSON names the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kid-docker-'))
    writeFileSync(path.join(dir, 'config.json'), '{"auths":{"ghcr.io":{"auth":"eDp5"}}}')
    expect(await readDockerConfig({ DOCKER_CONFIG: dir, HOME: '/nowhere' })).toMatchObject({ file: path.join(dir, 'config.json'), exists: true, auths: { 'ghcr.io': { auth: 'eDp5' } } })
    expect(await readDockerConfig({ HOME: '/nowhere' })).toEqual({ file: '/nowhere/.docker/config.json', exists: false, auths: {}, credHelpers: {} })
    writeFileSync(path.join(dir, 'config.json'), '{ nope')
    await expect(readDockerConfig({ DOCKER_CONFIG: dir })).rejects.toThrow(`${path.join(dir, 'config.json')} is not valid JSON`)
  })
})

describe('WWW-Authenticate challenges', () => {
  it.each([
    ['Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/web:pull"', { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:org/web:pull' } }],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ['Bearer realm="https://auth.docker.io/token", service="registry.docker.io", error="insufficient_scope"', { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', error: 'insufficient_scope' } }],
    ['bearer Realm=https://r/token,Service=x', { scheme: 'bearer', params: { realm: 'https://r/token', service: 'x' } }]
  ])('%s', (header, expected) => expect(parseChallenge(header)).toEqual(expected))
  it('no header, no challenge', () => expect(parseChallenge(undefined)).toBeUndefined())
})
