/**
 * Which deploy records the out-of-order guard trusts (pure). Anyone who can push to the branch
 * can end a commit message with `Deploy-Source: <sha>`; such a line alone must not make a run
 * look current (or a newer deploy look old). A record is trusted only when it is the whole block
 * the action writes (trailers.ts: source, run, environment, paths, images) and the commit's own
 * change to the file (first parent → commit) is the images edit its `Deploy-Image` lines
 * describe: those arguments applied to the parent's file give exactly the commit's `images`
 * list, and change it. Other lines of the file may differ (a commit of uncommitted changes).
 * A rollback record (`Deploy-Rollback-Of`) is judged the same way; its bare-name `Deploy-Image`
 * lines are entries it removed (the deploy it reverts had added them).
 */
import { parseImageArg, splitImage, type ImageEntry, type ImageSpec } from '../edit/image-spec.js'
import { editImages, readImages } from '../edit/kustomization.js'
import type { DeployRecord } from './trailers.js'

/** Why the record is not trusted for `file`, or undefined when it is. */
export function distrust(record: DeployRecord, file: string, before: string | undefined, after: string | undefined): string | undefined {
  const missing = (Object.keys(TRAILER) as (keyof typeof TRAILER)[]).filter(k => (k === 'images' ? record.images.length === 0 : !record[k]))
  if (missing.length > 0) return `its trailers are not the action's whole block (no ${missing.map(k => TRAILER[k]).join(', ')})`
  if (before === undefined || after === undefined) return `it ${after === undefined ? 'removes' : 'creates'} the file, or its parent is not in the history`
  try {
    const expected = editImages(before, record.images.map(image => recordedSpec(record, image)), file)
    if (!expected.changed) return 'its change to the file is not the images edit it names'
    return sameEntries(readImages(expected.content, file), readImages(after, file)) ? undefined : 'its change to the file is not the images edit it names'
  } catch {
    return 'its Deploy-Image lines or the file cannot be read as an images edit'
  }
}

/** A recorded image as the argument it was; in a rollback, a bare name is an entry removed. */
function recordedSpec(record: DeployRecord, image: string): ImageSpec {
  const bare = !image.includes('=') && splitImage(image).name === image
  return record.rollbackOf && bare ? { arg: image, name: image, remove: true } : parseImageArg(image)
}

const TRAILER = { source: 'Deploy-Source', run: 'Deploy-Run', environment: 'Deploy-Environment', images: 'Deploy-Image' } as const

/**
 * The lists match entry for entry. A digest the commit holds where the arguments gave none is
 * allowed: `pin-digest` writes the registry's digest of the image the argument named.
 */
function sameEntries(expected: ImageEntry[], actual: ImageEntry[]): boolean {
  if (expected.length !== actual.length) return false
  return expected.every((e, i) => {
    const a = actual[i]
    const fields = ['name', 'newName', 'newTag', 'tagSuffix'] as const
    return fields.every(f => e[f] === a[f]) && (e.digest === a.digest || (e.digest === undefined && a.digest !== undefined))
  })
}
