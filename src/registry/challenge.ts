/**
 * The registry's answer to an unauthenticated request (`WWW-Authenticate`), and what it takes:
 * `Basic` (the credential itself) or `Bearer` (the token flow: the realm is asked for a token
 * for `repository:<name>:pull`, with Basic credentials, with an identity token exchanged as
 * `grant_type=refresh_token`, or anonymously for public images). Credentials go to a realm only
 * over https (loopback aside). Tokens are masked.
 */
import * as core from '@actions/core'
import type { Credential } from './credentials.js'
import { send, TransportError } from './http.js'
import { isLoopback } from './reference.js'

export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/** Why a lookup had no answer (not: the image is missing). */
export class UnansweredError extends Error {
  override name = 'UnansweredError'
}

/** `Bearer realm="https://…",service="…",scope="…"` → scheme and parameters (lower-cased names). */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header ?? '')
  if (!match) return undefined
  const params: Record<string, string> = {}
  for (const p of match[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1')
  return { scheme: match[1].toLowerCase(), params }
}

export interface AuthRequest {
  registry: string
  repository: string
  credential?: Credential
  timeoutMs: number
  signal?: AbortSignal
}

/** The Authorization header that answers `challenge`; undefined when there is nothing to send. */
export async function authorize(challenge: Challenge, req: AuthRequest): Promise<string | undefined> {
  const { credential } = req
  if (challenge.scheme === 'basic') {
    if (!credential?.password) return undefined
    const basic = Buffer.from(`${credential.username ?? ''}:${credential.password}`).toString('base64')
    core.setSecret(basic)
    return `Basic ${basic}`
  }
  if (challenge.scheme !== 'bearer') throw new UnansweredError(`registry ${req.registry} asks for ${challenge.scheme} authentication, which is not supported`)
  const token = await fetchToken(challenge, req)
  core.setSecret(token)
  return `Bearer ${token}`
}

async function fetchToken(challenge: Challenge, req: AuthRequest): Promise<string> {
  const realm = parseRealm(challenge, req.registry)
  const { credential } = req
  const scope = challenge.params.scope || `repository:${req.repository}:pull`
  const service = challenge.params.service ?? ''
  if (credential && realm.protocol !== 'https:' && !isLoopback(realm.host)) {
    throw new UnansweredError(`registry ${req.registry} sends logins to ${realm.origin}, which is not https: the credentials from ${credential.source} were not sent`)
  }
  const answer = await tokenRequest(realm, service, scope, req).catch((error: unknown) => {
    if (error instanceof TransportError) throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}): ${error.message}`)
    throw error
  })
  if (answer.status === 401 || answer.status === 403) {
    const whose = credential ? `refused the credentials from ${credential.source}` : 'refused an anonymous token'
    throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}${realm.pathname}) ${whose} (HTTP ${answer.status})`)
  }
  if (answer.status !== 200) throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}${realm.pathname}) answered HTTP ${answer.status}`)
  let body: { token?: string; access_token?: string }
  try {
    body = JSON.parse(answer.body.toString('utf8')) as typeof body
  } catch {
    throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}${realm.pathname}) answered something other than JSON`)
  }
  const token = body.token || body.access_token
  if (!token) throw new UnansweredError(`the token service of registry ${req.registry} gave no token`)
  return token
}

function parseRealm(challenge: Challenge, registry: string): URL {
  try {
    return new URL(challenge.params.realm ?? '')
  } catch {
    throw new UnansweredError(`registry ${registry} named no usable token realm ('${challenge.params.realm ?? ''}')`)
  }
}

/** GET with Basic credentials (or none); an identity token is exchanged by POST (OAuth2 refresh). */
function tokenRequest(realm: URL, service: string, scope: string, req: AuthRequest) {
  const { credential, timeoutMs, signal } = req
  if (credential?.identityToken) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.identityToken, service, scope, client_id: 'kustomize-image-deploy' })
    return send({ method: 'POST', url: realm, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), timeoutMs, signal })
  }
  const url = new URL(realm)
  if (service) url.searchParams.set('service', service)
  url.searchParams.set('scope', scope)
  const headers: Record<string, string> = {}
  if (credential?.password) {
    const basic = Buffer.from(`${credential.username ?? ''}:${credential.password}`).toString('base64')
    core.setSecret(basic)
    headers.authorization = `Basic ${basic}`
  }
  return send({ method: 'GET', url, headers, timeoutMs, signal })
}
