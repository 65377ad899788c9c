/**
 * Every duration is bounded (6 h, GitHub's job limit): the `timeout` input and the KID_*
 * variables. Above it, Node's timer overflowed (`timeout: 600h` killed the rollout at once and
 * reported "did not finish within 36010 min"). The bundle under Node 24 refuses such a value
 * before any file is written.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/action.js'
import { workflowCommands } from '../helpers/workflow-commands.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const KUSTOMIZATION = 'resources:\n- pod.yaml\nimages:\n- name: app\n  newTag: v1\n'
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: app:v0}\n'

function workspace(): string {
  const ws = tempDir('kid-bounds-')
  writeFiles(ws, { 'kustomization.yaml': KUSTOMIZATION, 'pod.yaml': POD })
  return ws
}

const errors = (stdout: string) => workflowCommands(stdout).filter(c => c.name === 'error').map(c => c.data)

describe('durations above 6 h', () => {
  it.each([
    ['600h', "timeout: '600h' is not valid: more than 6 h, GitHub's job limit; expected a duration such as 300s, 5m or 1h30m, at most 6h"],
    ['361m', "timeout: '361m' is not valid: more than 6 h, GitHub's job limit; expected a duration such as 300s, 5m or 1h30m, at most 6h"],
    ['21601', "timeout: '21601' is not valid: more than 6 h, GitHub's job limit; expected a duration such as 300s, 5m or 1h30m, at most 6h"]
  ])('timeout: %s is refused before anything is written', async (timeout, message) => {
    const ws = workspace()
    const run = await runAction(ws, { images: 'app:v2', timeout })
    expect(errors(run.stdout)).toEqual([message])
    expect(run.code).toBe(1)
    expect(readFileSync(path.join(ws, 'kustomization.yaml'), 'utf8')).toBe(KUSTOMIZATION)
  })

  it.each([
    ['KID_KUBECTL_TIMEOUT', '21601', "KID_KUBECTL_TIMEOUT: '21601' is not valid: more than 6 h, GitHub's job limit; expected seconds (decimals allowed), more than 0 and at most 21600"],
    ['KID_GIT_TIMEOUT', '1e9', "KID_GIT_TIMEOUT: '1e9' is not valid: more than 6 h, GitHub's job limit; expected seconds (decimals allowed), more than 0 and at most 21600"],
    ['KID_RENDER_TIMEOUT', 'soon', "KID_RENDER_TIMEOUT: 'soon' is not valid; expected seconds (decimals allowed), more than 0 and at most 21600"],
    ['KID_PREVIEW_TIMEOUT', '0', "KID_PREVIEW_TIMEOUT: '0' is not valid; expected seconds (decimals allowed), more than 0 and at most 21600"],
    ['KID_REGISTRY_TIMEOUT', '-1', "KID_REGISTRY_TIMEOUT: '-1' is not valid; expected seconds (decimals allowed), more than 0 and at most 21600"]
  ])('%s=%s is refused before anything is written', async (name, value, message) => {
    const ws = workspace()
    const run = await runAction(ws, { images: 'app:v2' }, { [name]: value })
    expect(errors(run.stdout)).toEqual([message])
    expect(run.code).toBe(1)
    expect(readFileSync(path.join(ws, 'kustomization.yaml'), 'utf8')).toBe(KUSTOMIZATION)
  })

  it('6h and KID_* variables up to 21600 s are accepted', async () => {
    const ws = workspace()
    const run = await runAction(ws, { images: 'app:v2', timeout: '5h60m' }, { KID_KUBECTL_TIMEOUT: '21600', KID_GIT_TIMEOUT: '0.5' })
    expect(errors(run.stdout)).toEqual([])
    expect(run.code).toBe(0)
  })
})
