/**
 * The format-preserving `images:` edit of a kustomization file (pure).
 *
 * Semantics are those of `kustomize edit set image` (see image-spec.ts) applied to the list as
 * kustomize reads it (see kustomize-read.ts): field names in any case, one entry per name.
 * Only the lines of touched entries change, a new entry is appended in the list's own style, and
 * the result is read back the way kustomize reads it and checked against the intended list.
 */
import { FileError } from '../errors.js'
import { droppedFieldsWarning, mergeImage, type ImageEntry, type ImageSpec } from './image-spec.js'
import { appendEntries, insertEntriesBefore } from './images-add.js'
import { checkOrder, interacts, orderWithin, placeNewEntries } from './image-order.js'
import { editEntry, removeEntries } from './images-splices.js'
import { goYamlKind } from './go-yaml-resolve.js'
import { FIELDS, kustomizeString, lineOf, parseKustomization, type EntryNode, type Parsed } from './kustomize-read.js'
import { applySplices, type Splice } from './yaml-text.js'

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']

export interface EditResult {
  content: string
  changed: boolean
  before: ImageEntry[]
  after: ImageEntry[]
  warnings: string[]
}

const BOM = '\uFEFF'

/** The `images:` entries of a kustomization, as written. */
export function readImages(source: string, file: string): ImageEntry[] {
  return parseKustomization(source.startsWith(BOM) ? source.slice(1) : source, file).entries.map(e => e.entry)
}

const same = (a: ImageEntry, b: ImageEntry): boolean => a.name === b.name && FIELDS.every(f => a[f] === b[f])

/** Apply the specs to the kustomization text (a byte order mark is kept and stays first). */
export function editImages(source: string, specs: ImageSpec[], file: string): EditResult {
  if (!source.startsWith(BOM)) return editText(source, specs, file)
  const result = editText(source.slice(1), specs, file)
  return { ...result, content: BOM + result.content }
}

/**
 * A file without a final line break is edited as if it had one, so that every line the edit
 * removes, replaces or adds ends in a line break, and the result is given back without it.
 */
function editText(source: string, specs: ImageSpec[], file: string): EditResult {
  const eol = source.includes('\r\n') ? '\r\n' : '\n'
  if (source === '' || source.endsWith('\n')) return editLines(source, specs, file, eol, true)
  const result = editLines(source + eol, specs, file, eol, false)
  const content = result.content.endsWith(eol) ? result.content.slice(0, -eol.length) : result.content
  return { ...result, content, changed: content !== source }
}

function editLines(source: string, specs: ImageSpec[], file: string, eol: string, finalBreak: boolean): EditResult {
  const parsed = parseKustomization(source, file)
  const before = parsed.entries.map(e => e.entry)
  const warnings: string[] = []
  const splices: Splice[] = []
  const expected = new Map<string, ImageEntry>()

  const groups = new Map<string, EntryNode[]>()
  for (const e of parsed.entries) groups.set(e.entry.name, [...(groups.get(e.entry.name) ?? []), e])
  const removed = duplicates(groups, specs, file, warnings)
  for (const [name, [kept]] of groups) {
    const spec = specs.find(s => s.name === name)
    if (spec?.remove) {
      removed.push(kept)
      continue
    }
    const merged = spec ? mergeImage(kept.entry, spec) : kept.entry
    expected.set(name, merged)
    if (!spec || same(merged, kept.entry)) continue
    const warning = droppedFieldsWarning(kept.entry, spec)
    if (warning) warnings.push(`${warning} (${file})`)
    splices.push(...editEntry(source, parsed.doc, kept, merged, eol, file))
  }
  splices.push(...removeEntries(source, parsed, removed, file))
  const added = specs.filter(s => !groups.has(s.name) && !s.remove).map(s => mergeImage(undefined, s))
  for (const entry of added) expected.set(entry.name, entry)
  splices.push(...addEntries(source, parsed, [...groups.values()].map(([k]) => k).filter(k => expected.has(k.entry.name)), expected, added, { eol, finalBreak, file, warnings }))
  if (splices.length === 0) {
    checkStrings(source, parsed, file)
    return { content: source, changed: false, before, after: before, warnings }
  }

  const content = applySplices(source, splices)
  const after = readBack(content, file)
  const intended = [...expected.values()]
  if (after.length !== intended.length || !after.every(a => intended.some(e => same(a, e)))) {
    throw new FileError(`${file}: internal error: the edit did not produce the intended images list`, file)
  }
  return { content, changed: content !== source, before, after, warnings }
}

interface AddContext {
  eol: string
  finalBreak: boolean
  file: string
  warnings: string[]
}

/**
 * Splices for the new entries: at the end of the list, or, where kustomize's order of the list
 * (by name) puts one before an entry that can change the same image, right before that entry.
 */
function addEntries(source: string, parsed: Parsed, kept: EntryNode[], expected: Map<string, ImageEntry>, added: ImageEntry[], ctx: AddContext): Splice[] {
  const stay = kept.map(k => ({ entry: expected.get(k.entry.name)!, line: k.line }))
  checkOrder(stay, ctx.file)
  if (added.length === 0) return []
  const slots = placeNewEntries(stay, added, ctx.file)
  const splices: Splice[] = []
  for (const slot of [...new Set(slots)].sort((a, b) => a - b)) {
    const group = orderWithin(added.filter((_, k) => slots[k] === slot))
    if (slot === kept.length) {
      splices.push(appendEntries(source, parsed, group, ctx.eol, ctx.finalBreak))
      continue
    }
    const before = stay[slot]
    for (const e of group.filter(g => interacts(g, before.entry))) {
      ctx.warnings.push(
        `${ctx.file}: the new entry for image '${e.name}' goes before '${before.entry.name}' (line ${before.line}), where kustomize edit set image's ` +
          `order of the list puts it; '${before.entry.name}' is applied after it and can change the same images`
      )
    }
    splices.push(insertEntriesBefore(source, parsed, kept[slot], group, ctx.eol, ctx.file))
  }
  return splices
}

/**
 * Entries beyond the first for one name: kustomize edit set image keeps the first (with an
 * argument merged into it) and drops the others; so does the edit, saying so.
 */
function duplicates(groups: Map<string, EntryNode[]>, specs: ImageSpec[], file: string, warnings: string[]): EntryNode[] {
  const removed: EntryNode[] = []
  for (const [name, group] of groups) {
    if (group.length < 2) continue
    const spec = specs.find(s => s.name === name)
    const which = spec ? `merges '${spec.arg}' into the first (line ${group[0].line})` : `keeps the first (line ${group[0].line})`
    warnings.push(
      `${file}: image '${name}' has ${group.length} entries (lines ${group.map(e => e.line).join(', ')}); ` +
        `like kustomize edit set image, the edit ${which} and removes the others`
    )
    removed.push(...group.slice(1))
  }
  return removed
}

/** Read the edited text back the way kustomize will: every value a string, as we meant it. */
function readBack(content: string, file: string): ImageEntry[] {
  let parsed: ReturnType<typeof parseKustomization>
  try {
    parsed = parseKustomization(content, file)
  } catch (error) {
    throw new FileError(`${file}: internal error: the edit would leave a file that does not parse (${(error as Error).message}); nothing was written`, file)
  }
  checkStrings(content, parsed, file)
  return parsed.entries.map(e => e.entry)
}

/** Every images value must be a string to kustomize (it refuses the file otherwise). */
function checkStrings(content: string, parsed: ReturnType<typeof parseKustomization>, file: string): void {
  for (const { pairs } of parsed.entries) {
    for (const list of pairs.values()) {
      for (const pair of list) {
        if (kustomizeString(content, pair.value, parsed.doc) !== undefined) continue
        const at = pair.value?.range?.[0] ?? 0
        const text = content.slice(at, pair.value?.range?.[1] ?? at)
        const kind = pair.value && 'tag' in pair.value && pair.value.tag ? pair.value.tag.replace('tag:yaml.org,2002:', '!!') : goYamlKind(text)
        throw new FileError(
          `${file}:${lineOf(content, at)}: kustomize reads '${text}' as ${kind}, not as a string, and refuses the file; quote it: "${text}"`,
          file,
          lineOf(content, at)
        )
      }
    }
  }
}
