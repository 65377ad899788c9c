/**
 * The restore of one kustomization (pure): every `images` entry a deploy changed goes back to what
 * it held before that deploy, on the file as the branch tip holds it now, with the same edit
 * engine as the deploy (so every other line of the tip stays). Newer wins: an entry the tip holds
 * otherwise than the deploy wrote it (another deploy landed since) is left as it is.
 */
import { formatEntry, parseImageArg, type ImageEntry, type ImageSpec } from '../edit/image-spec.js'
import { editImages, readImages } from '../edit/kustomization.js'
import { FIELDS } from '../edit/kustomize-read.js'

export type EntryState = 'restored' | 'newer' | 'cannot'

export interface EntryRestore {
  name: string
  /** what the deploy wrote */
  deployed: ImageEntry
  /** what the entry held before the deploy (undefined: the deploy added it) */
  previous?: ImageEntry
  /** what the tip holds (undefined: no such entry any more) */
  tip?: ImageEntry
  state: EntryState
  /** why an entry is `newer` or `cannot` be restored */
  note?: string
}

export interface Restore {
  content: string
  changed: boolean
  entries: EntryRestore[]
  /** the arguments that restore the entries (a removed entry: its bare name) */
  images: string[]
}

export const sameEntry = (a: ImageEntry | undefined, b: ImageEntry | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.name === b.name && FIELDS.every(f => a[f] === b[f]))

/** The argument that writes exactly `entry` (every field given replaces the whole entry). */
export function entryArg(entry: ImageEntry): string {
  return `${entry.name}${entry.newName ? `=${entry.newName}` : ''}${entry.newTag ? `:${entry.newTag}` : ''}${entry.digest ? `@${entry.digest}` : ''}`
}

/** The entries a deploy changed (before → after of its edit). */
export function changedEntries(before: ImageEntry[], after: ImageEntry[]): { deployed: ImageEntry; previous?: ImageEntry }[] {
  return after.flatMap(deployed => {
    const previous = before.find(b => b.name === deployed.name)
    return sameEntry(previous, deployed) ? [] : [{ deployed, ...(previous ? { previous } : {}) }]
  })
}

/** Restore on `atTip` what a deploy changed from `before` to `after`. */
export function restoreImages(atTip: string, before: ImageEntry[], after: ImageEntry[], file: string): Restore {
  const tipEntries = readImages(atTip, file)
  const entries: EntryRestore[] = changedEntries(before, after).map(({ deployed, previous }) => judgeEntry(deployed, previous, tipEntries.find(e => e.name === deployed.name)))
  const specs: ImageSpec[] = entries.filter(e => e.state === 'restored').map(e => (e.previous ? parseImageArg(entryArg(e.previous)) : { arg: e.name, name: e.name, remove: true }))
  if (specs.length === 0) return { content: atTip, changed: false, entries, images: [] }
  const result = editImages(atTip, specs, file)
  return { content: result.content, changed: result.changed, entries, images: specs.map(s => s.arg) }
}

function judgeEntry(deployed: ImageEntry, previous: ImageEntry | undefined, tip: ImageEntry | undefined): EntryRestore {
  const base = { name: deployed.name, deployed, ...(previous ? { previous } : {}), ...(tip ? { tip } : {}) }
  if (!sameEntry(tip, deployed)) {
    const now = tip ? `holds ${formatEntry(tip)}` : 'no longer has this entry'
    return { ...base, state: 'newer', note: `the branch ${now}, not this run's ${formatEntry(deployed)}: a newer change wins, left as it is` }
  }
  if (previous?.tagSuffix) return { ...base, state: 'cannot', note: `its earlier tagSuffix '${previous.tagSuffix}' cannot be written back by the images edit` }
  if (previous && !previous.newName && !previous.newTag && !previous.digest) return { ...base, state: 'cannot', note: 'its earlier entry set nothing an images argument can write back' }
  return { ...base, state: 'restored' }
}
