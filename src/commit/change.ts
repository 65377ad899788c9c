/**
 * What a commit of the push loop changes, made again on each branch tip the loop builds on: the
 * deploy's images edit (default), or a rollback's restore of what a deploy changed.
 */
import type { TargetEdit } from '../edit/edit-targets.js'
import { editImages } from '../edit/kustomization.js'
import type { Settings } from '../inputs.js'
import { deployMessage } from './commit-message.js'

export type Remade = Pick<TargetEdit, 'content' | 'changed' | 'before' | 'after'>

export interface Change {
  /** the change made on one target's file as `atBase` (the branch tip) holds it */
  remake(atBase: string, edit: TargetEdit): Remade
  /** the commit message of `edits`; `paths`: the changed files, repository-relative */
  message(edits: TargetEdit[], paths: string[]): string
  /** whether the out-of-order guard judges before each push (a rollback judges entry by entry instead) */
  guarded: boolean
}

/** The deploy: the `images` arguments (as pinned to digests, when they were), the deploy message with its trailers. */
export function deployChange(settings: Settings, env: NodeJS.ProcessEnv): Change {
  return {
    remake: (atBase, edit) => editImages(atBase, edit.specs ?? settings.images, edit.target.fileRel),
    message: (edits, paths) => deployMessage(settings, env, edits, paths),
    guarded: true
  }
}
