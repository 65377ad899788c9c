/**
 * The rollback section of the job summary, the `rolled-back` / `rollback-sha` outputs, and the
 * per-target outcome in `resources` (pure).
 */
import type { AppliedResource } from '../apply/apply-output.js'
import type { ApplyOutcome } from '../apply/apply.js'
import { entryValue } from '../commit/commit-message.js'
import { code as span, text } from '../markdown.js'
import type { EntryRestore } from './restore.js'
import type { RollbackOutcome, RolledTarget } from './rollback.js'

const code = (s: string) => span(s, true)

export interface RolledResource extends AppliedResource {
  /** the target's outcome */
  outcome?: RolledTarget['outcome']
  /** a failed target that was not rolled back: why not */
  why?: string
  /** an object of the rollback's own apply */
  rollback?: true
}

/** Without a rollback phase, the outputs as they were; with one, each object says its target's outcome. */
export function rollbackOutputs(rollback: RollbackOutcome | undefined, apply: ApplyOutcome | undefined): Record<string, string> {
  const outputs: Record<string, string> = { 'rolled-back': String(rollback?.pushed ?? false), 'rollback-sha': rollback?.commitSha ?? '' }
  if (!rollback || !apply) return outputs
  const resources: RolledResource[] = apply.resources.map(r => {
    const t = rollback.targets.find(t => t.path === r.path)
    return t ? { ...r, outcome: t.outcome, ...(t.why ? { why: t.why } : {}) } : r
  })
  for (const r of rollback.apply?.resources ?? []) resources.push({ ...r, rollback: true })
  return { ...outputs, resources: JSON.stringify(resources) }
}

const entryLine = (e: EntryRestore) =>
  e.state === 'restored' ? `${code(e.name)} ${code(entryValue(e.deployed))} → ${e.previous ? code(entryValue(e.previous)) : 'removed'}` : `${code(e.name)} left: ${text(e.note ?? '')}`

function targetCell(t: RolledTarget): string {
  const entries = t.entries.map(entryLine).join('<br>')
  const failures = t.failures.map(f => text(f.replace(`${t.path}: `, ''))).join('<br>')
  switch (t.outcome) {
    case 'deployed':
      return '✅ deployed'
    case 'rolled-back':
      return `↩️ **failed, rolled back** — ${failures}<br>${entries}`
    case 'failed':
      return `❌ **failed, not rolled back** — ${failures}<br>not rolled back: ${text(t.why ?? '')}${entries ? `<br>${entries}` : ''}`
  }
}

/** Whether the cluster is back: the rollback's own apply and rollouts. */
function backMarkdown(apply: ApplyOutcome): string[] {
  const out: string[] = []
  for (const r of apply.rollouts) out.push(`- ${r.ok ? '✅' : '❌'} ${code(`${r.kind.toLowerCase()}/${r.name}`)} (${code(r.namespace)}): ${text(r.message)}`)
  if (apply.failures.length === 0) return [...out, '', '**The cluster is back and ready** at the rolled-back images.', '']
  out.push('', '**The rollback did not bring the cluster back to ready**: the failure may not come from this run\'s images edit. Left as it is (no rollback of a rollback).', '')
  for (const f of apply.failures) out.push(`- ${text(f)}`)
  return [...out, '']
}

export function rollbackMarkdown(rollback: RollbackOutcome, branch: string | undefined): string {
  const out: string[] = ['### Rollback', '']
  const on = branch ? ` on ${code(branch)}` : ''
  if (rollback.pushed) out.push(`Pushed the rollback commit ${code(rollback.commitSha.slice(0, 12))}${on}: this run's images edit of the failed targets is reverted in git. The run still fails.`, '')
  else if (rollback.targets.some(t => t.outcome === 'failed')) out.push('No rollback commit was made.', '')
  out.push('| target | outcome |', '| --- | --- |')
  for (const t of rollback.targets) out.push(`| ${code(t.path)} | ${targetCell(t)} |`)
  out.push('')
  for (const f of rollback.failures.filter(() => !rollback.apply)) out.push(`**Failed**: ${text(f)}`, '')
  if (rollback.apply) out.push(...backMarkdown(rollback.apply))
  return out.join('\n')
}
