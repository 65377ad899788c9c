/**
 * The out-of-order guard. Before a push, find the newest commit on the remote branch that
 * recorded a deploy of the same target (trailers.ts), trusted as the action's own record
 * (record-trust.ts), and compare its source commit with ours: if theirs descends from ours,
 * this run is stale and must not push (or apply).
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import type { Git, LoggedCommit } from './git.js'
import { RateLimitError } from '../github/github-api.js'
import { oneLine } from '../markdown.js'
import type { Settings } from '../inputs.js'
import type { RemoteBranch } from './remote-branch.js'
import { distrust } from './record-trust.js'
import { parseTrailers, sameTarget, type DeployRecord } from './trailers.js'

/** Where the recorded source stands relative to ours. */
export type Relation = 'same' | 'newer' | 'older' | 'diverged' | 'unknown'

export interface LastDeploy {
  commit: string
  record: DeployRecord
}

export interface Verdict {
  path: string
  relation: Relation
  last?: LastDeploy
  refuse: boolean
  /** a warning to show (stale, downgrade allowed, undeterminable) */
  warning?: string
  /** an informational line */
  info?: string
}

export interface Source {
  sha: string
  repository: string
}

const short = (sha: string) => sha.slice(0, 7)
/** how many commits touching a target the guard reads back */
const MAX_LOG = 1000

/** Commit sha prefixes compare equal (a recorded or given source may be abbreviated). */
export function sameCommit(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()]
  return x.length >= 7 && y.length >= 7 && (x.startsWith(y) || y.startsWith(x))
}

/** A file's content at a revision, undefined when it has none (or the revision is missing). */
export type ReadFile = (rev: string, file: string) => Promise<string | undefined>

/**
 * The newest commit in `commits` (newest first) that recorded a deploy of `path` and is trusted
 * to have; `skipped` says why commits that carried trailers for it were not.
 */
export async function findLastDeploy(commits: LoggedCommit[], path: string, imageNames: string[], read: ReadFile): Promise<{ last?: LastDeploy; skipped: string[] }> {
  const skipped: string[] = []
  for (const commit of commits) {
    const record = parseTrailers(commit.message)
    if (!record || !sameTarget(record, path, imageNames)) continue
    const why = distrust(record, path, await read(`${commit.sha}^`, path), await read(commit.sha, path))
    if (!why) return { last: { commit: commit.sha, record }, skipped }
    skipped.push(`${path}: ${short(commit.sha)} carries deploy trailers but is not trusted as a deploy record: ${why}`)
  }
  return { skipped }
}

/** The decision for one target (pure). */
export function judge(
  path: string,
  ours: Source,
  last: LastDeploy | undefined,
  { relation, note }: { relation: Relation; note?: string },
  allowDowngrade: boolean
): Verdict {
  if (!last) return { path, relation, refuse: false, info: `${path}: no earlier deploy recorded` }
  const theirs = `${short(last.record.source)} (recorded by ${short(last.commit)})`
  const base = { path, relation, last }
  if (last.record.rollbackOf && relation === 'same') return rolledBack(base, ours, last, allowDowngrade)
  switch (relation) {
    case 'same':
      return { ...base, refuse: false, info: `${path}: last deployed from the same source ${short(ours.sha)}` }
    case 'older':
      return { ...base, refuse: false, info: `${path}: last deployed from ${theirs}, an ancestor of this run's source ${short(ours.sha)}` }
    case 'diverged':
      return { ...base, refuse: false, info: `${path}: last deployed from ${theirs}, which has diverged from this run's source ${short(ours.sha)}` }
    case 'unknown':
      return {
        ...base,
        refuse: false,
        warning: `${path}: cannot tell whether the last deployed source ${theirs} is newer than this run's source ${short(ours.sha)}${note ? ` (${note})` : ''}; proceeding`
      }
    case 'newer':
      if (allowDowngrade) {
        return { ...base, refuse: false, warning: `${path}: rolling back from ${theirs} to the older source ${short(ours.sha)} (allow-downgrade: true)` }
      }
      return {
        ...base,
        refuse: true,
        warning:
          `${path}: stale run: the last deploy came from ${theirs}, which is newer than this run's source ${short(ours.sha)}; ` +
          `not pushing and not applying (set allow-downgrade: true for a deliberate rollback)`
      }
  }
}

/**
 * This run's source is the one the last record rolled back: deploying it again would start a
 * deploy–fail–rollback loop, so it is refused unless `allow-downgrade` asks for it.
 */
function rolledBack(base: Pick<Verdict, 'path' | 'relation' | 'last'>, ours: Source, last: LastDeploy, allowDowngrade: boolean): Verdict {
  const what = `${base.path}: this run's source ${short(ours.sha)} was rolled back by ${short(last.commit)} (its deploy ${short(last.record.rollbackOf ?? '')} failed)`
  if (allowDowngrade) return { ...base, refuse: false, warning: `${what}; deploying it again (allow-downgrade: true)` }
  return { ...base, refuse: true, warning: `${what}; not pushing and not applying it again (set allow-downgrade: true to deploy it deliberately)` }
}

export interface AncestryOracle {
  /** local git: true/false when known, undefined when a commit is missing or history is cut */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>
  /** whether local history is complete (not shallow) */
  complete(): Promise<boolean>
  /** GitHub's compare endpoint for `repository` (`base...head` status), when available */
  compare?(repository: string, base: string, head: string): Promise<'ahead' | 'behind' | 'identical' | 'diverged'>
}

/** Where `theirs` stands relative to `ours`: local git first, then the compare API. */
export async function relate(oracle: AncestryOracle, ours: Source, theirs: Source): Promise<{ relation: Relation; note?: string }> {
  if (sameCommit(ours.sha, theirs.sha)) return { relation: 'same' }
  if (ours.repository && theirs.repository && ours.repository.toLowerCase() !== theirs.repository.toLowerCase()) {
    return { relation: 'unknown', note: `the recorded source is in ${theirs.repository}, this run's in ${ours.repository}` }
  }
  const forward = await oracle.isAncestor(ours.sha, theirs.sha)
  if (forward) return { relation: 'newer' }
  const backward = await oracle.isAncestor(theirs.sha, ours.sha)
  if (backward) return { relation: 'older' }
  if (forward === false && backward === false && (await oracle.complete())) return { relation: 'diverged' }
  const repository = ours.repository || theirs.repository
  if (oracle.compare && repository) {
    try {
      const status = await oracle.compare(repository, ours.sha, theirs.sha)
      const map = { ahead: 'newer', behind: 'older', identical: 'same', diverged: 'diverged' } as const
      return { relation: map[status] }
    } catch (error) {
      // a rate limit lasting longer than the action waits is no answer to proceed on: fail, say until when
      if (error instanceof RateLimitError) throw new Error(`commit: the out-of-order guard needs GitHub's compare API for ${repository}: ${error.message}; nothing was pushed`)
      return { relation: 'unknown', note: `the compare API failed for ${repository}: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  return { relation: 'unknown', note: 'the commits are not both in the local history and no compare API is available' }
}

export type CompareFn = NonNullable<AncestryOracle['compare']>

export interface GuardContext {
  git: Git
  settings: Settings
  compare?: CompareFn
  /** warnings and notes already shown (a retry does not repeat them) */
  said: Set<string>
}

/** The newest trusted deploy record of `path`, deepening a shallow history while none is found. */
async function lastDeployOf(git: Git, branch: RemoteBranch, path: string, imageNames: string[]): Promise<{ last?: LastDeploy; skipped: string[] }> {
  for (;;) {
    const found = await findLastDeploy(await git.log(branch.ref, [path], MAX_LOG), path, imageNames, (rev, file) => git.tryReadFile(rev, file))
    if (found.last || !(await branch.deepen())) return found
  }
}

/** One verdict per target path against the fetched tip; warnings shown once. */
export async function guardTargets(ctx: GuardContext, branch: RemoteBranch, paths: string[]): Promise<Verdict[]> {
  const { git, settings, said } = ctx
  const say = (text: string | undefined, show: (t: string) => void) => {
    if (text && !said.has(text)) show(oneLine(text))
    if (text) said.add(text)
  }
  const ours: Source = { sha: settings.commit.sourceCommit, repository: settings.commit.sourceRepository }
  if (!ours.sha) {
    say('no source commit (GITHUB_SHA unset and no source-commit input): the out-of-order guard is off', core.warning)
    return []
  }
  const oracle: AncestryOracle = {
    isAncestor: (a, d) => git.tryIsAncestor(a, d),
    complete: async () => !(await git.isShallow()),
    compare: ctx.compare
  }
  const imageNames = settings.images.map(s => s.name)
  const verdicts: Verdict[] = []
  for (const path of paths) {
    const { last, skipped } = await lastDeployOf(git, branch, path, imageNames)
    for (const note of skipped) say(note, log.info)
    const relation = last ? await relate(oracle, ours, { sha: last.record.source, repository: last.record.sourceRepository }) : { relation: 'unknown' as const }
    const verdict = judge(path, ours, last, relation, settings.commit.allowDowngrade)
    say(verdict.warning, core.warning)
    say(verdict.info, log.info)
    verdicts.push(verdict)
  }
  return verdicts
}
