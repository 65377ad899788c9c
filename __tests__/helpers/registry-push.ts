/**
 * Pushes test images through the registry's own API (blob upload, then manifest PUT), the way
 * `docker push` does: a single-platform OCI image, and a multi-platform OCI index over two of
 * them. Returns the digests the registry answered (`Docker-Content-Digest`).
 */
import { createHash, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request } from 'node:https'
import type { TestRegistry } from './registry.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`

export class Pusher {
  constructor(private readonly registry: TestRegistry) {}

  /** Pushes one image (a random layer, so every push is a new digest); its manifest digest. */
  async image(repository: string, tag: string, platform = { architecture: 'amd64', os: 'linux' }): Promise<string> {
    const config = Buffer.from(JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [] }, config: {}, created: new Date().toISOString() }))
    const layer = randomBytes(64)
    await this.blob(repository, config)
    await this.blob(repository, layer)
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }]
    }
    return this.manifest(repository, tag, OCI_MANIFEST, Buffer.from(JSON.stringify(manifest)))
  }

  /** A multi-platform index (linux/amd64 and linux/arm64) under `tag`; the index's digest. */
  async index(repository: string, tag: string): Promise<{ index: string; platforms: string[] }> {
    const platforms = [
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux' }
    ]
    const entries = []
    for (const platform of platforms) {
      const body = await this.get(repository, await this.image(repository, `${tag}-${platform.architecture}`, platform))
      entries.push({ mediaType: OCI_MANIFEST, digest: sha256(body), size: Buffer.byteLength(body), platform })
    }
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }))
    return { index: await this.manifest(repository, tag, OCI_INDEX, index), platforms: entries.map(e => e.digest) }
  }

  /** POST opens an upload session, PUT to its Location with the digest closes it. */
  private async blob(repository: string, data: Buffer): Promise<void> {
    const opened = await this.send('POST', `/v2/${repository}/blobs/uploads/`, repository, undefined, {})
    if (opened.status !== 202) throw new Error(`blob upload to ${repository}: ${opened.status} ${opened.body}`)
    const location = new URL(String(opened.headers.location), `${this.registry.scheme}://${this.registry.host}`)
    location.searchParams.set('digest', sha256(data))
    const closed = await this.send('PUT', location.pathname + location.search, repository, data, { 'content-type': 'application/octet-stream' })
    if (closed.status !== 201) throw new Error(`blob upload to ${repository}: ${closed.status} ${closed.body}`)
  }

  private async manifest(repository: string, tag: string, mediaType: string, body: Buffer): Promise<string> {
    const answer = await this.send('PUT', `/v2/${repository}/manifests/${tag}`, repository, body, { 'content-type': mediaType })
    if (answer.status !== 201) throw new Error(`manifest PUT ${repository}:${tag}: ${answer.status} ${answer.body}`)
    return String(answer.headers['docker-content-digest'])
  }

  private async get(repository: string, digest: string): Promise<string> {
    const answer = await this.send('GET', `/v2/${repository}/manifests/${digest}`, repository, undefined, { accept: OCI_MANIFEST })
    return answer.body
  }

  private authorization(repository: string): string | undefined {
    const { admin, issuer, options } = this.registry
    if (options.auth === 'basic') return `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`
    if (issuer) return `Bearer ${issuer.sign(admin.user, repository, ['pull', 'push'])}`
    return undefined
  }

  private send(method: string, path: string, repository: string, body: Buffer | undefined, headers: Record<string, string>): Promise<Answer> {
    const auth = this.authorization(repository)
    return new Promise((resolve, reject) => {
      const req = (this.registry.options.plain ? httpRequest : request)(`${this.registry.scheme}://${this.registry.host}${path}`, { method, ca: this.registry.caPem(), headers: { ...headers, ...(auth ? { authorization: auth } : {}), 'content-length': String(body?.length ?? 0) } }, res => {
        const chunks: Buffer[] = []
        res.on('data', d => chunks.push(d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      })
      req.on('error', reject)
      req.end(body)
    })
  }
}
