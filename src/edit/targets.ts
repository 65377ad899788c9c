/** Resolve the `path` input to kustomization targets inside the workspace. */
import { glob, lstat, readdir, realpath, stat } from 'node:fs/promises'
import * as path from 'node:path'
import { InputError } from '../errors.js'
import { KUSTOMIZATION_FILES } from './kustomization.js'
import { CONTROL, oneLine } from '../markdown.js'

export interface Target {
  /** absolute directory */
  dir: string
  /** directory relative to the workspace, `/`-separated (`.` for the root) */
  rel: string
  /** absolute path of the kustomization file (where a symlink leads: the file that is edited) */
  file: string
  /** that file relative to the workspace */
  fileRel: string
}

const EXPECTED = 'a directory inside the workspace holding one kustomization.yaml, kustomization.yml or Kustomization'
const isGlob = (p: string) => /[*?[\]{}]/.test(p)
const toPosix = (p: string) => p.split(path.sep).join('/')
const inside = (root: string, p: string) => p === root || p.startsWith(root + path.sep)

async function kustomizationsIn(dir: string): Promise<string[]> {
  const names = new Set(await readdir(dir))
  return KUSTOMIZATION_FILES.filter(n => names.has(n))
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false
}

async function expand(pattern: string, workspace: string): Promise<string[]> {
  if (!isGlob(pattern)) return [path.resolve(workspace, pattern)]
  const found: string[] = []
  for await (const match of glob(pattern, { cwd: workspace })) {
    const abs = path.resolve(workspace, match)
    if ((await isDirectory(abs)) && (await kustomizationsIn(abs)).length > 0) found.push(abs)
  }
  if (found.length === 0) throw new InputError('path', pattern, EXPECTED, 'the pattern matches no kustomization directory')
  return found.sort()
}

export async function resolveTargets(patterns: string[], workspace: string): Promise<Target[]> {
  const root = await realpath(workspace)
  const targets = new Map<string, Target>()
  for (const pattern of patterns) {
    for (const candidate of await expand(pattern, workspace)) {
      if (!(await isDirectory(candidate))) throw new InputError('path', pattern, EXPECTED, 'no such directory')
      const dir = await realpath(candidate)
      if (!inside(root, dir)) throw new InputError('path', pattern, EXPECTED, 'it resolves outside the workspace')
      const files = await kustomizationsIn(dir)
      if (files.length !== 1) {
        const why = files.length === 0 ? 'no kustomization file there' : `several kustomization files there (${files.join(', ')})`
        throw new InputError('path', pattern, EXPECTED, why)
      }
      const rel = toPosix(path.relative(root, dir)) || '.'
      const file = await kustomizationFile(path.join(dir, files[0]), root, pattern)
      const fileRel = toPosix(path.relative(root, file))
      refuseControl(pattern, toPosix(path.relative(root, candidate)), rel, fileRel)
      targets.set(dir, { dir, rel, file, fileRel })
    }
  }
  return [...targets.values()]
}

/**
 * A path holding a line break or another control character would be two lines in the log, in
 * `changed-files` and in the commit's trailers: refused (README "Security"), the value escaped.
 */
function refuseControl(pattern: string, ...paths: string[]): void {
  const bad = [pattern, ...paths].find(p => CONTROL.test(p))
  if (bad === undefined) return
  const where = bad === pattern ? '' : `it matches '${oneLine(bad)}', `
  throw new InputError('path', oneLine(pattern), EXPECTED, `${where}a name holding a control character (shown escaped)`)
}

/**
 * The file to edit: a symlinked kustomization is edited where the link leads (the link itself
 * stays a link), provided that lies inside the workspace.
 */
async function kustomizationFile(file: string, root: string, pattern: string): Promise<string> {
  if (!(await lstat(file)).isSymbolicLink()) return file
  const real = await realpath(file).catch(() => undefined)
  const name = path.basename(file)
  if (real === undefined) throw new InputError('path', pattern, EXPECTED, `its ${name} is a symlink to nothing`)
  if (!inside(root, real)) throw new InputError('path', pattern, EXPECTED, `its ${name} is a symlink to a file outside the workspace`)
  if (!(await stat(real)).isFile()) throw new InputError('path', pattern, EXPECTED, `its ${name} is a symlink to something other than a file`)
  return real
}
