/**
 * A deploy repository fixture for commit-back tests: a base Deployment and overlays whose
 * kustomizations set images, served by a GitHttpServer; plus running the bundle on a clone.
 */
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from './action.js'
import { cloneRepo, createRemote, git, GitHttpServer, pushOver, tempDir } from './git-http-server.js'

export const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
        - name: foo
          image: foo
        - name: bar
          image: bar
`

export function overlay(tag = 'dev-1338'): string {
  return `# overlay\nresources:\n  - ../../base\nimages:\n  - name: foo\n    newTag: ${tag}\n  - name: bar\n    newTag: "7"\n`
}

export interface Fixture {
  server: GitHttpServer
  home: string
  bare: string
  initial: string
  /** environment for the bundle: isolated git config, nothing from the test machine's */
  env: Record<string, string>
}

export async function deployRepo(overlays: string[], prefix = 'overlays'): Promise<Fixture> {
  const home = tempDir('kid-home-')
  writeFileSync(path.join(home, 'gitconfig'), '')
  const root = tempDir('kid-remotes-')
  const files: Record<string, string> = {
    'base/deployment.yaml': BASE_DEPLOYMENT,
    'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n'
  }
  for (const name of overlays) files[`${prefix}/${name}/kustomization.yaml`] = overlay()
  const { bare, initial } = createRemote(root, 'deploy.git', files, home)
  const server = await new GitHttpServer(root).start()
  const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home }
  return { server, home, bare, initial, env }
}

/** A fresh clone of the fixture's repository: the workspace of one run. */
export function cloneDeploy(fx: Fixture, extra: string[] = []): Promise<string> {
  return cloneRepo(fx.server, 'deploy.git', path.join(tempDir('kid-ws-'), 'repo'), fx.home, extra)
}

/** Empty commits pushed onto the remote's main, oldest first: source commits for the stale guard. */
export async function sourceCommits(fx: Fixture, count: number): Promise<string[]> {
  const ws = await cloneDeploy(fx)
  const shas: string[] = []
  for (let i = 0; i < count; i++) {
    git(ws, fx.home, 'commit', '--quiet', '--allow-empty', '-m', `source ${i}`)
    shas.push(git(ws, fx.home, 'rev-parse', 'HEAD'))
  }
  await pushOver(fx.server, ws, fx.home, 'origin', 'main')
  return shas
}

/** Run the bundle with commit on (apply off, as runAction defaults). */
export function deploy(fx: Fixture, workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(workspace, { commit: 'true', token: fx.server.token, ...inputs }, { ...fx.env, ...env })
}

/** Reflog entries of the bare remote's branch as [old, new] pairs, oldest first. */
export function remoteReflog(fx: Fixture, branch = 'main'): [string, string][] {
  const out = git(fx.bare, fx.home, 'reflog', 'show', '--format=%H', `refs/heads/${branch}`)
  const news = out.split('\n').filter(Boolean).reverse()
  return news.map((sha, i) => [i === 0 ? '' : news[i - 1], sha])
}

export function isAncestor(fx: Fixture, ancestor: string, descendant: string): boolean {
  try {
    git(fx.bare, fx.home, 'merge-base', '--is-ancestor', ancestor, descendant)
    return true
  } catch {
    return false
  }
}

/** Stdout without the toolkit's add-mask commands (which name the secret by design). */
export function logs(run: ActionRun): string {
  return (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
}
