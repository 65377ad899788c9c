/**
 * Replays one job of a workflow file here, the way the runner would run its steps: `run:` steps
 * with `bash --noprofile --norc -eo pipefail`, `uses: ./` with the built bundle (runAction) and
 * the inputs action.yml defaults plus the step's `with:`, and the workflow, job and step `env:`.
 * `uses: kustomize-image-deploy/kustomize-image-deploy@…` (a README example) runs the same way.
 * Third-party `uses:` steps (checkout, a cluster) are not run: the test sets up what they would
 * have left behind and checks which were left out. Expressions are limited to `env.*`,
 * `github.*`, `matrix.*`, `secrets.*` and `steps.<id>.outputs.*`, and `if:` to `always()` and
 * `steps.<id>.outputs.<name> == '…'`; anything else is an error, so the workflows stay simple.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ROOT, runAction, type ActionRun } from './action.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string>
}
/** This action as README examples name it; replayed like `uses: ./`. */
const PUBLISHED = 'kustomize-image-deploy/kustomize-image-deploy'

export interface Workflow {
  env?: Record<string, string>
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>
}

export interface ReplayContext {
  workspace: string
  /** the `github` context: run_id, run_attempt, repository, sha, event_name, token, api_url … */
  github: Record<string, string>
  /** variables of the runner's environment (PATH, KUBECONFIG, GITHUB_EVENT_PATH …) */
  env: Record<string, string>
  /** replaces workflow-level `env:` values */
  override?: Record<string, string>
  /** the `matrix` and `secrets` contexts */
  matrix?: Record<string, string>
  secrets?: Record<string, string>
}

export interface Replay {
  /** `uses:` steps that were not run */
  skipped: string[]
  /** the name or id of the first step that failed */
  failed?: string
  /** what every step printed, in order */
  log: string
  actions: Record<string, ActionRun>
}

export async function replayJob(workflowFile: string, job: string, ctx: ReplayContext): Promise<Replay> {
  return replayWorkflowJob(parse(readFileSync(workflowFile, 'utf8')) as Workflow, workflowFile, job, ctx)
}

/** The same for a workflow given as text (a README example); `label` names it in errors. */
export async function replayWorkflowJob(workflow: Workflow | string, workflowFile: string, job: string, ctx: ReplayContext): Promise<Replay> {
  if (typeof workflow === 'string') workflow = parse(workflow) as Workflow
  const steps = workflow.jobs[job]?.steps
  if (!steps) throw new Error(`${workflowFile}: no job '${job}'`)
  const actionYml = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  const replay: Replay = { skipped: [], log: '', actions: {} }
  const outputs: Record<string, Record<string, string>> = {}
  const env: Record<string, string> = {}
  const expand = (value: unknown): string =>
    String(value ?? '').replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
      let m = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr)
      if (m) return env[m[1]] ?? ''
      m = /^github\.([a-z_]+)$/.exec(expr)
      if (m && m[1] in ctx.github) return ctx.github[m[1]]
      m = /^(matrix|secrets)\.([A-Za-z0-9_-]+)$/.exec(expr)
      const from = m && ctx[m[1] as 'matrix' | 'secrets']
      if (m && from && m[2] in from) return from[m[2]]
      m = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expr)
      if (m) return outputs[m[1]]?.[m[2]] ?? ''
      throw new Error(`${workflowFile}: the replay does not evaluate \${{ ${expr} }}`)
    })
  for (const [k, v] of Object.entries({ ...workflow.env, ...ctx.override })) env[k] = expand(v)
  for (const [k, v] of Object.entries(workflow.jobs[job].env ?? {})) env[k] = expand(v)
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB|INPUT)_/.test(k))) as Record<string, string>
  const runnerEnv = {
    ...inherited,
    ...ctx.env,
    GITHUB_REPOSITORY: ctx.github.repository,
    GITHUB_RUN_ID: ctx.github.run_id,
    GITHUB_RUN_ATTEMPT: ctx.github.run_attempt,
    GITHUB_SHA: ctx.github.sha,
    GITHUB_REF: ctx.github.ref,
    GITHUB_EVENT_NAME: ctx.github.event_name,
    GITHUB_API_URL: ctx.github.api_url,
    GITHUB_SERVER_URL: ctx.github.server_url
  }

  for (const step of steps) {
    const label = step.id ?? step.name ?? step.uses ?? 'step'
    if (replay.failed && step.if !== 'always()') continue
    if (step.if !== undefined && step.if !== 'always()') {
      const m = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+) == '([^']*)'$/.exec(step.if)
      if (!m) throw new Error(`${workflowFile}: the replay does not evaluate if: ${step.if}`)
      if ((outputs[m[1]]?.[m[2]] ?? '') !== m[3]) continue
    }
    const stepEnv = { ...runnerEnv, ...env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)])) }
    if (step.uses === './' || step.uses?.startsWith(`${PUBLISHED}@`)) {
      const inputs: Record<string, string> = {}
      for (const [name, spec] of Object.entries(actionYml.inputs)) inputs[name] = expand(spec.default ?? '')
      for (const [name, value] of Object.entries(step.with ?? {})) inputs[name] = expand(value)
      const run = await runAction(ctx.workspace, inputs, stepEnv)
      replay.actions[label] = run
      replay.log += `── ${label} (uses: ./) exited ${run.code}\n${run.stdout}${run.stderr}`
      outputs[label] = run.outputs
      if (run.code !== 0) replay.failed ??= label
    } else if (step.uses) {
      replay.skipped.push(step.uses)
    } else if (step.run !== undefined) {
      // asynchronous: a step may call a server living in this process (the GitHub API stand-in)
      const r = await bash(expand(step.run), ctx.workspace, stepEnv)
      replay.log += `── ${label} (run) exited ${r.status}\n${r.output}`
      if (r.status !== 0) replay.failed ??= label
    }
  }
  return replay
}

function bash(script: string, cwd: string, env: Record<string, string | undefined>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', d => (output += d))
    child.stderr.on('data', d => (output += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    child.on('error', reject)
    child.on('close', status => {
      clearTimeout(timer)
      resolve({ status, output })
    })
  })
}
