/**
 * The render of a commit built on a moved tip, from a temporary work tree of that commit
 * (src/apply/committed-tree.ts), through the bundle under Node 24 with a bare remote over smart
 * HTTP: what the checkout has that no commit of this repository holds (a submodule's files)
 * still renders there, so such a repository keeps landing its pushes when the branch moved.
 * The cluster side is in __tests__/e2e/committed-tree.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { BASE_DEPLOYMENT, cloneDeploy, deploy, deployRepo, type Fixture } from '../helpers/deploy-repo.js'
import { createRemote, git, pushOver, tempDir } from '../helpers/git-http-server.js'

let fx: Fixture
let lib: string

beforeAll(async () => {
  fx = await deployRepo(['prod'])
  writeFileSync(path.join(fx.home, 'gitconfig'), '[protocol "file"]\n\tallow = always\n')
  lib = createRemote(tempDir('kid-lib-'), 'lib.git', { 'base/deployment.yaml': BASE_DEPLOYMENT, 'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n' }, fx.home).bare
})
afterAll(async () => fx?.server.stop())

const clone = () => cloneDeploy(fx)

describe('a commit built on a moved tip renders from its own tree', () => {
  it('with its base in a submodule: the push onto the moved tip lands', async () => {
    const seed = await clone()
    git(seed, fx.home, 'submodule', 'add', '--quiet', lib, 'vendor/lib')
    writeFileSync(path.join(seed, 'overlays/prod/kustomization.yaml'), 'resources:\n  - ../../vendor/lib/base\nimages:\n  - name: foo\n    newTag: dev-1338\n')
    git(seed, fx.home, 'commit', '--quiet', '-am', 'the base comes from a submodule')
    await pushOver(fx.server, seed, fx.home, 'origin', 'main')

    const ws = await clone()
    git(ws, fx.home, 'submodule', 'update', '--quiet', '--init')
    writeFileSync(path.join(seed, 'README.md'), 'another writer\n')
    git(seed, fx.home, 'add', 'README.md')
    git(seed, fx.home, 'commit', '--quiet', '-m', 'another writer')
    await pushOver(fx.server, seed, fx.home, 'origin', 'main')
    const moved = git(fx.bare, fx.home, 'rev-parse', 'main')

    const run = await deploy(fx, ws, { path: 'overlays/prod', images: 'foo:dev-1339' })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.outputs).toMatchObject({ pushed: 'true' })
    expect(run.stdout).toContain("every target renders at the commit built on 'main'")
    expect(git(fx.bare, fx.home, 'rev-parse', 'main^')).toBe(moved)
    expect(git(fx.bare, fx.home, 'show', 'main:overlays/prod/kustomization.yaml')).toContain('newTag: dev-1339')
    // the temporary tree's link is gone, the submodule it pointed at is not
    expect(existsSync(path.join(ws, 'vendor/lib/base/deployment.yaml'))).toBe(true)
    expect(git(ws, fx.home, 'worktree', 'list').split('\n')).toHaveLength(1)
  })
})
