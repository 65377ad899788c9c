/**
 * What the Marketplace and the runner read before any code runs: action.yml's description limit,
 * the runtime it names, and the Node version the package and contributors are told to use.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const action = parse(read('action.yml')) as {
  description: string
  runs: { using: string; main: string }
  inputs: Record<string, { description?: string }>
  outputs: Record<string, { description?: string }>
}
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string>; devDependencies: Record<string, string> }

describe('action.yml', () => {
  it('has a description the Marketplace accepts (at most 125 characters)', () => {
    expect(action.description.length).toBeGreaterThan(0)
    expect(action.description.length).toBeLessThanOrEqual(125)
  })

  it('describes every input and output', () => {
    const missing = [...Object.entries(action.inputs), ...Object.entries(action.outputs)].filter(([, v]) => !v.description?.trim()).map(([k]) => k)
    expect(missing).toEqual([])
  })
})

describe('the Node version', () => {
  const runtime = Number(/^node(\d+)$/.exec(action.runs.using)?.[1])

  it('engines asks for at least the runtime action.yml names (the bundle uses fs.promises.glob)', () => {
    expect(runtime).toBeGreaterThanOrEqual(24)
    expect(pkg.engines.node).toBe(`>=${runtime}`)
  })

  it('.node-version pins a release of that major version for contributors', () => {
    expect(read('.node-version').trim()).toMatch(new RegExp(`^${runtime}\\.\\d+\\.\\d+$`))
  })

  it('npm run local-action runs the sources under @github/local-action, a dev dependency', () => {
    expect(pkg.scripts['local-action']).toBeDefined()
    expect(pkg.devDependencies['@github/local-action']).toBeDefined()
  })
})

describe('.github/workflows', () => {
  const files = readdirSync(path.join(ROOT, '.github', 'workflows')).filter(f => /\.ya?ml$/.test(f))

  it('pins every third-party action to a full commit SHA with its version in a comment', () => {
    const loose: string[] = []
    let pinned = 0
    for (const file of files) {
      read(`.github/workflows/${file}`).split('\n').forEach((line, i) => {
        const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line)
        if (!m || m[1].startsWith('./')) return
        if (/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1]) && /^\s+#\s+v\d+\.\d+\.\d+\s*$/.test(m[2])) pinned++
        else loose.push(`${file}:${i + 1}: ${line.trim()}`)
      })
    }
    expect(loose).toEqual([])
    expect(pinned).toBeGreaterThan(0)
  })

  it('runs the action itself through uses: ./', () => {
    expect(read('.github/workflows/e2e-action.yml')).toMatch(/^\s+uses: \.\/$/m)
  })
})
