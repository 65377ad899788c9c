/**
 * The preflight (DESIGN.md step 5): before anything leaves the runner, the cluster is asked
 * whether it would take every target, in a server-side dry run with the flags of the real apply
 * (server-side, field manager, force-conflicts, context, namespace). Whatever it refuses (RBAC,
 * validation, admission, conflicts, a missing namespace or CRD) fails the run with one
 * classified error per object.
 *
 * The ask costs no pass of its own when it can be spared: `kubectl diff` (started alongside the
 * render for the log and the drift check) already sends every object to the server as a dry
 * run with those flags, and stops at the first refusal. A target whose diff succeeded with
 * nothing on stderr was accepted whole. Any other target (the diff failed, or the server warned,
 * e.g. of an unknown field, which `kubectl apply` refuses under its strict validation) is asked
 * again with `kubectl apply --dry-run=server`, which goes on past a refusal and names every
 * refused object.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import type { Cluster, Looked } from './apply.js'
import { errorMessage, FailureList } from '../errors.js'
import { KubectlError, type ExecResult } from './kubectl.js'
import { parseApplyOutput } from './apply-output.js'
import { preflightMarkdown } from './apply-summary.js'
import { redactor, targetCopies } from './secret-redaction.js'
import { formatObjectError, objectErrors, plural, type ObjectError } from './object-errors.js'
import { parseManifests, type Manifest } from '../render/manifests.js'
import { mapLimit } from '../pool.js'
import type { Target } from '../edit/targets.js'
import { oneLine } from '../markdown.js'

export interface DryRun {
  target: Target
  /**
   * kubectl's result (a non-zero exit is in `code`); an Error when kubectl could not run;
   * `diff` when the target's `kubectl diff` was accepted whole, so no dry run was repeated
   */
  result: ExecResult | Error | 'diff'
  ms: number
}

/**
 * The preflight of every target, from its `kubectl diff` (`looking`, see above) or else its own
 * `kubectl apply --dry-run=server`, all at once. Never rejects and logs nothing.
 */
export async function preflight(cluster: Cluster, targets: Target[], looking: Promise<Looked[]>): Promise<DryRun[]> {
  const started = Date.now()
  const looked = await looking
  return mapLimit(
    targets,
    async (target, i) => {
      const diff = looked[i].diff
      if (!(diff instanceof Error) && diff.warnings === '') return { target, result: 'diff' as const, ms: Date.now() - started }
      return askDryRun(cluster, target)
    },
    Math.max(targets.length, 1)
  )
}

/** `kubectl apply --dry-run=server` of one target with the flags of the real apply. Never rejects. */
export async function askDryRun(cluster: Cluster, target: Target): Promise<DryRun> {
  const flags = { serverSide: cluster.settings.serverSide, fieldManager: cluster.settings.fieldManager, forceConflicts: cluster.settings.forceConflicts, dryRun: 'server' as const }
  const asked = Date.now()
  const result = await cluster.kubectl.apply(target.dir, flags).catch((error: unknown) =>
    error instanceof KubectlError ? error.result : error instanceof Error ? error : new Error(errorMessage(error))
  )
  return { target, result, ms: Date.now() - asked }
}

/**
 * Judge the dry runs against the renders: log what the cluster would do; return the refusals,
 * one line per refused object (the caller says what they stopped, see `refusePreflight`). An object in a namespace, or of a kind, that the same apply
 * creates cannot be checked by a dry run: that is a note, not a refusal. The server's words may
 * quote a value it was sent: Secret values of the render and of what git `recorded` are redacted.
 */
export async function checkPreflight(runs: DryRun[], rendered: Map<string, string>, cluster: Cluster, recorded: Map<string, string> = new Map()): Promise<string[]> {
  const manifests = new Map(runs.map(r => [r.target.dir, parseManifests(rendered.get(r.target.dir) ?? '', cluster.namespace)]))
  const all = [...manifests.values()].flat()
  const redact = redactor(runs.map(r => targetCopies('', recorded.get(r.target.dir) ?? '', rendered.get(r.target.dir) ?? '')))
  const refusals: string[] = []
  for (const { target, result, ms } of runs) {
    if (result instanceof Error) {
      refusals.push(redact(`${target.rel}: ${result.message}`))
      continue
    }
    if (result === 'diff') {
      log.info(oneLine(`${target.rel}: ${manifests.get(target.dir)?.length ?? 0} object(s) accepted by the server-side dry run of kubectl diff in ${ms} ms`))
      continue
    }
    const lines = parseApplyOutput(result.stdout)
    const counts = [...new Set(lines.map(l => l.action))].map(action => `${lines.filter(l => l.action === action).length} ${action}`)
    const accepted = `${lines.length} object(s) accepted${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`
    if (result.code === 0) {
      log.info(oneLine(`${target.rel}: ${accepted} in ${ms} ms`))
      continue
    }
    const errors = objectErrors(redact(result.stderr), lines, manifests.get(target.dir) ?? [])
    for (const error of errors) {
      const why = createdByThisApply(error, all)
      if (why) log.info(oneLine(`${target.rel}: ${error.object ?? 'an object'}: not checked, ${why}`))
      else refusals.push(`${target.rel}: ${formatObjectError(error)}`)
    }
    log.info(oneLine(`${target.rel}: ${accepted}, ${errors.length} not, in ${ms} ms`))
  }
  return refusals
}

/**
 * When the cluster refused: log and write to the job summary what the refusal stopped (`stopped`,
 * true for the caller: the deploy preflight, the check of a re-made commit, a rollback), then
 * throw a FailureList, one line per refusal. Nothing when `refusals` is empty.
 */
export async function refusePreflight(refusals: string[], cluster: Cluster, stopped: string): Promise<void> {
  if (refusals.length === 0) return
  log.info(`the cluster refused the dry run: ${stopped}`)
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(preflightMarkdown(cluster.kubeconfig.context, refusals, stopped), true).write()
  throw new FailureList(refusals.map(r => `preflight: ${r}`))
}

/** Why an error is no refusal: its namespace or its kind is created by this very apply. */
function createdByThisApply(error: ObjectError, all: Manifest[]): string | undefined {
  if (error.kind !== 'not-found') return undefined
  const text = error.message
  const ns = /namespace "([^"]+)" does not exist/.exec(text)?.[1]
  if (ns && all.some(m => m.kind === 'Namespace' && m.name === ns)) return `its namespace ${ns} is created by this apply`
  const kind = /does not know kind (\w+) \(([^)]+)\)/.exec(text)
  if (kind) {
    const group = kind[2].split('/').slice(0, -1).join('/')
    if (all.some(m => m.kind === 'CustomResourceDefinition' && m.name === `${plural(kind[1])}.${group}`)) return `kind ${kind[1]} is defined by this apply`
  }
  return undefined
}
