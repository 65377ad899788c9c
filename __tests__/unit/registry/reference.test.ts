import { describe, expect, it } from '@jest/globals'
import { helperServerUrl, isLoopback, keyHost, loginHosts, manifestReference, parseReference } from '../../../src/registry/reference.js'

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'

describe('names resolve as Docker resolves them', () => {
  it.each([
    ['nginx:1.27', 'docker.io', 'registry-1.docker.io', 'library/nginx'],
    ['library/nginx:1.27', 'docker.io', 'registry-1.docker.io', 'library/nginx'],
    ['bitnami/redis:7', 'docker.io', 'registry-1.docker.io', 'bitnami/redis'],
    ['docker.io/nginx:1', 'docker.io', 'registry-1.docker.io', 'library/nginx'],
    ['index.docker.io/bitnami/redis:7', 'docker.io', 'registry-1.docker.io', 'bitnami/redis'],
    ['ghcr.io/org/web:dev-1339', 'ghcr.io', 'ghcr.io', 'org/web'],
    ['localhost:5000/app:1', 'localhost:5000', 'localhost:5000', 'app'],
    ['localhost/app:1', 'localhost', 'localhost', 'app'],
    ['127.0.0.1:5000/team/app:1', '127.0.0.1:5000', '127.0.0.1:5000', 'team/app'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:7', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'web'],
    ['europe-docker.pkg.dev/proj/repo/web:1', 'europe-docker.pkg.dev', 'europe-docker.pkg.dev', 'proj/repo/web'],
    ['team/app:v1', 'docker.io', 'registry-1.docker.io', 'team/app']
  ])('%s → %s %s %s', (text, registry, apiHost, repository) => {
    expect(parseReference(text)).toMatchObject({ text, registry, apiHost, repository })
  })

  it('keeps tag and digest; the digest is what is asked for', () => {
    const ref = parseReference(`ghcr.io/org/web:v1@${D}`)!
    expect(ref).toMatchObject({ tag: 'v1', digest: D })
    expect(manifestReference(ref)).toBe(D)
    expect(manifestReference(parseReference('web:v1')!)).toBe('v1')
  })

  it('a name without tag or digest is no reference to look up', () => {
    expect(parseReference('ghcr.io/org/web')).toBeUndefined()
    expect(parseReference('localhost:5000/app')).toBeUndefined()
  })
})

describe('loopback and login keys', () => {
  it.each([
    ['localhost:5000', true],
    ['127.0.0.1:41234', true],
    ['127.1.2.3', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['128.0.0.1:5000', false],
    ['localhost.example.com', false]
  ])('%s loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected)
  })

  it.each([
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['ghcr.io', 'ghcr.io'],
    ['http://localhost:5000/v2/', 'localhost:5000'],
    ['MyRegistry.AzureCR.io', 'myregistry.azurecr.io']
  ])('config key %s names %s', (key, host) => {
    expect(keyHost(key)).toBe(host)
  })

  it('Docker Hub logins are found under any of its names; helpers are asked for its login URL', () => {
    expect(loginHosts('docker.io')).toEqual(['index.docker.io', 'docker.io', 'registry-1.docker.io'])
    expect(helperServerUrl('docker.io')).toBe('https://index.docker.io/v1/')
    expect(helperServerUrl('ghcr.io')).toBe('ghcr.io')
  })
})
