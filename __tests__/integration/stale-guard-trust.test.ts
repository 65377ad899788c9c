/**
 * What the out-of-order guard trusts (issue 17, item 9), through the built bundle under Node 24
 * against a bare remote over smart HTTP: an ordinary commit whose message ends in `Deploy-…`
 * trailers is not a deploy record. Only the action's full trailer block counts, in a commit whose
 * change to the file is the images edit its `Deploy-Image` lines describe.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { cloneDeploy, deploy, deployRepo, type Fixture } from '../helpers/deploy-repo.js'
import { git, pushOver } from '../helpers/git-http-server.js'

const FILE = 'overlays/prod/kustomization.yaml'
let fx: Fixture

beforeAll(async () => {
  fx = await deployRepo(['prod'])
})
afterAll(async () => fx?.server.stop())

const clone = () => cloneDeploy(fx)
const remoteFile = () => git(fx.bare, fx.home, 'show', `main:${FILE}`)

/** Two source commits (older, newer), the newer deployed with foo:v-new; and a checkout from before that deploy. */
let round = 0
async function deployedNewer(): Promise<{ older: string; newer: string; early: string; tag: string }> {
  const tag = `v-${++round}`
  const ws = await clone()
  const shas: string[] = []
  for (const i of [0, 1]) {
    git(ws, fx.home, 'commit', '--quiet', '--allow-empty', '-m', `source ${i}`)
    shas.push(git(ws, fx.home, 'rev-parse', 'HEAD'))
  }
  await pushOver(fx.server, ws, fx.home, 'origin', 'main')
  const early = await clone()
  const run = await deploy(fx, await clone(), { path: 'overlays/prod', images: `foo:${tag}-new`, 'source-commit': shas[1] })
  expect(run.outputs.pushed).toBe('true')
  return { older: shas[0], newer: shas[1], early, tag }
}

/** A person's commit to the kustomization, its message ending in trailers they wrote. */
async function forge(change: (text: string) => string, trailers: string[]): Promise<void> {
  const ws = await clone()
  const file = path.join(ws, FILE)
  writeFileSync(file, change(git(ws, fx.home, 'show', `HEAD:${FILE}`) + '\n'))
  git(ws, fx.home, 'commit', '--quiet', '-am', `tidy the overlay\n\n${trailers.join('\n')}`)
  await pushOver(fx.server, ws, fx.home, 'origin', 'main')
}

const comment = (text: string) => text.replace(/^# overlay.*/, `# overlay, tidied ${round}`)

describe('the out-of-order guard trusts only deploy records the action wrote', () => {
  it.each([
    ['a lone Deploy-Source trailer', (older: string) => [`Deploy-Source: ${older}`]],
    ['Deploy-Source and Deploy-Path', (older: string) => [`Deploy-Source: ${older}`, `Deploy-Path: ${FILE}`]],
    [
      'the full block, but the commit does not make the images edit it names',
      (older: string, tag: string) => [`Deploy-Source: ${older}`, 'Deploy-Run: 1/1', 'Deploy-Environment: overlays/prod', `Deploy-Path: ${FILE}`, `Deploy-Image: foo:${tag}-new`]
    ]
  ])('%s in an ordinary commit: an older run is still refused as stale', async (_, trailers) => {
    const { older, newer, early, tag } = await deployedNewer()
    await forge(comment, trailers(older, tag))
    const tip = git(fx.bare, fx.home, 'rev-parse', 'main')

    const stale = await deploy(fx, early, { path: 'overlays/prod', images: `foo:${tag}-old`, 'source-commit': older })
    expect(stale.code).toBe(0)
    expect(stale.outputs).toMatchObject({ pushed: 'false', stale: 'true', 'commit-sha': '' })
    expect(stale.stdout).toMatch(new RegExp(`::warning::.*stale run.*${newer.slice(0, 7)}.*${older.slice(0, 7)}`))
    expect(git(fx.bare, fx.home, 'rev-parse', 'main')).toBe(tip)
    expect(remoteFile()).toContain(`newTag: ${tag}-new`)
  })

  it('a deploy commit the action wrote is trusted after a person edited the same file', async () => {
    const { older, newer, tag } = await deployedNewer()
    await forge(comment, [])
    const run = await deploy(fx, await clone(), { path: 'overlays/prod', images: `foo:${tag}-old`, 'source-commit': older })
    expect(run.outputs).toMatchObject({ pushed: 'false', stale: 'true' })
    expect(run.stdout).toContain(`last deploy came from ${newer.slice(0, 7)}`)
  })
})
