/**
 * `load-restrictor`: a target whose transformer lives in a sibling folder (as
 * kserve/modelmesh-serving's config/runtimes) renders only with kustomize's load restrictor
 * lifted. The bundle under Node 24 passes it to the render; `none` is refused on pull-request
 * events, where the kustomization comes from the pull request and could read any runner file.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/action.js'
import { workflowCommands } from '../helpers/workflow-commands.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const KUSTOMIZATION = 'resources:\n- pod.yaml\ntransformers:\n- ../transformers/labels.yaml\nimages:\n- name: app\n  newTag: v1\n'

function workspace(): string {
  const ws = tempDir('kid-lr-')
  writeFiles(ws, {
    'config/runtimes/kustomization.yaml': KUSTOMIZATION,
    'config/runtimes/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: app:v0}\n',
    'config/transformers/labels.yaml':
      'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: runtime-labels\nlabels:\n  app.kubernetes.io/part-of: modelmesh\nfieldSpecs:\n- path: metadata/labels\n  create: true\n'
  })
  return ws
}

const errors = (stdout: string) => workflowCommands(stdout).filter(c => c.name === 'error').map(c => c.data)
const file = (ws: string) => readFileSync(path.join(ws, 'config/runtimes/kustomization.yaml'), 'utf8')

describe('load-restrictor', () => {
  it('root-only (the default): the sibling transformer is refused by kustomize and the file put back', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'config/runtimes', images: 'app:v2' })
    expect(run.code).toBe(1)
    expect(errors(run.stdout).join('\n')).toMatch(/security; file '.*config\/transformers\/labels\.yaml' is not in or below/)
    expect(file(ws)).toBe(KUSTOMIZATION)
  })

  it('none: renders with the transformer and deploys the edit', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'config/runtimes', images: 'app:v2', 'load-restrictor': 'none' }, { GITHUB_EVENT_NAME: 'push' })
    expect(errors(run.stdout)).toEqual([])
    expect(run.code).toBe(0)
    expect(file(ws)).toBe(KUSTOMIZATION.replace('v1', 'v2'))
    expect(run.outputs['changed-files']).toBe('config/runtimes/kustomization.yaml')
  })

  it.each(['pull_request', 'pull_request_target'])('none on %s is refused before anything is written', async event => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'config/runtimes', images: 'app:v2', 'load-restrictor': 'none' }, { GITHUB_EVENT_NAME: event })
    expect(errors(run.stdout)).toEqual([
      `load-restrictor: 'none' is not valid: on ${event} events the kustomization comes from the pull request, and without the restrictor it could read any file of the runner (a kubeconfig, /proc/self/environ) into a rendered object; expected root-only (or none on other events)`
    ])
    expect(run.code).toBe(1)
    expect(file(ws)).toBe(KUSTOMIZATION)
  })

  it('an unknown value is refused', async () => {
    const ws = workspace()
    const run = await runAction(ws, { path: 'config/runtimes', images: 'app:v2', 'load-restrictor': 'LoadRestrictionsNone' })
    expect(errors(run.stdout)).toEqual(["load-restrictor: 'LoadRestrictionsNone' is not valid; expected root-only, none or empty"])
    expect(file(ws)).toBe(KUSTOMIZATION)
  })
})
