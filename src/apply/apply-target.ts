/**
 * One target's `kubectl apply -k` and what became of it: applied, failed (one classified error per
 * object that failed) or not attempted. kubectl goes on past a failed object, so a failed target
 * may have applied some of its objects; `resources` says which.
 */
import * as log from '../log.js'
import { parseApplyOutput, toResources, type AppliedResource } from './apply-output.js'
import { errorMessage } from '../errors.js'
import { KubectlError, type ApplyFlags, type Kubectl } from './kubectl.js'
import type { Manifest } from '../render/manifests.js'
import { formatObjectError, objectErrors, objectLabel } from './object-errors.js'
import type { Target } from '../edit/targets.js'
import { oneLine } from '../markdown.js'

export type TargetState = 'applied' | 'dry-run' | 'failed' | 'not-attempted'

export interface TargetResult {
  /** the target directory relative to the workspace */
  path: string
  state: TargetState
  /** why it failed (one line per object) or was not attempted */
  errors: string[]
}

export interface TargetApply {
  result: TargetResult
  resources: AppliedResource[]
}

/** Apply one target; never throws: a failure is in the result, kubectl's words `redact`ed (Secret values). */
export async function applyTarget(kubectl: Kubectl, target: Target, flags: ApplyFlags, manifests: Manifest[], redact: (text: string) => string = t => t): Promise<TargetApply> {
  let stdout = ''
  let stderr = ''
  let failed = false
  try {
    stdout = (await kubectl.apply(target.dir, flags)).stdout
  } catch (error) {
    failed = true
    if (error instanceof KubectlError) ({ stdout, stderr } = error.result)
    else stderr = `error: ${errorMessage(error)}`
  }
  const lines = parseApplyOutput(stdout)
  const resources: AppliedResource[] = toResources(lines, manifests).map(r => ({ path: target.rel, ...r }))
  for (const r of resources) log.info(oneLine(`${target.rel}: ${objectLabel(r)}${r.namespace ? ` (${r.namespace})` : ''} ${r.action}${r.dryRun ? ` (${r.dryRun} dry run)` : ''}`))
  if (!failed) return { result: { path: target.rel, state: flags.dryRun === 'none' ? 'applied' : 'dry-run', errors: [] }, resources }

  const errors = objectErrors(redact(stderr), lines, manifests)
  const failedObjects = errors.flatMap(e => (e.manifest ? [{ path: target.rel, kind: e.manifest.kind, namespace: e.manifest.namespace, name: e.manifest.name, action: 'failed', error: e.message }] : []))
  const messages = errors.map(e => `${target.rel}: kubectl apply failed: ${formatObjectError(e)}`)
  for (const m of messages) log.info(oneLine(m))
  return { result: { path: target.rel, state: 'failed', errors: messages }, resources: [...resources, ...failedObjects] }
}

/** Every target as not attempted, and why (a stale run, a failed push). */
export function notAttempted(targets: Target[], why: string): TargetResult[] {
  return targets.map(t => ({ path: t.rel, state: 'not-attempted' as const, errors: [why] }))
}
