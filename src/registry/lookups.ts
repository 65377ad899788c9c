/**
 * Every resulting image of the edit looked up in its registry, all at once: one credential search
 * per registry (helpers run once), one bounded request chain per image. Pure bookkeeping around
 * manifest.ts; what the answers mean for the run is verify-images.ts's.
 */
import type { TargetEdit } from '../edit/edit-targets.js'
import type { ImageEntry, ImageSpec } from '../edit/image-spec.js'
import { errorMessage } from '../errors.js'
import { credentialFor, helperRunner, readDockerConfig, type Credential, type DockerConfig } from './credentials.js'
import { lookupDigest, MissingError } from './manifest.js'
import { parseReference, type ImageReference } from './reference.js'

export interface ImageCheck {
  ref: ImageReference
  /** the registry's digest, when it has the image */
  digest?: string
  /** the image is not there: the line to fail with */
  missing?: string
  /** no answer: why */
  unanswered?: string
}

/** The reference an entry makes the render show: `newName or name` with its tag and digest. */
export function entryReference(entry: ImageEntry): string {
  return (entry.newName ?? entry.name) + (entry.newTag ? `:${entry.newTag}` : '') + (entry.digest ? `@${entry.digest}` : '')
}

/** The entry `spec` produced in `edit`, when it has a tag or digest to look up. */
export function specReference(edit: TargetEdit, spec: ImageSpec): ImageReference | undefined {
  const entry = edit.after.find(e => e.name === spec.name)
  return entry ? parseReference(entryReference(entry)) : undefined
}

/** The references to look up, once each, in argument order. */
export function referencesOf(edits: TargetEdit[], specs: ImageSpec[]): ImageReference[] {
  const refs = new Map<string, ImageReference>()
  for (const spec of specs) {
    for (const edit of edits) {
      const ref = specReference(edit, spec)
      if (ref && !refs.has(ref.text)) refs.set(ref.text, ref)
    }
  }
  return [...refs.values()]
}

/** Looks every reference up; never rejects (each answer or failure is in its ImageCheck). */
export async function lookUpAll(refs: ImageReference[], timeoutMs: number, signal?: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<ImageCheck[]> {
  const config = readDockerConfig(env)
  const helper = helperRunner(timeoutMs, env, signal)
  const credentials = new Map<string, Promise<Credential | undefined>>()
  const credential = (registry: string) => () => {
    if (!credentials.has(registry)) credentials.set(registry, config.then(c => credentialFor(registry, c, helper)))
    return credentials.get(registry)!
  }
  const searched = config.then(
    (c: DockerConfig) => (c.exists ? c.file : `${c.file} (there is none)`),
    () => ''
  )
  return Promise.all(
    refs.map(async (ref): Promise<ImageCheck> => {
      try {
        return { ref, digest: await lookupDigest({ ref, credential: credential(ref.registry), searched: await searched, timeoutMs, signal }) }
      } catch (error) {
        if (error instanceof MissingError) return { ref, missing: error.message }
        return { ref, unanswered: errorMessage(error) }
      }
    })
  )
}
