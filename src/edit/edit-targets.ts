/** The edit phase: compute every target's new kustomization in memory, then write them. */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { FileJournal } from './files.js'
import type { ImageEntry, ImageSpec } from './image-spec.js'
import { editImages } from './kustomization.js'
import type { Target } from './targets.js'

export interface TargetEdit {
  target: Target
  environment: string
  original: string
  content: string
  changed: boolean
  before: ImageEntry[]
  after: ImageEntry[]
}

/** Read and edit every target; any error (bad YAML) throws before a single file is written. */
export async function planEdits(targets: Target[], specs: ImageSpec[], environment: string): Promise<TargetEdit[]> {
  return Promise.all(
    targets.map(async target => {
      const original = await readFile(target.file, 'utf8')
      const result = editImages(original, specs, target.fileRel)
      for (const warning of result.warnings) core.warning(warning, { file: target.fileRel })
      core.info(`${target.fileRel}: ${result.changed ? 'changed' : 'unchanged'}`)
      return { target, environment: environment || target.rel, original, ...result }
    })
  )
}

export async function writeEdits(edits: TargetEdit[], journal: FileJournal): Promise<void> {
  for (const edit of edits.filter(e => e.changed)) await journal.write(edit.target.file, edit.content, edit.original)
}
