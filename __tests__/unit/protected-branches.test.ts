/** The pure parts of pull-request mode and signed commits: repository from a remote URL, token precedence, messages. */
import { describe, expect, it } from '@jest/globals'
import { tokenConfig } from '../../src/commit/git-auth.js'
import { deployBranchName } from '../../src/commit/pull-request-mode.js'
import { BODY_MARKER, pullRequestBody } from '../../src/preview/pull-request-body.js'
import { commitInput, isMovedHead, splitMessage } from '../../src/github/graphql.js'
import { deniedMessage, describeToken } from '../../src/github/permission-error.js'
import { repoFromUrl, resolveRepository } from '../../src/github/repository.js'
import type { TargetEdit } from '../../src/edit/edit-targets.js'
import { diffRenders } from '../../src/preview/resource-diff.js'

describe('repoFromUrl', () => {
  it.each([
    ['https://github.com/acme/deploy.git', undefined, 'acme/deploy'],
    ['https://github.com/acme/deploy', undefined, 'acme/deploy'],
    ['https://x-access-token:secret@github.com/acme/deploy.git', undefined, 'acme/deploy'],
    ['git@github.com:acme/deploy.git', undefined, 'acme/deploy'],
    ['ssh://git@github.com/acme/deploy.git', undefined, 'acme/deploy'],
    ['ssh://git@ghe.example.com:2222/acme/deploy.git', 'https://ghe.example.com', 'acme/deploy'],
    ['https://ghe.example.com/acme/deploy.git', 'https://ghe.example.com', 'acme/deploy'],
    ['https://ghe.example.com/acme/deploy.git', undefined, undefined],
    ['https://github.com/acme/deploy.git', 'https://ghe.example.com', undefined],
    ['http://127.0.0.1:8080/acme/deploy.git', 'http://127.0.0.1:8080', 'acme/deploy'],
    ['http://127.0.0.1:9090/acme/deploy.git', 'http://127.0.0.1:8080', undefined],
    ['https://github.com/deploy.git', undefined, undefined],
    ['/srv/git/deploy.git', undefined, undefined],
    ['file:///srv/git/acme/deploy.git', undefined, undefined]
  ])('%s on %s → %s', (url, server, expected) => {
    const repo = repoFromUrl(url, server)
    expect(repo ? `${repo.owner}/${repo.repo}` : undefined).toBe(expected)
  })

  it('falls back to GITHUB_REPOSITORY only for the workspace repository', () => {
    const env = { GITHUB_REPOSITORY: 'acme/app' }
    expect(resolveRepository('/srv/git/x.git', true, env)).toEqual({ owner: 'acme', repo: 'app' })
    expect(() => resolveRepository('/srv/git/x.git', false, env)).toThrow(/cannot tell which GitHub repository the remote \/srv\/git\/x\.git is/)
  })
})

describe('tokenConfig', () => {
  it('resets every persisted header, then sends only the token for this remote', () => {
    const entries = tokenConfig('https://github.com/acme/deploy.git', 'ghs_abc', ['http.https://github.com/.extraheader'])
    expect(entries).toEqual([
      ['http.https://github.com/.extraheader', ''],
      ['http.https://github.com/acme/deploy.git.extraHeader', `AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_abc').toString('base64')}`]
    ])
  })
})

describe('GraphQL inputs', () => {
  it('splits the message into headline and body (trailers stay in the body)', () => {
    expect(splitMessage('deploy(prod): foo 1 → 2\n\nDeploy-Source: abc\n')).toEqual({ headline: 'deploy(prod): foo 1 → 2', body: 'Deploy-Source: abc' })
    expect(splitMessage('one line\n')).toEqual({ headline: 'one line', body: '' })
  })
  it('encodes file contents in base64 and names the branch by repository', () => {
    const input = commitInput({ repo: { owner: 'acme', repo: 'deploy' }, branch: 'main', expectedHeadOid: 'a'.repeat(40), message: 'm', additions: [{ path: 'k.yaml', contents: 'ä\n' }] })
    expect(input).toEqual({
      branch: { repositoryNameWithOwner: 'acme/deploy', branchName: 'main' },
      expectedHeadOid: 'a'.repeat(40),
      fileChanges: { additions: [{ path: 'k.yaml', contents: Buffer.from('ä\n').toString('base64') }] },
      message: { headline: 'm' }
    })
  })
  it.each([
    [{ errors: [{ type: 'STALE_DATA', message: 'x' }] }, true],
    [{ errors: [{ message: 'Expected branch to point to "abc" but it did not. Pull and try again.' }] }, true],
    [{ errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] }, false],
    [new Error('network'), false]
  ])('isMovedHead(%j) = %s', (error, expected) => expect(isMovedHead(error)).toBe(expected))
})

describe('deniedMessage', () => {
  const base = { operation: "createCommitOnBranch on 'main' of acme/deploy", status: 403, detail: 'Resource not accessible by integration', permission: 'contents: write' as const }
  it('names the token and the permission', () => {
    expect(deniedMessage({ ...base, token: describeToken('ghs_x'), fork: false })).toBe(
      "createCommitOnBranch on 'main' of acme/deploy was denied (HTTP 403: Resource not accessible by integration) using the 'token' input " +
        "(an installation token: the workflow GITHUB_TOKEN or a GitHub App token); the token needs 'contents: write' on that repository " +
        '(for the workflow token: permissions: contents: write; for a GitHub App: that repository permission and an installation on the repository)'
    )
  })
  it('for a fork pull request: no permission can be granted, use workflow_run', () => {
    expect(deniedMessage({ ...base, token: describeToken('ghs_x'), fork: true })).toMatch(/pull request from a fork, whose token is read-only: no permission can be granted to it\. Deploy from a workflow triggered by workflow_run/)
  })
  it('401: the token is invalid', () => expect(deniedMessage({ ...base, status: 401, token: describeToken('github_pat_1'), fork: false })).toMatch(/fine-grained personal access token\); the token is invalid or expired/))
})

describe('deployBranchName', () => {
  const edit = { changed: true, target: { rel: 'overlays/prod' }, before: [{ name: 'foo', newTag: '1' }], after: [{ name: 'foo', newTag: '2' }] } as unknown as TargetEdit
  it.each([
    ['deploy/{environment}', 'prod', 'deploy/prod'],
    ['deploy/{environment}', 'overlays/prod', 'deploy/overlays/prod'],
    ['deploy/{environment}-{source-short}', 'my env', 'deploy/my-env-abcdef1'],
    ['deploy/{images}', 'prod', 'deploy/foo-1-→-2']
  ])('%s with %s → %s', (template, environment, expected) => expect(deployBranchName(template, environment, [edit], 'abcdef1234')).toBe(expected))
})

describe('pullRequestBody', () => {
  const secret = (v: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: ${Buffer.from(v).toString('base64')}\n`
  const deployment = (tag: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: foo\n          image: foo:${tag}\n`
  const environment = (name: string, lines = 0) => ({
    environment: name,
    path: `overlays/${name}`,
    diff: diffRenders(deployment('1') + '---\n' + secret('old') + '---\n' + `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${Array.from({ length: lines }, (_, i) => `  k${i}: a\n`).join('')}`,
      deployment('2') + '---\n' + secret('new') + '---\n' + `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${Array.from({ length: lines }, (_, i) => `  k${i}: b${'x'.repeat(60)}\n`).join('')}`)
  })
  const input = { base: 'main', baseTip: 'b'.repeat(40), deployBranch: 'deploy/prod', source: 'c'.repeat(40), sourceRepository: 'acme/app', runUrl: 'https://github.com/acme/app/actions/runs/7', serverUrl: 'https://github.com' }

  it('shows images before → after, the redacted diff, the source commit and the run', () => {
    const body = pullRequestBody({ ...input, environments: [environment('prod')] })
    expect(body.startsWith(BODY_MARKER)).toBe(true)
    expect(body).toContain('| `foo` | `foo:1` | `foo:2` |')
    expect(body).toContain('-          image: foo:1')
    expect(body).toContain('Secret values are not shown. Keys changed: `data.password`.')
    expect(body).not.toContain(Buffer.from('new').toString('base64'))
    expect(body).toContain(`Source commit: [\`${'c'.repeat(12)}\`](https://github.com/acme/app/commit/${'c'.repeat(40)}) of acme/app.`)
    expect(body).toContain('Run: https://github.com/acme/app/actions/runs/7')
    expect(body).toContain('Nothing has been applied')
  })
  it('climbs down the size ladder to fit GitHub\'s limit', () => {
    const body = pullRequestBody({ ...input, environments: [environment('prod', 3000), environment('dev', 3000)] })
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('Run: https://github.com/acme/app/actions/runs/7')
    expect(body).toMatch(/more lines/)
  })
})
