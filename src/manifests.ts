/**
 * What the apply phase needs to know about rendered manifests: each object's kind, group, name
 * and effective namespace, and the container images of workloads. Pure functions, no I/O.
 */
import { parseAllDocuments } from 'yaml'

export interface Manifest {
  kind: string
  /** API group, '' for the core group */
  group: string
  version: string
  name: string
  /** effective namespace; '' for cluster-scoped kinds */
  namespace: string
  /** `container name → image`, for workloads (Deployment, StatefulSet, DaemonSet, CronJob, Job, Pod) */
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

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** The pod spec of a workload object (any of the kinds above), or undefined. */
function podSpec(o: Obj): Obj | undefined {
  const spec = obj(o.spec)
  if (str(o.kind) === 'Pod') return spec
  if (str(o.kind) === 'CronJob') return obj(obj(obj(obj(spec.jobTemplate).spec).template).spec)
  return spec.template ? obj(obj(spec.template).spec) : undefined
}

/** `container name → image` of an object (rendered or live), init containers included. */
export function containerImages(o: unknown): Map<string, string> {
  const images = new Map<string, string>()
  const pod = podSpec(obj(o))
  if (!pod) return images
  for (const list of [pod.initContainers, pod.containers]) {
    for (const c of Array.isArray(list) ? list : []) if (str(obj(c).name)) images.set(str(obj(c).name), str(obj(c).image))
  }
  return images
}

export function toManifest(o: unknown, defaultNamespace: string): Manifest | undefined {
  const record = obj(o)
  const kind = str(record.kind)
  const meta = obj(record.metadata)
  if (!kind || !str(meta.name)) return undefined
  const [group, version] = str(record.apiVersion).includes('/') ? str(record.apiVersion).split('/', 2) : ['', str(record.apiVersion)]
  const namespace = CLUSTER_SCOPED.has(kind) ? '' : str(meta.namespace) || defaultNamespace
  return { kind, group, version, name: str(meta.name), namespace, images: containerImages(record) }
}

/** Every object in a multi-document YAML stream (kubectl kustomize output). */
export function parseManifests(yamlText: string, defaultNamespace: string): Manifest[] {
  return parseAllDocuments(yamlText)
    .flatMap(doc => ('toJS' in doc ? [doc.toJS()] : []))
    .flatMap(o => (obj(o).kind === 'List' && Array.isArray(obj(o).items) ? (obj(o).items as unknown[]) : [o]))
    .map(o => toManifest(o, defaultNamespace))
    .filter((m): m is Manifest => m !== undefined)
}

/** How kubectl names an object in its output: `deployment.apps/web`, `configmap/cfg`. */
export function resourceName(m: Pick<Manifest, 'kind' | 'group' | 'name'>): string {
  return `${m.kind.toLowerCase()}${m.group ? `.${m.group}` : ''}/${m.name}`
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
