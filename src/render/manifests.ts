/**
 * What the apply phase needs to know about rendered manifests: each object's kind, group,
 * version, name and effective namespace, and its containers' images by container name. A thin
 * layer over the render reader the preview uses too (manifest-scan.ts). Pure functions, no I/O.
 */
import { readDocument, readObject, parseOrUndefined, splitDocuments, type ScannedDoc } from './manifest-scan.js'

export interface Manifest {
  kind: string
  /** API group, '' for the core group */
  group: string
  version: string
  name: string
  /** effective namespace; '' for cluster-scoped kinds */
  namespace: string
  /** `container name → image` of every named container (init containers included) */
  images: Map<string, string>
}

export const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet'])
export const DRIFT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'])

/** Built-in kinds that live outside namespaces (custom ones: the manifest gives no namespace either). */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'StorageClass', 'CSIDriver', 'CSINode', 'PriorityClass', 'RuntimeClass', 'IngressClass', 'APIService',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'VolumeAttachment', 'CertificateSigningRequest', 'FlowSchema',
  'PriorityLevelConfiguration'
])

/** A scanned document as the apply phase sees it; undefined without an identity. */
export function toManifest(doc: ScannedDoc, defaultNamespace: string): Manifest | undefined {
  if (!doc.id) return undefined
  const { apiVersion, kind, name } = doc.id
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion]
  const namespace = CLUSTER_SCOPED.has(kind) ? '' : doc.id.namespace || defaultNamespace
  const images = new Map(doc.containers.filter(c => c.name !== '').map(c => [c.name, c.image] as const))
  return { kind, group, version, name, namespace, images }
}

/** A live object (from `kubectl get -o json`) as a manifest; its namespace is its own. */
export function liveManifest(object: unknown): Manifest | undefined {
  return toManifest(readObject(object), '')
}

/** Every object in a render (kubectl kustomize output); a `kind: List` stands for its items. */
export function parseManifests(render: string, defaultNamespace: string): Manifest[] {
  return splitDocuments(render)
    .flatMap(text => {
      const doc = readDocument(text)
      return doc.id && doc.id.kind !== 'List' ? [doc] : listItems(text).map(readObject)
    })
    .flatMap(doc => toManifest(doc, defaultNamespace) ?? [])
}

/** The items of a `kind: List` document (none for anything else). */
function listItems(text: string): unknown[] {
  const list = parseOrUndefined(text) as { kind?: unknown; items?: unknown } | undefined
  return list?.kind === 'List' && Array.isArray(list.items) ? list.items : []
}

/** How kubectl names an object in its output: `deployment.apps/web`, `configmap/cfg`. */
export function resourceName(m: Pick<Manifest, 'kind' | 'group' | 'name'>): string {
  return `${resourceType(m)}/${m.name}`
}

/** How kubectl names a kind unambiguously: `deployment.apps`, `configmap`. */
export function resourceType(m: Pick<Manifest, 'kind' | 'group'>): string {
  return `${m.kind.toLowerCase()}${m.group ? `.${m.group}` : ''}`
}

/** How `kubectl diff` names an object's temp file: `apps.v1.Deployment.ns.web`. */
export function diffName(m: Manifest): string {
  return `${m.group ? `${m.group}.` : ''}${m.version}.${m.kind}.${m.namespace}.${m.name}`
}

/** The objects a `kubectl diff` output shows differences for. */
export function changedInDiff(diffOutput: string, manifests: Manifest[]): Manifest[] {
  const files = new Set([...diffOutput.matchAll(/^diff .* \S*\/MERGED-[^/\s]+\/(\S+)$/gm)].map(m => m[1]))
  return manifests.filter(m => files.has(diffName(m)))
}
