/**
 * The rendered-diff comment of one environment, as Markdown (pure).
 *
 * GitHub rejects comment bodies over 65,536 characters, so the body climbs down a ladder until
 * it fits: the full diff, then each resource's diff cut, then the list of changed resources,
 * then the counts alone. The job summary carries the full redacted diff (up to 1 MiB).
 */
import { splitImage } from '../edit/image-spec.js'
import { code, oneLine, text } from '../markdown.js'
import { resourceLabel, type RenderDiff, type ResourceChange, type SecretKeyChanges } from './resource-diff.js'

export interface EnvironmentPreview {
  environment: string
  path: string
  diff: RenderDiff
  /** short commits compared, e.g. `1a2b3c4` → `5d6e7f8 + this run's edit` */
  base?: string
  head?: string
  /** why the comparison is partial (e.g. the target did not exist at the base) */
  note?: string
}

export type Level = 'full' | 'cut' | 'list' | 'counts'

export interface FitOptions {
  limit: number
  /** the hidden marker that identifies the comment (comments only) */
  marker?: string
  /** a line pointing to where the full diff is (comments only) */
  pointer?: string
  /** how size is measured against `limit`; default: characters */
  size?: (text: string) => number
}

export const COMMENT_LIMIT = 65_536
/** bytes of the job summary given to the diff (GitHub allows 1 MiB per step) */
export const SUMMARY_LIMIT = 1_000_000
/** characters of the `diff` output (all outputs of a job share 1 MiB) */
export const DIFF_OUTPUT_LIMIT = 256 * 1024
const CUT_LINES = [60, 20, 8, 3]
const MAX_IMAGE_ROWS = 30

/** The hidden marker of an environment's comment; `;` and `-->` cannot break out of it. */
export function commentMarker(environment: string, path: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D')
  return `<!-- kustomize-image-deploy:env=${enc(environment)};path=${enc(path)} -->`
}

/** Text safe inside Markdown and inline HTML (markdown.ts). */
export const escapeMarkdown = text

/** Per repository whose references differ: the references before and after. */
export function imageChanges(diff: RenderDiff): { name: string; before: string[]; after: string[] }[] {
  const group = (refs: string[]) => {
    const map = new Map<string, string[]>()
    for (const ref of refs) map.set(splitImage(ref).name, [...(map.get(splitImage(ref).name) ?? []), ref])
    return map
  }
  const before = group(diff.images.before)
  const after = group(diff.images.after)
  const names = [...new Set([...before.keys(), ...after.keys()])].sort()
  return names
    .map(name => ({ name, before: before.get(name) ?? [], after: after.get(name) ?? [] }))
    .filter(row => row.before.join('\n') !== row.after.join('\n'))
}

function countsLine(diff: RenderDiff): string {
  const { added, removed, changed, unchanged } = diff.counts
  return `**${changed} changed**, **${added} added**, **${removed} removed**, ${unchanged} unchanged`
}

function header(p: EnvironmentPreview, options: FitOptions): string[] {
  const out = options.marker ? [options.marker] : []
  out.push(`### Rendered diff: ${text(p.environment)} (${code(p.path)})`, '')
  const commits = p.base && p.head ? ` · ${code(p.base)} → ${code(p.head)}` : ''
  out.push(countsLine(p.diff) + commits, '')
  if (p.note) out.push(`> ${escapeMarkdown(p.note)}`, '')
  const rows = imageChanges(p.diff)
  if (rows.length > 0) {
    const cell = (refs: string[]) => (refs.length ? refs.map(r => code(r, true)).join('<br>') : '—')
    out.push('| image | before | after |', '| --- | --- | --- |')
    for (const row of rows.slice(0, MAX_IMAGE_ROWS)) out.push(`| ${code(row.name, true)} | ${cell(row.before)} | ${cell(row.after)} |`)
    if (rows.length > MAX_IMAGE_ROWS) out.push(`| … ${rows.length - MAX_IMAGE_ROWS} more | | |`)
    out.push('')
  } else if (p.diff.changes.length > 0) out.push('Images unchanged.', '')
  return out
}

function secretLine(keys: SecretKeyChanges | undefined): string | undefined {
  if (!keys) return undefined
  const parts = (['changed', 'added', 'removed'] as const)
    .filter(k => keys[k].length > 0)
    .map(k => `${k}: ${keys[k].map(key => code(key)).join(', ')}`)
  return `Secret values are not shown. Keys ${parts.length ? parts.join('; ') : 'unchanged'}.`
}

/** The longest run of backticks in the lines, plus one (at least three). */
function fence(lines: string[]): string {
  let longest = 0
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return '`'.repeat(Math.max(3, longest + 1))
}

function changeBlock(c: ResourceChange, maxLines: number, open: boolean): string {
  const plus = c.lines.filter(l => l.startsWith('+')).length
  const minus = c.lines.filter(l => l.startsWith('-')).length
  const summary = `${c.change}: <code>${text(resourceLabel(c.id))}</code> (+${plus} −${minus})`
  const out = [`<details${open ? ' open' : ''}><summary>${summary}</summary>`, '']
  const shown = c.lines.slice(0, maxLines)
  if (shown.length > 0) {
    if (c.lines.length > maxLines) shown.push(`# … ${c.lines.length - maxLines} more lines`)
    const f = fence(shown)
    out.push(f + 'diff', ...shown, f, '')
  }
  const secret = secretLine(c.secretKeys)
  if (secret) out.push(secret, '')
  out.push('</details>', '')
  return out.join('\n')
}

function listLine(c: ResourceChange): string {
  const secret = secretLine(c.secretKeys)
  return `- ${c.change} ${code(resourceLabel(c.id))}${secret ? ` — ${secret}` : ''}`
}

function body(p: EnvironmentPreview, level: Level, maxLines = Infinity): string {
  const changes = p.diff.changes
  if (changes.length === 0) return 'No resource changes.\n'
  if (level === 'counts') return `${changes.length} resources differ: too many to list here.\n`
  if (level === 'list') return changes.map(listLine).join('\n') + '\n'
  const open = changes.length <= 10
  return changes.map(c => changeBlock(c, maxLines, open)).join('\n')
}

/** The Markdown of one environment at the most detailed level that fits `limit` characters. */
export function fitMarkdown(p: EnvironmentPreview, options: FitOptions): { markdown: string; level: Level } {
  const head = header(p, options).join('\n') + '\n'
  const tail = options.pointer ? `\n${options.pointer}\n` : ''
  const size = options.size ?? ((text: string) => text.length)
  const attempts: [Level, number][] = [['full', Infinity], ...CUT_LINES.map(n => ['cut', n] as [Level, number]), ['list', 0], ['counts', 0]]
  for (const [level, maxLines] of attempts) {
    if (level === 'cut' && !p.diff.changes.some(c => c.lines.length > maxLines)) continue
    const markdown = head + '\n' + body(p, level, maxLines) + tail
    if (size(markdown) <= options.limit) return { markdown, level }
  }
  let counts = head + '\n' + body(p, 'counts') + tail
  while (size(counts) > options.limit) counts = counts.slice(0, Math.floor(counts.length * 0.9))
  return { markdown: counts, level: 'counts' }
}

/** The job summary's part: every environment's full redacted diff, within `limit` bytes. */
export function summarySection(previews: EnvironmentPreview[], limit = SUMMARY_LIMIT): string {
  const share = Math.floor(limit / Math.max(previews.length, 1))
  const size = (text: string) => Buffer.byteLength(text, 'utf8')
  return previews.map(p => fitMarkdown(p, { limit: share, size }).markdown).join('\n')
}

/** The redacted diff as plain unified-diff text, cut to `limit` characters. */
export function diffText(previews: EnvironmentPreview[], limit: number): string {
  const out: string[] = []
  for (const p of previews) {
    const { added, removed, changed } = p.diff.counts
    out.push(`# ${oneLine(p.environment)} (${oneLine(p.path)}): ${changed} changed, ${added} added, ${removed} removed`)
    for (const c of p.diff.changes) {
      const label = resourceLabel(c.id)
      out.push(`--- ${c.change === 'added' ? '/dev/null' : label}`, `+++ ${c.change === 'removed' ? '/dev/null' : label}`, ...c.lines)
      const secret = secretLine(c.secretKeys)
      if (secret) out.push(`# ${secret}`)
    }
  }
  const text = out.join('\n') + '\n'
  if (text.length <= limit) return text
  const cut = text.lastIndexOf('\n', limit - 80)
  return text.slice(0, Math.max(cut, 0)) + `\n# … cut: ${text.length - cut} more characters; see the job summary\n`
}
