/**
 * The module graph of src/ (every `import`/`export … from`, type-only ones included, read from
 * the files): no import circle, and the layering DESIGN.md describes holds (commit/ reaches
 * neither the cluster nor the preview; main.ts hands it what it needs).
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'

const SRC = path.resolve('src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sources(full)
    return e.name.endsWith('.ts') ? [full] : []
  })
}

/** module (src-relative, without .ts) → the src modules it imports */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const name = (file: string) => path.relative(SRC, file).replace(/\.ts$/, '').split(path.sep).join('/')
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)|(?:^|\n)\s*import\s+'(\.[^']+)'/g)]
    const targets = specs.map(m => m[1] ?? m[2] ?? m[3]).map(spec => name(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'))))
    graph.set(name(file), [...new Set(targets)])
  }
  return graph
}

/** Every circle, as the path that closes it (a → b → a). */
export function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}

describe('the module graph of src/', () => {
  const graph = importGraph(sources(SRC))

  it('reads the imports (the reader itself works)', () => {
    expect(graph.get('main')).toEqual(expect.arrayContaining(['inputs', 'report']))
    expect(graph.get('commit/push-loop')).toEqual(expect.arrayContaining(['commit/stale-guard', 'commit/change']))
  })

  it('finds a circle when there is one', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])
    expect(circles(graph)).toEqual([['a', 'b', 'c', 'a']])
  })

  it('has no import circle', () => {
    expect(circles(graph).map(c => c.join(' → '))).toEqual([])
  })

  it('commit/ imports neither apply/ nor preview/ (main.ts hands it what it needs)', () => {
    const crossing = [...graph].flatMap(([from, to]) => (from.startsWith('commit/') ? to.filter(t => /^(apply|preview)\//.test(t)).map(t => `${from} → ${t}`) : []))
    expect(crossing).toEqual([])
  })
})
