/** The apply section of the job summary and the `applied` / `resources` outputs (pure). */
import type { ApplyOutcome } from './apply.js'
import type { TargetResult } from './apply-target.js'
import { code as span, text } from '../markdown.js'

export function applyOutputs(outcome: ApplyOutcome | undefined): Record<string, string> {
  return {
    applied: String(outcome?.applied ?? false),
    resources: JSON.stringify(outcome?.resources ?? [])
  }
}

/** Names, paths, images and kubectl's words come from the render and the cluster: shown inert. */
const code = (s: string) => span(s, true)

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}text\n${text}\n${ticks}`
}

const cell = (s: string) => text(s)

/** A target's apply, as it happened: never shown as deployed unless kubectl applied it. */
function targetCell(t: TargetResult): string {
  const why = t.errors.map(e => cell(e.replace(`${t.path}: `, ''))).join('<br>')
  switch (t.state) {
    case 'applied':
      return '✅ applied'
    case 'dry-run':
      return 'dry run only: nothing applied'
    case 'failed':
      return `❌ **not applied** — ${why}`
    case 'not-attempted':
      return `⏭️ not attempted — ${why}`
  }
}

export function applyMarkdown(outcome: ApplyOutcome): string {
  const mode = outcome.dryRun === 'none' ? '' : ` (dry run: ${outcome.dryRun})`
  const out: string[] = [`### Apply${mode} — context ${code(outcome.context)}`, '']
  if (outcome.targets.length > 0) {
    out.push('| target | apply |', '| --- | --- |')
    for (const t of outcome.targets) out.push(`| ${code(t.path)} | ${targetCell(t)} |`)
    out.push('')
  }
  if (outcome.drift.length > 0) {
    out.push('**Drift**: the cluster ran images that git did not record (changed behind git\'s back); this apply replaced them.', '')
    out.push('| workload | container | live | git recorded | applied |', '| --- | --- | --- | --- | --- |')
    for (const d of outcome.drift) {
      out.push(`| ${code(`${d.kind.toLowerCase()}/${d.name}`)} (${code(d.namespace)}) | ${code(d.container)} | ${code(d.live)} | ${code(d.recorded)} | ${d.applied ? code(d.applied) : '—'} |`)
    }
    out.push('')
  }
  if (outcome.resources.length > 0) {
    out.push('| kind | namespace | name | result |', '| --- | --- | --- | --- |')
    for (const r of outcome.resources) out.push(`| ${code(r.kind)} | ${r.namespace ? code(r.namespace) : '—'} | ${code(r.name)} | ${r.action}${r.dryRun ? ` (${r.dryRun} dry run)` : ''}${r.error ? `: ${cell(r.error)}` : ''} |`)
    out.push('')
  }
  for (const r of outcome.rollouts) out.push(`- ${r.ok ? '✅' : '❌'} ${code(`${r.kind.toLowerCase()}/${r.name}`)} (${code(r.namespace)}): ${text(r.message)}`)
  if (outcome.rollouts.length > 0) out.push('')
  for (const f of outcome.failures) out.push(`**Failed**: ${text(f)}`, '')
  for (const r of outcome.rollouts.filter(r => r.details)) {
    out.push(`<details><summary>${text(`${r.kind.toLowerCase()}/${r.name}`)}: describe and events</summary>`, '', fence(r.details ?? ''), '', '</details>', '')
  }
  return out.join('\n')
}

/** The job summary of a dry run the cluster refused: what it refused, and what that `stopped`. */
export function preflightMarkdown(context: string, refusals: string[], stopped: string): string {
  return [
    '## Kustomize Image Deploy',
    '',
    `### Preflight refused — context ${code(context)}`,
    '',
    `The cluster refused the server-side dry run: ${text(stopped)}.`,
    '',
    ...refusals.map(r => `- ${cell(r)}`),
    ''
  ].join('\n')
}
