/**
 * The rollback commit's message (pure):
 *
 *   rollback(prod): web 2.0.0 → 1.0.0 (rollout of deployment/web in prod did not complete within 5m)
 *
 * and the action's trailer block (commit/trailers.ts): the rolled-back source as `Deploy-Source`
 * (so that it, and every older source, stays refused by the out-of-order guard), the restoring
 * arguments as `Deploy-Image`, `Deploy-Rollback-Of` and `Deploy-Restored-Source`.
 */
import { entryValue, runId } from '../commit/commit-message.js'
import { formatTrailers } from '../commit/trailers.js'
import type { Settings } from '../inputs.js'
import type { Restore } from './restore.js'

export interface RollbackContext {
  /** the deploy commit reverted */
  rollbackOf: string
  /** the sources of the deploys restored (none when unknown) */
  restoredSources: string[]
  /** one line: why the deploy failed */
  why: string
  /** environments of the rolled-back targets */
  environments: string[]
}

/** `web 2.0.0 → 1.0.0, api 3 → (removed)` for every entry restored. */
export function describeRestore(restores: Restore[]): string {
  const changes = new Set<string>()
  for (const entry of restores.flatMap(r => r.entries.filter(e => e.state === 'restored'))) {
    changes.add(`${entry.name} ${entryValue(entry.deployed)} → ${entry.previous ? entryValue(entry.previous) : '(removed)'}`)
  }
  return [...changes].join(', ')
}

/** The message; `paths`: the changed files, repository-relative. */
export function rollbackMessage(settings: Settings, env: NodeJS.ProcessEnv, restores: Restore[], paths: string[], context: RollbackContext): string {
  const environment = settings.environment || context.environments.join(', ')
  const run = runId(env)
  const subject = `rollback(${environment}): ${describeRestore(restores)} (${context.why})${settings.commit.skipCi ? ' [skip ci]' : ''}`
  const left = restores.flatMap(r => r.entries.filter(e => e.state !== 'restored').map(e => `- ${e.name}: ${e.note}`))
  const body = [`The deploy ${context.rollbackOf.slice(0, 12)} failed; this commit puts back what its images edit changed.`, ...(left.length > 0 ? ['', 'Left as they are:', ...left] : [])]
  const trailers = formatTrailers({
    source: settings.commit.sourceCommit,
    sourceRepository: settings.commit.sourceRepository,
    run,
    environment,
    paths,
    images: restores.flatMap(r => r.images),
    rollbackOf: context.rollbackOf,
    restoredSources: context.restoredSources
  })
  return `${subject}\n\n${body.join('\n')}\n\n${trailers.join('\n')}\n`
}
