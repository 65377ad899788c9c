/**
 * The deploy commit's message (pure): the `commit-message` template with its placeholders
 * filled in, an optional `[skip ci]`, and the trailers the stale guard reads.
 *
 * Default `deploy({environment}): {images}` renders as `deploy(prod): foo dev-1338 → dev-1339`.
 */
import { shortDigest, type ImageEntry } from '../edit/image-spec.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import type { Settings } from '../inputs.js'
import { renderMessage } from './message-template.js'
import { formatTrailers } from './trailers.js'

export { checkTemplate, renderMessage, type MessageValues } from './message-template.js'

/** What a value of an entry reads as in a message: the tag, or newName:tag when renamed; a digest short (`v2 (sha256:4f1c2e9a…)`). */
export function entryValue(entry: ImageEntry | undefined): string {
  if (!entry) return '(none)'
  const digest = entry.digest ? (entry.newTag ? ` (${shortDigest(entry.digest)})` : `@${shortDigest(entry.digest)}`) : ''
  if (entry.newName) return `${entry.newName}${entry.newTag ? `:${entry.newTag}` : ''}${digest}`
  if (!entry.newTag) return entry.digest ? shortDigest(entry.digest) : '(none)'
  return `${entry.newTag}${digest}`
}

/** `foo dev-1338 → dev-1339, bar → v7` for every image entry a changed edit touched. */
export function describeImages(edits: { changed: boolean; before: ImageEntry[]; after: ImageEntry[] }[]): string {
  const changes = new Set<string>()
  for (const edit of edits.filter(e => e.changed)) {
    for (const after of edit.after) {
      const before = edit.before.find(b => b.name === after.name)
      const from = entryValue(before)
      const to = entryValue(after)
      if (from === to) continue
      changes.add(before ? `${after.name} ${from} → ${to}` : `${after.name} → ${to}`)
    }
  }
  return [...changes].join(', ')
}

/** The message of a deploy commit of `edits`; `paths` are the changed files, repository-relative. */
/** The `Deploy-Run` value; outside a workflow run `local`, so the block stays whole (the guard trusts only whole blocks). */
export function runId(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT || '1'}` : 'local'
}

export function deployMessage(settings: Settings, env: NodeJS.ProcessEnv, edits: TargetEdit[], paths: string[]): string {
  const changed = edits.filter(e => e.changed)
  const environment = settings.environment || [...new Set(changed.map(e => e.environment))].join(', ')
  const source = settings.commit.sourceCommit
  const trailers = formatTrailers({ source, sourceRepository: settings.commit.sourceRepository, run: runId(env), environment, paths, images: settings.images.map(s => s.arg) })
  const values = { environment, images: describeImages(edits), paths: changed.map(e => e.target.rel).join(', '), source, 'source-short': source.slice(0, 7) }
  return renderMessage(settings.commit.message, values, settings.commit.skipCi, trailers)
}
