/**
 * The built bundle run as the runner runs it (Node 24, INPUT_*, GITHUB_OUTPUT), with the real
 * `kubectl kustomize`: files, outputs, annotations and exit codes.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction } from '../helpers/action.js'
import { exampleWorkspace, snapshot, tempDir, writeFiles } from '../helpers/workspace.js'

const OVERLAYS = ['overlays/staging/kustomization.yaml', 'overlays/production/kustomization.yaml']
const images = (dir: string) => execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }).match(/image: \S+/g)

describe('the bundle edits kustomizations', () => {
  it('sets the tag in every overlay of a glob, keeps formatting, reports outputs and summary', async () => {
    const ws = exampleWorkspace()
    const before = snapshot(ws, OVERLAYS)
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339' })
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)
    for (const rel of OVERLAYS) {
      const after = readFileSync(path.join(ws, rel), 'utf8')
      expect(after).toBe(before[rel].replace(/newTag: dev-13\d\d/, 'newTag: dev-1339'))
    }
    expect(images(path.join(ws, 'overlays/production'))).toEqual([
      'image: ghcr.io/example/web:dev-1339',
      'image: ghcr.io/example/metrics:2.1'
    ])
    expect(run.outputs.changed).toBe('true')
    expect(run.outputs['changed-files'].split('\n').sort()).toEqual([...OVERLAYS].sort())
    const out = JSON.parse(run.outputs.images)
    expect(out.map((t: { path: string }) => t.path)).toEqual(['overlays/production', 'overlays/staging'])
    expect(out[1].images).toEqual([{ name: 'ghcr.io/example/web', newTag: 'dev-1339' }])
    expect(run.summary).toContain('| `ghcr.io/example/web` | ghcr.io/example/web:dev-1338 | **ghcr.io/example/web:dev-1339** |')
    expect(run.stdout).toContain('::group::Editing images')

    const again = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339' })
    expect(again.code).toBe(0)
    expect(again.outputs.changed).toBe('false')
    expect(again.outputs['changed-files']).toBe('')
  })

  it('finds kustomization.yml and Kustomization, and edits a Component', async () => {
    const ws = tempDir()
    writeFiles(ws, {
      'a/kustomization.yml': 'resources:\n- ../res\n',
      'b/Kustomization': 'resources:\n- ../res\ncomponents:\n- ../comp\n',
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n- name: app\n  newTag: v0\n',
      'res/kustomization.yaml': 'resources:\n- pod.yaml\n',
      'res/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: app:v0}\n'
    })
    const run = await runAction(ws, { path: 'a\nb\ncomp', images: 'app:v7', environment: 'dev' })
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)
    expect(readFileSync(path.join(ws, 'a/kustomization.yml'), 'utf8')).toBe('resources:\n- ../res\nimages:\n- name: app\n  newTag: v7\n')
    expect(readFileSync(path.join(ws, 'comp/kustomization.yaml'), 'utf8')).toContain('  newTag: v7\n')
    expect(images(path.join(ws, 'b'))).toEqual(['image: app:v7'])
    expect(JSON.parse(run.outputs.images).map((t: { environment: string }) => t.environment)).toEqual(['dev', 'dev', 'dev'])
  })
})

describe('bad input changes nothing', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'an invalid image argument',
      { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339\nnginx' },
      /^::error::images: 'nginx' is not valid: .*; expected name\[=newName\]\[:tag\]\[@digest\]$/m
    ],
    ['a template left in', { path: 'overlays/*', images: 'web:{{TAG}}' }, /^::error::images: 'web:\{\{TAG\}\}' is not valid: .*unsubstituted template/m],
    ['a path outside the workspace', { path: '../..', images: 'web:v1' }, /^::error::path: '\.\.\/\.\.' is not valid: .*outside the workspace/m],
    ['a missing directory', { path: 'overlays/nope', images: 'web:v1' }, /^::error::path: 'overlays\/nope' is not valid: no such directory/m],
    ['a glob matching nothing', { path: 'envs/*', images: 'web:v1' }, /^::error::path: 'envs\/\*' is not valid: the pattern matches no kustomization directory/m],
    ['a directory with no kustomization', { path: 'overlays', images: 'web:v1' }, /^::error::path: 'overlays' is not valid: no kustomization file there/m],
    ['a bad boolean', { path: 'overlays/*', images: 'web:v1', apply: 'yes please' }, /^::error::apply: 'yes please' is not valid; expected auto, true or false$/m]
  ]
  it.each(cases)('%s', async (_label, inputs, error) => {
    const ws = exampleWorkspace()
    const before = snapshot(ws, OVERLAYS)
    const run = await runAction(ws, inputs)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(error)
    expect(snapshot(ws, OVERLAYS)).toEqual(before)
    expect(run.outputs).toEqual({})
  })

  it('a symlink leading out of the workspace is refused', async () => {
    const ws = exampleWorkspace()
    const outside = exampleWorkspace()
    symlinkSync(path.join(outside, 'overlays/staging'), path.join(ws, 'escape'))
    const run = await runAction(ws, { path: 'escape', images: 'web:v1' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::path: 'escape' is not valid: it resolves outside the workspace/)
  })

  it('several kustomization files in one directory are refused', async () => {
    const ws = exampleWorkspace()
    writeFileSync(path.join(ws, 'overlays/staging/kustomization.yml'), 'resources: []\n')
    const run = await runAction(ws, { path: 'overlays/staging', images: 'web:v1' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('several kustomization files there (kustomization.yaml, kustomization.yml)')
  })

  it('a YAML error is annotated at file and line, and no file is written', async () => {
    const ws = exampleWorkspace()
    writeFileSync(path.join(ws, 'overlays/production/kustomization.yaml'), 'resources:\n- ../../base\nimages:\n  - name: web\n  newTag: [v1\n')
    const before = snapshot(ws, OVERLAYS)
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error file=overlays\/production\/kustomization\.yaml,line=\d+,col=\d+::overlays\/production\/kustomization\.yaml: invalid YAML: /m
    )
    expect(snapshot(ws, OVERLAYS)).toEqual(before)
  })
})

describe('a target that no longer renders', () => {
  it("restores every written file and fails with kustomize's message", async () => {
    const ws = exampleWorkspace()
    // staging still renders; production names a resource that does not exist
    writeFileSync(
      path.join(ws, 'overlays/production/kustomization.yaml'),
      'resources:\n- ../../base\n- missing.yaml\nimages:\n- name: ghcr.io/example/web\n  newTag: dev-1\n'
    )
    const before = snapshot(ws, OVERLAYS)
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::overlays\/production: kubectl kustomize failed: .*missing\.yaml/)
    expect(run.stdout).toContain('restored 2 file(s)')
    expect(snapshot(ws, OVERLAYS)).toEqual(before)
    expect(run.outputs).toEqual({ pushed: 'false', stale: 'false', applied: 'false' })
  })

  it('a render that never ends (a remote base that does not answer) is killed at KID_RENDER_TIMEOUT; files restored', async () => {
    const ws = exampleWorkspace()
    const bin = tempDir('kid-stalled-kubectl-')
    const wrapper = path.join(bin, 'kubectl')
    writeFileSync(wrapper, `#!/bin/sh\ncase "$1" in kustomize) exec sleep 173 ;; esac\nexec kubectl "$@"\n`, { mode: 0o755 })
    const before = snapshot(ws, OVERLAYS)
    const started = Date.now()
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339', kubectl: wrapper }, { KID_RENDER_TIMEOUT: '2' })
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::overlays\/production: kubectl kustomize failed: kubectl kustomize did not finish within 2 s \(KID_RENDER_TIMEOUT\)/)
    expect(snapshot(ws, OVERLAYS)).toEqual(before)
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toMatch(/^sleep 173$/m)
  })
})

describe('files the edit must not mistreat', () => {
  it('an image argument with an invisible character is refused, nothing written', async () => {
    const ws = exampleWorkspace()
    const before = snapshot(ws, OVERLAYS)
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/we\u200bb:v2' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "::error::images: 'ghcr.io/example/we\\u{200B}b:v2' is not valid: it contains the invisible or control character U+200B; expected name[=newName][:tag][@digest]"
    )
    expect(snapshot(ws, OVERLAYS)).toEqual(before)
  })

  it('a kustomization.yaml symlinked inside the workspace is edited through the link, which stays a link', async () => {
    const ws = exampleWorkspace()
    // kustomize itself reads a symlinked kustomization only when it resolves inside its directory
    const real = path.join(ws, 'overlays/production/prod.yaml')
    const link = path.join(ws, 'overlays/production/kustomization.yaml')
    const before = readFileSync(link, 'utf8')
    writeFileSync(real, before)
    execFileSync('rm', [link])
    symlinkSync('prod.yaml', link)
    const run = await runAction(ws, { path: 'overlays/production', images: 'ghcr.io/example/web:dev-1339' })
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('prod.yaml')
    expect(readFileSync(real, 'utf8')).toBe(before.replace(/newTag: dev-13\d\d/, 'newTag: dev-1339'))
    expect(images(path.join(ws, 'overlays/production'))).toContain('image: ghcr.io/example/web:dev-1339')
    expect(run.outputs['changed-files']).toBe('overlays/production/prod.yaml')
  })

  it('a kustomization.yaml symlinked outside the workspace is refused; link and outside file stay', async () => {
    const ws = exampleWorkspace()
    const outside = exampleWorkspace()
    const outsideFile = path.join(outside, 'overlays/production/kustomization.yaml')
    const outsideBefore = readFileSync(outsideFile, 'utf8')
    const link = path.join(ws, 'overlays/production/kustomization.yaml')
    execFileSync('rm', [link])
    symlinkSync(outsideFile, link)
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::path: 'overlays/*' is not valid: its kustomization.yaml is a symlink to a file outside the workspace")
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(outsideFile, 'utf8')).toBe(outsideBefore)
    expect(readFileSync(path.join(ws, 'overlays/staging/kustomization.yaml'), 'utf8')).toContain('newTag: dev-13')
    expect(readFileSync(path.join(ws, 'overlays/staging/kustomization.yaml'), 'utf8')).not.toContain('dev-1339')
  })

  it('a kustomization over 1 MiB is refused before parsing, with an annotation at the file', async () => {
    const ws = exampleWorkspace()
    const file = path.join(ws, 'overlays/production/kustomization.yaml')
    // 50 MiB of valid YAML: a huge list of comment-free entries
    writeFileSync(file, readFileSync(file, 'utf8') + 'configMapGenerator:\n' + '- {name: x, literals: [a=b]}\n'.repeat(2_000_000))
    const before = snapshot(ws, OVERLAYS)
    const run = await runAction(ws, { path: 'overlays/*', images: 'ghcr.io/example/web:dev-1339' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error file=overlays\/production\/kustomization\.yaml::overlays\/production\/kustomization\.yaml: the file is \d+\.\d MiB; a kustomization over 1 MiB is refused unread$/m
    )
    expect(snapshot(ws, OVERLAYS)).toEqual(before)
  })
})
