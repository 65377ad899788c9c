/**
 * `pin-digest` and the registry check before commit back, through the built bundle under
 * Node 24 with real git (a bare remote over smart HTTP) and the real distribution registry:
 * the entry is written as `kustomize edit set image name:tag@digest` writes it (checked against
 * kustomize itself) and renders as kustomize renders it (`name:tag@sha256:…`), a multi-platform image pins the index's digest,
 * a missing image fails before anything is committed, the no-op and out-of-order guards
 * keep working on pinned entries, and a pin the registry does not answer warns of the digest it drops.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from '../helpers/action.js'
import { cloneDeploy, deploy, deployRepo, logs, sourceCommits, type Fixture } from '../helpers/deploy-repo.js'
import { git, tempDir } from '../helpers/git-http-server.js'
import { TestRegistry } from '../helpers/registry.js'
import { Pusher } from '../helpers/registry-push.js'
import { annotations, basicAuth, registryEnv } from '../helpers/registry-run.js'
import { readImages } from '../../src/edit/kustomization.js'

const FILE = 'overlays/prod/kustomization.yaml'
const KUSTOMIZE = execFileSync('bash', [path.join(ROOT, 'scripts/build-kustomize.sh')], { encoding: 'utf8', timeout: 600_000 }).trim()
let fx: Fixture
let registry: TestRegistry
let env: Record<string, string>
let foo: string

beforeAll(async () => {
  fx = await deployRepo(['prod'])
  registry = await TestRegistry.start({ auth: 'basic' })
  foo = `${registry.host}/team/foo`
  env = registryEnv(registry.ca, { dockerConfig: { auths: { [registry.host]: { auth: basicAuth(registry.admin.user, registry.admin.password) } } } })
})
afterAll(async () => {
  await fx?.server.stop()
  await registry?.stop()
})

const clone = () => cloneDeploy(fx)
const remoteTip = () => git(fx.bare, fx.home, 'rev-parse', 'main')
const render = (dir: string) => execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })
const pin = (ws: string, inputs: Record<string, string>) => deploy(fx, ws, { path: 'overlays/prod', 'pin-digest': 'true', 'verify-images': 'true', ...inputs }, { ...fx.env, ...env })

describe('pin-digest', () => {
  it('writes name:tag@digest as kustomize edit set image does, renders name:tag@digest as kustomize does, commits with the short digest', async () => {
    const digest = await new Pusher(registry).image('team/foo', 'v1')
    const ws = await clone()
    const pristine = tempDir('kid-kustomize-')
    cpSync(ws, pristine, { recursive: true })
    const [source] = await sourceCommits(fx, 1)
    const run = await pin(ws, { images: `foo=${foo}:v1`, 'source-commit': source })
    expect(annotations(run, 'error')).toEqual([])
    expect(annotations(run, 'warning')).toEqual([])
    expect(run.outputs).toMatchObject({ changed: 'true', pushed: 'true' })
    expect(JSON.parse(run.outputs.digests)).toEqual({ [`${foo}:v1`]: digest })

    execFileSync(KUSTOMIZE, ['edit', 'set', 'image', `foo=${foo}:v1@${digest}`], { cwd: path.join(pristine, 'overlays/prod') })
    const ours = readFileSync(path.join(ws, FILE), 'utf8')
    const byName = (text: string) => readImages(text, FILE).sort((a, b) => a.name.localeCompare(b.name))
    expect(byName(ours)).toEqual(byName(readFileSync(path.join(pristine, FILE), 'utf8')))
    expect(ours).toBe(`# overlay\nresources:\n  - ../../base\nimages:\n  - name: foo\n    newTag: v1\n    newName: ${foo}\n    digest: ${digest}\n  - name: bar\n    newTag: "7"\n`)
    expect(render(path.join(ws, 'overlays/prod'))).toBe(render(path.join(pristine, 'overlays/prod')))
    expect(render(path.join(ws, 'overlays/prod'))).toContain(`image: ${foo}:v1@${digest}`)

    const subject = git(fx.bare, fx.home, 'log', '-1', '--format=%s', 'main')
    expect(subject).toBe(`deploy(overlays/prod): foo dev-1338 → ${foo}:v1 (${digest.slice(0, 15)}…)`)
    expect(run.summary).toContain(`${digest.slice(0, 15)}…`)
  })

  it('a multi-platform image pins the index digest, never one platform', async () => {
    const { index, platforms } = await new Pusher(registry).index('team/foo', 'multi')
    const ws = await clone()
    const run = await pin(ws, { images: `foo=${foo}:multi`, commit: 'false' })
    expect(run.code).toBe(0)
    expect(readImages(readFileSync(path.join(ws, FILE), 'utf8'), FILE)[0]).toEqual({ name: 'foo', newName: foo, newTag: 'multi', digest: index })
    expect(platforms).not.toContain(index)
    expect(render(path.join(ws, 'overlays/prod'))).toContain(`image: ${foo}:multi@${index}`)
  })

  it('the same tag pinned again is a no-op; a moved tag is a new deploy; an older source is still refused', async () => {
    const [older, newer, newest] = await sourceCommits(fx, 3)
    const early = await clone()
    await new Pusher(registry).image('team/foo', 'moving')
    const first = await pin(await clone(), { images: `foo=${foo}:moving`, 'source-commit': newer })
    expect(first.outputs.pushed).toBe('true')
    const tip = remoteTip()

    const again = await pin(await clone(), { images: `foo=${foo}:moving`, 'source-commit': newer })
    expect(again.outputs).toMatchObject({ changed: 'false', pushed: 'false', 'commit-sha': tip })
    expect(remoteTip()).toBe(tip)

    const stale = await pin(early, { images: `foo=${foo}:moving`, 'source-commit': older })
    expect(stale.outputs).toMatchObject({ pushed: 'false', stale: 'true' })
    expect(remoteTip()).toBe(tip)

    const moved = await new Pusher(registry).image('team/foo', 'moving')
    const next = await pin(await clone(), { images: `foo=${foo}:moving`, 'source-commit': newest })
    expect(next.outputs).toMatchObject({ changed: 'true', pushed: 'true' })
    expect(git(fx.bare, fx.home, 'show', `main:${FILE}`)).toContain(`digest: ${moved}`)
  })

  it('an argument that already has a digest is verified, not re-resolved', async () => {
    const digest = await new Pusher(registry).image('team/foo', 'given')
    const ws = await clone()
    const run = await pin(ws, { images: `foo=${foo}@${digest}`, commit: 'false' })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.digests)).toEqual({ [`${foo}@${digest}`]: digest })
    expect(readImages(readFileSync(path.join(ws, FILE), 'utf8'), FILE)[0]).toEqual({ name: 'foo', newName: foo, digest })
  })
})

describe('a missing image with commit on', () => {
  it.each([['true'], ['false']])('pin-digest %s: fails before the commit, remote unchanged, files byte-identical', async pinDigest => {
    const ws = await clone()
    const before = readFileSync(path.join(ws, FILE))
    const tip = remoteTip()
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: `foo=${foo}:never-pushed`, 'pin-digest': pinDigest, 'verify-images': 'auto' }, { ...fx.env, ...env })
    expect(run.code).toBe(1)
    expect(annotations(run, 'error')).toEqual([`::error::images: '${foo}:never-pushed' is not in registry ${registry.host} (manifest unknown): was it pushed?`])
    expect(readFileSync(path.join(ws, FILE))).toEqual(before)
    expect(run.stdout).not.toContain('::group::Committing back')
    expect(remoteTip()).toBe(tip)
    expect(git(ws, fx.home, 'status', '--porcelain')).toBe('')
    expect(logs(run)).not.toContain(registry.admin.password)
  })
})

describe('a registry that does not answer a pin (verify-images: auto)', () => {
  const sockets: Socket[] = []
  const silent = createServer(socket => sockets.push(socket)) // accepts, never speaks
  beforeAll(() => new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve)))
  afterAll(async () => {
    for (const s of sockets) s.destroy()
    await new Promise(resolve => silent.close(resolve))
  })

  it('the existing digest is dropped as kustomize drops it, and the run warns of it once', async () => {
    const image = `127.0.0.1:${(silent.address() as { port: number }).port}/team/foo`
    const old = `sha256:${'a'.repeat(64)}`
    const ws = await clone()
    writeFileSync(path.join(ws, FILE), `resources:\n  - ../../base\nimages:\n  - name: foo\n    newName: ${image}\n    newTag: v1\n    digest: ${old}\n`)
    const run = await deploy(fx, ws, { path: 'overlays/prod', images: `foo=${image}:v2`, 'pin-digest': 'true', 'verify-images': 'auto', commit: 'false' }, { ...fx.env, ...registryEnv(registry.ca, { env: { KID_REGISTRY_TIMEOUT: '1' } }) })
    expect(run.code).toBe(0)
    expect(readImages(readFileSync(path.join(ws, FILE), 'utf8'), FILE)).toEqual([{ name: 'foo', newName: image, newTag: 'v2' }])
    const dropped = annotations(run, 'warning').filter(w => w.includes(`drops the existing digest '${old}'`))
    expect(dropped).toHaveLength(1)
    expect(dropped[0]).toContain(`images: 'foo=${image}:v2' drops the existing digest '${old}' of image 'foo', as kustomize edit set image does; write 'foo=${image}:v2@*' to keep it`)
    expect(annotations(run, 'warning')).toContainEqual(expect.stringContaining(`'${image}:v2' was not verified`))
  })
})
