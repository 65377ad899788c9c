import { describe, expect, it } from '@jest/globals'
import { checkRollback, parseCommit, type DryRun } from '../../src/input-values.js'

describe('checkRollback: rollback: true needs commit: true', () => {
  it.each<[boolean, string, DryRun, string | undefined]>([
    [true, 'true', 'none', undefined],
    [false, 'false', 'none', undefined],
    [false, 'pull-request', 'none', undefined],
    [true, 'false', 'none', "rollback: 'true' is not valid: a rollback is a commit pushed to the branch, and 'commit: false' pushes nothing; expected 'commit: true' (or rollback: false)"],
    [true, '', 'none', "and 'commit: false' pushes nothing"],
    [true, 'pull-request', 'none', "rollback: 'true' is not valid: 'commit: pull-request' applies nothing in this run, so nothing can roll back; expected 'commit: true' (or rollback: false)"],
    // a dry run pushes and applies nothing: rollback is not used, and not refused
    [true, 'false', 'server', undefined],
    [true, 'pull-request', 'client', undefined]
  ])('rollback %p, commit %p, dry-run %p', (rollback, commit, dryRun, error) => {
    const check = () => checkRollback(rollback, parseCommit(commit), dryRun)
    if (error) expect(check).toThrow(error)
    else expect(check).not.toThrow()
  })
})
