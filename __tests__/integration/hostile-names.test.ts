/**
 * Directory names a pull request controls, run through the bundle under Node 24 with
 * `path: overlays/*` (or `*`): none may start a workflow command the action did not intend (the
 * runner reads `::name::` at a line start and legacy `##[name]` anywhere in a line), and a name
 * holding a control character is refused before anything is written, so `changed-files` cannot
 * carry a forged line.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/action.js'
import { forgedCommands, workflowCommands } from '../helpers/workflow-commands.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const KUSTOMIZATION = 'resources:\n- pod.yaml\nimages:\n- name: app\n  newTag: v1\n'
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: app:v0}\n'
const EDITED = KUSTOMIZATION.replace('v1', 'v2')

function workspace(dirs: string[], extra: Record<string, string> = {}): string {
  const ws = tempDir('kid-hostile-')
  writeFiles(ws, { ...Object.fromEntries(dirs.flatMap(d => [[`${d}/kustomization.yaml`, KUSTOMIZATION], [`${d}/pod.yaml`, POD]])), ...extra })
  return ws
}

describe('a directory name holding a newline (path: overlays/*)', () => {
  const hostile = 'overlays/x\n::error title=forged::owned'

  it('is refused before any file is written, naming path and quoting the name escaped; nothing it holds starts a command', async () => {
    // a temp file an interrupted run left: the old bundle logged its path unescaped
    const ws = workspace(['overlays/ok', hostile], { [`${hostile}/.kustomization.yaml.0123456789ab.tmp`]: '' })
    const run = await runAction(ws, { path: 'overlays/*', images: 'app:v2' })
    expect(forgedCommands(run.stdout)).toEqual([])
    expect(run.code).toBe(1)
    const errors = workflowCommands(run.stdout).filter(c => c.name === 'error')
    expect(errors.map(e => e.data)).toEqual([
      "path: 'overlays/*' is not valid: it matches 'overlays/x\\n::error title=forged::owned', a name holding a control character (shown escaped); expected a directory inside the workspace holding one kustomization.yaml, kustomization.yml or Kustomization"
    ])
    expect(run.outputs['changed-files']).toBeUndefined()
    for (const d of ['overlays/ok', hostile]) expect(readFileSync(path.join(ws, d, 'kustomization.yaml'), 'utf8')).toBe(KUSTOMIZATION)
    expect(existsSync(path.join(ws, hostile, '.kustomization.yaml.0123456789ab.tmp'))).toBe(true)
  })

  it('a tab, a carriage return or a C1 control is refused the same way', async () => {
    for (const name of ['overlays/a\tb', 'overlays/a\r::error title=forged::owned', 'overlays/a\u0085::error title=forged::owned']) {
      const ws = workspace([name])
      const run = await runAction(ws, { path: 'overlays/*', images: 'app:v2' })
      expect(forgedCommands(run.stdout)).toEqual([])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('a name holding a control character (shown escaped)')
      expect(readFileSync(path.join(ws, name, 'kustomization.yaml'), 'utf8')).toBe(KUSTOMIZATION)
    }
  })
})

describe('directory names that are workflow commands without a control character', () => {
  it('are deployed, and every log line that carries them is inert', async () => {
    const names = ['::error title=forged::owned', '  ::warning title=forged::owned', 'x ##[error title=forged;]owned', '##[group]owned']
    const ws = workspace(names)
    const run = await runAction(ws, { path: '*', images: 'app:v2' })
    expect(forgedCommands(run.stdout)).toEqual([])
    expect(workflowCommands(run.stdout).filter(c => c.name === 'error' || c.name === 'warning')).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs['changed-files'].split('\n').sort()).toEqual(names.map(n => `${n}/kustomization.yaml`).sort())
    for (const d of names) expect(readFileSync(path.join(ws, d, 'kustomization.yaml'), 'utf8')).toBe(EDITED)
  })
})

describe('an environment input holding a line break', () => {
  it('is refused before anything is written (it would forge a Deploy-* trailer of the commit)', async () => {
    const ws = workspace(['app'])
    const run = await runAction(ws, { path: 'app', images: 'app:v2', environment: 'prod\nDeploy-Source: 0000000' })
    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout).filter(c => c.name === 'error').map(c => c.data)).toEqual([
      "environment: 'prod\\nDeploy-Source: 0000000' is not valid; expected one line without control characters (shown escaped)"
    ])
    expect(readFileSync(path.join(ws, 'app/kustomization.yaml'), 'utf8')).toBe(KUSTOMIZATION)
  })
})
