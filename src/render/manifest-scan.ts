/**
 * The one reader of `kubectl kustomize` renders, for the preview and the apply phase alike:
 * split a render into its documents and read each one's identity (apiVersion, kind, namespace,
 * name) and containers (name and image of every item of a containers-like list) (pure).
 *
 * Parsing 3,000 resources with the `yaml` library takes seconds, so the canonical form that
 * kustomize prints (block style, one key per line) is read by a line scanner; any document the
 * scanner is not sure about (flow style, multi-line quoted scalars, tags, anchors on the fields
 * it reads, duplicate keys) is parsed with `yaml` instead. Both routes give the same answer.
 */
import { parse, parseAllDocuments } from 'yaml'

export interface ResourceId {
  apiVersion: string
  kind: string
  namespace: string
  name: string
}

/** One item of a containers-like list; '' for a field it does not set. */
export interface Container {
  name: string
  image: string
}

export interface ScannedDoc {
  id?: ResourceId
  /** every item of `containers`, `initContainers`, `ephemeralContainers` lists, in document order */
  containers: Container[]
  /** their images (the ones that set one) */
  images: string[]
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers'])
const IDENTITY_PATHS = new Set(['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'metadata'])
const KEY_LINE = /^( *)(- +)?([^\s"'?#{}[\],&*!|>%@`-](?:[^:#]|:(?! |$))*?):(?: +(.*))?$/
const QUOTED_KEY_LINE = /^ *(?:- +)?(?:"|'|\? ).*(?::(?: |$))/
const BLOCK_SCALAR = /^[|>][-+0-9]*(?: +#.*)?$/

/** The documents of a render, each as its own source text (empty documents dropped). */
export function splitDocuments(render: string): string[] {
  if (/^(?:%|\.\.\.\s*$|--- *[^\s#])/m.test(render)) {
    return parseAllDocuments(render).map(doc => render.slice(doc.range[0], doc.range[2]).replace(/^--- *\n/, ''))
      .filter(text => text.trim() !== '')
  }
  return render.split(/^--- *(?:#.*)?\r?\n/m).filter(text => text.replace(/^\s*#.*$/gm, '').trim() !== '')
}

/** A scalar's value when it is written simply enough to read without a parser. */
export function simpleScalar(raw: string): string | undefined {
  const value = raw.replace(/ +#.*$/, '').trimEnd()
  if (/^"[^"\\]*"$/.test(value)) return value.slice(1, -1)
  if (/^'(?:[^']|'')*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'")
  if (/^[^\s"'{}[\]&*!|>%@`#,?:-][^#]*$/.test(value) && !/: /.test(value)) return value
  if (/^-[^\s#][^#]*$/.test(value) && !/: /.test(value)) return value
  return undefined
}

const withImages = (id: ResourceId | undefined, containers: Container[]): ScannedDoc => ({
  id,
  containers,
  images: containers.flatMap(c => (c.image ? [c.image] : []))
})

interface Key {
  col: number
  key: string
}

/** What the scan has read so far. */
interface ScanState {
  fields: Map<string, string>
  containers: Container[]
  /** the column of the keys of the container item being read, -1 outside one */
  itemCol: number
  stack: Key[]
}

/** The deepest key a `- ...` line at `col` belongs to. */
const ownerOf = (stack: Key[], col: number) => [...stack].reverse().find(k => k.col <= col)

/** Read identity and containers line by line; undefined when unsure. */
export function scanDocument(text: string): ScannedDoc | undefined {
  const state: ScanState = { fields: new Map(), containers: [], itemCol: -1, stack: [] }
  let blockCol = -1
  for (const line of text.split(/\r?\n/)) {
    if (blockCol >= 0) {
      if (line.trim() === '' || /^ */.exec(line)![0].length > blockCol) continue
      blockCol = -1
    }
    if (line.trim() === '' || /^ *#/.test(line)) continue
    const m = KEY_LINE.exec(line)
    if (!m) {
      if (QUOTED_KEY_LINE.test(line) || /^\S/.test(line)) return undefined
      // a sequence item that is not a key (flow mapping, scalar) inside a container list
      const dash = /^( *)-(?: |$)/.exec(line)
      if (dash && CONTAINER_LISTS.has(ownerOf(state.stack, dash[1].length)?.key ?? '')) return undefined
      continue
    }
    const col = m[1].length + (m[2]?.length ?? 0)
    const raw = m[4] ?? ''
    while (state.stack.length > 0 && state.stack[state.stack.length - 1].col >= col) state.stack.pop()
    if (state.stack.length === 0 && (m[2] || col !== 0)) return undefined
    state.stack.push({ col, key: m[3] })
    if (BLOCK_SCALAR.test(raw)) blockCol = col
    else if (/^["'[{]/.test(raw) && simpleScalar(raw) === undefined && !/^(\[.*\]|\{.*\})$/.test(raw)) return undefined
    if (!readKey(state, m[3], raw, col, !!m[2])) return undefined
  }
  const [apiVersion, kind, name] = ['apiVersion', 'kind', 'metadata.name'].map(k => state.fields.get(k))
  if (!apiVersion || !kind || !name) return undefined
  return withImages({ apiVersion, kind, namespace: state.fields.get('metadata.namespace') ?? '', name }, state.containers)
}

/** Take in one `key: raw` line (already on the stack); false when the scanner is unsure. */
function readKey(state: ScanState, key: string, raw: string, col: number, itemStart: boolean): boolean {
  const { stack, fields } = state
  const path = stack.map(s => s.key).join('.')
  const parent = stack[stack.length - 2]
  if (IDENTITY_PATHS.has(path) && !itemStart) {
    if (fields.has(path)) return false
    if (path === 'metadata') {
      fields.set(path, '')
      return raw.replace(/ +#.*$/, '') === ''
    }
    const value = simpleScalar(raw)
    fields.set(path, value ?? '')
    return value !== undefined
  }
  if (CONTAINER_LISTS.has(key)) {
    state.itemCol = -1
    // a container list written in flow style (other than empty) is the parser's
    if (!['', '[]'].includes(raw.replace(/ +#.*$/, ''))) return false
  }
  if (!parent || !CONTAINER_LISTS.has(parent.key)) return true
  if (itemStart) {
    state.containers.push({ name: '', image: '' })
    state.itemCol = col
  } else if (state.itemCol !== col) return false
  if (key !== 'name' && key !== 'image') return true
  const item = state.containers[state.containers.length - 1]
  const value = simpleScalar(raw)
  if (value === undefined || item[key] !== '') return false
  item[key] = value
  return true
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Containers anywhere in an object: each item of a containers-like list. */
export function objectContainers(value: unknown, out: Container[] = []): Container[] {
  if (Array.isArray(value)) for (const item of value) objectContainers(item, out)
  else if (isObj(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (CONTAINER_LISTS.has(key) && Array.isArray(child)) {
        for (const c of child) if (isObj(c)) out.push({ name: str(c.name), image: str(c.image) })
      }
      objectContainers(child, out)
    }
  }
  return out
}

/** Identity and containers from a parsed object (the slow route; also live objects from the API). */
export function readObject(value: unknown): ScannedDoc {
  if (!isObj(value)) return withImages(undefined, [])
  const meta = isObj(value.metadata) ? value.metadata : {}
  const [apiVersion, kind, name] = [str(value.apiVersion), str(value.kind), str(meta.name)]
  const id = apiVersion && kind && name ? { apiVersion, kind, namespace: str(meta.namespace), name } : undefined
  return withImages(id, objectContainers(value))
}

/** Scan, or parse when the scanner is unsure; a document that does not parse has no identity. */
export function readDocument(text: string): ScannedDoc {
  return scanDocument(text) ?? parseDocument(text)
}

/** The slow route for one document (a `kind: List` whole: its items are the caller's). */
export function parseDocument(text: string): ScannedDoc {
  return readObject(parseOrUndefined(text))
}

/** The parsed document, or undefined when it does not parse. */
export function parseOrUndefined(text: string): unknown {
  try {
    return parse(text)
  } catch {
    return undefined
  }
}
