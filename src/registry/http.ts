/**
 * One HTTP request to a registry or its token service, with Node's own https: TLS trusts Node's
 * bundled CAs and `NODE_EXTRA_CA_CERTS` (the default agent, whose kept-alive connections serve
 * the challenged and the authenticated request alike), and, when those do not verify the
 * server, the system's store as well (read only then: it costs ~0.2 s); each request is bounded
 * (`KID_REGISTRY_TIMEOUT`); the body is capped (a manifest, an error, a token). Plain HTTP only
 * where the caller asks for it (loopback registries).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent, request as httpsRequest } from 'node:https'
import * as tls from 'node:tls'
import { seconds } from '../timeouts.js'

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST'
  url: URL
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  /** the run is over (it failed elsewhere): stop asking */
  signal?: AbortSignal
}

/**
 * The registry could not be asked: `timeout`; `untrusted` (its certificate did not verify);
 * `handshake` (no TLS spoken: a plain-HTTP server, a reset); `network` (unresolvable, refused).
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'untrusted' | 'handshake' | 'network'
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

const MAX_BODY = 4 * 1024 * 1024

let systemAgent: Agent | undefined
/** An agent trusting Node's default CAs and the system's; undefined where Node cannot read them (< 22.15). */
function withSystemCAs(): Agent | undefined {
  const get = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates
  if (!get) return undefined
  if (systemAgent) return systemAgent
  let system: string[]
  try {
    system = get('system')
  } catch {
    return undefined
  }
  systemAgent = new Agent({ keepAlive: true, ca: [...new Set([...get('default'), ...system])] })
  return systemAgent
}

/** The server's certificate did not verify against the CAs asked (as opposed to a broken handshake). */
const UNTRUSTED = /^(UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED)$/

const TLS_CODES = /CERT|SSL|TLS|HOSTNAME|EPROTO/

/** What went wrong, in words a user acts on. */
function describe(error: NodeJS.ErrnoException, url: URL, timeoutMs: number, timedOut: boolean): TransportError {
  const host = url.host
  if (timedOut) return new TransportError(`no answer from ${host} within ${seconds(timeoutMs)} (KID_REGISTRY_TIMEOUT)`, 'timeout')
  const code = error.code ?? ''
  if (UNTRUSTED.test(code) || /CERT|HOSTNAME|ALTNAME/.test(code)) {
    return new TransportError(`TLS with ${host} failed (${code}); a private CA goes in NODE_EXTRA_CA_CERTS`, 'untrusted')
  }
  if (TLS_CODES.test(code) || code === 'ECONNRESET') return new TransportError(`TLS with ${host} failed (${code || error.message})`, 'handshake')
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new TransportError(`${url.hostname} does not resolve (${code})`, 'network')
  if (code === 'ECONNREFUSED') return new TransportError(`${host} refused the connection`, 'network')
  return new TransportError(`${host} could not be reached (${code || error.message})`, 'network')
}

/** Resolves with any status; rejects with a TransportError when no answer came. */
export async function send(req: HttpRequest): Promise<HttpAnswer> {
  const transport = (error: unknown) => (error instanceof TransportError ? error : describe(error as NodeJS.ErrnoException, req.url, req.timeoutMs, false))
  try {
    return await sendWith(req)
  } catch (error) {
    const agent = UNTRUSTED.test((error as NodeJS.ErrnoException).code ?? '') ? withSystemCAs() : undefined
    if (!agent) throw transport(error)
    return sendWith(req, agent).catch((again: unknown) => {
      throw transport(again)
    })
  }
}

function sendWith(req: HttpRequest, agent?: Agent): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const secure = req.url.protocol === 'https:'
    const headers = { 'user-agent': 'kustomize-image-deploy', ...req.headers, ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) }
    const options = { method: req.method, headers, signal: req.signal, ...(secure && agent ? { agent } : {}) }
    let timedOut = false
    const call = (secure ? httpsRequest : httpRequest)(req.url, options, res => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_BODY) chunks.push(chunk)
        else call.destroy(new Error(`the answer from ${req.url.host} is larger than ${MAX_BODY} bytes`))
      })
      res.on('end', () => {
        clearTimeout(timer)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      })
      res.on('error', () => undefined) // reported through the request's error
    })
    const timer = setTimeout(() => {
      timedOut = true
      call.destroy(new Error('timeout'))
    }, req.timeoutMs)
    call.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      if (timedOut) reject(describe(error, req.url, req.timeoutMs, true))
      else reject(error)
    })
    call.end(req.body)
  })
}
