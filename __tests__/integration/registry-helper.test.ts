/**
 * The test registry itself (helpers/registry*.ts): the real distribution registry on loopback
 * with TLS from the test CA, Basic and token auth; what the tests push is served back with the
 * digest the push answered, and a request without credentials is challenged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:https'
import { TestRegistry } from '../helpers/registry.js'
import { OCI_INDEX, OCI_MANIFEST, Pusher } from '../helpers/registry-push.js'

const ACCEPT = [OCI_INDEX, OCI_MANIFEST].join(', ')

function head(registry: TestRegistry, path: string, authorization?: string): Promise<{ status: number; digest?: string; challenge?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: ACCEPT, ...(authorization ? { authorization } : {}) }
    const req = request(`https://${registry.host}${path}`, { method: 'HEAD', ca: registry.caPem(), headers }, res => {
      res.resume()
      resolve({ status: res.statusCode ?? 0, digest: res.headers['docker-content-digest'] as string | undefined, challenge: res.headers['www-authenticate'] as string | undefined })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the test registry', () => {
  let basic: TestRegistry
  let token: TestRegistry
  beforeAll(async () => {
    const ca = TestRegistry.makeCA()
    basic = await TestRegistry.start({ auth: 'basic' }, ca)
    token = await TestRegistry.start({ auth: 'token' }, ca)
  })
  afterAll(async () => {
    await basic?.stop()
    await token?.stop()
  })

  it('basic: serves a pushed image under its digest to the admin, challenges anonymous requests', async () => {
    const digest = await new Pusher(basic).image('team/web', 'v1')
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const auth = `Basic ${Buffer.from(`${basic.admin.user}:${basic.admin.password}`).toString('base64')}`
    expect(await head(basic, '/v2/team/web/manifests/v1', auth)).toMatchObject({ status: 200, digest })
    expect(await head(basic, '/v2/team/web/manifests/v1')).toMatchObject({ status: 401, challenge: expect.stringMatching(/^Basic realm="kid-test"/) })
  })

  it('token: a multi-platform index answers with the index digest; anonymous requests get a Bearer challenge', async () => {
    const { index, platforms } = await new Pusher(token).index('team/api', 'v2')
    expect(platforms).toHaveLength(2)
    const bearer = `Bearer ${token.issuer!.sign('admin', 'team/api', ['pull'])}`
    expect(await head(token, '/v2/team/api/manifests/v2', bearer)).toMatchObject({ status: 200, digest: index })
    const anonymous = await head(token, '/v2/team/api/manifests/v2')
    expect(anonymous.status).toBe(401)
    expect(anonymous.challenge).toBe(`Bearer realm="${token.issuer!.realm}",service="kid-test-registry",scope="repository:team/api:pull"`)
  })
})
