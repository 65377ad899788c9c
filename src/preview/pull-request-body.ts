/**
 * The deploy pull request's title and body. The body reuses the preview comment's Markdown
 * (pr-comment.ts: images before → after, the rendered diff with Secret data redacted, the same
 * size ladder) per environment, then says where the change came from. main.ts hands
 * `describePullRequest` to the commit phase, which renders nothing itself.
 */
import * as core from '@actions/core'
import type { Kubectl } from '../apply/kubectl.js'
import type { BodyRequest, DescribePullRequest } from '../commit/pull-request-open.js'
import { errorMessage } from '../errors.js'
import type { Settings } from '../inputs.js'
import { mapLimit } from '../pool.js'
import { COMMENT_LIMIT, escapeMarkdown, fitMarkdown, type EnvironmentPreview } from './pr-comment.js'
import { renderBase } from './preview.js'
import { diffRenders } from './resource-diff.js'

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

/** The rendered diff per changed target: the base tip against the work tree (the deploy commit). */
async function previews(request: BodyRequest, kubectl: Kubectl, env: NodeJS.ProcessEnv): Promise<EnvironmentPreview[]> {
  const changed = request.edits.filter(e => e.changed)
  try {
    const before = await renderBase(request.git, request.baseTip, changed, kubectl, env)
    const after = await mapLimit(changed, e => kubectl.kustomize(e.target.dir))
    return changed.map((e, i) => {
      const { render, note } = before.get(e.target.dir) ?? { render: '' }
      const p: EnvironmentPreview = { environment: e.environment, path: e.target.rel, diff: diffRenders(render, after[i]), base: request.baseTip.slice(0, 7), head: 'deploy commit' }
      if (note) p.note = note
      return p
    })
  } catch (error) {
    core.warning(`pull request body: no rendered diff (${errorMessage(error)})`)
    return []
  }
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined
}

/** What the commit phase calls for the body of the pull request it opens or updates. */
export function describePullRequest(settings: Settings, kubectl: Kubectl, env: NodeJS.ProcessEnv = process.env): DescribePullRequest {
  return async request =>
    pullRequestBody({
      environments: await previews(request, kubectl, env),
      base: request.base,
      baseTip: request.baseTip,
      deployBranch: request.deployBranch,
      source: settings.commit.sourceCommit,
      sourceRepository: settings.commit.sourceRepository,
      runUrl: runUrl(env),
      serverUrl: env.GITHUB_SERVER_URL
    })
}
