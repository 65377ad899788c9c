/** `kubectl apply` output lines → the `resources` output: kind, namespace, name, action. */
import { resourceName, type Manifest } from '../render/manifests.js'

export interface AppliedResource {
  /** the target (directory relative to the workspace) the object belongs to */
  path?: string
  kind: string
  namespace: string
  name: string
  /** kubectl's word: created, configured, unchanged, serverside-applied, ...; or `failed` */
  action: string
  /** why it failed */
  error?: string
  /** set when the apply was a dry run: `client` or `server` */
  dryRun?: 'client' | 'server'
}

export interface ApplyLine {
  /** `deployment.apps/web` */
  ref: string
  action: string
  dryRun?: 'client' | 'server'
}

const LINE = /^(\S+\/\S+) ([a-z-]+)(?: \((server dry run|dry run)\))?$/

/** The per-object lines of `kubectl apply` stdout (other lines are ignored). */
export function parseApplyOutput(stdout: string): ApplyLine[] {
  const lines: ApplyLine[] = []
  for (const raw of stdout.split('\n')) {
    const m = LINE.exec(raw.trim())
    if (!m) continue
    lines.push({ ref: m[1], action: m[2], ...(m[3] ? { dryRun: m[3] === 'server dry run' ? ('server' as const) : ('client' as const) } : {}) })
  }
  return lines
}

/**
 * Each output line matched to the rendered object it names (kubectl prints no namespace; the
 * manifest knows it). Objects with the same kind and name in two namespaces match in order.
 */
export function toResources(lines: ApplyLine[], manifests: Manifest[]): AppliedResource[] {
  const unused = [...manifests]
  return lines.map(line => {
    const i = unused.findIndex(m => resourceName(m) === line.ref)
    const [kindPart, ...nameParts] = line.ref.split('/')
    const m = i >= 0 ? unused.splice(i, 1)[0] : undefined
    const kind = m?.kind ?? kindPart.split('.')[0]
    return { kind, namespace: m?.namespace ?? '', name: m?.name ?? nameParts.join('/'), action: line.action, ...(line.dryRun ? { dryRun: line.dryRun } : {}) }
  })
}

/**
 * `kubectl diff` output with the body of every Secret's diff replaced by a note: kubectl masks
 * `data`, but not the copy in the last-applied-configuration annotation.
 */
export function redactSecretDiffs(diffOutput: string): string {
  return diffOutput
    .split(/^(?=diff )/m)
    .map(chunk => {
      const header = chunk.split('\n', 1)[0]
      return /^diff .*\/v1\.Secret\.\S+$/.test(header) ? `${header}\n(a Secret: its changes are not shown)\n` : chunk
    })
    .join('')
}
