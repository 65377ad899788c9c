/**
 * Everything the apply phase shows (the diff, kubectl's messages, a failed rollout's describe,
 * events and pod details, in the log and the job summary) goes through one redaction: every copy
 * of a Secret value (preview/secret-copies.ts) of the old side and of the new render. The old side
 * is what the cluster holds, read under every name it may have: the render's Secret names, those
 * git recorded before this run, those the live workloads refer to, and the other hash-suffixed
 * generations of the render's generated Secrets (a `secretGenerator` Secret whose value changed
 * has a new name; the old one is only live). What git recorded counts as old side too, for
 * values the cluster no longer (or never) held.
 */
import { stringify } from 'yaml'
import type { Kubectl } from './kubectl.js'
import type { Manifest } from '../render/manifests.js'
import { PLACEHOLDERS, redactCopies, secretCopies, type SecretCopies } from '../preview/secret-copies.js'

export type Redact = (text: string) => string

type Obj = Record<string, any>
const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(v => v && typeof v === 'object') : [])

/** The pod spec of a workload, a Pod, or a CronJob's job template. */
function podSpec(object: Obj): Obj | undefined {
  return object.spec?.jobTemplate?.spec?.template?.spec ?? object.spec?.template?.spec ?? (object.kind === 'Pod' ? object.spec : undefined)
}

/** The names of the Secrets a live object's pod spec refers to (pure). */
export function secretRefs(object: unknown): string[] {
  const spec = object && typeof object === 'object' ? podSpec(object as Obj) : undefined
  if (!spec) return []
  const names: unknown[] = list(spec.imagePullSecrets).map(s => s.name)
  for (const volume of list(spec.volumes)) names.push(volume.secret?.secretName, ...list(volume.projected?.sources).map(s => s.secret?.name))
  for (const c of [...list(spec.containers), ...list(spec.initContainers), ...list(spec.ephemeralContainers)]) {
    names.push(...list(c.env).map(e => e.valueFrom?.secretKeyRef?.name), ...list(c.envFrom).map(e => e.secretRef?.name))
  }
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))]
}

/** `namespace → secret/name refs` of every Secret of the manifests and those the live objects name. */
function oldNames(manifests: Manifest[], live: unknown[], defaultNamespace: string): Map<string, Set<string>> {
  const byNamespace = new Map<string, Set<string>>()
  const add = (ns: string, name: string) => byNamespace.set(ns, (byNamespace.get(ns) ?? new Set()).add(`secret/${name}`))
  for (const m of manifests) if (m.kind === 'Secret' && m.group === '') add(m.namespace, m.name)
  for (const object of live) {
    const ns = ((object as Obj)?.metadata?.namespace as string | undefined) || defaultNamespace
    for (const name of secretRefs(object)) add(ns, name)
  }
  return byNamespace
}

/** kustomize's hash suffix of a generated name (10 characters of its encoding alphabet). */
const HASHED = /^(.+)-[2456789bcdfghkmt]{10}$/

/**
 * The names (`secret/NAME`) of the live Secrets that are other generations of the render's
 * generated ones (the same name with another hash suffix), by listing each such namespace's
 * Secret names (no values) where RBAC allows it; added to `byNamespace`.
 */
async function otherGenerations(kubectl: Kubectl, manifests: Manifest[], byNamespace: Map<string, Set<string>>): Promise<void> {
  const bases = new Map<string, Set<string>>()
  for (const m of manifests) {
    const base = m.kind === 'Secret' && m.group === '' ? HASHED.exec(m.name)?.[1] : undefined
    if (base) bases.set(m.namespace, (bases.get(m.namespace) ?? new Set()).add(base))
  }
  const listed = await Promise.all([...bases].map(async ([ns, names]) => [ns, otherNames(await kubectl.names('secrets', ns || undefined).catch(() => []), names)] as const))
  for (const [ns, refs] of listed) if (refs.length > 0) byNamespace.set(ns, new Set([...(byNamespace.get(ns) ?? []), ...refs]))
}

/** Of `listed` (`secret/NAME`), those whose name is one of `bases` with a hash suffix (pure). */
export function otherNames(listed: string[], bases: Set<string>): string[] {
  return listed.filter(ref => ref.startsWith('secret/') && bases.has(HASHED.exec(ref.slice('secret/'.length))?.[1] ?? ''))
}

/** The live Secrets under every old name, as YAML documents; '' when there are none or they cannot be read. */
export async function liveSecrets(kubectl: Kubectl, manifests: Manifest[], live: unknown[], defaultNamespace: string): Promise<string> {
  const byNamespace = oldNames(manifests, live, defaultNamespace)
  await otherGenerations(kubectl, manifests, byNamespace)
  const read = await Promise.all([...byNamespace].map(([ns, refs]) => kubectl.get([...refs], ns || undefined).catch(() => [])))
  return read.flat().map(object => `${stringify(object)}---\n`).join('')
}

/**
 * One target's copies: the old side is the live Secrets (else what git recorded), the new side
 * the render; values only git recorded are redacted as old ones.
 */
export function targetCopies(live: string, recorded: string, rendered: string): SecretCopies {
  const copies = secretCopies(live || recorded, rendered)
  if (live) for (const [form] of secretCopies(recorded, '')) if (!copies.has(form)) copies.set(form, PLACEHOLDERS.old)
  return copies
}

/** One redaction over the copies of every target (pure). */
export function redactor(copies: SecretCopies[]): Redact {
  const all: SecretCopies = new Map()
  for (const map of copies) for (const [form, placeholder] of map) if (!all.has(form)) all.set(form, placeholder)
  return text => redactCopies(text, all)
}
