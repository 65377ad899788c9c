/** Outputs and the job summary, from what the run did. */
import * as core from '@actions/core'
import * as log from './log.js'
import { applyMarkdown, applyOutputs } from './apply/apply-summary.js'
import type { ApplyOutcome } from './apply/apply.js'
import { rollbackMarkdown, rollbackOutputs } from './rollback/rollback-summary.js'
import type { RollbackOutcome } from './rollback/rollback.js'
import type { CommitResult } from './commit/commit-back.js'
import type { TargetEdit } from './edit/edit-targets.js'
import { formatEntry, type ImageEntry } from './edit/image-spec.js'
import { code, oneLine, text } from './markdown.js'
import { DIFF_OUTPUT_LIMIT, diffText, summarySection } from './preview/pr-comment.js'
import type { Preview } from './preview/preview.js'

export interface Outcome {
  edits: TargetEdit[]
  /** the commit-back phase's result */
  commit?: CommitResult
  /** the apply phase's result, when `apply` was enabled and the phase ran */
  apply?: ApplyOutcome
  /** the rollback phase's result, with `rollback: true` */
  rollback?: RollbackOutcome
  /** why nothing was applied when `apply: auto` turned it off */
  notApplied?: string
  /** the rendered diff per environment and the pull request comments, when there was a base */
  preview?: Preview
}

/** Per target, the images entries after the edit (the `images` output). */
export function imagesJson(edits: TargetEdit[]): string {
  return JSON.stringify(
    edits.map(e => ({ path: e.target.rel, file: e.target.fileRel, environment: e.environment, changed: e.changed, images: e.after }))
  )
}

/** Rows `name | before | after` for the images an edit touched (all of them if none changed). */
export function imageRows(edit: TargetEdit): [string, string, string][] {
  const names = [...new Set([...edit.before, ...edit.after].map(i => i.name))]
  const find = (list: ImageEntry[], name: string) => list.find(i => i.name === name)
  return names.map(name => {
    const before = formatEntry(find(edit.before, name))
    const after = formatEntry(find(edit.after, name))
    return [name, text(before), before === after ? text(after) : `**${text(after)}**`]
  })
}

/** One line on what the commit-back phase did (nothing when it was off or had nothing to do). */
export function commitMarkdown(commit: CommitResult): string[] {
  const sha = code(commit.commitSha.slice(0, 12))
  const branch = commit.branch ? ` on ${code(commit.branch)}` : ''
  if (commit.skipped && commit.refused) return [commit.refused, '']
  if (commit.pullRequest) return pullRequestMarkdown(commit)
  if (commit.stale) return [`**Refused as out of order** — nothing pushed or applied. ${text(commit.refused ?? '')}`.trim(), '']
  if (commit.pushed) return [`Pushed ${sha}${branch}${commit.retries ? ` after ${commit.retries} retried push(es)` : ''}.`, '']
  if (commit.commitSha) return [`Already deployed: ${sha}${branch} holds this edit; nothing pushed.`, '']
  return []
}

/** Pull-request mode: what happened to the deploy branch and the pull request; nothing applied. */
function pullRequestMarkdown(commit: CommitResult): string[] {
  const pr = commit.pullRequest!
  const link = pr.number ? `[#${pr.number}](${pr.url})` : 'no open pull request'
  const what =
    pr.operation === 'unchanged'
      ? `The base branch already holds this edit: nothing pushed (${link}).`
      : `Pull request ${link} ${pr.operation} from ${code(commit.branch ?? '')} (${commit.pushed ? `pushed ${code(commit.commitSha.slice(0, 12))}` : 'deploy branch already up to date'}).`
  return [what, 'Nothing applied: the change reaches the cluster when the pull request is merged.', '']
}

/** GitHub refuses a step summary over 1 MiB; a little is kept for the toolkit's line ending. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024 - 1024

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** `markdown` cut at a line boundary to at most `limit` bytes, saying so. */
export function cutMarkdown(markdown: string, limit: number): string {
  if (bytes(markdown) <= limit) return markdown
  const note = '\n\n_… cut here: a job summary is limited to 1 MiB._\n'
  const room = Math.max(0, limit - bytes(note))
  const head = Buffer.from(markdown, 'utf8').subarray(0, room).toString('utf8').replace(/\uFFFD$/, '')
  const line = head.lastIndexOf('\n')
  return (line > 0 ? head.slice(0, line) : head) + note
}

/**
 * The job summary, within `limit` bytes as a whole: the edits, the commit and the apply first
 * (cut if they alone exceed it), the rendered diff in what is left.
 */
export function summaryMarkdown(outcome: Outcome, limit = STEP_SUMMARY_LIMIT): string {
  const out: string[] = ['## Kustomize Image Deploy', '']
  for (const edit of outcome.edits) {
    out.push(`### ${text(edit.environment)} — ${code(edit.target.fileRel)} ${edit.changed ? '(changed)' : '(unchanged)'}`, '')
    const rows = imageRows(edit)
    if (rows.length === 0) {
      out.push('_no images entries_', '')
      continue
    }
    out.push('| image | before | after |', '| --- | --- | --- |')
    for (const [name, before, after] of rows) out.push(`| ${code(name, true)} | ${before} | ${after} |`)
    out.push('')
  }
  if (outcome.commit) out.push(...commitMarkdown(outcome.commit))
  if (outcome.apply) out.push(applyMarkdown(outcome.apply))
  if (outcome.rollback?.targets.some(t => t.outcome !== 'deployed')) out.push(rollbackMarkdown(outcome.rollback, outcome.commit?.branch))
  if (outcome.notApplied) out.push(outcome.notApplied, '')
  // with a preview, room is kept for the line saying the diff did not fit
  const fixed = cutMarkdown(out.join('\n'), outcome.preview ? limit - 256 : limit)
  if (!outcome.preview) return fixed
  const left = limit - bytes(fixed) - 1 - outcome.preview.environments.length
  if (left < 2048) return fixed + '\n_The rendered diff does not fit in the job summary (1 MiB); see the `diff` output._\n'
  return fixed + '\n' + summarySection(outcome.preview.environments, left)
}

/**
 * A run that failed before its report still says what it did and did not do: the outputs, and
 * when its commit was already pushed, a line saying so (git holds the edit).
 */
export function failedOutputs(commit: CommitResult | undefined): string | undefined {
  core.setOutput('pushed', String(commit?.pushed ?? false))
  core.setOutput('stale', String(commit?.stale ?? false))
  core.setOutput('applied', 'false')
  if (!commit?.pushed || !commit.commitSha) return undefined
  core.setOutput('commit-sha', commit.commitSha)
  return `commit ${commit.commitSha} was pushed${commit.branch ? ` to ${commit.branch}` : ''} before this failure: git holds this run's edit; the log above says what reached the cluster`
}

export async function report(outcome: Outcome): Promise<void> {
  const changed = outcome.edits.filter(e => e.changed)
  const outputs: Record<string, string> = {
    changed: String(changed.length > 0),
    'changed-files': changed.map(e => e.target.fileRel).join('\n'),
    images: imagesJson(outcome.edits),
    'commit-sha': outcome.commit?.commitSha ?? '',
    pushed: String(outcome.commit?.pushed ?? false),
    stale: String(outcome.commit?.stale ?? false),
    ...applyOutputs(outcome.apply),
    ...rollbackOutputs(outcome.rollback, outcome.apply),
    diff: outcome.preview ? diffText(outcome.preview.environments, DIFF_OUTPUT_LIMIT) : '',
    'comment-url': outcome.preview?.comments.map(c => c.url).join('\n') ?? '',
    'pull-request-number': outcome.commit?.pullRequest?.number ? String(outcome.commit.pullRequest.number) : '',
    'pull-request-url': outcome.commit?.pullRequest?.url ?? '',
    'pull-request-operation': outcome.commit?.pullRequest?.operation ?? ''
  }
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value)
    log.info(`${name}=${name === 'diff' ? `(${value.length} characters)` : oneLine(value)}`)
  }
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(outcome), true).write()
}
