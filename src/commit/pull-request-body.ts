/**
 * The deploy pull request's title and body (pure). The body reuses the preview comment's
 * Markdown (pr-comment.ts: images before → after, the rendered diff with Secret data redacted,
 * the same size ladder) per environment, then says where the change came from.
 */
import { COMMENT_LIMIT, escapeMarkdown, fitMarkdown, type EnvironmentPreview } from '../preview/pr-comment.js'

export const BODY_MARKER = '<!-- kustomize-image-deploy:pull-request -->'

export interface BodyInput {
  environments: EnvironmentPreview[]
  base: string
  baseTip: string
  deployBranch: string
  source: string
  sourceRepository: string
  /** link to the workflow run, when known */
  runUrl?: string
  serverUrl?: string
}

/** The pull request's title: the commit message's subject line. */
export function pullRequestTitle(message: string): string {
  return message.split('\n')[0].trim()
}

function sourceLine(input: BodyInput): string {
  if (!input.source) return 'Source commit: unknown (no `source-commit` and no `GITHUB_SHA`).'
  const short = `\`${input.source.slice(0, 12)}\``
  const link = input.serverUrl && input.sourceRepository ? `[${short}](${input.serverUrl}/${input.sourceRepository}/commit/${input.source})` : short
  return `Source commit: ${link}${input.sourceRepository ? ` of ${escapeMarkdown(input.sourceRepository)}` : ''}.`
}

/** The body within `limit` characters: each environment gets an equal share of what is left. */
export function pullRequestBody(input: BodyInput, limit = COMMENT_LIMIT): string {
  const head = [
    BODY_MARKER,
    `Deploy pull request kept by Kustomize Image Deploy: \`${escapeMarkdown(input.deployBranch)}\` is rebuilt on every run from the tip of \`${escapeMarkdown(input.base)}\` (\`${input.baseTip.slice(0, 7)}\`) plus the newest edit.`,
    'Nothing has been applied to a cluster: the change is applied once this pull request is merged.',
    ''
  ].join('\n')
  const tail = ['', '---', sourceLine(input), input.runUrl ? `Run: ${input.runUrl}` : '', '<sub>Secret values are never shown.</sub>', ''].join('\n')
  const share = Math.floor((limit - head.length - tail.length - 2) / Math.max(input.environments.length, 1))
  const parts = input.environments.map(p => fitMarkdown(p, { limit: share }).markdown)
  return [head, ...parts, tail].join('\n')
}
