/**
 * The git trailers a deploy commit carries, and reading them back (pure). They record where the
 * deploy came from; the stale guard reads them, and trusts them only as a whole block in a
 * commit whose change is the images edit they name (record-trust.ts).
 *
 *   Deploy-Source: 3f2a…            the source commit the images were built from
 *   Deploy-Source-Repository: o/r   where that commit lives
 *   Deploy-Run: 1234567/1           workflow run id / attempt (`local` outside a workflow run)
 *   Deploy-Environment: prod
 *   Deploy-Path: overlays/prod/kustomization.yaml   (repository-relative, one per file)
 *   Deploy-Image: foo:dev-1339                       (one per image argument)
 *
 * A rollback commit (src/rollback/) carries the same block, its source being the rolled-back
 * one (so that source, and every older one, stays refused), its images the restoring arguments
 * (a bare name: the entry removed), and two more lines:
 *
 *   Deploy-Rollback-Of: 9c1e…       the deploy commit whose images edit it reverts
 *   Deploy-Restored-Source: 1b7d…   the source of the deploy it restores (one per source; none when unknown)
 */
import { splitImage } from '../edit/image-spec.js'

export interface DeployRecord {
  source: string
  sourceRepository: string
  run: string
  environment: string
  paths: string[]
  images: string[]
  /** a rollback: the deploy commit it reverts */
  rollbackOf?: string
  /** a rollback: the sources of the deploys it restores */
  restoredSources?: string[]
}

const KEYS = {
  source: 'Deploy-Source',
  sourceRepository: 'Deploy-Source-Repository',
  run: 'Deploy-Run',
  environment: 'Deploy-Environment',
  paths: 'Deploy-Path',
  images: 'Deploy-Image',
  rollbackOf: 'Deploy-Rollback-Of',
  restoredSources: 'Deploy-Restored-Source'
} as const

/** Trailer lines, in a stable order; empty values are left out. Newlines are flattened. */
export function formatTrailers(record: DeployRecord): string[] {
  const clean = (value: string) => value.replace(/[\r\n]+/g, ' ').trim()
  const lines: string[] = []
  for (const key of ['source', 'sourceRepository', 'run', 'environment'] as const) {
    if (clean(record[key])) lines.push(`${KEYS[key]}: ${clean(record[key])}`)
  }
  for (const path of record.paths) lines.push(`${KEYS.paths}: ${clean(path)}`)
  for (const image of record.images) lines.push(`${KEYS.images}: ${clean(image)}`)
  if (record.rollbackOf) lines.push(`${KEYS.rollbackOf}: ${clean(record.rollbackOf)}`)
  for (const source of record.restoredSources ?? []) lines.push(`${KEYS.restoredSources}: ${clean(source)}`)
  return lines
}

/** The deploy record in a commit message's last paragraph, or undefined when it has none. */
export function parseTrailers(message: string): DeployRecord | undefined {
  const paragraphs = message.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/)
  const last = paragraphs[paragraphs.length - 1] ?? ''
  const record: DeployRecord = { source: '', sourceRepository: '', run: '', environment: '', paths: [], images: [] }
  let found = false
  for (const line of last.split('\n')) {
    const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line.trim())
    if (!match) continue
    const key = match[1].toLowerCase()
    const value = match[2].trim()
    if (key === KEYS.source.toLowerCase()) record.source = value
    else if (key === KEYS.sourceRepository.toLowerCase()) record.sourceRepository = value
    else if (key === KEYS.run.toLowerCase()) record.run = value
    else if (key === KEYS.environment.toLowerCase()) record.environment = value
    else if (key === KEYS.paths.toLowerCase()) record.paths.push(value)
    else if (key === KEYS.images.toLowerCase()) record.images.push(value)
    else if (key === KEYS.rollbackOf.toLowerCase()) record.rollbackOf = value
    else if (key === KEYS.restoredSources.toLowerCase()) record.restoredSources = [...(record.restoredSources ?? []), value]
    else continue
    found = true
  }
  return found && record.source ? record : undefined
}

/** The image name an image argument or recorded image starts with (`foo=bar:1` → `foo`). */
export function imageName(image: string): string {
  const eq = image.indexOf('=')
  return eq >= 0 ? image.slice(0, eq) : splitImage(image).name
}

/** Whether a recorded deploy is of the same target: it names the file and shares an image. */
export function sameTarget(record: DeployRecord, path: string, imageNames: string[]): boolean {
  if (!record.paths.includes(path)) return false
  if (record.images.length === 0 || imageNames.length === 0) return true
  return record.images.some(image => imageNames.includes(imageName(image)))
}
