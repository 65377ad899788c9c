/**
 * The pull-request preview under API faults and hostile content, through the built bundle under
 * Node 24 against the GitHub API stand-in: a create that fails after GitHub stored the comment,
 * a comment deleted between list and update, rate limits that last an hour or ask for 120 s, a
 * silent API; names and inputs that try to break out of Markdown, HTML or the log; Secret
 * values copied into other objects.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { ActionRun } from '../helpers/action.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import { baseFiles, previewRun, pullRequest, PR, type Checkout } from '../helpers/pull-request.js'

const OWNER = 'acme'
const REPO = 'deploy'
const TOKENS = { 'gha-token': { login: 'github-actions[bot]', type: 'Bot' as const, write: true, readsUser: false } }
const MARKER = '<!-- kustomize-image-deploy:env=staging;path=overlays%2Fstaging -->'
const staging = { path: 'overlays/staging', environment: 'staging' }

let server: GitHubApiServer
let checkout: Checkout

const preview = (co: Checkout, inputs: Record<string, string>, env: Record<string, string> = {}) => previewRun(co, server.url, inputs, env)

const ours = () => server.on(OWNER, REPO, PR)
const warnings = (run: ActionRun) => run.stdout.split('\n').filter(l => l.startsWith('::warning'))
const passed = (run: ActionRun) => expect({ code: run.code, errors: run.stdout.match(/^::error.*/gm) }).toEqual({ code: 0, errors: null })
const creates = () => server.requests.filter(r => r.method === 'POST' && r.path.endsWith(`/issues/${PR}/comments`)).length

beforeAll(async () => {
  server = await GitHubApiServer.start(TOKENS)
  checkout = pullRequest(baseFiles('/healthz', 's3cret-Value-1', 'lit-1'), baseFiles('/livez', 's3cret-Value-1', 'lit-1'))
})
afterAll(async () => server.close())
beforeEach(() => {
  server.comments.splice(0)
  server.faults.clear()
})

describe('comment upsert under API errors', () => {
  it('a create that fails after GitHub stored the comment (502, every time) leaves exactly one comment', async () => {
    server.faults.add({ kind: 'error-after', operation: 'issues/create-comment', status: 502 })
    const before = creates()
    const run = await preview(checkout, staging)
    passed(run)
    expect(ours()).toHaveLength(1)
    expect(creates() - before).toBe(1) // a create is never retried blindly
    expect(run.outputs['comment-url']).toBe(`https://github.example/${OWNER}/${REPO}/pull/${PR}#issuecomment-${ours()[0].id}`)
    expect(warnings(run)).toEqual([])
    const again = await preview(checkout, { ...staging, images: 'registry.example/app:v3' })
    passed(again)
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toContain('registry.example/app:v3')
  })

  it('a comment deleted between the listing and the update is created again, with no warning', async () => {
    server.seed(OWNER, REPO, PR, `${MARKER}\nold preview`, 'github-actions[bot]', 'Bot')
    server.faults.add({ kind: 'delete-before', operation: 'issues/update-comment', count: 1 })
    const run = await preview(checkout, staging)
    passed(run)
    expect(server.faults.injected).toContain('delete-before issues/update-comment')
    expect(ours()).toHaveLength(1)
    expect(ours()[0].body).toContain('+            path: /livez')
    expect(warnings(run)).toEqual([])
    expect(run.stdout).toMatch(/was deleted meanwhile: creating it again/)
  })
})

describe('rate limits and silence never hold the job', () => {
  it('a primary rate limit resetting in an hour: the preview gives up at once with a warning saying until when', async () => {
    server.faults.add({ kind: 'rate-limit', operation: 'issues/list-comments', seconds: 3600 })
    const started = Date.now()
    const run = await preview(checkout, staging)
    passed(run)
    expect(Date.now() - started).toBeLessThan(60_000) // a bound on a wait, not a performance figure
    expect(warnings(run)).toEqual([
      expect.stringMatching(/^::warning::preview: GitHub API rate limit exhausted \(GET \/repos\/acme\/deploy\/issues\/42\/comments\): it resets at \d{4}-\d\d-\d\dT[\d:]+Z, in 60 min, longer than this action waits \(60 s, KID_RATE_LIMIT_MAX_WAIT\); not commenting/)
    ])
    expect(run.stdout).not.toMatch(/retrying in 3\d{3}/)
    expect(run.summary).toContain('+            path: /livez')
    expect(ours()).toHaveLength(0)
  })

  it('retry-after: 120 is not honoured beyond the cap', async () => {
    server.faults.add({ kind: 'retry-after', operation: 'issues/create-comment', seconds: 120 })
    const started = Date.now()
    const run = await preview(checkout, staging)
    passed(run)
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(warnings(run)).toEqual([expect.stringMatching(/secondary rate limit \(POST .*\/comments\): asked to retry after 120 s, longer than this action waits \(60 s/)])
  })

  it('a short rate limit (within the cap) is waited for, then the comment is written', async () => {
    server.faults.add({ kind: 'retry-after', operation: 'issues/create-comment', seconds: 1, count: 1 })
    const run = await preview(checkout, staging)
    passed(run)
    expect(server.faults.injected).toContain('retry-after issues/create-comment')
    expect(ours()).toHaveLength(1)
    expect(warnings(run)).toEqual([])
  })

  it('a silent API: each request gives up after KID_API_TIMEOUT', async () => {
    server.faults.add({ kind: 'silent', operation: 'issues/list-comments' })
    const started = Date.now()
    const run = await preview(checkout, staging, { KID_API_TIMEOUT: '1' })
    passed(run)
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(warnings(run)).toEqual([expect.stringMatching(/^::warning::preview: the GitHub API call failed \(.*no answer to GET \/repos\/acme\/deploy\/issues\/42\/comments within 1 s\)/)])
  })

  it('the preview as a whole is bounded (KID_PREVIEW_TIMEOUT), whatever hangs', async () => {
    server.faults.add({ kind: 'silent' })
    const started = Date.now()
    const run = await preview(checkout, staging, { KID_PREVIEW_TIMEOUT: '2' })
    passed(run)
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(warnings(run)).toEqual([expect.stringMatching(/^::warning::preview: gave up after 2 s \(KID_PREVIEW_TIMEOUT\)/)])
  })
})

describe('a base render that never ends', () => {
  it('is killed when the preview gives up: the step ends, no kubectl is left running, the base work tree is removed', async () => {
    // a kubectl that hangs on the base render only, as kustomize does on a remote base that never answers
    const bin = mkdtempSync(path.join(tmpdir(), 'kid-hung-kubectl-'))
    const wrapper = path.join(bin, 'kubectl')
    writeFileSync(wrapper, `#!/bin/sh\ncase "$*" in *kid-base-*) exec sleep 171 ;; esac\nexec kubectl "$@"\n`, { mode: 0o755 })
    const started = Date.now()
    const run = await preview(checkout, { ...staging, kubectl: wrapper }, { KID_PREVIEW_TIMEOUT: '2' })
    passed(run)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(warnings(run)).toEqual([expect.stringMatching(/^::warning::preview: gave up after 2 s \(KID_PREVIEW_TIMEOUT\)/)])
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toMatch(/^sleep 171$/m)
    expect(execFileSync('git', ['worktree', 'list'], { cwd: checkout.workspace, encoding: 'utf8' }).trim().split('\n')).toHaveLength(1)
  })
})

/** The Markdown with fenced blocks and well-formed code spans removed: what GitHub renders as markup. */
function outsideCode(markdown: string): string {
  const lines: string[] = []
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const open = /^(`{3,})/.exec(line)?.[1]
    if (fence) {
      if (line.startsWith(fence) && line.trim() === fence) fence = undefined
      continue
    }
    if (open) {
      fence = open
      continue
    }
    lines.push(line)
  }
  return lines.join('\n').replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '')
}

describe('untrusted content', () => {
  const EVIL = '<img src=x onerror=alert(1)>'
  const hostile = () => {
    const files = (tag: string) => {
      const f = baseFiles('/healthz', 's3cret-Value-1', 'lit-1')
      f['base/deployment.yaml'] = f['base/deployment.yaml']
        .replace('name: web', `name: "web${EVIL}"`)
        .replace('image: registry.example/app:v1', `image: "registry.example/x\`y${EVIL}:${tag}"`)
      return f
    }
    return pullRequest(files('v1'), files('v2'))
  }

  it('names from the render and the environment input reach neither Markdown, HTML nor the log raw', async () => {
    const co = hostile()
    const run = await preview(co, { path: 'overlays/staging', unmatched: 'warn', environment: `prod ::error title=X::injected ${EVIL}` }) // one line: a line break in `environment` is refused (hostile-names.test.ts)
    expect(run.stdout).not.toMatch(/^::error/m)
    expect(run.stdout.split('\n').filter(l => l.includes('title=X')).every(l => l.startsWith('::debug::') || !l.startsWith('::'))).toBe(true)
    const [comment] = ours()
    for (const markdown of [comment.body, run.summary]) {
      expect(outsideCode(markdown)).not.toContain('<img')
      expect(outsideCode(markdown)).not.toContain('onerror=alert(1)>')
    }
    expect(comment.body).toContain('### Rendered diff: prod ::error title=X::injected &#60;img src=x onerror=alert(1)&#62;')
  })
})

describe('Secret values copied into other objects', () => {
  const VALUE = 'copied-Secret-Value-4471'
  const VALUE_NEW = 'copied-Secret-Value-5582'
  const LITERAL = 'generated-Token-Value-7733'
  const copying = (value: string) => {
    const f = baseFiles('/healthz', value, LITERAL)
    f['base/configmap.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  password: placeholder\n  token: placeholder\n'
    f['base/deployment.yaml'] = f['base/deployment.yaml'].replace('        livenessProbe:', '        env:\n        - name: PASSWORD\n          value: placeholder\n        livenessProbe:')
    f['base/kustomization.yaml'] =
      f['base/kustomization.yaml'].replace('- secret.yaml\n', '- secret.yaml\n- configmap.yaml\n') +
      'replacements:\n' +
      '- source: {kind: Secret, name: db, fieldPath: stringData.password}\n' +
      '  targets:\n' +
      '  - select: {kind: ConfigMap, name: app}\n    fieldPaths: [data.password]\n' +
      '  - select: {kind: Deployment}\n    fieldPaths: ["spec.template.spec.containers.[name=app].env.[name=PASSWORD].value"]\n' +
      '- source: {kind: Secret, name: generated, fieldPath: data.token}\n' +
      '  targets:\n  - select: {kind: ConfigMap, name: app}\n    fieldPaths: [data.token]\n'
    return f
  }

  it('are redacted in the comment, the summary and the diff output, plain and base64, old and new, and the change shows', async () => {
    const co = pullRequest(copying(VALUE), copying(VALUE_NEW))
    const run = await preview(co, staging)
    passed(run)
    const [comment] = ours()
    const everything = [comment.body, run.summary, JSON.stringify(run.outputs), run.stdout, run.stderr].join('\n')
    for (const value of [VALUE, VALUE_NEW, LITERAL]) {
      for (const form of [value, Buffer.from(value).toString('base64')]) expect(everything).not.toContain(form)
    }
    expect(run.outputs.diff).toContain('-  password: (redacted secret value: old)')
    expect(run.outputs.diff).toContain('+  password: (redacted secret value: new)')
    expect(run.outputs.diff).toContain('+          value: (redacted secret value: new)')
  })
})
