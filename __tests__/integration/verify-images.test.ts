/**
 * `verify-images` through the built bundle under Node 24 against the real distribution registry
 * on loopback (TLS from a test CA in NODE_EXTRA_CA_CERTS): Basic (htpasswd) and token auth,
 * credentials from the Docker config the test writes (auths, a credential helper on PATH, an
 * identity token exchanged at the token service).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type Server, type Socket } from 'node:net'
import * as path from 'node:path'
import { logs } from '../helpers/deploy-repo.js'
import { tempDir } from '../helpers/git-http-server.js'
import { TestRegistry } from '../helpers/registry.js'
import { Pusher } from '../helpers/registry-push.js'
import { annotations, basicAuth, imageWorkspace, registryEnv, runVerify } from '../helpers/registry-run.js'
import type { TestCA } from '../helpers/registry-ca.js'
import { pod } from '../helpers/workspace.js'

let ca: TestCA
let basic: TestRegistry
let token: TestRegistry
let webDigest: string
let apiDigest: string

beforeAll(async () => {
  ca = TestRegistry.makeCA()
  basic = await TestRegistry.start({ auth: 'basic' }, ca)
  token = await TestRegistry.start({ auth: 'token', users: [{ user: 'admin', password: 'admin-password' }, { user: 'ci', password: 'ci-password' }], publicRepos: ['public/tool'] }, ca)
  webDigest = await new Pusher(basic).image('team/web', 'v1')
  apiDigest = await new Pusher(token).image('team/api', 'v1')
  await new Pusher(token).image('public/tool', 'v1')
})
afterAll(async () => {
  await basic?.stop()
  await token?.stop()
})

const auths = (registry: TestRegistry, user: string, password: string) => ({ auths: { [registry.host]: { auth: basicAuth(user, password) } } })

describe('verify-images against a Basic-auth registry', () => {
  it('an image that exists passes; its digest is in the digests output', async () => {
    const image = `${basic.host}/team/web`
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, registryEnv(ca, { dockerConfig: auths(basic, 'admin', 'admin-password') }))
    expect(annotations(run, 'error')).toEqual([])
    expect(annotations(run, 'warning')).toEqual([])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.digests)).toEqual({ [`${image}:v1`]: webDigest })
    expect(run.stdout).toContain(`${image}:v1: ${webDigest} (registry ${basic.host})`)
  })

  it('a wrong password: one error naming the registry and where the credentials came from; no secret in the log', async () => {
    const image = `${basic.host}/team/web`
    const env = registryEnv(ca, { dockerConfig: auths(basic, 'admin', 'wrong-s3cret') })
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, env)
    expect(run.code).toBe(1)
    expect(annotations(run, 'error')).toEqual([
      `::error::images: '${image}:v1' could not be verified: registry ${basic.host} refused the credentials from auths["${basic.host}"] in ${path.join(env.DOCKER_CONFIG, 'config.json')} for team/web (HTTP 401) (verify-images: true)`
    ])
    for (const secret of ['wrong-s3cret', basicAuth('admin', 'wrong-s3cret')]) expect(logs(run)).not.toContain(secret)
  })

  it('without credentials: a warning in auto (the run goes on), a failure in true', async () => {
    const image = `${basic.host}/team/web`
    const env = registryEnv(ca, {})
    const auto = await runVerify(imageWorkspace(image), { images: `${image}:v1` }, env)
    expect(auto.code).toBe(0)
    const why = `registry ${basic.host} wants credentials for team/web (HTTP 401) and none were found in ${path.join(env.DOCKER_CONFIG, 'config.json')} (there is none): log in to ${basic.host} before this step`
    expect(annotations(auto, 'warning')).toEqual([`::warning::images: '${image}:v1' was not verified: ${why}; proceeding (verify-images: auto). Log in to the registry before this step, or set verify-images: false`])
    const strict = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, env)
    expect(strict.code).toBe(1)
    expect(annotations(strict, 'error')).toEqual([`::error::images: '${image}:v1' could not be verified: ${why} (verify-images: true)`])
  })

  it('a missing tag fails in auto as well, one line per image, the file restored', async () => {
    const image = `${basic.host}/team/web`
    const ws = imageWorkspace(image, '# the web app\nresources:\n- pod.yaml\n- sidecar.yaml\n')
    writeFileSync(path.join(ws, 'app/sidecar.yaml'), pod(`${basic.host}/team/sidecar:v0`).replace('name: web', 'name: sidecar'))
    const before = readFileSync(path.join(ws, 'app/kustomization.yaml'))
    const run = await runVerify(ws, { images: `${image}:v404\n${basic.host}/team/sidecar=${basic.host}/team/gone:v1` }, registryEnv(ca, { dockerConfig: auths(basic, 'admin', 'admin-password') }))
    expect(run.code).toBe(1)
    expect(annotations(run, 'error')).toEqual([
      `::error::images: '${image}:v404' is not in registry ${basic.host} (manifest unknown): was it pushed?`,
      `::error::images: '${basic.host}/team/gone:v1' is not in registry ${basic.host} (manifest unknown): was it pushed?`
    ])
    expect(readFileSync(path.join(ws, 'app/kustomization.yaml'))).toEqual(before)
  })
})

describe('TLS and inputs', () => {
  it('a registry whose CA is not trusted (no NODE_EXTRA_CA_CERTS): a TLS warning naming the fix, no http fallback', async () => {
    const image = `${basic.host}/team/web`
    const env = registryEnv(ca, { dockerConfig: auths(basic, 'admin', 'admin-password') })
    delete env.NODE_EXTRA_CA_CERTS
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1` }, env)
    expect(run.code).toBe(0)
    expect(annotations(run, 'warning')).toEqual([
      `::warning::images: '${image}:v1' was not verified: registry ${basic.host} could not be asked: TLS with ${basic.host} failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE); a private CA goes in NODE_EXTRA_CA_CERTS; proceeding (verify-images: auto). Log in to the registry before this step, or set verify-images: false`
    ])
    expect(logs(run)).not.toContain('admin-password')
  })

  it('a loopback registry without TLS is asked over plain HTTP, as Docker does', async () => {
    const plain = await TestRegistry.start({ auth: 'open', plain: true }, ca)
    try {
      const digest = await new Pusher(plain).image('team/web', 'v1')
      const image = `${plain.host}/team/web`
      const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, registryEnv(ca, {}))
      expect(annotations(run, 'error')).toEqual([])
      expect(JSON.parse(run.outputs.digests)).toEqual({ [`${image}:v1`]: digest })
    } finally {
      await plain.stop()
    }
  })

  it.each([
    [{ 'verify-images': 'maybe' }, "::error::verify-images: 'maybe' is not valid; expected auto, true or false"],
    [{ 'verify-images': 'false', 'pin-digest': 'true' }, "::error::pin-digest: 'true' is not valid: the digest comes from the registry lookup that verify-images: false turns off; expected verify-images: auto or true"]
  ])('%j fails before anything is written', async (inputs, line) => {
    const ws = imageWorkspace(`${basic.host}/team/web`)
    const before = readFileSync(path.join(ws, 'app/kustomization.yaml'))
    const run = await runVerify(ws, { images: `${basic.host}/team/web:v1`, ...inputs }, registryEnv(ca, {}))
    expect(run.code).toBe(1)
    expect(annotations(run, 'error')).toEqual([line])
    expect(readFileSync(path.join(ws, 'app/kustomization.yaml'))).toEqual(before)
  })
})

describe('verify-images against a token-auth registry', () => {
  it('a public repository: an anonymous token is enough', async () => {
    const image = `${token.host}/public/tool`
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, registryEnv(ca, {}))
    expect(annotations(run, 'error')).toEqual([])
    expect(run.code).toBe(0)
    expect(token.issuer!.requests.some(r => r.who === '' && r.scope === 'repository:public/tool:pull' && r.status === 200)).toBe(true)
  })

  it('a private repository without credentials warns in auto, fails in true', async () => {
    const image = `${token.host}/team/api`
    const auto = await runVerify(imageWorkspace(image), { images: `${image}:v1` }, registryEnv(ca, {}))
    expect(auto.code).toBe(0)
    expect(annotations(auto, 'warning')).toEqual([expect.stringContaining(`::warning::images: '${image}:v1' was not verified: registry ${token.host} wants credentials for team/api (HTTP 401)`)])
    const strict = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, registryEnv(ca, {}))
    expect(strict.code).toBe(1)
  })

  it('credentials from a docker-credential-* helper on PATH: the server URL on stdin, never on argv', async () => {
    const image = `${token.host}/team/api`
    const log = path.join(tempDir('kid-helper-'), 'asked')
    const helper = `echo "argv: $*" >> ${log}\nread -r url || true\necho "stdin: $url" >> ${log}\nprintf '{"ServerURL":"%s","Username":"ci","Secret":"ci-password"}' "$url"`
    const env = registryEnv(ca, { dockerConfig: { credHelpers: { [token.host]: 'kidtest' } }, helpers: { kidtest: helper } })
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, env)
    expect(annotations(run, 'error')).toEqual([])
    expect(JSON.parse(run.outputs.digests)).toEqual({ [`${image}:v1`]: apiDigest })
    expect(readFileSync(log, 'utf8')).toBe(`argv: get\nstdin: ${token.host}\n`)
    expect(logs(run)).not.toContain('ci-password')
  })

  it('a helper that fails or is missing: named with where it was configured, its output kept out when it may hold a secret', async () => {
    const image = `${token.host}/team/api`
    const config = { credHelpers: { [token.host]: 'leaky' } }
    const failing = registryEnv(ca, { dockerConfig: config, helpers: { leaky: `echo '{"Secret":"leak-me"}'\necho 'bad token leak-me' >&2\nexit 3` } })
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, failing)
    const where = `credHelpers["${token.host}"] in ${path.join(failing.DOCKER_CONFIG, 'config.json')}`
    expect(annotations(run, 'error')).toEqual([
      `::error::images: '${image}:v1' could not be verified: docker-credential-leaky (${where}) failed: exit code 3: (its output is not shown: it may hold a secret) (verify-images: true)`
    ])
    expect(logs(run)).not.toContain('leak-me')
    // a bare secret on stdout is never shown; the first line of stderr is
    for (const [script, shown] of [
      [`echo 'bare-leak-4417'\nexit 4`, '(nothing on stderr)'],
      [`echo 'bare-leak-4417'\necho 'keychain is locked' >&2\nexit 4`, 'keychain is locked']
    ]) {
      const told = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, registryEnv(ca, { dockerConfig: config, helpers: { leaky: script } }))
      expect(annotations(told, 'error')).toHaveLength(1)
      expect(annotations(told, 'error')[0]).toContain(`failed: exit code 4: ${shown} (verify-images: true)`)
      expect(logs(told)).not.toContain('bare-leak-4417')
    }
    const missing = registryEnv(ca, { dockerConfig: { credHelpers: { [token.host]: 'absent' } } })
    const again = await runVerify(imageWorkspace(image), { images: `${image}:v1` }, missing)
    expect(again.code).toBe(0)
    expect(annotations(again, 'warning')).toEqual([expect.stringContaining(`docker-credential-absent (credHelpers["${token.host}"] in ${path.join(missing.DOCKER_CONFIG, 'config.json')}) failed: docker-credential-absent is not on PATH`)])
  })

  it('a credential helper gets none of the action\'s inputs (token, kubeconfig content) in its environment', async () => {
    const image = `${token.host}/team/api`
    const dump = path.join(tempDir('kid-helper-'), 'env')
    const helper = `env > ${dump}\nread -r url || true\nprintf '{"ServerURL":"%s","Username":"ci","Secret":"ci-password"}' "$url"`
    const env = registryEnv(ca, { dockerConfig: { credHelpers: { [token.host]: 'kidenv' } }, helpers: { kidenv: helper } })
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true', token: 'input-token-value', kubeconfig: 'users: [{user: {token: input-kubeconfig-token}}]' }, env)
    expect(annotations(run, 'error')).toEqual([])
    const seen = readFileSync(dump, 'utf8')
    expect(seen).toContain('PATH=')
    expect(seen.split('\n').filter(l => /^INPUT_|input-token-value|input-kubeconfig-token/.test(l))).toEqual([])
  })

  it('an identity token (az acr login) is exchanged with grant_type=refresh_token', async () => {
    const image = `${token.host}/team/api`
    const identity = token.issuer!.identityToken('ci')
    const env = registryEnv(ca, { dockerConfig: { auths: { [token.host]: { auth: basicAuth('00000000-0000-0000-0000-000000000000', ''), identitytoken: identity } } } })
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, env)
    expect(annotations(run, 'error')).toEqual([])
    expect(run.code).toBe(0)
    expect(token.issuer!.requests).toContainEqual({ method: 'POST', who: 'refresh:ci', scope: 'repository:team/api:pull', service: 'kid-test-registry', status: 200 })
    expect(logs(run)).not.toContain(identity)
  })

  it('a registry that redirects to its backend (as registry.k8s.io does): followed, the token is for the backend only', async () => {
    const seen: string[] = []
    const front = createHttpsServer({ cert: readFileSync(ca.certFile), key: readFileSync(ca.keyFile) }, (req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ? 'with' : 'without'} authorization`)
      res.writeHead(307, { location: `https://${token.host}${req.url}` }).end()
    })
    await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve))
    try {
      const host = `127.0.0.1:${(front.address() as { port: number }).port}`
      const run = await runVerify(imageWorkspace(`${host}/public/tool`), { images: `${host}/public/tool:v1`, 'verify-images': 'true' }, registryEnv(ca, {}))
      expect(annotations(run, 'error')).toEqual([])
      expect(JSON.parse(run.outputs.digests)).toEqual({ [`${host}/public/tool:v1`]: expect.stringMatching(/^sha256:/) })
      expect(seen).toEqual(['HEAD /v2/public/tool/manifests/v1 without authorization', 'HEAD /v2/public/tool/manifests/v1 without authorization'])
    } finally {
      await new Promise(resolve => front.close(resolve))
    }
  })

  it('a wrong password at the token service names it and the credentials source', async () => {
    const image = `${token.host}/team/api`
    const env = registryEnv(ca, { dockerConfig: auths(token, 'ci', 'not-it') })
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1`, 'verify-images': 'true' }, env)
    expect(run.code).toBe(1)
    expect(annotations(run, 'error')).toEqual([
      `::error::images: '${image}:v1' could not be verified: the token service of registry ${token.host} (${token.issuer!.realm}) refused the credentials from auths["${token.host}"] in ${path.join(env.DOCKER_CONFIG, 'config.json')} (HTTP 401) (verify-images: true)`
    ])
    expect(logs(run)).not.toContain('not-it')
  })
})

describe('a registry that does not answer', () => {
  let silent: Server
  const sockets: Socket[] = []
  beforeAll(async () => {
    silent = createServer(socket => sockets.push(socket)) // accepts, never speaks
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const s of sockets) s.destroy()
    await new Promise(resolve => silent.close(resolve))
  })

  it('warns within the bound (KID_REGISTRY_TIMEOUT) in auto', async () => {
    const image = `127.0.0.1:${(silent.address() as { port: number }).port}/team/web`
    const started = Date.now()
    const run = await runVerify(imageWorkspace(image), { images: `${image}:v1` }, registryEnv(ca, { env: { KID_REGISTRY_TIMEOUT: '1' } }))
    const took = Date.now() - started
    expect(run.code).toBe(0)
    expect(annotations(run, 'warning')).toEqual([expect.stringContaining(`was not verified: registry ${image.split('/')[0]} could not be asked: no answer from ${image.split('/')[0]} within 1 s (KID_REGISTRY_TIMEOUT)`)])
    expect(took).toBeLessThan(8000)
  })

  it('a run that fails elsewhere (the render) does not wait for an open lookup', async () => {
    const image = `127.0.0.1:${(silent.address() as { port: number }).port}/team/web`
    const ws = imageWorkspace(image, 'resources:\n- pod.yaml\n- missing.yaml\n')
    const started = Date.now()
    const run = await runVerify(ws, { images: `${image}:v1` }, registryEnv(ca, { env: { KID_REGISTRY_TIMEOUT: '30' } }))
    expect(run.code).toBe(1)
    expect(annotations(run, 'error').join('\n')).toContain('missing.yaml')
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})
