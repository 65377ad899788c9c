/**
 * A run SIGKILLed while it writes kustomizations (the bundle under Node 24, killed the moment its
 * first temp file appears) may leave `.kustomization.yaml.<hex>.tmp` files; the next run removes
 * those of its own naming, and only those, before it edits.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, watch, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { BUNDLE, inputEnv, NODE24, runAction } from '../helpers/action.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const TARGETS = 40
const dirs = Array.from({ length: TARGETS }, (_, i) => `envs/e${String(i).padStart(2, '0')}`)
const LEFTOVER = /^\.kustomization\.yaml\.[0-9a-f]{12}\.tmp$/

function workspace(): string {
  const ws = tempDir('kid-kill-')
  writeFiles(ws, {
    'base/kustomization.yaml': 'resources:\n- pod.yaml\n',
    'base/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: app:v0}\n',
    ...Object.fromEntries(dirs.map(d => [`${d}/kustomization.yaml`, 'resources:\n- ../../base\nimages:\n- name: app\n  newTag: v0\n']))
  })
  return ws
}

const leftovers = (ws: string) => dirs.flatMap(d => readdirSync(path.join(ws, d)).filter(n => LEFTOVER.test(n)).map(n => `${d}/${n}`))

/** Start the bundle and SIGKILL it as soon as any target directory sees a temp file. */
function runAndKill(ws: string, tag: string): Promise<void> {
  return new Promise(resolve => {
    const env = { ...process.env, GITHUB_WORKSPACE: ws, ...inputEnv({ path: 'envs/*', images: `app:${tag}`, apply: 'false', comment: 'false', 'verify-images': 'false' }) }
    const child = spawn(NODE24, [BUNDLE], { cwd: ws, env, stdio: 'ignore' })
    const watchers = dirs.map(d =>
      watch(path.join(ws, d), (_event, name) => {
        if (name && name.endsWith('.tmp')) child.kill('SIGKILL')
      })
    )
    child.on('exit', () => {
      watchers.forEach(w => w.close())
      resolve()
    })
  })
}

describe('a run killed during the write phase', () => {
  it('leaves temp files that the next run removes, and only those', async () => {
    const ws = workspace()
    let killed: string[] = []
    for (let attempt = 1; attempt <= 8 && killed.length === 0; attempt++) {
      await runAndKill(ws, `v${attempt}`)
      killed = leftovers(ws)
    }
    // the kill lands in the window most of the time; plant one of the same naming so the
    // cleanup is always exercised, and two look-alikes that are not ours
    writeFileSync(path.join(ws, dirs[0], '.kustomization.yaml.0123456789ab.tmp'), '')
    writeFileSync(path.join(ws, dirs[0], '.kustomization.yaml.notes.tmp'), 'mine')
    writeFileSync(path.join(ws, dirs[1], '.deploy.yaml.0123456789ab.tmp'), 'mine')
    expect(leftovers(ws).length).toBeGreaterThan(0)

    const run = await runAction(ws, { path: 'envs/*', images: 'app:v9' })
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)
    expect(leftovers(ws)).toEqual([])
    expect(run.stdout).toContain(`removed ${dirs[0]}/.kustomization.yaml.0123456789ab.tmp, a temp file an interrupted run left behind`)
    for (const kill of killed) expect(run.stdout).toContain(`removed ${kill},`)
    expect(readFileSync(path.join(ws, dirs[0], '.kustomization.yaml.notes.tmp'), 'utf8')).toBe('mine')
    expect(readFileSync(path.join(ws, dirs[1], '.deploy.yaml.0123456789ab.tmp'), 'utf8')).toBe('mine')
    for (const d of dirs) expect(readFileSync(path.join(ws, d, 'kustomization.yaml'), 'utf8')).toBe('resources:\n- ../../base\nimages:\n- name: app\n  newTag: v9\n')
  })
})
