/** The edit phase: compute every target's new kustomization in memory, then write them. */
import * as core from '@actions/core'
import * as log from '../log.js'
import * as path from 'node:path'
import { FileJournal, readKustomization, removeLeftovers } from './files.js'
import type { ImageEntry, ImageSpec } from './image-spec.js'
import { editImages } from './kustomization.js'
import { oneLine } from '../markdown.js'
import type { Target } from './targets.js'

export interface TargetEdit {
  target: Target
  environment: string
  original: string
  content: string
  changed: boolean
  before: ImageEntry[]
  after: ImageEntry[]
  /** the warnings shown for this edit (planEdits) */
  warnings?: string[]
  /** the arguments this target's edit was made with, when not the `images` input (`pin-digest`) */
  specs?: ImageSpec[]
}

/**
 * Read and edit every target; any error (bad YAML, a file too large) throws before a single file
 * is written. Temp files a killed earlier run left next to a target are removed first.
 */
export async function planEdits(targets: Target[], specs: ImageSpec[], environment: string): Promise<TargetEdit[]> {
  return Promise.all(
    targets.map(async target => {
      for (const leftover of await removeLeftovers(target.file)) {
        log.info(`removed ${path.join(path.dirname(target.fileRel), path.basename(leftover))}, a temp file an interrupted run left behind`)
      }
      const original = await readKustomization(target.file, target.fileRel)
      const result = editImages(original, specs, target.fileRel)
      for (const warning of result.warnings) core.warning(warning, { file: target.fileRel })
      log.info(`${oneLine(target.fileRel)}: ${result.changed ? 'changed' : 'unchanged'}`)
      return { target, environment: environment || target.rel, original, ...result }
    })
  )
}

export async function writeEdits(edits: TargetEdit[], journal: FileJournal): Promise<void> {
  for (const edit of edits.filter(e => e.changed)) await journal.write(edit.target.file, edit.content, edit.original)
}
