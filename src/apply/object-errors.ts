/**
 * kubectl apply's stderr as one classified error per object (pure). kubectl names the object in
 * some errors (`deployments.apps "web" is forbidden`, `Name: "web", Namespace: "prod"`, the
 * patch it sent) and not in others (`configmaps is forbidden` on create); each error is matched
 * to the first object of the render that kubectl did not report as applied and that fits
 * whatever the error does say (kind or resource, name, namespace).
 */
import { classify, errorChunks, type ClassifiedError } from './apply-errors.js'
import type { ApplyLine } from './apply-output.js'
import { resourceName, type Manifest } from '../render/manifests.js'

/** What an error text says about its object; any part may be missing. */
export interface ObjectHint {
  kind?: string
  /** a resource (`deployments`) or kind (`Deployment`) as an error names it, without its group */
  resource?: string
  name?: string
  namespace?: string
}

export interface ObjectError extends ClassifiedError {
  /** `deployment/web`; undefined when no object fits */
  object?: string
  manifest?: Manifest
}

type Extractor = [RegExp, (m: RegExpExecArray) => ObjectHint]

const EXTRACTORS: Extractor[] = [
  [/failed to create typed patch object \((?:([^/;)]+)\/)?([^;)]+); [^)]*Kind=(\w+)\)/, m => ({ namespace: m[1] ?? '', name: m[2], kind: m[3] })],
  [/resource mapping not found for name: "([^"]+)" namespace: "([^"]*)"[^]*?no matches for kind "(\w+)"/, m => ({ name: m[1], kind: m[3], ...(m[2] ? { namespace: m[2] } : {}) })],
  [/Kind=(\w+)"\s*\nName: "([^"]+)", Namespace: "([^"]*)"/, m => ({ kind: m[1], name: m[2], namespace: m[3] })],
  [/Operation cannot be fulfilled on (\w+)(?:\.[\w.]+)? "([^"]+)"/, m => ({ resource: m[1], name: m[2] })],
  [/(\w+)(?:\.[\w.]+)? "([^"]+)" is (?:forbidden|invalid)/, m => ({ resource: m[1], name: m[2] })],
  // the patch kubectl sent (client-side apply) carries the last-applied configuration
  [/\\"kind\\":\\"(\w+)\\",\\"metadata\\":\{.*?\\"name\\":\\"([^\\"]+)\\"(?:,\\"namespace\\":\\"([^\\"]+)\\")?/, m => ({ kind: m[1], name: m[2], ...(m[3] ? { namespace: m[3] } : {}) })],
  [/cannot be handled as a (\w+)/, m => ({ kind: m[1] })],
  [/(\w+)(?:\.[\w.]+)? is forbidden: User "[^"]*" cannot \w+ resource "\w+"[^\n]*?(?:in the namespace "([^"]+)"|at the cluster scope)/, m => ({ resource: m[1], namespace: m[2] ?? '' })],
  [/namespaces "([^"]+)" not found/, m => ({ namespace: m[1] })]
]

/** Everything the error text says about its object (earlier extractors win per field). */
export function objectHint(text: string): ObjectHint {
  const hint: ObjectHint = {}
  for (const [pattern, read] of EXTRACTORS) {
    const m = pattern.exec(text)
    if (!m) continue
    for (const [key, value] of Object.entries(read(m)) as [keyof ObjectHint, string][]) {
      if (hint[key] === undefined && value !== undefined) hint[key] = value
    }
  }
  return hint
}

/** `Deployment` → `deployments`, `NetworkPolicy` → `networkpolicies`, `Ingress` → `ingresses`. */
export function plural(kind: string): string {
  const k = kind.toLowerCase()
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`
  return `${k}s`
}

export function fits(m: Manifest, hint: ObjectHint): boolean {
  if (hint.name !== undefined && m.name !== hint.name) return false
  if (hint.namespace !== undefined && m.namespace !== hint.namespace) return false
  if (hint.kind !== undefined && m.kind !== hint.kind) return false
  if (hint.resource !== undefined && ![m.kind.toLowerCase(), plural(m.kind)].includes(hint.resource.toLowerCase())) return false
  return true
}

export const objectLabel = (m: Pick<Manifest, 'kind' | 'name'>) => `${m.kind.toLowerCase()}/${m.name}`

/**
 * One classified error per failed object. `applied`: the objects kubectl's stdout reported (they
 * did not fail); `manifests`: the target's render, in order.
 */
export function objectErrors(stderr: string, applied: ApplyLine[], manifests: Manifest[]): ObjectError[] {
  const reported = new Set(applied.map(l => l.ref))
  const pool = manifests.filter(m => !reported.has(resourceName(m)))
  const out: ObjectError[] = []
  for (const chunk of errorChunks(stderr)) {
    const classified = classify(chunk)
    const hint = objectHint(chunk)
    const i = Object.keys(hint).length > 0 ? pool.findIndex(m => fits(m, hint)) : -1
    const manifest = i >= 0 ? pool.splice(i, 1)[0] : undefined
    const named = manifest ? objectLabel(manifest) : hint.name ? `${(hint.kind ?? hint.resource ?? 'object').toLowerCase()}/${hint.name}` : undefined
    const error: ObjectError = { ...classified, ...(named ? { object: named } : {}), ...(manifest ? { manifest } : {}) }
    if (!out.some(e => e.object === error.object && e.message === error.message)) out.push(error)
  }
  return out
}

/** `deployment/web: rejected by validation: …`, or the message alone when no object is known. */
export const formatObjectError = (e: ObjectError) => (e.object ? `${e.object}: ${e.message}` : e.message)
