/**
 * release.yml moves the major and minor tags with .github/scripts/move-release-tags.sh. Here it
 * runs against a real bare remote: releases in order, a backport, a pre-release and a release
 * the action could not run from.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from '../helpers/action.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const SCRIPT = path.join(ROOT, '.github', 'scripts', 'move-release-tags.sh')
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim()

let remote: string
let clone: string

/** A commit holding a runnable action (or not), tagged and pushed like a GitHub release. */
function release(tag: string, files: Record<string, string> = { 'action.yml': 'name: a\n', 'dist/index.js': `// ${tag}\n` }, branch = 'main'): string {
  writeFiles(clone, { ...files, 'version.txt': tag })
  git(clone, 'add', '-A')
  git(clone, 'commit', '-qm', tag)
  git(clone, 'tag', tag)
  git(clone, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`, `refs/tags/${tag}`)
  return git(clone, 'rev-parse', 'HEAD')
}

/** The release workflow's step, in a fresh clone as actions/checkout leaves it. */
function move(tag: string) {
  const work = path.join(tempDir('kid-release-run-'), 'w')
  git(path.dirname(work), 'clone', '-q', remote, work)
  const run = spawnSync('bash', [SCRIPT, tag], { cwd: work, encoding: 'utf8' })
  return { code: run.status, out: run.stdout + run.stderr }
}

const at = (tag: string) => {
  const out = spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], { cwd: remote, encoding: 'utf8' })
  return out.status === 0 ? out.stdout.trim() : undefined
}

beforeEach(() => {
  const root = tempDir('kid-release-')
  remote = path.join(root, 'remote.git')
  clone = path.join(root, 'clone')
  git(root, 'init', '-q', '--bare', '-b', 'main', remote)
  git(root, 'clone', '-q', remote, clone)
})

describe('move-release-tags', () => {
  it('points vX and vX.Y at each new release, leaving older minor tags alone', () => {
    const first = release('v1.0.0')
    expect(move('v1.0.0')).toMatchObject({ code: 0 })
    expect([at('v1'), at('v1.0')]).toEqual([first, first])

    const second = release('v1.1.0')
    const run = move('v1.1.0')
    expect(run.code).toBe(0)
    expect(run.out).toContain(`v1 → v1.1.0 (${second})`)
    expect([at('v1'), at('v1.1'), at('v1.0')]).toEqual([second, second, first])
  })

  it('a backport moves its minor tag only; the major stays at the newest release', () => {
    release('v1.0.0')
    const newer = release('v1.1.0')
    git(clone, 'checkout', '-q', 'v1.0.0')
    const backport = release('v1.0.1', undefined, 'release/v1.0')
    expect(move('v1.0.1')).toMatchObject({ code: 0 })
    expect(move('v1.1.0').code).toBe(0)
    const run = move('v1.0.1')
    expect(run.out).toContain('v1 stays at v1.1.0, newer than v1.0.1')
    expect([at('v1'), at('v1.0'), at('v1.1')]).toEqual([newer, backport, newer])
  })

  it('sorts versions as numbers: v1.10.0 is newer than v1.9.0', () => {
    release('v1.9.0')
    const ten = release('v1.10.0')
    expect(move('v1.10.0').code).toBe(0)
    expect(move('v1.9.0').code).toBe(0)
    expect(at('v1')).toBe(ten)
  })

  it('refuses a pre-release and a tag that is not vX.Y.Z, moving nothing', () => {
    release('v2.0.0-rc.1')
    for (const tag of ['v2.0.0-rc.1', 'v2.0', '2.0.0', '']) {
      const run = move(tag)
      expect(run.code).toBe(1)
      expect(run.out).toContain(`::error::release tag '${tag}' is not vX.Y.Z`)
    }
    expect(at('v2')).toBeUndefined()
  })

  it('refuses a release without the bundle the action runs', () => {
    release('v3.0.0', { 'action.yml': 'name: a\n' })
    const run = move('v3.0.0')
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/::error::v3\.0\.0 \([0-9a-f]{40}\) has no dist\/index\.js/)
    expect(at('v3')).toBeUndefined()
  })
})
