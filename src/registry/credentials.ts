/**
 * Registry credentials, found where the runner's login steps leave them: `$DOCKER_CONFIG/config.json`
 * or `~/.docker/config.json`. For one registry, in Docker's order: `credHelpers` for its host,
 * then `credsStore`, both through the `docker-credential-<name> get` protocol (the server URL on
 * stdin, never on the command line); then `auths` (`auth`, `username`/`password`,
 * `identitytoken`). Keys are compared by host, so `https://123….amazonaws.com` and
 * `https://index.docker.io/v1/` match. Every secret found is masked.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import * as path from 'node:path'
import { errorMessage } from '../errors.js'
import { childEnvironment } from '../child-env.js'
import { runProcess } from '../process.js'
import { helperServerUrl, keyHost, loginHosts } from './reference.js'

export interface Credential {
  /** where it came from, for messages (never the secret) */
  source: string
  username?: string
  password?: string
  /** a refresh token, exchanged at the token service (`az acr login` leaves one) */
  identityToken?: string
}

interface AuthEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
}

export interface DockerConfig {
  /** the file read, or the one that would have been */
  file: string
  exists: boolean
  auths: Record<string, AuthEntry>
  credHelpers: Record<string, string>
  credsStore?: string
}

/** `docker-credential-<name> get` with the server URL on stdin; undefined when it has none. */
export type HelperRunner = (name: string, serverUrl: string) => Promise<{ username: string; secret: string } | undefined>

/** Reads the Docker config the runner's login steps wrote; a missing file is an empty config. */
export async function readDockerConfig(env: NodeJS.ProcessEnv = process.env): Promise<DockerConfig> {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || homedir(), '.docker')
  const file = path.join(dir, 'config.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return { file, exists: false, auths: {}, credHelpers: {} }
  }
  let parsed: Partial<DockerConfig>
  try {
    parsed = JSON.parse(text) as Partial<DockerConfig>
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${errorMessage(error)})`)
  }
  return { file, exists: true, auths: parsed.auths ?? {}, credHelpers: parsed.credHelpers ?? {}, credsStore: parsed.credsStore || undefined }
}

/** The value of the first key in `map` that names one of `hosts`. */
function byHost<T>(map: Record<string, T>, hosts: string[]): [string, T] | undefined {
  for (const host of hosts) {
    const hit = Object.entries(map).find(([key]) => keyHost(key) === host)
    if (hit) return hit
  }
  return undefined
}

/** The credential for `registry`, or undefined (anonymous). A helper that fails throws. */
export async function credentialFor(registry: string, config: DockerConfig, helper: HelperRunner): Promise<Credential | undefined> {
  const hosts = loginHosts(registry.toLowerCase())
  const named = byHost(config.credHelpers, hosts)
  if (named) {
    const found = await fromHelper(named[1], `credHelpers["${named[0]}"] in ${config.file}`, registry, helper)
    if (found) return found
  }
  if (config.credsStore) {
    const found = await fromHelper(config.credsStore, `credsStore in ${config.file}`, registry, helper)
    if (found) return found
  }
  const entry = byHost(config.auths, hosts)
  return entry ? fromAuths(entry[0], entry[1], config.file) : undefined
}

async function fromHelper(name: string, where: string, registry: string, helper: HelperRunner): Promise<Credential | undefined> {
  const source = `docker-credential-${name} (${where})`
  let answer: Awaited<ReturnType<HelperRunner>>
  try {
    answer = await helper(name, helperServerUrl(registry))
  } catch (error) {
    throw new Error(`${source} failed: ${errorMessage(error)}`)
  }
  if (!answer || answer.secret === '') return undefined
  core.setSecret(answer.secret)
  if (answer.username === '<token>') return { source, identityToken: answer.secret }
  return { source, username: answer.username, password: answer.secret }
}

function fromAuths(key: string, entry: AuthEntry, file: string): Credential | undefined {
  const source = `auths["${key}"] in ${file}`
  let { username, password } = entry
  if (entry.auth) {
    core.setSecret(entry.auth)
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) throw new Error(`${source}: "auth" is not base64 of user:password`)
    username = decoded.slice(0, colon)
    password = decoded.slice(colon + 1)
  }
  if (entry.identitytoken) {
    core.setSecret(entry.identitytoken)
    return { source, username, identityToken: entry.identitytoken }
  }
  if (!password) return undefined
  core.setSecret(password)
  return { source, username: username ?? '', password }
}

/** The real helper protocol, through the one process runner, bounded. */
export function helperRunner(timeoutMs: number, env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): HelperRunner {
  return async (name, serverUrl) => {
    const binary = `docker-credential-${name}`
    let result
    try {
      result = await runProcess(binary, ['get'], { env: childEnvironment({}, env), input: serverUrl, timeoutMs, signal })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new Error(code === 'ENOENT' ? `${binary} is not on PATH` : errorMessage(error))
    }
    if (result.code !== 0) {
      if (/credentials not found/i.test(`${result.stderr}\n${result.stdout}`)) return undefined
      // stdout is where the protocol puts the secret: never shown; the first line of stderr is,
      // unless it could hold the secret too
      const said = result.stderr.trim().split('\n')[0]
      const shown = /secret|password|token/i.test(said) ? '(its output is not shown: it may hold a secret)' : said ? said.slice(0, 200) : '(nothing on stderr)'
      throw new Error(result.killed ? `no answer within ${Math.round(timeoutMs / 1000)} s` : `exit code ${result.code}: ${shown}`)
    }
    let parsed: { Username?: string; Secret?: string }
    try {
      parsed = JSON.parse(result.stdout) as typeof parsed
    } catch {
      throw new Error('it did not print the JSON the credential helper protocol expects')
    }
    return { username: parsed.Username ?? '', secret: parsed.Secret ?? '' }
  }
}
