/** The pipeline of DESIGN.md, one phase per line. */
import * as core from '@actions/core'
import { planEdits, writeEdits } from './edit-targets.js'
import { errorMessage, FileError } from './errors.js'
import { FileJournal } from './files.js'
import { getSettings } from './inputs.js'
import { Kubectl } from './kubectl.js'
import { renderAll } from './render.js'
import { report } from './report.js'
import { resolveTargets } from './targets.js'

export async function run(): Promise<void> {
  const journal = new FileJournal()
  try {
    const settings = await core.group('Reading inputs', async () => getSettings())
    const targets = await core.group('Resolving targets', () => resolveTargets(settings.paths, settings.workspace))
    const kubectl = new Kubectl(settings.apply.kubectl)
    const edits = await core.group('Editing images', () => planEdits(targets, settings.images, settings.environment))
    await core.group('Writing kustomizations', () => writeEdits(edits, journal))
    await core.group('Rendering', () => renderOrRestore(kubectl, targets, journal))
    await core.group('Reporting', () => report({ edits }))
  } catch (error) {
    fail(error)
  }
}

/** A target that no longer builds puts every written file back and fails the run. */
async function renderOrRestore(kubectl: Kubectl, targets: Parameters<typeof renderAll>[1], journal: FileJournal) {
  try {
    return await renderAll(kubectl, targets)
  } catch (error) {
    const restored = await journal.restoreAll()
    if (restored.length > 0) core.info(`restored ${restored.length} file(s) to their original content`)
    throw error
  }
}

/** The one place a run fails: an annotation (at file:line where known) and exit code 1. */
function fail(error: unknown): void {
  const message = errorMessage(error)
  if (error instanceof FileError) {
    core.error(message, { file: error.file, startLine: error.line, startColumn: error.column })
    process.exitCode = core.ExitCode.Failure
  } else {
    core.setFailed(message)
  }
}
