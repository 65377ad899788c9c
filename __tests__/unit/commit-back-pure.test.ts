/** The pure parts of commit-back: backoff, trailers, message, failure classes, the stale verdict. */
import { describe, expect, it } from '@jest/globals'
import { checkTemplate, describeImages, renderMessage } from '../../src/commit/commit-message.js'
import { keyCovers } from '../../src/commit/git-auth.js'
import { classify, keyLine, redactUrl } from '../../src/commit/push-failure.js'
import { backoffDelay, retry } from '../../src/retry.js'
import { findLastDeploy, judge, relate, type AncestryOracle } from '../../src/commit/stale-guard.js'
import { formatTrailers, imageName, parseTrailers, sameTarget, type DeployRecord } from '../../src/commit/trailers.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

describe('backoffDelay', () => {
  it.each([
    [1, 0, 250], [1, 1, 500], [2, 0, 500], [3, 1, 2000], [5, 0.5, 6000], [9, 1, 8000], [0, 0, 250]
  ])('retry %i with random %f waits %i ms', (n, random, ms) => {
    expect(backoffDelay(n, { baseMs: 500, maxMs: 8000 }, random)).toBe(ms)
  })
})

describe('retry', () => {
  it('retries retryable failures up to the budget, then rethrows', async () => {
    const waits: number[] = []
    let calls = 0
    const failing = retry(async () => { calls++; throw new Error('busy') }, { baseMs: 10, maxMs: 40, retries: 3, retryable: () => true, random: () => 1, sleep: async ms => void waits.push(ms) })
    await expect(failing).rejects.toThrow('busy')
    expect({ calls, waits }).toEqual({ calls: 4, waits: [10, 20, 40] })
  })
  it('does not retry what is not retryable', async () => {
    let calls = 0
    await expect(retry(async () => { calls++; throw new Error('auth') }, { baseMs: 1, maxMs: 1, retries: 5, retryable: () => false, sleep: async () => undefined })).rejects.toThrow('auth')
    expect(calls).toBe(1)
  })
  it('returns the first success and passes the attempt number', async () => {
    expect(await retry(async n => { if (n < 2) throw new Error('x'); return n }, { baseMs: 1, maxMs: 1, retries: 5, retryable: () => true, sleep: async () => undefined })).toBe(2)
  })
})

const record: DeployRecord = { source: A, sourceRepository: 'o/app', run: '7/1', environment: 'prod', paths: ['overlays/prod/kustomization.yaml'], images: ['foo:dev-1339', 'localhost:5000/bar=baz:1'] }

describe('trailers', () => {
  it('round-trips through a commit message', () => {
    const message = renderMessage('deploy({environment}): {images}', { environment: 'prod', images: 'x', paths: '', source: A, 'source-short': '' }, false, formatTrailers(record))
    expect(parseTrailers(message)).toEqual(record)
  })
  it.each([
    ['a plain commit', 'fix: something\n\nbody', undefined],
    ['trailers without a source', 'x\n\nDeploy-Path: a', undefined],
    ['not the last paragraph', `x\n\nDeploy-Source: ${A}\n\nSigned-off-by: me`, undefined]
  ])('%s has no record', (_, message, expected) => expect(parseTrailers(message)).toEqual(expected))
  it.each([
    ['foo:1', 'foo'], ['foo=bar:1', 'foo'], ['localhost:5000/app:1', 'localhost:5000/app'], ['foo@sha256:abc', 'foo'], ['foo', 'foo']
  ])('imageName(%s) = %s', (image, name) => expect(imageName(image)).toBe(name))
  it.each([
    ['overlays/prod/kustomization.yaml', ['foo'], true],
    ['overlays/prod/kustomization.yaml', ['localhost:5000/bar'], true],
    ['overlays/prod/kustomization.yaml', ['other'], false],
    ['overlays/dev/kustomization.yaml', ['foo'], false]
  ])('sameTarget(%s, %j) = %s', (file, names, expected) => expect(sameTarget(record, file, names)).toBe(expected))
})

describe('commit message', () => {
  const values = { environment: 'prod', images: 'foo dev-1338 → dev-1339', paths: 'overlays/prod', source: A, 'source-short': A.slice(0, 7) }
  it.each([
    ['deploy({environment}): {images}', false, 'deploy(prod): foo dev-1338 → dev-1339\n'],
    ['deploy({environment}): {images}', true, 'deploy(prod): foo dev-1338 → dev-1339 [skip ci]\n'],
    ['{paths} at {source-short}\n\nfrom {source}', true, `overlays/prod at aaaaaaa [skip ci]\n\nfrom ${A}\n`],
    ['[ci skip] {environment}', true, '[ci skip] prod\n']
  ])('%j (skip ci %s)', (template, skip, expected) => expect(renderMessage(template, values, skip, [])).toBe(expected))
  it('rejects unknown placeholders naming the input', () => {
    expect(() => checkTemplate('deploy {env}')).toThrow("commit-message: 'deploy {env}' is not valid: unknown placeholder {env}; expected a message using only the placeholders {environment}, {images}, {paths}, {source}, {source-short}")
  })
  it('describes the changed images', () => {
    expect(describeImages([
      { changed: true, before: [{ name: 'foo', newTag: 'dev-1338' }], after: [{ name: 'foo', newTag: 'dev-1339' }, { name: 'bar', newName: 'r/bar', newTag: '2' }] },
      { changed: true, before: [{ name: 'foo', newTag: 'dev-1338' }], after: [{ name: 'foo', newTag: 'dev-1339' }] },
      { changed: false, before: [{ name: 'x', newTag: '1' }], after: [{ name: 'x', newTag: '2' }] }
    ])).toBe('foo dev-1338 → dev-1339, bar → r/bar:2')
  })
})

describe('push failures', () => {
  it.each([
    ['remote: error: GH006: Protected branch update failed for refs/heads/main.\n ! [remote rejected] HEAD -> main (pre-receive hook declined)', 'protected'],
    ['remote: error: GH013: Repository rule violations found for refs/heads/main.', 'protected'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth'],
    ['remote: Permission to o/r.git denied to github-actions[bot].\nfatal: unable to access: The requested URL returned error: 403', 'auth'],
    [' ! [rejected]        HEAD -> main (fetch first)', 'rejected'],
    ["! [remote rejected] HEAD -> main (cannot lock ref 'refs/heads/main': is at 1 but expected 2)", 'rejected'],
    ['fatal: unable to access: Could not resolve host: github.com', 'transient'],
    ['fatal: something else', 'other'],
    ["fatal: unable to access 'http://127.0.0.1:1/r/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server", 'transient'],
    ["fatal: unable to access 'http://h/r/': Recv failure: Connection reset by peer", 'transient'],
    ['error: RPC failed; curl 52 Empty reply from server', 'transient'],
    ['fatal: git fetch timed out after 60 s (no answer from the remote)', 'transient'],
    ['remote: policy: no deploys on Friday\n!\trefs/heads/main:refs/heads/main\t[remote rejected] (pre-receive hook declined)', 'protected'],
    ['remote: error: cannot lock ref refs/heads/main: freeze\n!\tX:refs/heads/main\t[remote rejected] (hook declined)', 'protected'],
    ['remote: cannot lock ref (just words)\nremote: connection reset\nfatal: something else', 'other'],
    ['!\tX:refs/heads/main\t[rejected] (stale info)', 'rejected']
  ])('%j is %s', (output, kind) => expect(classify(output)).toBe(kind))
  it('picks the telling line and strips credentials from URLs', () => {
    expect(keyLine('To http://x\nremote: error: GH006: Protected branch update failed.\n! [remote rejected]')).toBe('GH006: Protected branch update failed.')
    expect(redactUrl('https://x-access-token:secret@github.com/o/r')).toBe('https://github.com/o/r')
  })
  it.each([
    [
      'a hook\'s own words, not the generic line (porcelain puts the rejection on stdout)',
      'remote: policy: deploys are frozen\nerror: failed to push some refs to \'http://h/r\'\nTo http://h/r\n!\tX:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone',
      'policy: deploys are frozen'
    ],
    ['the rejection reason', 'error: failed to push some refs\nTo http://h/r\n!\tX:refs/heads/main\t[rejected] (stale info)\nDone', '[rejected] (stale info)'],
    ['a fatal line', "fatal: unable to access 'http://h/r/': Recv failure: Connection reset by peer", "unable to access 'http://h/r/': Recv failure: Connection reset by peer"],
    ['progress is never the reason', 'remote: Counting objects: 3\nremote: nope\n!\tX:refs/heads/main\t[remote rejected] (pre-receive hook declined)', 'nope']
  ])('keyLine: %s', (_, output, line) => expect(keyLine(output)).toBe(line))
  it.each([
    ['http.https://github.com/.extraheader', 'https://github.com/o/r', true],
    ['http.extraheader', 'https://example.com/o/r', true],
    ['http.https://github.com/o/r.extraheader', 'https://github.com/o/r.git', false],
    ['http.https://github.com/o.extraheader', 'https://github.com/o/r', true],
    ['http.https://gitlab.com/.extraheader', 'https://github.com/o/r', false]
  ])('%s covers %s: %s', (key, url, expected) => expect(keyCovers(key, url)).toBe(expected))
})

describe('stale guard', () => {
  const ours = { sha: B, repository: 'o/app' }
  const last = { commit: 'c'.repeat(40), record }
  it.each([
    ['newer', false, true, /stale run: the last deploy came from aaaaaaa .* newer than this run's source bbbbbbb/],
    ['newer', true, false, /rolling back from aaaaaaa/],
    ['unknown', false, false, /cannot tell/],
    ['same', false, false, undefined],
    ['older', false, false, undefined],
    ['diverged', false, false, undefined]
  ] as const)('%s (allow-downgrade %s): refuse %s', (relation, allow, refuse, warning) => {
    const verdict = judge('p', ours, last, { relation }, allow)
    expect(verdict.refuse).toBe(refuse)
    if (warning) expect(verdict.warning).toMatch(warning)
    else expect(verdict.warning).toBeUndefined()
  })
  const prod = 'overlays/prod/kustomization.yaml'
  const file = (tag: string) => `resources: [../../base]\nimages:\n  - name: foo\n    newTag: ${tag}\n`
  /** commit sha → the file at that commit ('N^' is the commit before N) */
  const history: Record<string, string> = { '1': file('dev-1339'), '2': file('dev-1339'), '3': file('dev-1339'), '4': file('dev-1338'), '5': file('dev-1338') }
  const read = async (rev: string) => history[rev.endsWith('^') ? String(Number(rev.slice(0, -1)) + 1) : rev]
  const whole = { ...record, images: ['foo:dev-1339'] }
  const message = (subject: string, r: DeployRecord) => `${subject}\n\n${formatTrailers(r).join('\n')}`
  it('finds the newest trusted deploy of the same target', async () => {
    const commits = [
      { sha: '1', message: message('x', { ...whole, paths: ['overlays/dev/kustomization.yaml'] }) },
      { sha: '2', message: 'plain' },
      { sha: '3', message: message('y', whole) }
    ]
    expect((await findLastDeploy(commits, prod, ['foo'], read)).last?.commit).toBe('3')
    expect((await findLastDeploy(commits, prod, ['zzz'], read)).last).toBeUndefined()
  })
  it.each([
    ['a lone Deploy-Source and Deploy-Path', `x\n\nDeploy-Source: ${B}\nDeploy-Path: ${prod}`, /not the action's whole block \(no Deploy-Run, Deploy-Environment, Deploy-Image\)/],
    ['no Deploy-Run', message('x', { ...whole, run: '' }), /no Deploy-Run\)/],
    ['a whole block on a commit that does not make its edit', message('x', { ...whole, images: ['foo:dev-1340'] }), /not the images edit it names/],
    ['a whole block naming the value the file already held', message('x', whole), /not the images edit it names/],
    ['an unreadable Deploy-Image', message('x', { ...whole, images: ['foo@@x'] }), /cannot be read/]
  ])('%s is not trusted; the older real deploy is found', async (_, forged, why) => {
    const commits = [
      { sha: '1', message: forged },
      { sha: '3', message: message('deploy', whole) }
    ]
    const found = await findLastDeploy(commits, prod, ['foo'], read)
    expect(found.last?.commit).toBe('3')
    expect(found.skipped).toEqual([expect.stringMatching(why)])
  })
  it('a digest pin-digest wrote beside the argument is the same edit', async () => {
    const pinned = async (rev: string) => (rev === '9' ? file('dev-1339\n    digest: sha256:' + 'c'.repeat(64)) : file('dev-1338'))
    expect((await findLastDeploy([{ sha: '9', message: message('deploy', whole) }], prod, ['foo'], pinned)).last?.commit).toBe('9')
  })
  const oracle = (graph: Record<string, boolean | undefined>, complete: boolean, compare?: AncestryOracle['compare']): AncestryOracle => ({
    isAncestor: async (a, d) => graph[`${a}>${d}`],
    complete: async () => complete,
    compare
  })
  it.each([
    ['same commit', oracle({}, true), A, 'same'],
    ['theirs descends', oracle({ [`${B}>${A}`]: true }, true), A, 'newer'],
    ['ours descends', oracle({ [`${B}>${A}`]: false, [`${A}>${B}`]: true }, true), A, 'older'],
    ['full history, neither', oracle({ [`${B}>${A}`]: false, [`${A}>${B}`]: false }, true), A, 'diverged'],
    ['shallow, neither, no API', oracle({ [`${B}>${A}`]: false, [`${A}>${B}`]: false }, false), A, 'unknown'],
    ['missing, API ahead', oracle({}, true, async () => 'ahead'), A, 'newer'],
    ['missing, API behind', oracle({}, true, async () => 'behind'), A, 'older']
  ])('%s', async (_, o, theirs, relation) => {
    const sha = _ === 'same commit' ? B : theirs
    expect((await relate(o, ours, { sha, repository: 'o/app' })).relation).toBe(relation)
  })
  it('another repository cannot be compared', async () => {
    expect(await relate(oracle({}, true), ours, { sha: A, repository: 'o/other' })).toMatchObject({ relation: 'unknown' })
  })
})
