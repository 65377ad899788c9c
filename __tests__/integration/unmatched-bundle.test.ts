/**
 * The unmatched-argument check through the built bundle under Node 24 with the real
 * `kubectl kustomize`: an argument that changes no container fails before commit with the files
 * restored; one that matches in some targets only warns at the others' kustomization files.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { runAction } from '../helpers/action.js'
import { git, tempDir } from '../helpers/git-http-server.js'
import { pod, snapshot, writeFiles } from '../helpers/workspace.js'

/** apps/web renders ghcr.io/org/web:v1; apps/api renders ghcr.io/org/api:v1 (both from their own base). */
function workspace(): string {
  const ws = tempDir('kid-unmatched-')
  writeFiles(ws, {
    'apps/web/kustomization.yaml': 'resources:\n- pod.yaml\n',
    'apps/web/pod.yaml': pod('ghcr.io/org/web:v1'),
    'apps/api/kustomization.yaml': '# api\nresources:\n- pod.yaml\n',
    'apps/api/pod.yaml': pod('ghcr.io/org/api:v1')
  })
  return ws
}

const FILES = ['apps/web/kustomization.yaml', 'apps/api/kustomization.yaml']
const errors = (stdout: string) => stdout.split('\n').filter(l => l.startsWith('::error'))

describe('an image argument that changes no container', () => {
  it('fails before commit with one line naming argument, target, rendered images and a suggestion; files restored', async () => {
    const ws = workspace()
    const home = tempDir('kid-home-')
    writeFiles(home, { gitconfig: '[user]\n\tname = t\n\temail = t@example.com\n' })
    const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home }
    git(ws, home, 'init', '--quiet', '-b', 'main')
    git(ws, home, 'add', '.')
    git(ws, home, 'commit', '--quiet', '-m', 'seed')
    const bare = path.join(tempDir('kid-remote-'), 'deploy.git')
    git(ws, home, 'init', '--quiet', '--bare', bare)
    git(ws, home, 'remote', 'add', 'origin', bare)
    git(ws, home, 'push', '--quiet', 'origin', 'main')
    const head = git(ws, home, 'rev-parse', 'HEAD')
    const before = snapshot(ws, FILES)
    const run = await runAction(ws, { path: 'apps/web', images: 'web:v2', commit: 'true', branch: 'main' }, env)
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual([
      "::error::images: 'web:v2' matches no container in apps/web; rendered images: ghcr.io/org/web:v1 — did you mean ghcr.io/org/web=*:v2 or ghcr.io/org/web:v2?"
    ])
    expect(run.stdout).toContain('restored 1 file(s) to their original content')
    expect(snapshot(ws, FILES)).toEqual(before)
    expect(run.stdout).not.toContain('::group::Committing back')
    expect(git(ws, home, 'rev-parse', 'HEAD')).toBe(head)
    expect(git(ws, home, 'rev-parse', 'origin/main')).toBe(head)
    expect(git(bare, home, 'rev-parse', 'main')).toBe(head)
    expect(git(ws, home, 'status', '--porcelain')).toBe('')
  })

  it('every argument that matches nowhere gets its own line; one that matches passes', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'apps/*', images: 'web:v2\nghcr.io/org/api:v3\npostgres:16' })
    expect(run.code).toBe(1)
    const lines = errors(run.stdout)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^::error::images: 'web:v2' matches no container in apps\/api, apps\/web; rendered images: ghcr\.io\/org\/web:v1, ghcr\.io\/org\/api:v3 — did you mean ghcr\.io\/org\/web=\*:v2/)
    expect(lines[1]).toBe("::error::images: 'postgres:16' matches no container in apps/api, apps/web; rendered images: ghcr.io/org/web:v1, ghcr.io/org/api:v3")
    expect(snapshot(ws, FILES)).toEqual(snapshot(workspace(), FILES))
  })

  it('a new entry that an entry kustomize applies after it overrides: warned, unmatched, restored (issue 17, open-cluster-management)', async () => {
    const ws = tempDir('kid-unmatched-order-')
    const ocm = 'quay.io/open-cluster-management/registration-operator'
    const digest = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'
    writeFiles(ws, {
      'config/kustomization.yaml': `resources:\n- pod.yaml\nimages:\n- name: ${ocm}:latest\n  newName: ${ocm}\n  newTag: latest\n`,
      'config/pod.yaml': pod(`${ocm}:latest`)
    })
    const before = snapshot(ws, ['config/kustomization.yaml'])
    const run = await runAction(ws, { path: 'config', images: `${ocm}:latest@${digest}` })
    expect(run.code).toBe(1)
    const warning = run.stdout.split('\n').find(l => l.startsWith('::warning') && l.includes('goes before'))
    expect(warning).toContain(`the new entry for image '${ocm}' goes before '${ocm}:latest' (line 4)`)
    expect(errors(run.stdout)).toHaveLength(1)
    expect(errors(run.stdout)[0]).toContain(`matches no container in config; rendered images: ${ocm}:latest`)
    expect(snapshot(ws, ['config/kustomization.yaml'])).toEqual(before)
  })

  it('unmatched: warn writes the entry and warns instead', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'apps/web', images: 'web:v2', unmatched: 'warn' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning file=apps\/web\/kustomization.yaml::images: 'web:v2' matches no container in apps\/web; .* \(unmatched: warn\)/)
    expect(run.outputs.changed).toBe('true')
  })

  it('a bad unmatched value is an input error', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'apps/web', images: 'ghcr.io/org/web:v2', unmatched: 'ignore' })
    expect(run.code).toBe(1)
    expect(errors(run.stdout)).toEqual(["::error::unmatched: 'ignore' is not valid; expected error, warn or empty"])
    expect(snapshot(ws, FILES)).toEqual(snapshot(workspace(), FILES))
  })
})

describe('an argument that matches in some targets only', () => {
  it('succeeds, with a warning at each kustomization file where it matched nothing', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'apps/*', images: 'ghcr.io/org/web:v2' })
    expect(run.code).toBe(0)
    expect(errors(run.stdout)).toEqual([])
    expect(run.stdout).toContain(
      "::warning file=apps/api/kustomization.yaml::images: 'ghcr.io/org/web:v2' matches no container in apps/api (it does in apps/web); this target keeps its images"
    )
    expect(run.stdout).not.toMatch(/::warning file=apps\/web\/kustomization.yaml::images:/)
    expect(execFileSync('kubectl', ['kustomize', path.join(ws, 'apps/web')], { encoding: 'utf8' })).toContain('image: ghcr.io/org/web:v2')
  })

  it('an empty images input (apply only) checks nothing', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'apps/*', images: '' })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('image argument(s) found')
  })
})
