/**
 * A tiny token issuer for the registry's `auth: token` (the Docker token protocol): `GET /token`
 * with optional Basic credentials, and `POST /token` with `grant_type=password` or
 * `grant_type=refresh_token` (the identity-token exchange `az acr login` relies on). It signs
 * RS256 JWTs whose `x5c` header carries the test token certificate the registry trusts. Anonymous
 * callers get pull access to the public repositories only; wrong credentials get 401.
 */
import { createSign, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { certDerBase64, type TestCA } from './registry-ca.js'
import type { User } from './registry.js'

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

export interface TokenRequest {
  method: string
  /** the user the credentials named, `refresh:<user>`, or '' when anonymous */
  who: string
  scope: string
  service: string
  /** the status the issuer answered */
  status: number
}

export class TokenIssuer {
  readonly service = 'kid-test-registry'
  readonly name = 'kid-test-issuer'
  realm = ''
  readonly requests: TokenRequest[] = []
  /** refresh token → user (identity tokens for `auths.identitytoken`) */
  private readonly refresh = new Map<string, string>()
  private server?: Server

  private constructor(
    private readonly ca: TestCA,
    private readonly users: User[],
    private readonly publicRepos: string[]
  ) {}

  static async start(ca: TestCA, users: User[], publicRepos: string[]): Promise<TokenIssuer> {
    const issuer = new TokenIssuer(ca, users, publicRepos)
    const server = createServer({ cert: readFileSync(ca.certFile), key: readFileSync(ca.keyFile) }, (req, res) => void issuer.handle(req, res))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    issuer.server = server
    issuer.realm = `https://127.0.0.1:${(server.address() as AddressInfo).port}/token`
    return issuer
  }

  /** An identity token (refresh token) for `user`, as a registry login would leave one. */
  identityToken(user: string): string {
    const token = `refresh-${randomBytes(12).toString('hex')}`
    this.refresh.set(token, user)
    return token
  }

  /** A token granting `actions` on `repository` (the tests' own pushes). */
  sign(subject: string, repository: string, actions: string[]): string {
    const now = Math.floor(Date.now() / 1000)
    const header = { alg: 'RS256', typ: 'JWT', x5c: [certDerBase64(this.ca.tokenCertFile)] }
    const claims = {
      iss: this.name,
      sub: subject,
      aud: this.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access: actions.length > 0 ? [{ type: 'repository', name: repository, actions }] : []
    }
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
    const signature = createSign('RSA-SHA256').update(input).sign(readFileSync(this.ca.tokenKeyFile))
    return `${input}.${b64url(signature)}`
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.realm)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const form = new URLSearchParams(req.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : '')
    const param = (name: string) => form.get(name) ?? url.searchParams.get(name) ?? ''
    const who = this.authenticate(req, form)
    const scope = param('scope')
    const record: TokenRequest = { method: req.method ?? '', who: who ?? '?', scope, service: param('service'), status: 200 }
    this.requests.push(record)
    if (who === undefined) {
      record.status = 401
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'invalid credentials' }] }))
      return
    }
    const [, repository = '', wanted = ''] = /^repository:(.+):([^:]+)$/.exec(scope) ?? []
    const actions = who ? wanted.split(',').filter(Boolean) : this.publicRepos.includes(repository) ? ['pull'] : []
    const token = this.sign(who || 'anonymous', repository, actions)
    const body = req.method === 'POST' ? { access_token: token, expires_in: 300 } : { token, expires_in: 300 }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }

  /** The user, '' when anonymous, undefined when the credentials are wrong. */
  private authenticate(req: IncomingMessage, form: URLSearchParams): string | undefined {
    const grant = form.get('grant_type')
    if (grant === 'refresh_token') {
      const user = this.refresh.get(form.get('refresh_token') ?? '')
      return user === undefined ? undefined : `refresh:${user}`
    }
    if (grant === 'password') return this.check(form.get('username') ?? '', form.get('password') ?? '')
    const header = req.headers.authorization ?? ''
    if (!header) return ''
    const [kind, value = ''] = header.split(' ')
    if (kind.toLowerCase() !== 'basic') return undefined
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return this.check(decoded.slice(0, colon), decoded.slice(colon + 1))
  }

  private check(user: string, password: string): string | undefined {
    return this.users.some(u => u.user === user && u.password === password) ? user : undefined
  }

  stop(): Promise<void> {
    return new Promise(resolve => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
