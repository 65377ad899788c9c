/**
 * What the branch held before this run's commit, for the drift check (DESIGN.md "Truth").
 * `renderRecorded` renders the checkout, which is what the branch held unless the commit phase
 * had to move onto a newer tip: actions/checkout checks out GITHUB_SHA, and an earlier run (a
 * matrix leg, the previous pipeline) may have pushed its deploy commit since. Its deploy, made
 * through git, is not drift. Then the tree on disk is that tip plus this run's re-applied edit:
 * the tip is rendered by putting each re-edited kustomization back as the tip had it for the
 * time of one render, then writing the edit again.
 */
import * as core from '@actions/core'
import type { TargetEdit } from '../edit/edit-targets.js'
import { errorMessage } from '../errors.js'
import { writeAtomic } from '../edit/files.js'
import type { Kubectl } from './kubectl.js'
import { mapLimit } from '../pool.js'
import type { Target } from '../edit/targets.js'

/**
 * The render of each target at the branch tip the push landed on; `edits` are the commit
 * phase's edits as re-applied to that tip (`original` is the tip's content). A target that does
 * not render is left out (no drift check for it).
 */
export async function renderBranchTip(kubectl: Kubectl, targets: Target[], edits: TargetEdit[]): Promise<Map<string, string>> {
  const changed = edits.filter(e => e.changed)
  await Promise.all(changed.map(e => writeAtomic(e.target.file, e.original)))
  try {
    const rendered = await mapLimit(targets, t => kubectl.kustomize(t.dir).catch((error: unknown) => new Error(errorMessage(error))))
    const held = new Map<string, string>()
    targets.forEach((t, i) => {
      const r = rendered[i]
      if (typeof r === 'string') held.set(t.dir, r)
      else core.info(`${t.rel}: no drift check, it did not render at the branch tip (${r.message})`)
    })
    return held
  } finally {
    await Promise.all(changed.map(e => writeAtomic(e.target.file, e.content)))
  }
}
