/**
 * `kubectl diff` of a large target in parts at once. kubectl works through a target's objects one
 * after another, and for each spends tens of milliseconds of CPU on the patch it sends as a
 * server-side dry run: 20 Deployments take about a second of one core. A target known to hold
 * many objects (git recorded them before this run) is diffed from its render instead, cut into
 * contiguous parts, one `kubectl diff -f -` per core; each object is dry-run on its own either
 * way, so the parts say together what the whole says. A small target keeps `kubectl diff -k`,
 * which starts at once, without waiting for the render.
 */
import { availableParallelism } from 'node:os'
import type { ApplyFlags, DiffResult, Kubectl } from './kubectl.js'

/** Objects per part below which another kubectl process costs more than it saves. */
export const OBJECTS_PER_PART = 10

/** How many parts for `objects` objects on `cores` cores: 1 means `kubectl diff -k`. */
export function partCount(objects: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(objects / OBJECTS_PER_PART)))
}

/** The YAML documents of a render (`kubectl kustomize` separates them with `---` lines). */
export function splitDocuments(render: string): string[] {
  return render
    .split(/^---[ \t]*$/m)
    .map(d => d.replace(/^\n+/, ''))
    .filter(d => d.trim() !== '')
}

/** `documents` cut into `parts` contiguous runs of nearly equal length, each one stream. */
export function partition(documents: string[], parts: number): string[] {
  const n = Math.max(1, Math.min(parts, documents.length))
  return Array.from({ length: n }, (_, i) => {
    const slice = documents.slice(Math.floor((i * documents.length) / n), Math.floor(((i + 1) * documents.length) / n))
    return slice.map(d => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n')
  })
}

/** The parts' answers as one: differences when any has them; the first failure rejects. */
export function joinDiffs(results: DiffResult[]): DiffResult {
  return {
    differences: results.some(r => r.differences),
    output: results.map(r => r.output).join(''),
    warnings: results.map(r => r.warnings).filter(Boolean).join('\n'),
    parts: results.length
  }
}

/**
 * `kubectl diff` of one target: `-k dir` when it is small (`expected`: how many objects git
 * recorded), else its render (asked for only then) in parts, all at once.
 */
export async function diffTarget(kubectl: Kubectl, dir: string, flags: ApplyFlags, expected: number, render: (() => Promise<string>) | undefined, cores = availableParallelism()): Promise<DiffResult> {
  const parts = partCount(expected, cores)
  if (parts < 2 || !render) return kubectl.diff(dir, flags)
  const streams = partition(splitDocuments(await render()), parts)
  return joinDiffs(await Promise.all(streams.map(stream => kubectl.diffManifests(stream, flags))))
}
