/**
 * The rollback phase (DESIGN.md step 7, `rollback: true`): when a target fails to apply, or its
 * rollout does not complete, after this run pushed its commit, this run's images edit of the
 * failed targets is reverted through git, never with `kubectl rollout undo`: a new commit on the
 * branch tip (the push loop of the deploy, its retries, `sign-commits`) that puts each entry this
 * run changed back to what it held before (restore.ts; an entry the tip holds newer is left). The
 * rolled-back targets are then applied and waited for with a full `timeout` of their own. The run
 * still fails. A rollback that fails is reported and left alone: there is no rollback of a rollback.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { applyTargets, type ApplyOutcome } from '../apply/apply.js'
import { verifyRollback, type Ahead } from '../apply/phase.js'
import type { Change } from '../commit/change.js'
import type { CommitResult } from '../commit/commit-result.js'
import { pushChange, sourcesBefore } from '../commit/push-change.js'
import type { TargetEdit } from '../edit/edit-targets.js'
import { readKustomization } from '../edit/files.js'
import { readImages } from '../edit/kustomization.js'
import { errorMessage } from '../errors.js'
import type { Settings } from '../inputs.js'
import { oneLine } from '../markdown.js'
import { restoreImages, type EntryRestore, type Restore } from './restore.js'
import { rollbackMessage, type RollbackContext } from './rollback-message.js'

export type TargetOutcome = 'deployed' | 'rolled-back' | 'failed'

export interface RolledTarget {
  path: string
  outcome: TargetOutcome
  /** a failed target: why it failed (one line per failure) */
  failures: string[]
  /** a failed target that was not rolled back: why not */
  why?: string
  /** the entries this run changed, and what became of each */
  entries: EntryRestore[]
}

export interface RollbackOutcome {
  targets: RolledTarget[]
  /** the rollback commit ('' when none was made) */
  commitSha: string
  pushed: boolean
  /** the rollback's own apply and wait */
  apply?: ApplyOutcome
  /** the rollback's own failures (its push, its apply, its rollouts); the run fails on them as on the deploy's */
  failures: string[]
}

/** The failure lines of each failed target: its apply's errors and its workloads' rollouts. */
export function failedTargets(applied: ApplyOutcome): Map<string, string[]> {
  const failed = new Map<string, string[]>()
  const add = (path: string, line: string) => failed.set(path, [...(failed.get(path) ?? []), line])
  for (const t of applied.targets.filter(t => t.state === 'failed')) for (const e of t.errors) add(t.path, e)
  for (const r of applied.rollouts.filter(r => !r.ok && r.path !== undefined)) add(r.path!, r.message)
  return failed
}

/** Why nothing of this run can be rolled back, or undefined when it can. */
function notRollable(settings: Settings, commit: CommitResult): string | undefined {
  if (settings.apply.dryRun !== 'none') return 'a dry run changes nothing'
  if (!commit.pushed || !commit.commitSha) return 'this run pushed no commit (its edit was already on the branch, or it was not committed)'
  return undefined
}

/**
 * The phase as the pipeline runs it: undefined without `rollback: true`; every target deployed
 * when nothing failed; else the rollback of the failed targets this run changed.
 */
export async function rollBackFailed(ahead: Ahead, settings: Settings, commit: CommitResult, edits: TargetEdit[], applied: ApplyOutcome): Promise<RollbackOutcome | undefined> {
  if (!settings.apply.rollback) return undefined
  const failed = failedTargets(applied)
  const targets: RolledTarget[] = applied.targets.map(t => ({ path: t.path, outcome: failed.has(t.path) ? 'failed' : 'deployed', failures: failed.get(t.path) ?? [], entries: [] }))
  const outcome: RollbackOutcome = { targets, commitSha: '', pushed: false, failures: [] }
  if (failed.size === 0) return outcome
  return core.group('Rolling back', async () => {
    const why = notRollable(settings, commit)
    if (why) return declined(outcome, why)
    const chosen = edits.filter(e => failed.has(e.target.rel))
    for (const t of targets.filter(t => t.outcome === 'failed' && !chosen.some(e => e.target.rel === t.path && e.changed))) t.why = 'this run did not change its kustomization'
    await rollBack(ahead, settings, commit, chosen.filter(e => e.changed), outcome).catch((error: unknown) => {
      outcome.failures.push(`rollback: ${errorMessage(error)}; nothing more was rolled back`)
    })
    return outcome
  })
}

function declined(outcome: RollbackOutcome, why: string): RollbackOutcome {
  log.info(`not rolling back: ${why}`)
  for (const t of outcome.targets.filter(t => t.outcome === 'failed')) t.why = why
  return outcome
}

/** Restore, commit, push, then apply and wait for what was rolled back. */
async function rollBack(ahead: Ahead, settings: Settings, commit: CommitResult, deployed: TargetEdit[], outcome: RollbackOutcome): Promise<void> {
  const restores = new Map<string, Restore>()
  const initial = await Promise.all(deployed.map(async d => restoreEdit(d, await readKustomization(d.target.file, d.target.fileRel), restores)))
  const context: RollbackContext = {
    rollbackOf: commit.commitSha,
    restoredSources: await sourcesBefore(settings, deployed, commit.commitSha).catch(() => []),
    why: firstWhy(outcome),
    environments: [...new Set(deployed.map(d => d.environment))]
  }
  const byDir = new Map(deployed.map(d => [d.target.dir, d]))
  const change: Change = {
    remake: (atBase, edit) => restoreEdit(byDir.get(edit.target.dir)!, atBase, restores),
    message: (edits, paths) => rollbackMessage(settings, process.env, edits.filter(e => e.changed).map(e => restores.get(e.target.dir)!), paths, context),
    guarded: false
  }
  if (initial.some(e => e.changed)) {
    const verify = verifyRollback(ahead, deployed.map(d => d.target), commit.commitSha)
    const pushed = await pushChange(settings, initial, change, verify).catch((error: unknown) => error as Error)
    if (pushed instanceof Error) return refused(outcome, deployed, restores, pushed)
    outcome.commitSha = pushed.pushed ? pushed.commitSha : ''
    outcome.pushed = pushed.pushed
  }
  settle(outcome, deployed, restores)
  if (!outcome.pushed) return
  log.info(`rollback commit ${outcome.commitSha} pushed; applying the rolled-back target(s) with a timeout of their own`)
  const rolled = ahead.targets.filter(t => outcome.targets.some(o => o.path === t.rel && o.outcome === 'rolled-back'))
  outcome.apply = await applyTargets(ahead.cluster, rolled, new Map())
  outcome.failures.push(...outcome.apply.failures.map(f => `rollback: ${f}`))
  if (outcome.apply.failures.length > 0) log.info('the rollback did not bring every rolled-back target back to ready: the failure may not come from this run\'s images edit; left as it is (no rollback of a rollback)')
}

/** The rollback edit of one target on `text` (the file as HEAD or the branch tip holds it). */
function restoreEdit(deployed: TargetEdit, text: string, restores: Map<string, Restore>): TargetEdit {
  const restore = restoreImages(text, deployed.before, deployed.after, deployed.target.fileRel)
  restores.set(deployed.target.dir, restore)
  return { target: deployed.target, environment: deployed.environment, original: text, content: restore.content, changed: restore.changed, before: readImages(text, deployed.target.fileRel), after: readImages(restore.content, deployed.target.fileRel) }
}

/** Each failed target, once the rollback commit landed (or was not needed): rolled back, or why not. */
function settle(outcome: RollbackOutcome, deployed: TargetEdit[], restores: Map<string, Restore>): void {
  for (const d of deployed) {
    const t = outcome.targets.find(t => t.path === d.target.rel)!
    const restore = restores.get(d.target.dir)!
    t.entries = restore.entries
    if (restore.changed && outcome.pushed) t.outcome = 'rolled-back'
    else t.why = restore.entries.map(e => `${e.name}: ${e.note ?? 'the branch already holds what it held before this run'}`).join('; ')
    const line = t.outcome === 'rolled-back' ? `${t.path}: rolled back` : `${t.path}: not rolled back: ${t.why}`
    for (const e of restore.entries.filter(e => e.state !== 'restored' || t.outcome !== 'rolled-back')) log.info(oneLine(`${t.path}: ${e.name}: ${e.note ?? 'not restored'}`))
    log.info(oneLine(line))
  }
}

/** The rollback commit was not pushed (its push refused, or its tree does not render or the cluster refuses it): reported, nothing else done. */
function refused(outcome: RollbackOutcome, deployed: TargetEdit[], restores: Map<string, Restore>, error: Error): void {
  const why = `the rollback commit was not pushed: ${errorMessage(error).replace(/; nothing was pushed$/, '')}`
  for (const d of deployed) {
    const t = outcome.targets.find(t => t.path === d.target.rel)!
    t.entries = restores.get(d.target.dir)?.entries ?? []
    t.why = why
  }
  outcome.failures.push(`rollback: ${why}; nothing was rolled back`)
}

/** The first failure, short: what the commit subject says. */
function firstWhy(outcome: RollbackOutcome): string {
  const line = outcome.targets.find(t => t.outcome === 'failed')?.failures[0] ?? 'the deploy failed'
  return line.replace(/ \(.*$/, '').replace(/^[^:]*: kubectl apply failed: /, 'kubectl apply failed: ')
}
