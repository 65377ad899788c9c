/**
 * kustomize's error text can quote a `secretGenerator` literal: a literal written with `:`
 * instead of `=` fails the render with `literal sources [user=admin password:hunter2]: invalid
 * literal source password:hunter2, expected key=value`, every literal of that generator quoted.
 * Before such text is shown, the literals of every secretGenerator of the target and of the local
 * bases and components it reaches are read from the files and redacted out of it.
 */
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import * as path from 'node:path'
import { parse } from 'yaml'
import { KUSTOMIZATION_FILES } from '../edit/kustomization.js'

/** How many kustomization directories one target's literals are looked for in. */
const MAX_DIRS = 200
export const REDACTED_LITERAL = '(redacted secret literal)'

type Doc = Record<string, unknown>

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const remote = (ref: string) => /^[a-z][\w+.-]*:\/\/|^git@|^github\.com\//i.test(ref)

async function readDoc(dir: string): Promise<Doc | undefined> {
  const file = KUSTOMIZATION_FILES.map(f => path.join(dir, f)).find(f => existsSync(f))
  if (!file) return undefined
  try {
    const doc: unknown = parse(await readFile(file, 'utf8'))
    return doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Doc) : undefined
  } catch {
    return undefined
  }
}

/** The local directories a kustomization builds on (resources, bases, components). */
async function localDirs(dir: string, doc: Doc): Promise<string[]> {
  const refs = ['resources', 'bases', 'components'].flatMap(k => list(doc[k])).filter((r): r is string => typeof r === 'string' && !remote(r))
  const dirs = await Promise.all(refs.map(async r => ((await stat(path.resolve(dir, r)).catch(() => undefined))?.isDirectory() ? path.resolve(dir, r) : undefined)))
  return dirs.filter((d): d is string => d !== undefined)
}

/** The `literals` entries of every secretGenerator of `dir` and the local directories it builds on. */
export async function secretLiterals(dir: string): Promise<string[]> {
  const seen = new Set<string>()
  const found: string[] = []
  for (let queue = [path.resolve(dir)]; queue.length > 0 && seen.size < MAX_DIRS; ) {
    const next = queue.shift()!
    if (seen.has(next)) continue
    seen.add(next)
    const doc = await readDoc(next)
    if (!doc) continue
    for (const generator of list(doc.secretGenerator)) {
      const literals = list((generator as Doc | null)?.literals)
      found.push(...literals.filter((l): l is string | number => typeof l === 'string' || typeof l === 'number').map(String))
    }
    queue.push(...(await localDirs(next, doc)))
  }
  return [...new Set(found)].filter(l => l !== '')
}

/** What a literal is shown as: its key where one can be told (`key=`, `key:`), never its value. */
function placeholder(literal: string): string {
  const key = /^([^=:\s]*)([=:\s])/.exec(literal)
  return key ? `${key[1]}${key[2]}${REDACTED_LITERAL}` : REDACTED_LITERAL
}

/** `text` with every literal (whole, and its value alone) replaced, longest first (pure). */
export function redactLiterals(text: string, literals: string[]): string {
  let out = text
  for (const literal of [...literals].sort((a, b) => b.length - a.length)) {
    for (const form of [JSON.stringify(literal).slice(1, -1), literal]) if (out.includes(form)) out = out.split(form).join(placeholder(literal))
  }
  for (const literal of literals) {
    const value = /^[^=]*=([\s\S]+)$/.exec(literal)?.[1]
    if (value && value.length >= 4 && out.includes(value)) out = out.split(value).join(REDACTED_LITERAL)
  }
  return out
}
