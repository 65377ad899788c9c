/**
 * Drift: a live workload container running an image other than the one git recorded before
 * this run's edit (someone ran `kubectl set image` behind git's back). Pure: the caller fetches.
 */
import { DRIFT_KINDS, liveManifest, resourceType, type Manifest } from '../render/manifests.js'

export interface Drift {
  kind: string
  namespace: string
  name: string
  container: string
  /** what the cluster runs */
  live: string
  /** what git recorded before this run's edit */
  recorded: string
  /** what this run applies ('' when the object is no longer rendered) */
  applied: string
}

const key = (m: Pick<Manifest, 'kind' | 'namespace' | 'name'>) => `${m.kind}/${m.namespace}/${m.name}`

/** The workloads of the recorded render whose live state should be fetched. */
export function driftCandidates(recorded: Manifest[]): Manifest[] {
  return recorded.filter(m => DRIFT_KINDS.has(m.kind) && m.images.size > 0)
}

/** Compare live objects (from `kubectl get -o json`) with the recorded and the new render. */
export function findDrift(recorded: Manifest[], live: unknown[], rendered: Manifest[]): Drift[] {
  const recordedByKey = new Map(driftCandidates(recorded).map(m => [key(m), m]))
  const renderedByKey = new Map(rendered.map(m => [key(m), m]))
  const drift: Drift[] = []
  for (const object of live) {
    const current = liveManifest(object)
    const was = current && recordedByKey.get(key(current))
    if (!current || !was) continue
    for (const [container, image] of current.images) {
      const recordedImage = was.images.get(container)
      if (recordedImage === undefined || recordedImage === image) continue
      const applied = renderedByKey.get(key(current))?.images.get(container) ?? ''
      drift.push({ kind: current.kind, namespace: current.namespace, name: current.name, container, live: image, recorded: recordedImage, applied })
    }
  }
  return drift
}

/**
 * What to list per namespace for the candidates: their kinds, comma-joined for one
 * `kubectl get deployment.apps,statefulset.apps -n NS` (one request per kind and namespace;
 * naming each object costs one request per object, and kubectl's client-side throttling makes
 * 20 of them take seconds). The list may hold more objects than the candidates: findDrift
 * compares only those git recorded.
 */
export function liveQueries(candidates: Manifest[]): Map<string, string> {
  const kinds = new Map<string, Set<string>>()
  for (const m of candidates) {
    const set = kinds.get(m.namespace) ?? new Set<string>()
    set.add(resourceType(m))
    kinds.set(m.namespace, set)
  }
  return new Map([...kinds].map(([ns, set]) => [ns, [...set].sort().join(',')]))
}
