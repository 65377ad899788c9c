/**
 * The apply phase (DESIGN.md step 6): from the tree as it is after the commit phase, per target
 * `kubectl diff -k` (shown in the log), a drift check of the live workloads against what git
 * recorded before this run's edit, one `kubectl apply -k`, then all rollouts waited for at once.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { classifyAll } from './apply-errors.js'
import { redactSecretDiffs, type AppliedResource } from './apply-output.js'
import { applyTarget, notAttempted, type TargetResult } from './apply-target.js'
import { diffTarget } from './diff-parts.js'
import { findDrift, driftCandidates, liveQueries, type Drift } from './drift.js'
import { errorMessage } from '../errors.js'
import type { Settings } from '../inputs.js'
import { prepareKubeconfig, type KubeconfigFile } from './kubeconfig.js'
import { Kubectl, KubectlError, type ApplyFlags, type DiffResult } from './kubectl.js'
import { changedInDiff, parseManifests, ROLLOUT_KINDS, type Manifest } from '../render/manifests.js'
import { mapLimit } from '../pool.js'
import { waitForRollouts, type RolloutResult, type WaitRef } from './rollout.js'
import type { Target } from '../edit/targets.js'
import { logVerbatim } from '../verbatim.js'
import { oneLine } from '../markdown.js'
import type { SecretCopies } from '../preview/secret-copies.js'
import { liveSecrets, redactor, targetCopies } from './secret-redaction.js'

export interface Cluster {
  kubectl: Kubectl
  kubeconfig: KubeconfigFile
  settings: Settings['apply']
  /** namespace of objects that name none: the `namespace` input, else the context's, else default */
  namespace: string
  /** whether kubectl runs: its path, or why it does not */
  checked: Promise<string | Error>
}

export interface ApplyOutcome {
  /** true when `kubectl apply` succeeded for every target, for real (not a dry run); rollouts aside */
  applied: boolean
  dryRun: Settings['apply']['dryRun']
  context: string
  resources: AppliedResource[]
  /** per target: applied, dry run, failed (why) or not attempted (why) */
  targets: TargetResult[]
  drift: Drift[]
  rollouts: RolloutResult[]
  /** one line per failure; the run fails when there is one */
  failures: string[]
}

/**
 * Validate the kubeconfig. `checked`: whether kubectl runs (recorded.ts learns it from the first
 * render, so no process of its own is spent on it). `kubeconfig.dispose()` in finally.
 */
export async function prepareCluster(settings: Settings['apply'], checked: Promise<string | Error>): Promise<Cluster> {
  const kubeconfig = await prepareKubeconfig(settings.kubeconfig, settings.context)
  const flags = { context: settings.context || undefined, namespace: settings.namespace || undefined, loadRestrictor: settings.loadRestrictor }
  const kubectl = new Kubectl(settings.kubectl, { KUBECONFIG: kubeconfig.path }, flags)
  return { kubectl, kubeconfig, settings, namespace: settings.namespace || kubeconfig.namespace || 'default', checked }
}

const flagsOf = (s: Settings['apply']): ApplyFlags => ({ serverSide: s.serverSide, fieldManager: s.fieldManager, forceConflicts: s.forceConflicts, dryRun: s.dryRun })

interface Preview {
  manifests: Manifest[]
  /** objects `kubectl diff` shows differences for; undefined when diff failed */
  changed?: Manifest[]
  drift: Drift[]
  copies: SecretCopies
}

/** What `kubectl diff` (of the directory, or of the render in parts) and the live read found for one target (read-only; either may have failed). */
export interface Looked {
  diff: DiffResult | Error
  live: unknown[] | Error
}

/**
 * Diff and live-read every target now (the caller starts this alongside the render and the
 * preflight, before the commit phase; nothing here changes the cluster). `rendering`: that
 * render, which a large target is diffed from in parts (diff-parts.ts). Never rejects.
 */
export function lookAhead(cluster: Cluster, targets: Target[], recorded: Map<string, string>, rendering?: Promise<Map<string, string>>): Promise<Looked[]> {
  return mapLimit(targets, t => look(cluster, t, recordedManifests(cluster, recorded, t), rendering && (async () => (await rendering).get(t.dir) ?? '')))
}

const recordedManifests = (cluster: Cluster, recorded: Map<string, string>, t: Target) => {
  const before = recorded.get(t.dir)
  return before === undefined ? undefined : parseManifests(before, cluster.namespace)
}

async function look(cluster: Cluster, target: Target, recorded: Manifest[] | undefined, render?: () => Promise<string>): Promise<Looked> {
  const [diff, live] = await Promise.all([
    diffTarget(cluster.kubectl, target.dir, flagsOf(cluster.settings), recorded?.length ?? 0, render).catch((error: unknown) => (error instanceof Error ? error : new Error(errorMessage(error)))),
    recorded ? liveWorkloads(cluster, recorded) : Promise.resolve([])
  ])
  return { diff, live }
}

/**
 * Render (unless given), diff and drift-check one target (diff and live read unless looked at
 * already). `before`: the render of what git recorded. `copies`: every copy of a Secret value of
 * the old side and of this render (secret-redaction.ts), redacted from all the phase shows.
 */
async function preview(cluster: Cluster, target: Target, before: string | undefined, render: string | undefined, looked: Looked | undefined): Promise<Preview> {
  const recorded = before === undefined ? undefined : parseManifests(before, cluster.namespace)
  const [rendered, { diff, live }] = await Promise.all([render ?? cluster.kubectl.kustomize(target.dir), looked ?? look(cluster, target, recorded)])
  const manifests = parseManifests(rendered, cluster.namespace)
  const liveObjects = live instanceof Error ? [] : live
  const copies = targetCopies(await liveSecrets(cluster.kubectl, [...manifests, ...(recorded ?? [])], liveObjects, cluster.namespace), before ?? '', rendered)
  const redact = redactor([copies])
  if (live instanceof Error) log.info(redact(`${target.rel}: no drift check: ${errorMessage(live)}`))
  const drift = recorded && !(live instanceof Error) ? findDrift(recorded, live, manifests) : []
  if (diff instanceof Error) {
    const why = diff instanceof KubectlError ? classifyAll(diff.result.stderr).map(c => c.message).join('; ') : errorMessage(diff)
    core.warning(redact(`${target.rel}: kubectl diff failed, applying anyway: ${why}`))
    return { manifests, drift, copies }
  }
  if (diff.warnings) log.info(redact(`${target.rel}: kubectl diff said: ${diff.warnings}`))
  const how = diff.parts ? `kubectl diff of the render in ${diff.parts} parts at once` : 'kubectl diff -k'
  log.info(oneLine(diff.differences ? `${target.rel}: ${how} shows differences:` : `${target.rel}: ${how} shows no differences`))
  if (diff.differences) logVerbatim(redact(redactSecretDiffs(diff.output)))
  return { manifests, changed: changedInDiff(diff.output, manifests), drift, copies }
}

/** The live state of the workloads git recorded (for drift), one list per kind and namespace. */
async function liveWorkloads(cluster: Cluster, recorded: Manifest[]): Promise<unknown[] | Error> {
  try {
    const queries = [...liveQueries(driftCandidates(recorded))]
    return (await Promise.all(queries.map(([ns, kinds]) => cluster.kubectl.get([kinds], ns || undefined)))).flat()
  } catch (error) {
    return error instanceof Error ? error : new Error(errorMessage(error))
  }
}

/**
 * The workloads to wait for: every one a real apply touched. Those it created or changed roll out;
 * those it left unchanged are checked for readiness all the same (`unchanged`).
 */
export function rolloutTargets(resources: AppliedResource[], changed: Manifest[] | undefined): WaitRef[] {
  const changedByApply = (r: AppliedResource) => {
    if (r.action === 'created' || r.action === 'configured') return true
    if (r.action !== 'serverside-applied') return false
    return changed === undefined || changed.some(m => m.kind === r.kind && m.name === r.name && m.namespace === r.namespace)
  }
  return resources
    .filter(r => ROLLOUT_KINDS.has(r.kind) && !r.dryRun && r.action !== 'failed')
    .map(r => ({ kind: r.kind, name: r.name, namespace: r.namespace, ...(r.path !== undefined ? { path: r.path } : {}), ...(changedByApply(r) ? {} : { unchanged: true }) }))
}

/**
 * The phase. Never throws for cluster errors: they are `failures`, reported, then fail the run.
 * `rendered`: the render of the tree as it is now, when the caller has it (else rendered here);
 * `looked`: `lookAhead` of that same tree, when the caller started it (else diffed here).
 */
export async function applyTargets(cluster: Cluster, targets: Target[], recorded: Map<string, string>, rendered?: Map<string, string>, looked?: Looked[]): Promise<ApplyOutcome> {
  const version = await cluster.checked
  if (version instanceof Error) throw version
  const s = cluster.settings
  const outcome: ApplyOutcome = { applied: false, dryRun: s.dryRun, context: cluster.kubeconfig.context, resources: [], targets: [], drift: [], rollouts: [], failures: [] }
  const previews = await mapLimit(targets, (t, i) => preview(cluster, t, recorded.get(t.dir), rendered?.get(t.dir), looked?.[i]))
  const redact = redactor(previews.map(p => p.copies))
  outcome.drift = previews.flatMap(p => p.drift)
  for (const d of outcome.drift) {
    core.warning(`drift: ${d.kind.toLowerCase()}/${d.name} in ${d.namespace} container ${d.container} runs ${d.live}, git recorded ${d.recorded}; applying ${d.applied || 'the recorded state'}`)
  }
  // every target is attempted, in order, whatever became of the one before
  const toWait: ReturnType<typeof rolloutTargets> = []
  for (const [i, target] of targets.entries()) {
    const { result, resources } = await applyTarget(cluster.kubectl, target, flagsOf(s), previews[i].manifests, redact)
    outcome.targets.push(result)
    outcome.resources.push(...resources)
    outcome.failures.push(...result.errors)
    toWait.push(...rolloutTargets(resources, previews[i].changed))
  }
  outcome.applied = s.dryRun === 'none' && outcome.targets.every(t => t.state === 'applied')
  if (s.wait && s.dryRun === 'none') {
    outcome.rollouts = await waitForRollouts(cluster.kubectl, toWait, s.timeoutSeconds, redact)
    outcome.failures.push(...outcome.rollouts.filter(r => !r.ok).map(r => r.message))
  }
  return outcome
}

/** The outcome of a run that applied nothing (stale, or a dry run of the commit only). */
export function nothingApplied(cluster: Cluster, targets: Target[], why: string): ApplyOutcome {
  log.info(`not applying: ${why}`)
  const s = cluster.settings
  return { applied: false, dryRun: s.dryRun, context: cluster.kubeconfig.context, resources: [], targets: notAttempted(targets, why), drift: [], rollouts: [], failures: [] }
}
