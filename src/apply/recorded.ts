/**
 * What git recorded before this run's commit, rendered for the drift check (DESIGN.md "Truth").
 * `renderRecorded` renders the checkout before anything is edited, started at once so that it
 * runs while the kubeconfig is read; its first kubectl process is also the
 * proof that kubectl runs. That is what the branch held unless the commit phase had to move onto
 * a newer tip: actions/checkout checks out GITHUB_SHA, and an earlier run (a
 * matrix leg, the previous pipeline) may have pushed its deploy commit since. Its deploy, made
 * through git, is not drift. Then the tree on disk is that tip plus this run's re-applied edit:
 * the tip is rendered by putting each re-edited kustomization back as the tip had it for the
 * time of one render, then writing the edit again.
 */
import * as log from '../log.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { errorMessage } from '../errors.js'
import { writeAtomic } from '../edit/files.js'
import { KubectlError, type Kubectl } from './kubectl.js'
import { mapLimit } from '../pool.js'
import type { Target } from '../edit/targets.js'
import { oneLine } from '../markdown.js'

export interface Recorded {
  /** target directory → render; a target that did not render is left out (no drift check) */
  rendered: Map<string, string>
  /** why targets were left out, to log */
  notes: string[]
}

/**
 * Render each target as the checkout holds it. Never rejects: an Error when kubectl cannot run
 * at all (the run must stop before anything is edited), else the renders.
 */
export async function renderRecorded(kubectl: Kubectl, targets: Target[]): Promise<Recorded | Error> {
  const results = await mapLimit(targets, t => kubectl.kustomize(t.dir).catch((error: unknown) => (error instanceof Error ? error : new Error(errorMessage(error)))))
  const broken = results.find(r => r instanceof Error && !(r instanceof KubectlError))
  if (broken instanceof Error) return broken
  const recorded: Recorded = { rendered: new Map(), notes: [] }
  targets.forEach((t, i) => {
    const r = results[i]
    if (typeof r === 'string') recorded.rendered.set(t.dir, r)
    else recorded.notes.push(`${t.rel}: no drift check, it did not render before the edit (${r.message})`)
  })
  return recorded
}

/**
 * The renders made before the edit, when they are also the renders after it: no file changed
 * (a reconcile run without images, a re-run of a deploy already recorded) and every target
 * rendered. Rendering the same files twice would only cost time.
 */
export function stillCurrent(edits: TargetEdit[], recorded: Map<string, string>): Map<string, string> | undefined {
  if (edits.some(e => e.changed) || edits.some(e => !recorded.has(e.target.dir))) return undefined
  log.info('no kustomization changed: the render made before the edit is the render')
  return recorded
}

/** The awaited recording: its notes logged, or the reason kubectl does not run thrown. */
export async function recordedRenders(recording: Promise<Recorded | Error>): Promise<Map<string, string>> {
  const recorded = await recording
  if (recorded instanceof Error) throw recorded
  for (const note of recorded.notes) log.info(oneLine(note))
  return recorded.rendered
}

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
      else log.info(oneLine(`${t.rel}: no drift check, it did not render at the branch tip (${r.message})`))
    })
    return held
  } finally {
    await Promise.all(changed.map(e => writeAtomic(e.target.file, e.content)))
  }
}
