/**
 * Credentials for the action's own fetches and pushes. The `token` input wins (the convention
 * of create-pull-request): the `http.<url>.extraheader` entries actions/checkout persisted are
 * reset to empty and the token becomes the header for this remote, all in the git children's
 * environment (GIT_CONFIG_COUNT; never argv, never the remote URL, never the config file that
 * later steps read). With no token, the persisted credentials are used. The caller removes the
 * environment configuration in `finally`.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
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

/**
 * The environment configuration that makes `token` the only credential git sends to
 * `remoteUrl` (pure): an empty value per persisted key (git resets a multi-valued
 * `extraheader` list on an empty value), then the token's header keyed by the full remote URL.
 * Git reads the variable name case-insensitively, so the header is written as `extraHeader`: a
 * key distinct from the resets (`git config` reports `extraheader`) even for the same URL.
 */
export function tokenConfig(remoteUrl: string, token: string, persistedKeys: string[]): [string, string][] {
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')
  const resets = [...new Set(persistedKeys)].map((key): [string, string] => [key, ''])
  return [...resets, [`http.${redactUrl(remoteUrl)}.extraHeader`, `AUTHORIZATION: basic ${basic}`]]
}

/** Words for the credential git used, for error messages. */
export function describeAuth(source: AuthSource): string {
  switch (source) {
    case 'token':
      return "the 'token' input"
    case 'persisted':
      return 'the credentials actions/checkout persisted (no token input was given)'
    case 'none':
      return "git's own credential setup (no token input and no persisted credentials)"
  }
}

export async function configureAuth(git: Git, remoteUrl: string, token: string): Promise<AuthSource> {
  if (!/^https?:\/\//i.test(remoteUrl)) return 'none'
  const headers = await git.tryConfigGetRegexp('^http\\..*extraheader$')
  const persisted = headers.filter(([key, value]) => /^\s*authorization:/i.test(value) && keyCovers(key, remoteUrl)).map(([key]) => key)
  if (!token) {
    if (persisted.length > 0) {
      log.info(`no 'token' input: using the credentials persisted in the repository's git config for ${redactUrl(remoteUrl)}`)
      return 'persisted'
    }
    log.info(`no token and no persisted credentials for ${redactUrl(remoteUrl)}; git's own credential setup decides`)
    return 'none'
  }
  const entries = tokenConfig(remoteUrl, token, persisted)
  core.setSecret(token)
  for (const [key, value] of entries) {
    if (value) core.setSecret(value.replace(/^AUTHORIZATION: basic /, ''))
    git.setEnvConfig(key, value)
  }
  const wins = persisted.length > 0 ? ' (it wins over the credentials persisted in the git config)' : ''
  log.info(`authenticating to ${redactUrl(remoteUrl)} with the 'token' input${wins}`)
  return 'token'
}
