/**
 * The pull-request preview, end to end: real git repositories (a shallow checkout of the head,
 * the base fetched on demand), real `kubectl kustomize`, the built bundle under Node 24 with a
 * pull_request event payload, and the GitHub API stand-in checked against the OpenAPI
 * description.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { BODY_LIMIT, GitHubApiServer } from '../helpers/github-api-server.js'
import { baseFiles, git, previewRun, pullRequest, PR, type Checkout } from '../helpers/pull-request.js'

const OWNER = 'acme'
const REPO = 'deploy'
const SECRET = 'hunter2-Correct-Horse-9271'
const SECRET_NEW = 'rotated-Battery-Staple-5530'
const LITERAL = 'generated-Literal-Value-8812'
const LITERAL_NEW = 'generated-Literal-Value-9913'
const TOKENS = {
  'gha-token': { login: 'github-actions[bot]', type: 'Bot' as const, write: true, readsUser: false },
  'pat-token': { login: 'deploy-bot', type: 'User' as const, write: true, readsUser: true },
  'read-only-token': { login: 'github-actions[bot]', type: 'Bot' as const, write: false, readsUser: false }
}

let server: GitHubApiServer

const preview = (co: Checkout, inputs: Record<string, string>, token = 'gha-token', env: Record<string, string> = {}) => previewRun(co, server.url, { token, ...inputs }, env)

const staging = { path: 'overlays/staging', environment: 'staging' }
const production = { path: 'overlays/production', environment: 'production' }
const ours = () => server.on(OWNER, REPO, PR)
const clear = () => server.comments.splice(0)
const ok = (run: ActionRun) => expect({ code: run.code, stderr: run.stderr, failed: run.stdout.match(/::error::.*/g) }).toEqual({ code: 0, stderr: '', failed: null })

beforeAll(async () => {
  server = await GitHubApiServer.start(TOKENS)
})
afterAll(async () => {
  await server.close()
})

describe('pull request preview', () => {
  const co = () => pullRequest(baseFiles('/healthz', SECRET, LITERAL), baseFiles('/livez', SECRET_NEW, LITERAL_NEW))
  let checkout: Checkout

  beforeAll(() => {
    checkout = co()
  })

  it('creates one comment per environment, then updates it in place', async () => {
    clear()
    const first = await preview(checkout, staging)
    ok(first)
    expect(ours()).toHaveLength(1)
    const [comment] = ours()
    expect(comment.body.startsWith('<!-- kustomize-image-deploy:env=staging;path=overlays%2Fstaging -->\n')).toBe(true)
    expect(comment.body).toContain('-            path: /healthz')
    expect(comment.body).toContain('+            path: /livez')
    expect(comment.body).toContain('| `registry.example/app` | `registry.example/app:v1` | `registry.example/app:v2` |')
    expect(comment.body).toContain(`\`${checkout.base.slice(0, 7)}\` → \`${checkout.head.slice(0, 7)} + this edit\``)
    expect(first.outputs['comment-url']).toBe(`https://github.example/${OWNER}/${REPO}/pull/${PR}#issuecomment-${comment.id}`)
    expect(first.outputs.diff).toContain('+++ Deployment staging/web (apps/v1)')
    expect(first.summary).toContain('### Rendered diff: staging')

    const second = await preview(checkout, { ...staging, images: 'registry.example/app:v3' })
    ok(second)
    expect(ours().map(c => c.id)).toEqual([comment.id])
    expect(ours()[0].body).toContain('`registry.example/app:v3`')
    expect(server.requests.filter(r => r.path.endsWith('/comments') && r.status === 201)).toHaveLength(1)

    const other = await preview(checkout, production)
    ok(other)
    expect(ours()).toHaveLength(2)
    expect(ours()[1].body).toContain('env=production;path=overlays%2Fproduction')
    expect(ours()[0].body).toContain('`registry.example/app:v3`')
    expect(server.violations).toEqual([])
  })

  it('leaves the workspace alone: only the edited kustomization differs, no extra work tree', async () => {
    const fresh = co()
    ok(await preview(fresh, staging))
    expect(git(fresh.workspace, 'status', '--porcelain')).toBe('M overlays/staging/kustomization.yaml')
    expect(git(fresh.workspace, 'worktree', 'list').split('\n')).toHaveLength(1)
    expect(git(fresh.workspace, 'rev-parse', 'HEAD')).toBe(fresh.head)
  })

  it('never shows a Secret value, plain or base64, in the comment, summary, outputs or log', async () => {
    clear()
    const run = await preview(checkout, staging)
    ok(run)
    const [comment] = ours()
    expect(comment.body).toMatch(/Secret values are not shown\. Keys changed: `stringData\.password`/)
    const everything = [comment.body, run.summary, JSON.stringify(run.outputs), run.stdout, run.stderr].join('\n')
    for (const value of [SECRET, SECRET_NEW, LITERAL, LITERAL_NEW]) {
      for (const form of [value, Buffer.from(value).toString('base64'), Buffer.from(`token=${value}`).toString('base64')]) {
        expect(everything).not.toContain(form)
      }
    }
  })

  it('pages through more than 100 comments and touches only its own', async () => {
    clear()
    for (let i = 0; i < 130; i++) server.seed(OWNER, REPO, PR, `review comment ${i}`, `reviewer-${i % 3}`)
    const marker = '<!-- kustomize-image-deploy:env=staging;path=overlays%2Fstaging -->'
    const copied = server.seed(OWNER, REPO, PR, `${marker}\nsomeone copied the marker`, 'mallory')
    const mine = server.seed(OWNER, REPO, PR, `${marker}\nold preview`, 'github-actions[bot]', 'Bot')
    const run = await preview(checkout, staging)
    ok(run)
    expect(ours()).toHaveLength(132)
    expect(ours().find(c => c.id === mine.id)!.body).toContain('+            path: /livez')
    expect(ours().find(c => c.id === copied.id)!.body).toBe(`${marker}\nsomeone copied the marker`)
    expect(server.requests.some(r => /\/comments\?.*page=2/.test(r.path))).toBe(true)
    expect(server.violations).toEqual([])
  })

  it('cleans up a duplicate created by a concurrent run, keeping the oldest', async () => {
    clear()
    server.beforeCreate = (owner, repo, issue, body, token) => server.seed(owner, repo, issue, body.replace(/\n[\s\S]*/, '\nfrom the other run'), token.login, token.type)
    try {
      ok(await preview(checkout, staging, 'pat-token'))
    } finally {
      server.beforeCreate = undefined
    }
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toContain('+            path: /livez')
    expect(ours()[0].login).toBe('deploy-bot')
    expect(server.requests.filter(r => r.status === 204)).not.toHaveLength(0)
    expect(server.violations).toEqual([])
  })

  it('a read-only token warns and keeps the diff in the summary, without failing the job', async () => {
    clear()
    const run = await preview(checkout, staging, 'read-only-token')
    ok(run)
    expect(ours()).toHaveLength(0)
    expect(run.stdout).toMatch(/::warning::preview: the token cannot comment on this pull request .*HTTP 403/)
    expect(run.stdout).toContain('pull-requests: write')
    expect(run.summary).toContain('+            path: /livez')
    expect(run.outputs['comment-url']).toBe('')
    expect(server.violations).toEqual([])
  })

  it('on a pull request from a fork, does not ask for a permission its token can never get', async () => {
    clear()
    const event = JSON.parse(readFileSync(checkout.eventPath, 'utf8'))
    event.pull_request.base.repo = { full_name: `${OWNER}/${REPO}` }
    event.pull_request.head.repo = { full_name: `contributor/${REPO}` }
    const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'kid-fork-')), 'event.json')
    writeFileSync(eventPath, JSON.stringify(event))
    const run = await preview({ ...checkout, eventPath }, staging, 'read-only-token')
    ok(run)
    expect(ours()).toHaveLength(0)
    const warning = run.stdout.match(/::warning::preview: .*/)?.[0] ?? ''
    expect(warning).toMatch(/from a fork.*read-only.*workflow_run.*HTTP 403/)
    expect(warning).not.toContain('pull-requests: write')
    expect(run.summary).toContain('+            path: /livez')
  })

  it('an unknown token (401) is a warning too', async () => {
    clear()
    const run = await preview(checkout, staging, 'revoked-token')
    ok(run)
    expect(run.stdout).toMatch(/::warning::preview: .*HTTP 401/)
  })
})

describe('push events', () => {
  it('summarise the before → after render of the deploy, without commenting', async () => {
    clear()
    const checkout = pullRequest(baseFiles('/healthz', SECRET, LITERAL), baseFiles('/livez', SECRET_NEW, LITERAL_NEW))
    const requests = server.requests.length
    const run = await runAction(
      checkout.workspace,
      { apply: 'false', comment: 'true', token: 'gha-token', images: 'registry.example/app:v2', ...staging },
      { GITHUB_EVENT_NAME: 'push', GITHUB_API_URL: server.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_SHA: checkout.head }
    )
    ok(run)
    expect(run.summary).toContain('**1 changed**, **0 added**, **0 removed**, 2 unchanged')
    expect(run.summary).toContain('+      - image: registry.example/app:v2')
    expect(run.summary).not.toContain('+            path: /livez')
    expect(run.outputs['comment-url']).toBe('')
    expect(server.requests.length).toBe(requests)
  })
})

describe('a 3,000-resource change', () => {
  it('keeps the comment within the limit and the full diff in the summary', async () => {
    clear()
    const checkout = pullRequest(baseFiles('/healthz', SECRET, LITERAL, 3000), baseFiles('/livez', SECRET, LITERAL, 3000))
    // about sizes, not time: a loaded machine may render 3,000 resources slower than the preview's bound
    const run = await preview(checkout, staging, 'gha-token', { KID_PREVIEW_TIMEOUT: '1200' })
    ok(run)
    const [comment] = ours()
    expect(comment.body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(comment.body).toContain('**3000 changed**')
    expect(comment.body).toContain('The full redacted diff is in the [job summary](https://github.example/acme/deploy/actions/runs/777)')
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024)
    expect(run.summary).toContain('Deployment staging/web-2999 (apps/v1)</code>')
    expect(server.requests.filter(r => r.status === 422)).toHaveLength(0)
    expect(server.violations).toEqual([])
  }, 300_000)
})

describe('the stand-in answers like GitHub', () => {
  it('rejects a comment body over 65,536 characters with 422', async () => {
    const res = await fetch(`${server.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments`, {
      method: 'POST',
      headers: { authorization: 'token gha-token', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x'.repeat(BODY_LIMIT + 1) })
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { message: string }).message).toBe('Validation Failed')
    expect(server.violations).toEqual([])
  })

  it('records a request the description does not allow', async () => {
    const before = server.violations.length
    await fetch(`${server.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments`, {
      method: 'POST',
      headers: { authorization: 'token gha-token', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'no body field' })
    })
    expect(server.violations.slice(before)).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments: body: missing required 'body'"])
    server.violations.splice(before)
  })
})

