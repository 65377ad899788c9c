/** The pipeline of DESIGN.md, one phase per line. */
import * as core from '@actions/core'
import { applyTargets, lookAhead, nothingApplied, prepareCluster, type Cluster } from './apply/apply.js'
import { checkPreflight, preflight } from './apply/preflight.js'
import { commitBack, type CommitResult } from './commit/commit-back.js'
import { checkCommit } from './commit/preconditions.js'
import { recordedRenders, renderBranchTip, renderRecorded, stillCurrent } from './apply/recorded.js'
import { planEdits, writeEdits, type TargetEdit } from './edit/edit-targets.js'
import { errorMessage, FailureList, FileError } from './errors.js'
import { FileJournal } from './edit/files.js'
import { getSettings, type Settings } from './inputs.js'
import { Kubectl } from './apply/kubectl.js'
import { preview } from './preview/preview.js'
import { renderAndCheck } from './render/unmatched-check.js'
import { report } from './report.js'
import { resolveTargets } from './edit/targets.js'

export async function run(): Promise<void> {
  const journal = new FileJournal()
  let cluster: Cluster | undefined
  const done: { written?: boolean; commit?: CommitResult; reported?: boolean } = {} // what a failed run still reports
  try {
    const settings = await core.group('Reading inputs', async () => getSettings())
    const targets = await core.group('Resolving targets', () => resolveTargets(settings.paths, settings.workspace))
    // what git recorded (for drift) renders while the kubeconfig is read
    const recording = settings.apply.enabled ? renderRecorded(new Kubectl(settings.apply.kubectl), targets) : undefined
    const runs = recording?.then(r => (r instanceof Error ? r : settings.apply.kubectl)) ?? Promise.resolve('')
    cluster = settings.apply.enabled ? await core.group('Preparing kubectl', () => prepareCluster(settings.apply, runs)) : undefined
    const apply = cluster
    const kubectl = apply?.kubectl ?? new Kubectl(settings.apply.kubectl)
    const recorded = recording ? await core.group('Rendering what git recorded', () => recordedRenders(recording)) : new Map()
    const edits = await core.group('Editing images', () => planEdits(targets, settings.images, settings.environment))
    await core.group('Checking git', () => checkCommit(settings, edits))
    await core.group('Writing kustomizations', () => writeEdits(edits, journal))
    done.written = true
    const looking = apply ? lookAhead(apply, targets, recorded) : undefined // kubectl diff and the live read, alongside the render
    const asking = apply && looking && settings.apply.dryRun === 'none' ? preflight(apply, targets, looking) : undefined // the preflight, from the diff
    const rendered = await core.group('Rendering and checking images', () => restoring(journal, () => renderAndCheck(kubectl, targets, edits, settings.images, settings.unmatched, stillCurrent(edits, recorded))))
    if (apply && asking) await core.group('Preflight: server-side dry run', () => restoring(journal, async () => checkPreflight(await asking, rendered, apply)))
    const commit = (done.commit = await core.group('Committing back', () => commitUnlessDryRun(settings, edits)))
    // after a push onto a moved tip the tree to apply differs from what was rendered
    const current = commit.edits ? undefined : rendered
    const looked = commit.edits ? undefined : await looking
    // drift is measured against what the branch held: the tip the push landed on, when it moved
    const held = apply && commit.edits ? await core.group('Rendering the branch tip', () => renderBranchTip(apply.kubectl, targets, commit.edits!)) : recorded
    const applied = apply ? await core.group('Applying', async () => (commit.stale ? nothingApplied(apply, targets, 'the run was refused as out of order') : applyTargets(apply, targets, held, current, looked))) : undefined
    const previewed = await core.group('Previewing', () => preview(settings, edits, rendered, kubectl, recorded))
    await core.group('Reporting', () => report({ edits: commit.edits ?? edits, commit, apply: applied, notApplied: settings.apply.off, preview: previewed }))
    done.reported = true
    if (applied && applied.failures.length > 0) throw new FailureList(applied.failures)
  } catch (error) {
    if (done.written && !done.reported) failedOutputs(done.commit)
    fail(error)
  } finally {
    await cluster?.kubeconfig.dispose()
  }
}

/** A dry run changes nothing outside the runner: no commit, no push. */
async function commitUnlessDryRun(settings: Settings, edits: TargetEdit[]): Promise<CommitResult> {
  if (settings.apply.dryRun === 'none' || !settings.commit.enabled) return commitBack(settings, edits)
  const why = `Dry run (\`dry-run: ${settings.apply.dryRun}\`): nothing committed or pushed.`
  core.info(why)
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
    if (restored.length > 0) core.info(`restored ${restored.length} file(s) to their original content`)
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
