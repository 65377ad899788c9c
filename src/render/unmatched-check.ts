/**
 * The check step of the render phase: an image argument whose resulting image appears in no
 * target's render fails the run (`unmatched: error`) or warns (`warn`); one that matches in some
 * targets but not another warns at each kustomization file where it matched nothing.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import type { Kubectl } from '../apply/kubectl.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import type { Target } from '../edit/targets.js'
import { FailureList } from '../errors.js'
import type { ImageSpec } from '../edit/image-spec.js'
import type { Unmatched } from '../inputs.js'
import { renderAll } from './render.js'
import { checkArguments, partialMessage, renderedImages, unmatchedMessage, type RenderedTarget } from './unmatched.js'

/**
 * Render every target (renderAll), started at once so that what reads the render (the apply
 * phase's diff) can start alongside. `unchanged`: renders of the same files made earlier in
 * this run, used instead when given.
 */
export function startRender(kubectl: Kubectl, targets: Target[], unchanged?: Map<string, string>): Promise<Map<string, string>> {
  return unchanged ? Promise.resolve(unchanged) : renderAll(kubectl, targets)
}

/** The renders, once the image arguments are checked against them. */
export async function renderAndCheck(rendering: Promise<Map<string, string>>, edits: TargetEdit[], specs: ImageSpec[], mode: Unmatched): Promise<Map<string, string>> {
  const rendered = await rendering
  checkImages(specs, edits, rendered, mode)
  return rendered
}

/** Throws a FailureList (mode `error`) naming every argument that matched nowhere. */
export function checkImages(specs: ImageSpec[], edits: TargetEdit[], rendered: Map<string, string>, mode: Unmatched): void {
  if (specs.length === 0) return
  const targets: RenderedTarget[] = edits.map(e => ({
    rel: e.target.rel,
    fileRel: e.target.fileRel,
    after: e.after,
    images: renderedImages(rendered.get(e.target.dir) ?? '')
  }))
  const checks = checkArguments(specs, targets)
  const nowhere: string[] = []
  for (const check of checks) {
    if (check.matched.length === 0) nowhere.push(unmatchedMessage(check))
    else for (const t of check.missed) core.warning(partialMessage(check, t), { file: t.fileRel })
  }
  const matched = checks.filter(c => c.matched.length > 0).length
  log.info(`${matched} of ${checks.length} image argument(s) found in the render`)
  if (nowhere.length === 0) return
  if (mode === 'error') throw new FailureList(nowhere)
  for (const line of nowhere) core.warning(`${line} (unmatched: warn)`, targets.length === 1 ? { file: targets[0].fileRel } : {})
}
