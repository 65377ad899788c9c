/**
 * A real OCI registry for the tests: the CNCF distribution registry (scripts/build-registry.sh)
 * on 127.0.0.1 (a free port), TLS from a test CA (registry-ca.ts). Three kinds: `open` (no
 * auth), `basic` (htpasswd), `token` (`auth: token`, with the test token issuer of
 * registry-token.ts). Tests push their own images with registry-push.ts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request } from 'node:https'
import { createServer } from 'node:net'
import * as path from 'node:path'
import { ROOT } from './action.js'
import { tempDir } from './git-http-server.js'
import { htpasswdLine, makeCA, type TestCA } from './registry-ca.js'
import { TokenIssuer } from './registry-token.js'

export interface User {
  user: string
  password: string
}

export interface RegistryOptions {
  auth: 'open' | 'basic' | 'token'
  users?: User[]
  /** token auth: repositories anyone may pull without credentials */
  publicRepos?: string[]
  /** plain HTTP, no TLS (a loopback registry as `docker run registry` starts one) */
  plain?: boolean
}

let binary: string | undefined
/** The registry binary, built once per machine (cached under ~/.cache/kid). */
export function registryBinary(): string {
  binary ??= execFileSync('bash', [path.join(ROOT, 'scripts/build-registry.sh')], { encoding: 'utf8', timeout: 900_000 }).trim()
  return binary
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export class TestRegistry {
  /** `127.0.0.1:<port>`: the registry part of an image reference */
  host = ''
  issuer?: TokenIssuer
  private child?: ChildProcess
  private log = ''

  private constructor(
    readonly ca: TestCA,
    readonly options: RegistryOptions
  ) {}

  /** A CA shared by several registries of one test file (NODE_EXTRA_CA_CERTS takes one file). */
  static makeCA(): TestCA {
    return makeCA(tempDir('kid-registry-ca-'))
  }

  static async start(options: RegistryOptions, ca: TestCA = TestRegistry.makeCA()): Promise<TestRegistry> {
    const registry = new TestRegistry(ca, options)
    await registry.boot()
    return registry
  }

  /** The admin account every kind accepts (pushes go through it). */
  get admin(): User {
    return this.options.users?.[0] ?? { user: 'admin', password: 'admin-password' }
  }

  private async boot(): Promise<void> {
    const dir = tempDir('kid-registry-')
    const port = await freePort()
    this.host = `127.0.0.1:${port}`
    if (this.options.auth === 'token') this.issuer = await TokenIssuer.start(this.ca, [this.admin, ...(this.options.users ?? [])], this.options.publicRepos ?? [])
    const config = path.join(dir, 'config.yml')
    writeFileSync(config, this.config(dir, port))
    this.child = spawn(registryBinary(), ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OTEL_TRACES_EXPORTER: 'none' } })
    this.child.stdout?.on('data', d => (this.log += d))
    this.child.stderr?.on('data', d => (this.log += d))
    await this.ready()
  }

  private config(dir: string, port: number): string {
    mkdirSync(path.join(dir, 'data'))
    const auth = this.authConfig(dir)
    return [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: test-${port}`,
      ...(this.options.plain ? [] : ['  tls:', `    certificate: ${this.ca.certFile}`, `    key: ${this.ca.keyFile}`]),
      ...auth,
      ''
    ].join('\n')
  }

  private authConfig(dir: string): string[] {
    if (this.options.auth === 'basic') {
      const users = [this.admin, ...(this.options.users ?? []).slice(1)]
      writeFileSync(path.join(dir, 'htpasswd'), users.map(u => htpasswdLine(u.user, u.password)).join('\n') + '\n')
      return ['auth:', '  htpasswd:', '    realm: kid-test', `    path: ${path.join(dir, 'htpasswd')}`]
    }
    if (this.options.auth === 'token' && this.issuer) {
      return ['auth:', '  token:', `    realm: ${this.issuer.realm}`, `    service: ${this.issuer.service}`, `    issuer: ${this.issuer.name}`, `    rootcertbundle: ${this.ca.tokenCertFile}`]
    }
    return []
  }

  /** Until `GET /v2/` answers (200 or 401), or the registry exits. */
  private async ready(): Promise<void> {
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`registry exited: ${this.log}`)
      const status = await this.ping().catch(() => 0)
      if (status === 200 || status === 401) return
      await new Promise(r => setTimeout(r, 50))
    }
    throw new Error(`registry did not start on ${this.host}: ${this.log}`)
  }

  private ping(): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = (this.options.plain ? httpRequest : request)(`${this.scheme}://${this.host}/v2/`, { ca: this.caPem(), timeout: 1000 }, res => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.end()
    })
  }

  get scheme(): 'http' | 'https' {
    return this.options.plain ? 'http' : 'https'
  }

  caPem(): string {
    return readFileSync(this.ca.caFile, 'utf8')
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGKILL')
    await this.issuer?.stop()
  }
}
