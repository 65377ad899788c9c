/**
 * One image looked up with the OCI distribution API: `HEAD /v2/<repository>/manifests/<tag|digest>`
 * accepting all four manifest media types (without the OCI ones distribution v3 answers 404 for
 * an image that exists), answering a challenge once; where HEAD is refused or gives no digest,
 * GET, as crane does (the digest is then the body's sha256). A 404 is read with GET for the
 * registry's error code (`MANIFEST_UNKNOWN`, `NAME_UNKNOWN`).
 */
import { createHash } from 'node:crypto'
import { authorize, parseChallenge, UnansweredError } from './challenge.js'
import type { Credential } from './credentials.js'
import { send, TransportError, type HttpAnswer } from './http.js'
import { isLoopback, manifestReference, type ImageReference } from './reference.js'

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

/** The registry answered that it has no such manifest. */
export class MissingError extends Error {
  override name = 'MissingError'
}

export interface LookupRequest {
  ref: ImageReference
  /** the credential for the registry, found once per registry */
  credential: () => Promise<Credential | undefined>
  /** where credentials were looked for, for the message when none were */
  searched: string
  timeoutMs: number
  signal?: AbortSignal
}

interface Session {
  req: LookupRequest
  base: URL
  authorization?: string
  /** the host the authorization is for (a redirect elsewhere does not carry it) */
  authHost?: string
  /** the host that gave the last answer (after redirects) */
  answeredBy?: string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_HOPS = 5

/** The digest of the manifest the registry holds for `ref` (an index's own digest for a multi-platform image). */
export async function lookupDigest(req: LookupRequest): Promise<string> {
  const session: Session = { req, base: new URL(`https://${req.ref.apiHost}`) }
  const head = await ask(session, 'HEAD')
  const digest = head.headers['docker-content-digest']
  if (head.status === 200 && typeof digest === 'string' && digest) return digest
  const got = await ask(session, 'GET')
  if (got.status === 404) throw missing(req.ref, got)
  if (got.status !== 200) throw unexpected(session, got)
  const header = got.headers['docker-content-digest']
  return typeof header === 'string' && header ? header : `sha256:${createHash('sha256').update(got.body).digest('hex')}`
}

/** One request, with the challenge answered when the registry makes one. */
async function ask(session: Session, method: 'HEAD' | 'GET'): Promise<HttpAnswer> {
  const first = await request(session, method)
  if (first.status !== 401 || session.authorization) return refusedOr(session, first)
  const challenge = parseChallenge(header(first, 'www-authenticate'))
  if (!challenge) throw new UnansweredError(`registry ${session.req.ref.registry} answered 401 without saying how to authenticate`)
  // the registry's credentials answer its own Basic challenge only, never a redirect target's
  const own = challenge.scheme !== 'basic' || session.answeredBy === session.req.ref.apiHost
  const credential = own ? await session.req.credential() : undefined
  session.authorization = await authorize(challenge, { registry: session.req.ref.registry, repository: session.req.ref.repository, credential, timeoutMs: session.req.timeoutMs, signal: session.req.signal })
  session.authHost = session.answeredBy
  if (!session.authorization) throw noCredentials(session)
  return refusedOr(session, await request(session, method), credential)
}

/** 401/403 after authenticating, or without credentials: no answer to the question. */
function refusedOr(session: Session, answer: HttpAnswer, credential?: Credential): HttpAnswer {
  if (answer.status !== 401 && answer.status !== 403) return answer
  const { registry } = session.req.ref
  if (!credential) throw noCredentials(session, answer.status)
  throw new UnansweredError(`registry ${registry} refused the credentials from ${credential.source} for ${session.req.ref.repository} (HTTP ${answer.status}${errorCode(answer)})`)
}

function noCredentials(session: Session, status = 401): UnansweredError {
  const { registry, repository } = session.req.ref
  return new UnansweredError(`registry ${registry} wants credentials for ${repository} (HTTP ${status}) and none were found in ${session.req.searched}: log in to ${registry} before this step`)
}

/** The manifest request, following redirects (registry.k8s.io sends every request on to its backends). */
async function request(session: Session, method: 'HEAD' | 'GET'): Promise<HttpAnswer> {
  let url = new URL(`/v2/${session.req.ref.repository}/manifests/${manifestReference(session.req.ref)}`, session.base)
  for (let hop = 0; ; hop++) {
    const answer = await sendOnce(session, method, url)
    const location = header(answer, 'location')
    if (!REDIRECTS.has(answer.status) || !location || hop === MAX_HOPS) {
      session.answeredBy = url.host
      return answer
    }
    url = new URL(location, url)
  }
}

/** https; a loopback registry that does not speak TLS (the handshake fails) is asked over plain HTTP, as Docker does. */
async function sendOnce(session: Session, method: 'HEAD' | 'GET', url: URL): Promise<HttpAnswer> {
  const { ref, timeoutMs, signal } = session.req
  const carry = session.authorization && url.host === session.authHost && (url.protocol === 'https:' || isLoopback(url.host))
  const headers: Record<string, string> = { accept: MANIFEST_TYPES.join(', '), ...(carry ? { authorization: session.authorization! } : {}) }
  try {
    return await send({ method, url, headers, timeoutMs, signal })
  } catch (error) {
    if (!(error instanceof TransportError)) throw error
    if (url.protocol === 'https:' && url.host === ref.apiHost && isLoopback(ref.apiHost) && error.kind === 'handshake') {
      const plain = new URL(url)
      plain.protocol = 'http:'
      const answer = await send({ method, url: plain, headers, timeoutMs, signal }).catch(() => undefined)
      if (answer) {
        session.base = new URL(`http://${ref.apiHost}`)
        return answer
      }
    }
    const where = url.host === ref.apiHost ? '' : ` (redirected to ${url.host})`
    throw new UnansweredError(`registry ${ref.registry} could not be asked${where}: ${error.message}`)
  }
}

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** `: MANIFEST_UNKNOWN` from an error body, when it has one. */
function errorCode(answer: HttpAnswer): string {
  try {
    const code = (JSON.parse(answer.body.toString('utf8')) as { errors?: { code?: string }[] }).errors?.[0]?.code
    return code ? ` ${code}` : ''
  } catch {
    return ''
  }
}

function missing(ref: ImageReference, answer: HttpAnswer): MissingError {
  const code = errorCode(answer).trim()
  const why = code === 'NAME_UNKNOWN' ? 'repository unknown' : code === 'MANIFEST_UNKNOWN' || code === '' ? 'manifest unknown' : code.toLowerCase().replace(/_/g, ' ')
  return new MissingError(`images: '${ref.text}' is not in registry ${ref.registry} (${why}): was it pushed?`)
}

function unexpected(session: Session, answer: HttpAnswer): UnansweredError {
  return new UnansweredError(`registry ${session.req.ref.registry} answered HTTP ${answer.status}${errorCode(answer)} for ${session.req.ref.repository}`)
}
