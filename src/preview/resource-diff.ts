/**
 * The diff between two renders, per resource rather than per file (pure).
 *
 * Resources are matched by apiVersion, kind, namespace and name. The `data` and `stringData`
 * of every Secret are redacted before any text is compared or shown: a Secret's change is told
 * as the keys added, removed or changed, never as a value in any form; a Secret value copied
 * into another object is redacted there too.
 */
import { createHash } from 'node:crypto'
import { structuredPatch } from 'diff'
import { parse, stringify } from 'yaml'
import { readDocument, splitDocuments, type ResourceId } from '../render/manifest-scan.js'
import { redactCopies, secretCopies, type SecretCopies } from './secret-copies.js'

export type { ResourceId } from '../render/manifest-scan.js'

export interface SecretKeyChanges {
  added: string[]
  removed: string[]
  changed: string[]
}

export interface ResourceChange {
  id: ResourceId
  change: 'added' | 'removed' | 'changed'
  /** unified diff lines of the redacted text: `@@` hunk headers, then ` `, `-`, `+` lines */
  lines: string[]
  /** for a Secret: which keys of data / stringData differ (names only) */
  secretKeys?: SecretKeyChanges
}

export interface RenderDiff {
  changes: ResourceChange[]
  counts: { added: number; removed: number; changed: number; unchanged: number }
  images: { before: string[]; after: string[] }
}

interface Resource {
  id: ResourceId
  key: string
  /** the text shown and compared: the document as rendered, or redacted for a Secret */
  text: string
  images: string[]
  /** `data.key` → digest of the value (a Secret's only) */
  secretDigests?: Map<string, string>
}

const REDACTED = '(redacted)'
const SECRET_FIELDS = ['data', 'stringData'] as const
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export function resourceLabel(id: ResourceId): string {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name} (${id.apiVersion})`
}

const keyOf = (id: ResourceId) => [id.apiVersion, id.kind, id.namespace, id.name].join('\u0000')
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

/** A Secret with every data / stringData value (and a last-applied copy) replaced. */
function redactSecret(text: string): { text: string; digests: Map<string, string> } {
  const object = parse(text) as Record<string, unknown>
  const digests = new Map<string, string>()
  for (const field of SECRET_FIELDS) {
    const values = object[field]
    if (values === null || typeof values !== 'object') continue
    const redacted: Record<string, string> = {}
    for (const [key, value] of Object.entries(values)) {
      digests.set(`${field}.${key}`, digest(value))
      redacted[key] = REDACTED
    }
    object[field] = redacted
  }
  const annotations = (object.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations
  if (annotations && LAST_APPLIED in annotations) annotations[LAST_APPLIED] = REDACTED
  return { text: stringify(object, { lineWidth: 0 }), digests }
}

/**
 * Anything the scanner flags as a Secret, or that mentions Secret as its kind, is redacted;
 * in any other object, every copy of a Secret value (secret-copies.ts).
 */
function toResource(text: string, index: number, copies: SecretCopies): Resource {
  const doc = readDocument(text)
  const id = doc.id ?? { apiVersion: '', kind: '(unidentified document)', namespace: '', name: `#${index + 1}` }
  const body = text.endsWith('\n') ? text : text + '\n'
  if (id.kind === 'Secret' || /^kind: *["']?Secret["']? *$/m.test(text)) {
    try {
      const { text: redacted, digests } = redactSecret(body)
      return { id, key: keyOf(id), text: redactCopies(redacted, copies), images: doc.images, secretDigests: digests }
    } catch {
      return { id, key: keyOf(id), text: `# ${REDACTED}: this Secret could not be parsed\n`, images: [], secretDigests: new Map() }
    }
  }
  return { id, key: keyOf(id), text: redactCopies(body, copies), images: doc.images }
}

/** The resources of a render by key; a repeated key gets a `#n` suffix so none is lost. */
export function indexRender(render: string, copies: SecretCopies = new Map()): Map<string, Resource> {
  const byKey = new Map<string, Resource>()
  splitDocuments(render).forEach((text, i) => {
    const resource = toResource(text, i, copies)
    let key = resource.key
    for (let n = 2; byKey.has(key); n++) key = `${resource.key}#${n}`
    byKey.set(key, { ...resource, key })
  })
  return byKey
}

function secretKeyChanges(before?: Map<string, string>, after?: Map<string, string>): SecretKeyChanges | undefined {
  if (!before && !after) return undefined
  const a = before ?? new Map<string, string>()
  const b = after ?? new Map<string, string>()
  return {
    added: [...b.keys()].filter(k => !a.has(k)),
    removed: [...a.keys()].filter(k => !b.has(k)),
    changed: [...b.keys()].filter(k => a.has(k) && a.get(k) !== b.get(k))
  }
}

/** Beyond this many differing lines a resource is shown as replaced whole (Myers is O(N·D)). */
const MAX_EDIT_LENGTH = 1000

/** Unified diff lines (hunks only, no file headers) between two texts. */
export function unifiedLines(before: string, after: string, context = 3): string[] {
  const patch = structuredPatch('a', 'b', before, after, undefined, undefined, { context, maxEditLength: MAX_EDIT_LENGTH })
  if (!patch) return replacedWhole(before, after)
  const lines: string[] = []
  for (const h of patch.hunks) {
    lines.push(`@@ -${h.oldLines ? h.oldStart : h.oldStart - 1},${h.oldLines} +${h.newLines ? h.newStart : h.newStart - 1},${h.newLines} @@`)
    for (const line of h.lines) if (!line.startsWith('\\')) lines.push(line)
  }
  return lines
}

/** One hunk that removes every old line and adds every new one. */
function replacedWhole(before: string, after: string): string[] {
  const split = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'))
  const [old, now] = [split(before), split(after)]
  const header = `@@ -${old.length ? 1 : 0},${old.length} +${now.length ? 1 : 0},${now.length} @@`
  return [header, ...old.map(l => `-${l}`), ...now.map(l => `+${l}`)]
}

function change(kind: ResourceChange['change'], before: Resource | undefined, after: Resource | undefined): ResourceChange {
  const id = (after ?? before)!.id
  const out: ResourceChange = { id, change: kind, lines: unifiedLines(before?.text ?? '', after?.text ?? '') }
  const secretKeys = secretKeyChanges(before?.secretDigests, after?.secretDigests)
  if (secretKeys) out.secretKeys = secretKeys
  return out
}

const hasSecretChange = (k?: SecretKeyChanges) => !!k && k.added.length + k.removed.length + k.changed.length > 0

/** Compare two renders: added and changed resources in head order, then the removed ones. */
export function diffRenders(base: string, head: string): RenderDiff {
  const copies = secretCopies(base, head)
  const before = indexRender(base, copies)
  const after = indexRender(head, copies)
  const changes: ResourceChange[] = []
  let unchanged = 0
  for (const [key, resource] of after) {
    const old = before.get(key)
    if (!old) changes.push(change('added', undefined, resource))
    else if (old.text !== resource.text || hasSecretChange(secretKeyChanges(old.secretDigests, resource.secretDigests))) {
      changes.push(change('changed', old, resource))
    } else unchanged++
  }
  for (const [key, resource] of before) if (!after.has(key)) changes.push(change('removed', resource, undefined))
  const count = (c: ResourceChange['change']) => changes.filter(x => x.change === c).length
  const images = (m: Map<string, Resource>) => [...new Set([...m.values()].flatMap(r => r.images))].sort()
  return {
    changes,
    counts: { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged },
    images: { before: images(before), after: images(after) }
  }
}
