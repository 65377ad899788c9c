/**
 * The remote branch a run pushes to, fetched as little as possible: in a shallow clone (what
 * actions/checkout makes by default) a bounded first fetch, then only what is new, and deeper
 * history only while the stale guard still looks for the last deploy.
 */
import { GitError, type Git } from './git.js'
import { pushError } from './push-failure.js'

/** First fetch depth in a shallow clone, then how far each deepening reaches. */
export const FIRST_DEPTH = 20
export const DEEPEN_STEPS = [100, 400]

export class RemoteBranch {
  readonly ref: string
  private fetched = false
  private deepenings = 0

  constructor(
    private readonly git: Git,
    readonly remote: string,
    readonly url: string,
    readonly name: string
  ) {
    this.ref = `refs/remotes/${remote}/${name}`
  }

  /** Fetch the branch; its tip, or undefined when the remote has no such branch yet. */
  async fetchTip(): Promise<string | undefined> {
    const depth = !this.fetched && (await this.git.isShallow()) ? { depth: FIRST_DEPTH } : {}
    try {
      await this.git.fetch(this.remote, this.name, this.ref, depth)
    } catch (error) {
      if (!(error instanceof GitError)) throw error
      const output = error.result.stderr + error.result.stdout
      if (/couldn't find remote ref/i.test(output)) return undefined
      throw pushError('fetch', this.url, this.name, output)
    }
    this.fetched = true
    return this.git.tryRevParse(this.ref)
  }

  /** Fetch older history of the branch; false when there is nothing more (or enough) to fetch. */
  async deepen(): Promise<boolean> {
    if (!this.fetched || this.deepenings >= DEEPEN_STEPS.length || !(await this.git.isShallow())) return false
    const deepen = DEEPEN_STEPS[this.deepenings++]
    try {
      await this.git.fetch(this.remote, this.name, this.ref, { deepen })
    } catch (error) {
      if (!(error instanceof GitError)) throw error
      throw pushError('fetch', this.url, this.name, error.result.stderr + error.result.stdout)
    }
    return true
  }
}
