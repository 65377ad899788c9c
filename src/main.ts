/** The pipeline of DESIGN.md, one phase per line. */
import * as core from '@actions/core'
import * as log from './log.js'
import { applyTargets, lookAhead, nothingApplied, prepareCluster, type ApplyOutcome, type Cluster, type Looked } from './apply/apply.js'
import { checkPreflight, preflight, type DryRun } from './apply/preflight.js'
import { commitBack, type CommitResult } from './commit/commit-back.js'
import { checkCommit } from './commit/preconditions.js'
import { recordedRenders, renderBranchTip, renderRecorded, stillCurrent } from './apply/recorded.js'
import { planEdits, writeEdits, type TargetEdit } from './edit/edit-targets.js'
import { errorMessage, FailureList, FileError } from './errors.js'
import { FileJournal } from './edit/files.js'
import { getSettings, type Settings } from './inputs.js'
import { Kubectl } from './apply/kubectl.js'
import { preview } from './preview/preview.js'
import { describePullRequest } from './preview/pull-request-body.js'
import { renderAndCheck, startRender } from './render/unmatched-check.js'
import { checkVerified, pinDigests, startVerifying } from './registry/verify-images.js'
import { report } from './report.js'
import { resolveTargets, type Target } from './edit/targets.js'

/** What a failed run still reports, and what `finally` cleans up. */
interface Progress {
  cluster?: Cluster
  written?: boolean
  commit?: CommitResult
  reported?: boolean
}

export async function run(): Promise<void> {
  const journal = new FileJournal()
  const done: Progress = {}
  try {
    const settings = await core.group('Reading inputs', async () => getSettings())
    const targets = await core.group('Resolving targets', () => resolveTargets(settings.paths, settings.workspace))
    const { cluster, recorded } = await connect(settings, targets, done)
    const kubectl = cluster?.kubectl ?? new Kubectl(settings.apply.kubectl)
    const planned = await core.group('Editing images', () => planEdits(targets, settings.images, settings.environment))
    const verifying = startVerifying(settings.registry, planned, settings.images) // the registry lookups run alongside what follows
    const edits = await pinDigests(settings.registry, planned, settings.images, verifying)
    await core.group('Checking git', () => checkCommit(settings, edits))
    await core.group('Writing kustomizations', () => writeEdits(edits, journal))
    done.written = true
    const rendering = startRender(kubectl, targets, stillCurrent(edits, recorded))
    const asked = cluster ? askCluster(cluster, targets, recorded, rendering) : undefined // runs alongside the render
    const rendered = await core.group('Rendering and checking images', () => restoring(journal, () => renderAndCheck(rendering, edits, settings.images, settings.unmatched)))
    await core.group('Verifying images', () => restoring(journal, () => checkVerified(settings.registry, verifying)))
    const asking = asked?.preflight
    if (cluster && asking) await core.group('Preflight: server-side dry run', () => restoring(journal, async () => checkPreflight(await asking, rendered, cluster)))
    const commit = (done.commit = await core.group('Committing back', () => commitUnlessDryRun(settings, edits)))
    const applied = cluster && asked ? await applyCommitted(cluster, targets, commit, recorded, rendered, asked.looking) : undefined
    const previewed = await core.group('Previewing', () => preview(settings, edits, rendered, kubectl, recorded))
    await core.group('Reporting', () => report({ edits: commit.edits ?? edits, commit, apply: applied, notApplied: settings.apply.off, preview: previewed }))
    done.reported = true
    if (applied && applied.failures.length > 0) throw new FailureList(applied.failures)
  } catch (error) {
    if (done.written && !done.reported) failedOutputs(done.commit)
    fail(error)
  } finally {
    await done.cluster?.kubeconfig.dispose()
  }
}

/**
 * When applying: render what git recorded (for drift) while the kubeconfig is read; that first
 * kubectl process is also the proof that kubectl runs. Nothing is edited before this passes.
 */
async function connect(settings: Settings, targets: Target[], done: Progress): Promise<{ cluster?: Cluster; recorded: Map<string, string> }> {
  if (!settings.apply.enabled) return { recorded: new Map() }
  const recording = renderRecorded(new Kubectl(settings.apply.kubectl), targets)
  const runs = recording.then(r => (r instanceof Error ? r : settings.apply.kubectl))
  const cluster = (done.cluster = await core.group('Preparing kubectl', () => prepareCluster(settings.apply, runs)))
  const recorded = await core.group('Rendering what git recorded', () => recordedRenders(recording))
  return { cluster, recorded }
}

/**
 * Started alongside the render, read-only: `kubectl diff` and the live read of every target,
 * and the preflight that the diff answers (unless this is a dry run, which pushes nothing).
 */
function askCluster(cluster: Cluster, targets: Target[], recorded: Map<string, string>, rendering: Promise<Map<string, string>>): { looking: Promise<Looked[]>; preflight?: Promise<DryRun[]> } {
  const looking = lookAhead(cluster, targets, recorded, rendering)
  return { looking, preflight: cluster.settings.dryRun === 'none' ? preflight(cluster, targets, looking) : undefined }
}

/**
 * The apply phase, from the tree as committed. After a push onto a moved tip that tree differs
 * from what was rendered and diffed, and drift is measured against the tip the push landed on.
 */
async function applyCommitted(cluster: Cluster, targets: Target[], commit: CommitResult, recorded: Map<string, string>, rendered: Map<string, string>, looking: Promise<Looked[]>): Promise<ApplyOutcome> {
  const moved = commit.edits
  const held = moved ? await core.group('Rendering the branch tip', () => renderBranchTip(cluster.kubectl, targets, moved)) : recorded
  return core.group('Applying', async () => {
    if (commit.stale) return nothingApplied(cluster, targets, 'the run was refused as out of order')
    return moved ? applyTargets(cluster, targets, held) : applyTargets(cluster, targets, held, rendered, await looking)
  })
}

/** A dry run changes nothing outside the runner: no commit, no push. */
async function commitUnlessDryRun(settings: Settings, edits: TargetEdit[]): Promise<CommitResult> {
  if (settings.apply.dryRun === 'none' || !settings.commit.enabled) return commitBack(settings, edits, { describe: describePullRequest(settings, new Kubectl(settings.apply.kubectl)) })
  const why = `Dry run (\`dry-run: ${settings.apply.dryRun}\`): nothing committed or pushed.`
  log.info(why)
  return { pushed: false, commitSha: '', stale: false, skipped: true, retries: 0, refused: why }
}

/** A run that failed before its report still says what it did not do. */
function failedOutputs(commit: CommitResult | undefined): void {
  core.setOutput('pushed', String(commit?.pushed ?? false))
  core.setOutput('stale', String(commit?.stale ?? false))
  core.setOutput('applied', 'false')
}

/** A phase that fails before commit back puts every written file back. */
async function restoring<T>(journal: FileJournal, phase: () => Promise<T>): Promise<T> {
  try {
    return await phase()
  } catch (error) {
    const restored = await journal.restoreAll()
    if (restored.length > 0) log.info(`restored ${restored.length} file(s) to their original content`)
    throw error
  }
}

/**
 * The one place a run fails: one annotation per failure (at file:line where known) and exit code 1
 * (`process.exitCode`: `core.ExitCode` is not there under @github/local-action).
 */
function fail(error: unknown): void {
  process.exitCode = 1
  if (error instanceof FileError) core.error(error.message, { file: error.file, startLine: error.line, startColumn: error.column })
  else if (error instanceof FailureList) for (const line of error.lines) core.error(line)
  else core.error(errorMessage(error))
}
