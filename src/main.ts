/** The pipeline of DESIGN.md, one phase per line. */
import * as core from '@actions/core'
import { applyCommitted, askAhead, checkCheckoutCommitted, connect, judgePreflight, verifyCommit } from './apply/phase.js'
import type { Cluster } from './apply/apply.js'
import * as log from './log.js'
import { commitUnlessDryRun, type CommitResult } from './commit/commit-back.js'
import { checkCommit } from './commit/preconditions.js'
import { stillCurrent } from './apply/recorded.js'
import { planEdits, writeEdits } from './edit/edit-targets.js'
import { errorMessage, FailureList, FileError } from './errors.js'
import { FileJournal } from './edit/files.js'
import { getSettings } from './inputs.js'
import { preview } from './preview/preview.js'
import { describePullRequest } from './preview/pull-request-body.js'
import { rollBackFailed } from './rollback/rollback.js'
import { renderAndCheck, startRender } from './render/unmatched-check.js'
import { checkVerified, pinDigests, startVerifying, type Verifying } from './registry/verify-images.js'
import { failedOutputs, report } from './report.js'
import { resolveTargets } from './edit/targets.js'

/** What a failed run still reports, and what `finally` cleans up. */
interface Progress {
  cluster?: Cluster
  written?: boolean
  commit?: CommitResult
  reported?: boolean
  verifying?: Verifying
}

export async function run(): Promise<void> {
  const journal = new FileJournal()
  const done: Progress = {}
  // a phase before commit back that fails puts every written file back
  const undoable = <T>(title: string, phase: () => Promise<T>): Promise<T> => core.group(title, () => restoring(journal, phase))
  try {
    const settings = await core.group('Reading inputs', async () => getSettings())
    const targets = await core.group('Resolving targets', () => resolveTargets(settings.paths, settings.workspace))
    const connected = await connect(settings, targets, done)
    const planned = await core.group('Editing images', () => planEdits(targets, settings.images, settings.environment))
    // the registry lookups run alongside what follows
    const verifying = (done.verifying = startVerifying(settings.registry, planned, settings.images))
    const edits = await pinDigests(settings.registry, planned, settings.images, verifying)
    const repository = await core.group('Checking git', () => checkCommit(settings, edits))
    await checkCheckoutCommitted(connected, repository, edits)
    await core.group('Writing kustomizations', () => writeEdits(edits, journal))
    done.written = true
    const render = startRender(connected.kubectl, targets, stillCurrent(edits, connected.recorded))
    const ahead = askAhead(connected, targets, render) // read-only, alongside the render
    const rendered = await undoable('Rendering and checking images', () => renderAndCheck(render, edits, settings.images, settings.unmatched))
    await undoable('Verifying images', () => checkVerified(settings.registry, verifying))
    if (ahead?.preflight) await undoable('Preflight: server-side dry run', () => judgePreflight(ahead, rendered))
    const pushing = { describe: describePullRequest(settings, connected.renderer), verify: verifyCommit(connected, targets, rendered) }
    const commit = (done.commit = await core.group('Committing back', () => commitUnlessDryRun(settings, edits, pushing)))
    const applied = ahead && (await applyCommitted(ahead, commit, rendered))
    const rolledBack = ahead && applied && (await rollBackFailed(ahead, settings, commit, commit.edits ?? edits, applied))
    const previewed = await core.group('Previewing', () => preview(settings, edits, rendered, connected.kubectl, connected.recorded))
    const outcome = { edits: commit.edits ?? commit.held ?? edits, commit, apply: applied, rollback: rolledBack, notApplied: settings.apply.off, preview: previewed }
    await core.group('Reporting', () => report(outcome))
    done.reported = true
    const failures = [...(applied?.failures ?? []), ...(rolledBack?.failures ?? [])]
    if (failures.length > 0) throw new FailureList(failures)
  } catch (error) {
    const pushed = done.written && !done.reported ? failedOutputs(done.commit) : undefined
    fail(error)
    if (pushed) core.error(pushed)
  } finally {
    done.verifying?.stop()
    await done.cluster?.kubeconfig.dispose()
  }
}

/** Runs a phase; when it fails, every file the run wrote is put back. */
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
