/**
 * What a commit phase that pushed nothing leaves behind (DESIGN.md "Bad input", README "What a
 * failure leaves behind"): the kustomization files as they were before the run, and, for a run
 * refused as out of order, its edit as the branch holds it: `before` is the branch's images (the
 * newer deploy that won), not the stale checkout's.
 */
import * as log from '../log.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { writeAtomic } from '../edit/files.js'
import type { ImageSpec } from '../edit/image-spec.js'
import { editImages } from '../edit/kustomization.js'
import type { Git } from './git.js'

/**
 * After a failed commit phase: unless the checkout moved onto a commit this run pushed (HEAD is
 * no longer `head`), every file this run wrote is put back as it was.
 */
export async function putBack(git: Git, head: string | undefined, edits: TargetEdit[]): Promise<void> {
  if ((await git.tryRevParse('HEAD')) !== head) return
  const written = edits.filter(e => e.changed)
  for (const edit of written) await writeAtomic(edit.target.file, edit.original)
  if (written.length > 0) log.info(`nothing was pushed: put ${written.length} file(s) back as they were before this run`)
}

/** Each target's edit as applied to the file at `rev` (the fetched branch tip); as is where git has no such file. */
export async function asBranchHolds(git: Git, rev: string, edits: TargetEdit[], images: ImageSpec[]): Promise<TargetEdit[]> {
  return Promise.all(
    edits.map(async edit => {
      const atTip = await git.tryReadFile(rev, await git.repoPath(edit.target.file))
      if (atTip === undefined) return edit
      const result = editImages(atTip, edit.specs ?? images, edit.target.fileRel)
      return { ...edit, original: atTip, content: result.content, changed: result.changed, before: result.before, after: result.after }
    })
  )
}
