/**
 * Split a `kubectl kustomize` render into its documents and read each one's identity
 * (apiVersion, kind, namespace, name) and container images (pure).
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

export interface ScannedDoc {
  id?: ResourceId
  images: string[]
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers'])
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

/** Read identity and images line by line; undefined when unsure. */
export function scanDocument(text: string): ScannedDoc | undefined {
  const fields = new Map<string, string>()
  const images: string[] = []
  const stack: { col: number; key: string }[] = []
  let blockCol = -1
  for (const line of text.split(/\r?\n/)) {
    if (blockCol >= 0) {
      if (line.trim() === '' || /^ */.exec(line)![0].length > blockCol) continue
      blockCol = -1
    }
    if (line.trim() === '' || /^ *#/.test(line)) continue
    const m = KEY_LINE.exec(line)
    if (!m) {
      if (QUOTED_KEY_LINE.test(line)) return undefined
      if (/^ *- /.test(line) || /^ *-$/.test(line)) continue
      if (/^\S/.test(line)) return undefined
      continue
    }
    const col = m[1].length + (m[2]?.length ?? 0)
    const raw = m[4] ?? ''
    while (stack.length > 0 && stack[stack.length - 1].col >= col) stack.pop()
    const parent = stack[stack.length - 1]
    if (stack.length === 0 && (m[2] || col !== 0)) return undefined
    stack.push({ col, key: m[3] })
    if (BLOCK_SCALAR.test(raw)) blockCol = col
    else if (/^["'[{]/.test(raw) && simpleScalar(raw) === undefined && !/^(\[.*\]|\{.*\})$/.test(raw)) return undefined
    const path = stack.map(s => s.key).join('.')
    if (['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'metadata'].includes(path) && !m[2]) {
      if (fields.has(path)) return undefined
      if (path === 'metadata') {
        if (raw.replace(/ +#.*$/, '') !== '') return undefined
        fields.set(path, '')
        continue
      }
      const value = simpleScalar(raw)
      if (value === undefined) return undefined
      fields.set(path, value)
    } else if (m[3] === 'image' && parent && CONTAINER_LISTS.has(parent.key)) {
      const value = simpleScalar(raw)
      if (value === undefined) return undefined
      images.push(value)
    }
  }
  const [apiVersion, kind, name] = ['apiVersion', 'kind', 'metadata.name'].map(k => fields.get(k))
  if (!apiVersion || !kind || !name) return undefined
  return { id: { apiVersion, kind, namespace: fields.get('metadata.namespace') ?? '', name }, images }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Container images anywhere in an object: `image` of each item of a containers-like list. */
export function objectImages(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) objectImages(item, out)
  else if (isObj(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (CONTAINER_LISTS.has(key) && Array.isArray(child)) {
        for (const c of child) if (isObj(c) && typeof c.image === 'string') out.push(c.image)
      }
      objectImages(child, out)
    }
  }
  return out
}

/** Identity and images from a parsed object (the slow route). */
export function readObject(value: unknown): ScannedDoc {
  if (!isObj(value)) return { images: [] }
  const meta = isObj(value.metadata) ? value.metadata : {}
  const [apiVersion, kind, name] = [str(value.apiVersion), str(value.kind), str(meta.name)]
  const id = apiVersion && kind && name ? { apiVersion, kind, namespace: str(meta.namespace), name } : undefined
  return { id, images: objectImages(value) }
}

/** Scan, or parse when the scanner is unsure; a document that does not parse has no identity. */
export function readDocument(text: string): ScannedDoc {
  const scanned = scanDocument(text)
  if (scanned) return scanned
  try {
    return readObject(parse(text))
  } catch {
    return { images: [] }
  }
}
