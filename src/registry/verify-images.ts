/**
 * The registry check (`verify-images`, `pin-digest`): started as soon as the edit is planned, so
 * the lookups run alongside the commit checks, the write and the render. An image the registry
 * does not have fails the run (files restored by the caller); one it cannot answer for warns
 * (`auto`) or fails (`true`). With `pin-digest` the answered digests are written into the
 * entries, as `kustomize edit set image name:tag@digest` writes them, before any file is written.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { shortDigest, type ImageSpec } from '../edit/image-spec.js'
import { editImages } from '../edit/kustomization.js'
import { FailureList } from '../errors.js'
import type { RegistrySettings } from '../inputs.js'
import { timeouts } from '../timeouts.js'
import { lookUpAll, referencesOf, specReference, type ImageCheck } from './lookups.js'

/** The lookups under way; `stop` ends those still open (a run that failed elsewhere does not wait for them). */
export type Verifying = { checks: Promise<ImageCheck[]>; stop: () => void } | undefined

/** Starts every lookup (none with `verify-images: false`). */
export function startVerifying(settings: RegistrySettings, edits: TargetEdit[], specs: ImageSpec[]): Verifying {
  if (settings.verify === 'false') return undefined
  const refs = referencesOf(edits, specs)
  if (refs.length === 0) return undefined
  const controller = new AbortController()
  return { checks: lookUpAll(refs, timeouts().registryMs, controller.signal), stop: () => controller.abort() }
}

/** Fails on missing images (and, with `true`, unanswered ones); warns on the rest; sets `digests`. */
export async function checkVerified(settings: RegistrySettings, verifying: Verifying): Promise<void> {
  const checks = verifying ? await verifying.checks : []
  core.setOutput('digests', JSON.stringify(Object.fromEntries(checks.filter(c => c.digest).map(c => [c.ref.text, c.digest]))))
  if (!verifying) {
    log.info(settings.verify === 'false' ? 'verify-images: false: images not looked up' : 'no image with a tag or digest to look up')
    return
  }
  const failures: string[] = []
  for (const check of checks) {
    if (check.digest) log.info(`${check.ref.text}: ${check.digest} (registry ${check.ref.registry})`)
    else if (check.missing) failures.push(check.missing)
    else if (settings.verify === 'true') failures.push(`images: '${check.ref.text}' could not be verified: ${check.unanswered} (verify-images: true)`)
    else core.warning(unverifiedWarning(check))
  }
  const found = checks.filter(c => c.digest).length
  log.info(`${found} of ${checks.length} image(s) found in their registries`)
  if (failures.length > 0) throw new FailureList(failures)
}

function unverifiedWarning(check: ImageCheck): string {
  return `images: '${check.ref.text}' was not verified: ${check.unanswered}; proceeding (verify-images: auto). Log in to the registry before this step, or set verify-images: false`
}

/**
 * `pin-digest`: every argument without a digest gets the one the registry answered for the image
 * it produced in that target, and the entry is edited again with it. Missing images fail here,
 * before anything is written; an unanswered one stays unpinned (and is reported by checkVerified).
 */
export async function pinDigests(settings: RegistrySettings, edits: TargetEdit[], specs: ImageSpec[], verifying: Verifying): Promise<TargetEdit[]> {
  if (!settings.pin || !verifying) return edits
  return core.group('Pinning digests', () => pinEach(edits, specs, verifying.checks))
}

async function pinEach(edits: TargetEdit[], specs: ImageSpec[], verifying: Promise<ImageCheck[]>): Promise<TargetEdit[]> {
  const checks = new Map((await verifying).map(c => [c.ref.text, c]))
  const missing = [...checks.values()].filter(c => c.missing).map(c => c.missing!)
  if (missing.length > 0) throw new FailureList(missing)
  return edits.map(edit => {
    const pinned = specs.map(spec => pinSpec(edit, spec, checks))
    const result = editImages(edit.original, pinned, edit.target.fileRel)
    // only what the pin changed: planEdits showed the rest (an unanswered pin drops a digest)
    for (const warning of result.warnings.filter(w => !(edit.warnings ?? []).includes(w))) core.warning(warning, { file: edit.target.fileRel })
    return { ...edit, content: result.content, changed: result.changed, before: result.before, after: result.after, warnings: result.warnings, specs: pinned }
  })
}

/**
 * `spec` with the digest the registry answered for it in `edit`'s target; without one (the
 * registry did not answer, verify-images: auto) it loses the pin mark, so that dropping an
 * existing digest is warned of as for any argument without a digest.
 */
function pinSpec(edit: TargetEdit, spec: ImageSpec, checks: Map<string, ImageCheck>): ImageSpec {
  const check = spec.digest === undefined ? checks.get(specReference(edit, spec)?.text ?? '') : undefined
  if (!check?.digest) {
    return { ...spec, pin: undefined }
  }
  log.info(`${edit.target.fileRel}: ${spec.name} pinned to ${check.ref.text}@${shortDigest(check.digest)}`)
  return { arg: `${spec.arg}@${check.digest}`, name: spec.name, ...(spec.newName !== undefined ? { newName: spec.newName } : {}), ...(spec.newTag !== undefined ? { newTag: spec.newTag } : {}), digest: check.digest }
}
