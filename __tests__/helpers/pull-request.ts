/**
 * A pull request checkout for preview tests: an origin with a base commit and a head commit on
 * a feature branch, the workspace a depth-1 clone of the head, and the pull_request event payload.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { runAction, type ActionRun } from './action.js'
import { writeFiles } from './workspace.js'

export const PR = 42

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim()

export const deployment = (name: string, probe: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: app
        image: registry.example/app:v1
        livenessProbe:
          httpGet: {path: ${probe}, port: 8080}
`
export const secret = (value: string) => `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: ${value}
`
export const overlay = (ns: string) => `resources:\n- ../../base\nnamespace: ${ns}\nimages:\n- name: registry.example/app\n  newTag: v1\n`

export function baseFiles(probe: string, secretValue: string, literal: string, count = 1): Record<string, string> {
  const many = Array.from({ length: count }, (_, i) => deployment(count === 1 ? 'web' : `web-${i}`, probe)).join('---\n')
  return {
    'base/deployment.yaml': many,
    'base/secret.yaml': secret(secretValue),
    'base/kustomization.yaml': `resources:\n- deployment.yaml\n- secret.yaml\nsecretGenerator:\n- name: generated\n  literals:\n  - token=${literal}\n`,
    'overlays/staging/kustomization.yaml': overlay('staging'),
    'overlays/production/kustomization.yaml': overlay('production')
  }
}

export interface Checkout {
  workspace: string
  base: string
  head: string
  eventPath: string
}

/** An origin with a base commit and a pull request head on top; the workspace a depth-1 clone of the head. */
export function pullRequest(base: Record<string, string>, head: Record<string, string>): Checkout {
  const root = mkdtempSync(path.join(tmpdir(), 'kid-preview-'))
  const origin = path.join(root, 'origin')
  git(root, 'init', '-q', '-b', 'main', origin)
  writeFiles(origin, base)
  git(origin, 'add', '-A')
  git(origin, 'commit', '-qm', 'base')
  const baseSha = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'checkout', '-qb', 'feature')
  writeFiles(origin, head)
  git(origin, 'commit', '-qam', 'harden health check')
  const headSha = git(origin, 'rev-parse', 'HEAD')
  const workspace = path.join(root, 'workspace')
  git(root, 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, workspace)
  const eventPath = path.join(root, 'event.json')
  const payload = { action: 'synchronize', number: PR, pull_request: { number: PR, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } } }
  writeFileSync(eventPath, JSON.stringify(payload))
  return { workspace, base: baseSha, head: headSha, eventPath }
}


/** The bundle on a `pull_request` event of `co`, as GitHub runs it, against the API stand-in at `apiUrl` (acme/deploy, run 777). */
export function previewRun(co: Checkout, apiUrl: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    co.workspace,
    { apply: 'false', comment: 'true', token: 'gha-token', images: 'registry.example/app:v2', ...inputs },
    {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: co.eventPath,
      GITHUB_API_URL: apiUrl,
      GITHUB_REPOSITORY: 'acme/deploy',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '777',
      GITHUB_SHA: co.head,
      ...env
    }
  )
}
