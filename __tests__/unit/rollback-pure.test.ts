/** The pure parts of the rollback: the restore edit, its message and trailers, and how the out-of-order guard reads them. */
import { describe, expect, it } from '@jest/globals'
import { distrust } from '../../src/commit/record-trust.js'
import { findLastDeploy, judge } from '../../src/commit/stale-guard.js'
import { formatTrailers, parseTrailers, type DeployRecord } from '../../src/commit/trailers.js'
import { readImages } from '../../src/edit/kustomization.js'
import type { ImageEntry } from '../../src/edit/image-spec.js'
import type { Settings } from '../../src/inputs.js'
import { restoreImages } from '../../src/rollback/restore.js'
import { rollbackMessage } from '../../src/rollback/rollback-message.js'

const F = 'overlays/prod/kustomization.yaml'
const S_NEW = 'b'.repeat(40)
const S_OLD = 'a'.repeat(40)
const DEPLOY = 'd'.repeat(40)

const before = `# prod
resources:
  - ../../base
images:
  - name: web
    newTag: "1.0.0"   # pinned by CI
  - name: api
    newName: registry.example.com/api
    newTag: v3
`
const deployed = before.replace('newTag: "1.0.0"', 'newTag: 2.0.0').replace('newTag: v3', 'newTag: v4') + '  - name: worker\n    newTag: w1\n'
const entries = (text: string): ImageEntry[] => readImages(text, F)

describe('restoreImages: what this run changed goes back, newer wins, everything else stays', () => {
  it('restores every entry the deploy changed and removes the one it added, keeping the rest of the file', () => {
    const tip = deployed.replace('# prod', '# prod, edited by hand since') + 'namePrefix: p-\n'
    const r = restoreImages(tip, entries(before), entries(deployed), F)
    expect(r.changed).toBe(true)
    expect(r.content).toBe(before.replace('# prod', '# prod, edited by hand since').replace('newTag: "1.0.0"   # pinned by CI', 'newTag: 1.0.0   # pinned by CI') + 'namePrefix: p-\n')
    expect(r.entries.map(e => [e.name, e.state])).toEqual([['web', 'restored'], ['api', 'restored'], ['worker', 'restored']])
    expect(r.images).toEqual(['web:1.0.0', 'api=registry.example.com/api:v3', 'worker'])
  })

  it('leaves an entry the tip holds newer, and says so', () => {
    const tip = deployed.replace('newTag: 2.0.0', 'newTag: 2.1.0')
    const r = restoreImages(tip, entries(before), entries(deployed), F)
    expect(r.entries.find(e => e.name === 'web')).toMatchObject({ state: 'newer', note: expect.stringContaining('holds web:2.1.0, not this run\'s web:2.0.0: a newer change wins') })
    expect(entries(r.content).find(e => e.name === 'web')?.newTag).toBe('2.1.0')
    expect(entries(r.content).find(e => e.name === 'api')?.newTag).toBe('v3')
  })

  it('changes nothing when every entry is newer on the tip', () => {
    const tip = deployed.replace('newTag: 2.0.0', 'newTag: 3').replace('newTag: v4', 'newTag: v5').replace('newTag: w1', 'newTag: w2')
    const r = restoreImages(tip, entries(before), entries(deployed), F)
    expect(r).toMatchObject({ changed: false, content: tip, images: [] })
  })
})

describe('the rollback commit and the out-of-order guard', () => {
  const settings = { environment: 'prod', commit: { sourceCommit: S_NEW, sourceRepository: 'o/app', skipCi: false } } as unknown as Settings
  const restore = restoreImages(deployed, entries(before), entries(deployed), F)
  const message = rollbackMessage(settings, { GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' }, [restore], [F], {
    rollbackOf: DEPLOY,
    restoredSources: [S_OLD],
    why: 'rollout of deployment/web in prod did not complete within 5m',
    environments: ['prod']
  })

  it('says what it restores and why, and records the rolled-back source, the deploy it reverts and the restored source', () => {
    expect(message.split('\n')[0]).toBe('rollback(prod): web 2.0.0 → 1.0.0, api registry.example.com/api:v4 → registry.example.com/api:v3, worker w1 → (removed) (rollout of deployment/web in prod did not complete within 5m)')
    const record = parseTrailers(message)
    expect(record).toEqual({
      source: S_NEW,
      sourceRepository: 'o/app',
      run: '7/2',
      environment: 'prod',
      paths: [F],
      images: ['web:1.0.0', 'api=registry.example.com/api:v3', 'worker'],
      rollbackOf: DEPLOY,
      restoredSources: [S_OLD]
    })
  })

  it('is trusted as a record: its change is the restore its Deploy-Image lines name (a bare name: removed)', () => {
    expect(distrust(parseTrailers(message)!, F, deployed, restore.content)).toBeUndefined()
    // the same lines on a commit that does not make that change are not trusted
    expect(distrust(parseTrailers(message)!, F, deployed, deployed)).toMatch(/not the images edit it names/)
    // a bare name outside a rollback record is no argument
    const plain = parseTrailers(message.replace(/^Deploy-Rollback-Of: .*\n/m, ''))!
    expect(distrust(plain, F, deployed, restore.content)).toMatch(/cannot be read as an images edit/)
  })

  it('is the last deploy the guard finds, and it refuses the rolled-back source unless allow-downgrade', async () => {
    const files: Record<string, string> = { R: restore.content, 'R^': deployed, D: deployed, 'D^': before }
    const deploy: DeployRecord = { source: S_NEW, sourceRepository: 'o/app', run: '7/1', environment: 'prod', paths: [F], images: ['web:2.0.0', 'api=registry.example.com/api:v4', 'worker:w1'] }
    const commits = [
      { sha: 'R', message },
      { sha: 'D', message: `deploy(prod): …\n\n${formatTrailers(deploy).join('\n')}\n` }
    ]
    const { last } = await findLastDeploy(commits, F, ['web'], async rev => files[rev])
    expect(last?.commit).toBe('R')
    const ours = { sha: S_NEW, repository: 'o/app' }
    const refused = judge(F, ours, last, { relation: 'same' }, false)
    expect(refused.refuse).toBe(true)
    expect(refused.warning).toMatch(/this run's source bbbbbbb was rolled back by R .*not pushing and not applying it again \(set allow-downgrade: true/)
    expect(judge(F, ours, last, { relation: 'same' }, true)).toMatchObject({ refuse: false, warning: expect.stringContaining('deploying it again (allow-downgrade: true)') })
    // a newer source deploys; an older one (the restored source included) is stale
    expect(judge(F, { sha: 'c'.repeat(40), repository: 'o/app' }, last, { relation: 'older' }, false).refuse).toBe(false)
    expect(judge(F, { sha: S_OLD, repository: 'o/app' }, last, { relation: 'newer' }, false).refuse).toBe(true)
  })
})
