/**
 * The differential property, checked against the real kustomize v5.5 binary and kubectl:
 * for each generated case, our edit and `kustomize edit set image` on the same input must agree.
 *
 * - the output parses;
 * - the images list kustomize reads from our file (`kustomize edit fix` writes it out) equals
 *   the one `kustomize edit set image` writes;
 * - `kubectl kustomize` renders the same images for both (one call per batch);
 * - no line outside the touched entries changes, and everything but `images` reads the same;
 * - no blank line appears, and the final line break (or its absence) stays;
 * - a second run is a no-op;
 * - where we refuse, the refusal is a deliberate one (the bundle test proves the file stays).
 */
import { execFile } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { diffArrays } from 'diff'
import { parseAllDocuments } from 'yaml'
import { InputError } from '../../src/errors.js'
import { parseImageArgs, type ImageEntry } from '../../src/edit/image-spec.js'
import { editImages } from '../../src/edit/kustomization.js'
import { foldName, parseKustomization } from '../../src/edit/kustomize-read.js'
import { POOL, TAGGED, type FuzzCase } from './generator.js'
import { askBinary, askDriver, normalizedImages, type Oracle, type Verdict } from './oracle.js'

export type { Oracle }

const run = promisify(execFile)

/** Refusals we make on purpose (README "Differences from kustomize"), by message. */
export const DELIBERATE: [string, RegExp][] = [
  ['invalid argument', /^images: /],
  ['merge key', /merge key \(<<\)/],
  ['alias entry or list', /is an alias|that is an alias/],
  ['second document', /a second YAML document/],
  ['duplicate key', /Map keys must be unique/],
  ['anchor read elsewhere', /the anchor &\S+, which an alias/],
  ['entry without a name', /without a name/],
  ['images set twice', /'images' is set \d+ times/],
  ['unknown field', /unknown field/],
  ['value not a string', /not as a string, and refuses the file/],
  ['entry order decides the render', /so their order decides the render|cannot stand in name order|cannot be put before this entry/]
]

export type Outcome =
  | { kind: 'agree' }
  | { kind: 'both refuse'; ours: string }
  | { kind: 'deliberate refusal'; category: string; ours: string }
  | { kind: 'repaired'; theirs: string }
  | { kind: 'counterexample'; property: string; detail: string }

export interface CaseResult {
  fuzz: FuzzCase
  outcome: Outcome
  ours?: string
  theirs?: string
}

const DEPLOY = (id: string) =>
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ' + id + '\nspec:\n  template:\n    spec:\n      containers:\n' +
  [...POOL.map(n => `${n}:orig`), ...TAGGED].map((image, i) => `      - name: c${i}\n        image: ${JSON.stringify(image)}\n`).join('')

const KEYS = ['name', 'newName', 'newTag', 'digest', 'tagSuffix'] as const
/** Entries in name order, fields in one order, empty fields left out. */
const byName = (list: ImageEntry[]) =>
  JSON.stringify([...list].sort((a, b) => (a.name < b.name ? -1 : 1)).map(e => KEYS.filter(k => e[k]).map(k => [k, e[k]])))

/** Everything but the images key, as a YAML reader sees it. */
function withoutImages(text: string): string {
  const doc = parseAllDocuments(text.replace(/^\uFEFF/, ''))[0]?.toJS({ maxAliasCount: -1 }) as Record<string, unknown> | null
  const rest = Object.entries(doc ?? {}).filter(([k]) => foldName(k) !== 'IMAGES')
  return JSON.stringify(rest)
}

/** Lines of the input our edit may change: touched entries, the images key and a flow list. */
function touchedLines(text: string, args: string[]): Set<number> {
  const source = text.replace(/^\uFEFF/, '')
  const parsed = parseKustomization(source, 'k')
  const lines = new Set<number>()
  const lineAt = (pos: number) => source.slice(0, pos).split('\n').length
  const mark = (from: number, to: number) => {
    for (let l = lineAt(from); l <= lineAt(to); l++) lines.add(l)
  }
  const names = new Set(parseImageArgs(args).map(s => s.name))
  const counts = new Map<string, number>()
  for (const e of parsed.entries) counts.set(e.entry.name, (counts.get(e.entry.name) ?? 0) + 1)
  for (const e of parsed.entries) {
    if (names.has(e.entry.name) || counts.get(e.entry.name)! > 1) mark(Math.max(0, source.lastIndexOf('-', e.node.range![0])), e.node.range![1])
  }
  if (parsed.images) mark(parsed.images.key.range![0], parsed.images.key.range![1])
  const list = parsed.images?.value
  if (list && 'flow' in list && list.flow) mark(list.range![0], list.range![1])
  return lines
}

/** Lines that hold nothing but white space. */
const blankLines = (text: string) => text.split('\n').filter(l => l.trim() === '').length

/** The edit adds no blank line, and keeps the final line break, or its absence, as it was. */
function checkLayout(before: string, out: string): string | undefined {
  if (blankLines(out) > blankLines(before)) return `a blank line appeared: ${JSON.stringify(out)}`
  const ends = (t: string) => /\n$/.test(t)
  if (before.replace(/^\uFEFF/, '') !== '' && ends(before) !== ends(out)) return `the final line break changed: ${JSON.stringify(out)}`
  return undefined
}

function checkOurs(c: FuzzCase, out: string): string | undefined {
  const errors = parseAllDocuments(out.replace(/^\uFEFF/, '')).flatMap(d => d.errors)
  if (errors.length > 0) return `output does not parse: ${errors[0].message}`
  if (withoutImages(out) !== withoutImages(c.kustomization)) return 'content outside images changed'
  const layout = checkLayout(c.kustomization, out)
  if (layout) return layout
  const allowed = touchedLines(c.kustomization, c.args)
  const before = c.kustomization.split('\n').map(l => l.replace(/\r$/, ''))
  let line = 0
  for (const part of diffArrays(before, out.split('\n').map(l => l.replace(/\r$/, '')))) {
    if (part.added) continue
    if (part.removed) {
      for (let i = 1; i <= part.count!; i++) if (!allowed.has(line + i)) return `line ${line + i} changed outside touched entries: ${JSON.stringify(before[line + i - 1])}`
    }
    line += part.count!
  }
  const again = editImages(out, parseImageArgs(c.args), 'k')
  if (again.changed) return 'second run changed the file again'
  return undefined
}

/** One batch in `dir`: per case ours, kustomize's edit of the input and read of ours, the renders. */
export async function runBatch(cases: FuzzCase[], dir: string, oracle: Oracle, jobs: number): Promise<CaseResult[]> {
  const results: CaseResult[] = cases.map(fuzz => ({ fuzz, outcome: { kind: 'agree' } }))
  const ourErrors = new Map<number, unknown>()
  results.forEach((r, i) => {
    try {
      r.ours = editImages(r.fuzz.kustomization, parseImageArgs(r.fuzz.args), 'kustomization.yaml').content
    } catch (error) {
      ourErrors.set(i, error)
    }
  })
  const verdicts = oracle.kind === 'binary' ? await askBinary(dir, oracle, jobs, results) : await askDriver(oracle, jobs, results)
  results.forEach((r, i) => {
    const v = verdicts[i]
    r.theirs = v.theirs
    r.outcome = judge(r, v, ourErrors.get(i))
    if (r.outcome.kind !== 'agree') return
    const write = (variant: string, content: string) => {
      mkdirSync(path.join(dir, `c${i}`, variant), { recursive: true })
      writeFileSync(path.join(dir, `c${i}`, variant, 'kustomization.yaml'), content)
      writeFileSync(path.join(dir, `c${i}`, variant, 'deploy.yaml'), DEPLOY(`c${i}-${variant}`))
    }
    write('ours', r.ours!)
    write('theirs', r.theirs!)
  })
  await compareRenders(results, dir, jobs)
  rmSync(dir, { recursive: true, force: true })
  return results
}

function judge(r: CaseResult, v: Verdict, ourError: unknown): Outcome {
  if (r.ours === undefined) {
    const message = ourError instanceof Error ? ourError.message : String(ourError)
    const category = DELIBERATE.find(([, re]) => re.test(message))?.[0]
    if (v.theirs === undefined) return { kind: 'both refuse', ours: message }
    if (category && (category !== 'invalid argument' || ourError instanceof InputError)) return { kind: 'deliberate refusal', category, ours: message }
    return { kind: 'counterexample', property: 'we refuse what kustomize accepts', detail: message }
  }
  const problem = checkOurs(r.fuzz, r.ours)
  if (problem) return { kind: 'counterexample', property: problem.replace(/^line \d+/, 'a line').split(':')[0], detail: problem }
  if (v.oursImages === undefined) return { kind: 'counterexample', property: 'kustomize cannot read our file', detail: v.oursError ?? '' }
  if (v.theirs === undefined) {
    // kustomize cannot read the input (an unquoted number in a value the argument replaces): we
    // write a file it reads; anything else kustomize refuses, we must refuse too
    if (/cannot unmarshal (number|bool)/.test(v.theirsError ?? '')) return { kind: 'repaired', theirs: v.theirsError! }
    return { kind: 'counterexample', property: 'we accept what kustomize refuses', detail: v.theirsError ?? '' }
  }
  const theirs = normalizedImages(v.theirs)
  if (byName(v.oursImages) !== byName(theirs)) {
    return { kind: 'counterexample', property: 'kustomize reads another images list', detail: `ours ${byName(v.oursImages)} kustomize ${byName(theirs)}` }
  }
  return { kind: 'agree' }
}

type Rendered = Map<string, string[]>

async function render(dir: string): Promise<Rendered> {
  const { stdout } = await run('kubectl', ['kustomize', dir], { maxBuffer: 256 * 1024 * 1024 })
  const out: Rendered = new Map()
  for (const doc of parseAllDocuments(stdout)) {
    const o = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { template?: { spec?: { containers?: { image: string }[] } } } }
    if (o?.kind === 'Deployment') out.set(o.metadata!.name!, (o.spec?.template?.spec?.containers ?? []).map(c => c.image))
  }
  return out
}

/** `kubectl kustomize` of one kustomization listing every agreeing case's ours and theirs. */
async function compareRenders(results: CaseResult[], dir: string, jobs: number): Promise<void> {
  const ready = results.map((r, i) => ({ r, i })).filter(({ r }) => r.outcome.kind === 'agree')
  if (ready.length === 0) return
  const dirs = ready.flatMap(({ i }) => [`c${i}/ours`, `c${i}/theirs`])
  writeFileSync(path.join(dir, 'kustomization.yaml'), `resources:\n${dirs.map(d => `- ${d}\n`).join('')}`)
  let rendered: Rendered | undefined = await render(dir).catch(() => undefined)
  if (!rendered) {
    // one of them does not build: render each on its own to find it
    rendered = new Map()
    await pool(dirs, jobs, async d => {
      const one = await render(path.join(dir, d)).catch((e: Error) => e)
      if (one instanceof Error) rendered!.set(d.replace('/', '-'), [`render failed: ${one.message.split('\n').slice(-2).join(' ')}`])
      else for (const [k, v] of one) rendered!.set(k, v)
    })
  }
  for (const { r, i } of ready) {
    const ours = JSON.stringify(rendered.get(`c${i}-ours`))
    const theirs = JSON.stringify(rendered.get(`c${i}-theirs`))
    if (ours !== theirs || ours === undefined) r.outcome = { kind: 'counterexample', property: 'kubectl kustomize renders other images', detail: `ours ${ours} kustomize ${theirs}` }
  }
}

async function pool<T>(items: T[], jobs: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        await fn(items[i], i)
      }
    })
  )
}

