/**
 * Wait for the rollout of every workload of the applied targets, all at once, within the
 * timeout: the ones the apply created or changed, and the ones it left unchanged (a re-run after a
 * failed rollout must not pass over a workload that is still not ready); for each one that fails, collect `kubectl describe`, its recent events and those of
 * its not-ready pods (where probe failures and ImagePullBackOff show).
 */
import * as log from '../log.js'
import { classify } from './apply-errors.js'
import { firstLines, type Kubectl, type ObjectRef } from './kubectl.js'
import { bounded, notReadyPods } from './pod-details.js'
import type { Redact } from './secret-redaction.js'
import { logVerbatim } from '../verbatim.js'

export interface RolloutResult {
  /** the target the workload belongs to */
  path?: string
  kind: string
  namespace: string
  name: string
  ok: boolean
  /** one line: the final status, or why it failed */
  message: string
  /** describe output and events, for failures */
  details?: string
}

/** A workload to wait for; `unchanged`: the apply left it as it was (its readiness is checked all the same). */
export type WaitRef = Required<ObjectRef> & { unchanged?: boolean; path?: string }

const NOT_WAITABLE = /only available for RollingUpdate strategy|rollout status is only available/

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('')
}


async function waitOne(kubectl: Kubectl, ref: WaitRef, timeoutSeconds: number, redact: Redact): Promise<RolloutResult> {
  const base = { ...(ref.path !== undefined ? { path: ref.path } : {}), kind: ref.kind, namespace: ref.namespace, name: ref.name }
  const label = `${ref.kind.toLowerCase()}/${ref.name}${ref.namespace ? ` in ${ref.namespace}` : ''}`
  const result = await kubectl.rolloutStatus(ref, timeoutSeconds)
  const lastLine = result.stdout.trim().split('\n').pop() ?? ''
  if (result.code === 0) {
    const message = `${lastLine || 'rolled out'}${ref.unchanged ? ' (unchanged by this apply)' : ''}`
    log.info(`${label}: ${message}`)
    return { ...base, ok: true, message }
  }
  if (NOT_WAITABLE.test(result.stderr)) {
    log.info(`${label}: not waited for (${firstLines(result.stderr, 1)})`)
    return { ...base, ok: true, message: `not waited for: ${firstLines(result.stderr, 1)}` }
  }
  const classified = classify(result.stderr)
  const why = [classified.kind === 'timeout' ? lastLine.replace(/\.\.\.$/, '') : '', ref.unchanged ? 'the apply left it unchanged and it is not ready' : ''].filter(Boolean).join('; ')
  const message = redact(
    classified.kind === 'timeout'
      ? `rollout of ${label} did not complete within ${formatDuration(timeoutSeconds)}${why ? ` (${why})` : ''}`
      : `rollout of ${label} failed: ${classified.message}${why ? ` (${why})` : ''}`
  )
  const [describe, events, pods] = await Promise.all([kubectl.describe(ref), kubectl.events(ref), notReadyPods(kubectl, ref)])
  // redacted before it is cut to size, so that no cut leaves a part of a value
  const workload = `$ kubectl describe ${ref.kind.toLowerCase()} ${ref.name}\n${bounded(redact(describe.trimEnd()))}\n\n$ kubectl events --for ${ref.kind.toLowerCase()}/${ref.name}\n${bounded(redact(events.trimEnd()))}`
  const details = pods ? `${workload}\n\n${redact(pods)}` : workload
  // the run's one annotation for this failure is made where the run fails
  log.info(message)
  logVerbatim(details)
  return { ...base, ok: false, message, details }
}

/**
 * All rollouts at once; the results keep the input order. What a failure shows (kubectl's
 * message, describe, events, pod details) is `redact`ed: kustomize may have copied a Secret's
 * value into an env value or an annotation, which describe prints.
 */
export async function waitForRollouts(kubectl: Kubectl, refs: WaitRef[], timeoutSeconds: number, redact: Redact = t => t): Promise<RolloutResult[]> {
  const unchanged = refs.filter(r => r.unchanged).length
  if (refs.length > 0) log.info(`waiting up to ${formatDuration(timeoutSeconds)} for ${refs.length} workload(s) to be ready${unchanged ? ` (${unchanged} unchanged by this apply)` : ''}`)
  return Promise.all(refs.map(ref => waitOne(kubectl, ref, timeoutSeconds, redact)))
}
