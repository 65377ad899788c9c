/**
 * Credentials for the push. The ones actions/checkout persisted (an `http.<url>.extraheader`
 * in the repository's config) are used when they cover the remote; otherwise the `token`
 * input becomes an extra header for this remote only, set in the git children's environment
 * (never argv, never the remote URL), masked, and removed by the caller in `finally`.
 */
import * as core from '@actions/core'
import type { Git } from './git.js'
import { redactUrl } from './push-failure.js'

export type AuthSource = 'persisted' | 'token' | 'none'

/** Whether an `http.<url>.<key>` config key applies to `remoteUrl` (no url: applies to all). */
export function keyCovers(key: string, remoteUrl: string): boolean {
  const match = /^http\.(?:(.*)\.)?extraheader$/i.exec(key)
  if (!match) return false
  const scope = match[1] ?? ''
  if (scope === '') return true
  const url = redactUrl(remoteUrl)
  const prefix = redactUrl(scope)
  if (!url.toLowerCase().startsWith(prefix.toLowerCase().replace(/\/$/, ''))) return false
  const rest = url.slice(prefix.replace(/\/$/, '').length)
  return rest === '' || rest.startsWith('/') || prefix.endsWith('/')
}

export async function configureAuth(git: Git, remoteUrl: string, token: string): Promise<AuthSource> {
  if (!/^https?:\/\//i.test(remoteUrl)) return 'none'
  const headers = await git.tryConfigGetRegexp('^http\\..*extraheader$')
  const persisted = headers.find(([key, value]) => /^\s*authorization:/i.test(value) && keyCovers(key, remoteUrl))
  if (persisted) {
    core.info(`using the credentials persisted in the repository's git config for ${redactUrl(remoteUrl)}`)
    return 'persisted'
  }
  if (!token) {
    core.info(`no token and no persisted credentials for ${redactUrl(remoteUrl)}; git's own credential setup decides`)
    return 'none'
  }
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')
  core.setSecret(token)
  core.setSecret(basic)
  git.setEnvConfig(`http.${redactUrl(remoteUrl)}.extraheader`, `AUTHORIZATION: basic ${basic}`)
  core.info(`authenticating to ${redactUrl(remoteUrl)} with the 'token' input`)
  return 'token'
}
