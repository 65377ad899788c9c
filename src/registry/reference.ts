/**
 * Image references resolved the way Docker resolves them (pure): the first path component is a
 * registry when it has a `.` or a `:` or is `localhost`; otherwise the image is on Docker Hub
 * (`docker.io`, whose API is `registry-1.docker.io`), where a single-component name is in
 * `library/`. `index.docker.io` is Docker Hub too.
 */
import { splitImage } from '../edit/image-spec.js'

export const DOCKER_HUB = 'docker.io'
/** Docker Hub's API host, and the key its logins are stored under */
export const DOCKER_HUB_API = 'registry-1.docker.io'
export const DOCKER_HUB_LOGIN = 'https://index.docker.io/v1/'

export interface ImageReference {
  /** the reference as the render will show it (`web:v1`, `ghcr.io/org/web@sha256:…`) */
  text: string
  /** `docker.io`, `ghcr.io`, `localhost:5000`: what a login names */
  registry: string
  /** where the API is: `registry-1.docker.io` for Docker Hub, else the registry */
  apiHost: string
  /** `library/nginx`, `org/web` */
  repository: string
  tag?: string
  digest?: string
}

/** `name[:tag][@digest]` → its registry, API host and repository; undefined without tag or digest. */
export function parseReference(text: string): ImageReference | undefined {
  const { name, tag, digest } = splitImage(text)
  if (tag === undefined && digest === undefined) return undefined
  const slash = name.indexOf('/')
  const first = slash < 0 ? '' : name.slice(0, slash)
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
  let registry = hasRegistry ? first : DOCKER_HUB
  let repository = hasRegistry ? name.slice(slash + 1) : name
  if (registry === 'index.docker.io') registry = DOCKER_HUB
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`
  const ref: ImageReference = { text, registry, apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry, repository }
  if (tag !== undefined) ref.tag = tag
  if (digest !== undefined) ref.digest = digest
  return ref
}

/** What the manifest is asked for: the digest when there is one (it wins, as in kustomize), else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest'
}

/** The host part without the port (`[::1]:5000` → `::1`). */
export function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'))
  const colon = host.lastIndexOf(':')
  return colon >= 0 && host.indexOf(':') === colon ? host.slice(0, colon) : host
}

/** localhost, 127.0.0.0/8 and ::1: where Docker allows plain HTTP, and where credentials may go over it. */
export function isLoopback(host: string): boolean {
  const name = hostname(host).toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1'
}

/** Every form a stored login may name this registry by (config keys are normalized to a host). */
export function loginHosts(registry: string): string[] {
  return registry === DOCKER_HUB ? ['index.docker.io', DOCKER_HUB, DOCKER_HUB_API] : [registry]
}

/** A config key (`https://index.docker.io/v1/`, `https://123.dkr.ecr…`, `ghcr.io`) → its host. */
export function keyHost(key: string): string {
  return key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0].toLowerCase()
}

/** What a credential helper is asked for: Docker Hub's login URL, else the registry host. */
export function helperServerUrl(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_LOGIN : registry
}
