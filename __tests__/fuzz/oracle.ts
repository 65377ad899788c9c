/**
 * How kustomize is asked about a batch of fuzz cases: its `edit set image` of each input, and
 * its read of each of our outputs.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import type { ImageEntry } from '../../src/edit/image-spec.js'
import { parseAllDocuments } from 'yaml'
import type { CaseResult } from './differential.js'

const run = promisify(execFile)

/** The images list of a file kustomize wrote (normalized YAML). */
export function normalizedImages(text: string): ImageEntry[] {
  const doc = parseAllDocuments(text)[0]?.toJS() as { images?: ImageEntry[] } | null
  return (doc?.images ?? []).map(i => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, String(v)])) as unknown as ImageEntry)
}


const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`

/** What kustomize made of one case: its edit of the input, and its read of our output. */
export interface Verdict {
  theirs?: string
  theirsError?: string
  oursImages?: ImageEntry[]
  oursError?: string
}

/**
 * How kustomize is asked. `binary`: the kustomize v5.5 CLI, once per case and command
 * (`edit set image` on the input, `edit fix` on ours, which writes out what it read), from a few
 * shell loops in parallel. `driver`: tools/kustomize-driver, the same kustomize code for a whole
 * batch in one process (a process per case costs more than the case).
 */
export interface Oracle {
  kind: 'binary' | 'driver'
  path: string
}

export async function askBinary(dir: string, oracle: Oracle, jobs: number, results: CaseResult[]): Promise<Verdict[]> {
  const commands: { cwd: string; args: string[] }[] = []
  results.forEach((r, i) => {
    const at = (v: string, content: string) => {
      mkdirSync(path.join(dir, `k${i}`, v), { recursive: true })
      writeFileSync(path.join(dir, `k${i}`, v, 'kustomization.yaml'), content)
      return path.join(dir, `k${i}`, v)
    }
    commands.push({ cwd: at('theirs', r.fuzz.kustomization), args: ['edit', 'set', 'image', ...r.fuzz.args] })
    if (r.ours !== undefined) commands.push({ cwd: at('fix', r.ours), args: ['edit', 'fix'] })
  })
  const shards = Array.from({ length: jobs }, () => [] as string[])
  commands.forEach((c, i) => shards[i % jobs].push(`cd ${quote(c.cwd)} && ${quote(oracle.path)} ${c.args.map(quote).join(' ')} >/dev/null 2>.err; echo $? > .rc`))
  await Promise.all(shards.filter(s => s.length > 0).map(lines => run('bash', ['-c', lines.join('\n')], { maxBuffer: 64 * 1024 * 1024 })))
  const read = (cwd: string, file: string) => readFileSync(path.join(cwd, file), 'utf8')
  return results.map((r, i) => {
    const v: Verdict = {}
    const theirs = path.join(dir, `k${i}`, 'theirs')
    if (read(theirs, '.rc').trim() === '0') v.theirs = read(theirs, 'kustomization.yaml')
    else v.theirsError = read(theirs, '.err').split('\n')[0]
    if (r.ours === undefined) return v
    const fix = path.join(dir, `k${i}`, 'fix')
    if (read(fix, '.rc').trim() === '0') v.oursImages = normalizedImages(read(fix, 'kustomization.yaml'))
    else v.oursError = read(fix, '.err').split('\n')[0]
    return v
  })
}

export async function askDriver(oracle: Oracle, jobs: number, results: CaseResult[]): Promise<Verdict[]> {
  const shards = Array.from({ length: jobs }, (_, j) => results.filter((_, i) => i % jobs === j))
  const answers = await Promise.all(
    shards.map(shard => {
      if (shard.length === 0) return Promise.resolve([] as Verdict[])
      const input = shard.map(r => JSON.stringify({ kustomization: r.fuzz.kustomization, args: r.fuzz.args, ours: r.ours ?? null })).join('\n')
      return new Promise<Verdict[]>((resolve, reject) => {
        const child = execFile(oracle.path, [], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
          error ? reject(error) : resolve(stdout.trim().split('\n').map(l => JSON.parse(l) as Verdict))
        )
        child.stdin!.end(input)
      })
    })
  )
  return results.map((_, i) => {
    const v = answers[i % jobs][Math.floor(i / jobs)]
    return { ...v, oursImages: v.oursImages ? v.oursImages.map(e => Object.fromEntries(Object.entries(e).filter(([, x]) => x !== '')) as unknown as ImageEntry) : undefined }
  })
}

