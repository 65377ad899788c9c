/**
 * The deploy commit's message (pure): the `commit-message` template with its placeholders
 * filled in, an optional `[skip ci]`, and the trailers the stale guard reads.
 *
 * Default `deploy({environment}): {images}` renders as `deploy(prod): foo dev-1338 → dev-1339`.
 */
import { InputError } from '../errors.js'
import type { ImageEntry } from '../edit/image-spec.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import type { Settings } from '../inputs.js'
import { formatTrailers } from './trailers.js'

export const PLACEHOLDERS = ['environment', 'images', 'paths', 'source', 'source-short'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

const PATTERN = /\{([A-Za-z-]+)\}/g

/** Rejects placeholders the template cannot fill; returns the template unchanged. */
export function checkTemplate(template: string, input = 'commit-message'): string {
  for (const match of template.matchAll(PATTERN)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1])) {
      const expected = `a message using only the placeholders ${PLACEHOLDERS.map(p => `{${p}}`).join(', ')}`
      throw new InputError(input, template, expected, `unknown placeholder {${match[1]}}`)
    }
  }
  if (template.trim() === '') throw new InputError(input, template, 'a non-empty message')
  return template
}

/** What a value of an entry reads as in a message: the tag, or newName:tag@digest when renamed. */
export function entryValue(entry: ImageEntry | undefined): string {
  if (!entry) return '(none)'
  const digest = entry.digest ? `@${entry.digest}` : ''
  if (entry.newName) return `${entry.newName}${entry.newTag ? `:${entry.newTag}` : ''}${digest}`
  return `${entry.newTag ?? ''}${digest}` || '(none)'
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

export type MessageValues = Record<Placeholder, string>

/** Template filled in, `[skip ci]` appended to the subject when asked, trailers as the last paragraph. */
export function renderMessage(template: string, values: MessageValues, skipCi: boolean, trailers: string[]): string {
  const body = template.replace(PATTERN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole
  )
  const lines = body.replace(/\r\n/g, '\n').trim().split('\n')
  if (skipCi && !/\[(skip ci|ci skip)\]/i.test(body)) lines[0] = `${lines[0]} [skip ci]`
  const message = lines.join('\n')
  return trailers.length > 0 ? `${message}\n\n${trailers.join('\n')}\n` : `${message}\n`
}

/** The message of a deploy commit of `edits`; `paths` are the changed files, repository-relative. */
export function deployMessage(settings: Settings, env: NodeJS.ProcessEnv, edits: TargetEdit[], paths: string[]): string {
  const changed = edits.filter(e => e.changed)
  const environment = settings.environment || [...new Set(changed.map(e => e.environment))].join(', ')
  const source = settings.commit.sourceCommit
  const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT || '1'}` : ''
  const trailers = formatTrailers({ source, sourceRepository: settings.commit.sourceRepository, run, environment, paths, images: settings.images.map(s => s.arg) })
  const values = { environment, images: describeImages(edits), paths: changed.map(e => e.target.rel).join(', '), source, 'source-short': source.slice(0, 7) }
  return renderMessage(settings.commit.message, values, settings.commit.skipCi, trailers)
}
