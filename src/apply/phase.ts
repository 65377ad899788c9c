/**
 * The apply phase as the pipeline calls it (DESIGN.md steps 4, 5 and 7): connect to the cluster
 * and render what git recorded, ask the cluster ahead (diff, live read and preflight, read-only,
 * alongside the render), judge the preflight, then apply the tree as committed.
 */
import * as core from '@actions/core'
import { applyTargets, lookAhead, nothingApplied, prepareCluster, type ApplyOutcome, type Cluster, type Looked } from './apply.js'
import type { CommitResult } from '../commit/commit-back.js'
import type { CommitTarget } from '../commit/preconditions.js'
import type { VerifyCommit } from '../commit/push-loop.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { checkCheckout, commitVerifier } from './committed-tree.js'
import { checkPreflight, preflight, refusePreflight, type DryRun } from './preflight.js'
import { Kubectl } from './kubectl.js'
import { recordedRenders, renderBranchTip, renderRecorded } from './recorded.js'
import type { Settings } from '../inputs.js'
import type { Target } from '../edit/targets.js'

export interface Connected {
  /** undefined when nothing is applied */
  cluster?: Cluster
  /** the kubectl every render uses: the cluster's when there is one */
  kubectl: Kubectl
  /** kubectl for renders only, without the cluster (the pull request body's renders) */
  renderer: Kubectl
  /** target directory → the render of what git recorded before this run (empty when not applying) */
  recorded: Map<string, string>
}

/**
 * When applying: render what git recorded (for drift) while the kubeconfig is read; that first
 * kubectl process is also the proof that kubectl runs. Nothing is edited before this passes.
 * `held.cluster` is set as soon as the kubeconfig file exists, so that `finally` removes it.
 */
export async function connect(settings: Settings, targets: Target[], held: { cluster?: Cluster }): Promise<Connected> {
  const renders = renderer(settings)
  if (!settings.apply.enabled) return { kubectl: renders, renderer: renders, recorded: new Map() }
  const recording = renderRecorded(renders, targets)
  const runs = recording.then(r => (r instanceof Error ? r : settings.apply.kubectl))
  const cluster = (held.cluster = await core.group('Preparing kubectl', () => prepareCluster(settings.apply, runs)))
  const recorded = await core.group('Rendering what git recorded', () => recordedRenders(recording))
  return { cluster, kubectl: cluster.kubectl, renderer: renders, recorded }
}

/** kubectl for renders only (no cluster): the binary and the load restrictor. */
function renderer(settings: Settings): Kubectl {
  return new Kubectl(settings.apply.kubectl, {}, { loadRestrictor: settings.apply.loadRestrictor })
}

/**
 * When this run commits and applies: before anything is written, the checkout must hold nothing
 * a target renders that the commit would not (committed-tree.ts). A dry run pushes nothing.
 */
export async function checkCheckoutCommitted(connected: Connected, repository: CommitTarget | undefined, edits: TargetEdit[]): Promise<void> {
  if (!repository || !connected.cluster || connected.cluster.settings.dryRun !== 'none') return
  await core.group('Checking the checkout against HEAD', () => checkCheckout(repository.git, edits, connected.recorded, connected.kubectl))
}

/** The check of a commit built on a moved tip before it is pushed: it renders and, when applying, the cluster takes it. */
export function verifyCommit(connected: Connected, targets: Target[], rendered: Map<string, string>): VerifyCommit {
  return commitVerifier(connected.cluster, connected.kubectl, targets, rendered, where => `${where} was not pushed and nothing was applied`)
}

/**
 * The same check for a rollback commit built on a moved tip: the rolled-back `targets` render
 * from its tree and the cluster takes each of them (server-side dry run), before it is pushed.
 */
export function verifyRollback(ahead: Ahead, targets: Target[], deployed: string): VerifyCommit {
  return commitVerifier(ahead.cluster, ahead.cluster.kubectl, targets, new Map(), () => `the rollback commit was not pushed; the deploy commit ${deployed} stays applied`)
}

/** What the cluster is being asked while the render runs. */
export interface Ahead {
  cluster: Cluster
  targets: Target[]
  recorded: Map<string, string>
  /** `kubectl diff` and the live read of every target */
  looking: Promise<Looked[]>
  /** the preflight that the diff answers; undefined in a dry run, which pushes nothing */
  preflight?: Promise<DryRun[]>
}

/** Start asking, read-only, alongside `rendering` (the render of the edited tree). */
export function askAhead(connected: Connected, targets: Target[], rendering: Promise<Map<string, string>>): Ahead | undefined {
  const { cluster, recorded } = connected
  if (!cluster) return undefined
  const looking = lookAhead(cluster, targets, recorded, rendering)
  return { cluster, targets, recorded, looking, preflight: cluster.settings.dryRun === 'none' ? preflight(cluster, targets, looking) : undefined }
}

/** The preflight's verdict on the render (throws a FailureList when the cluster refuses). */
export async function judgePreflight(ahead: Ahead, rendered: Map<string, string>): Promise<void> {
  if (!ahead.preflight) return
  const refusals = await checkPreflight(await ahead.preflight, rendered, ahead.cluster, ahead.recorded)
  await refusePreflight(refusals, ahead.cluster, 'nothing was committed, pushed or applied, and the kustomization files were put back')
}

/**
 * Apply the tree as committed. After a push onto a moved tip that tree differs from what was
 * rendered and diffed, and drift is measured against the tip the push landed on.
 */
export async function applyCommitted(ahead: Ahead, commit: CommitResult, rendered: Map<string, string>): Promise<ApplyOutcome> {
  const { cluster, targets, recorded } = ahead
  const moved = commit.edits
  const held = moved ? await core.group('Rendering the branch tip', () => renderBranchTip(cluster.kubectl, targets, moved)) : recorded
  return core.group('Applying', async () => {
    if (commit.stale) return nothingApplied(cluster, targets, 'the run was refused as out of order')
    return moved ? applyTargets(cluster, targets, held) : applyTargets(cluster, targets, held, rendered, await ahead.looking)
  })
}
