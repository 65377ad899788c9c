/**
 * Drift means drift (issue 9 §3), on the real control plane through the bundle under Node 24:
 * a deploy another run made through git (a matrix leg that pushed first, while this run's
 * checkout is still at GITHUB_SHA) is not drift; a `kubectl set image` behind git's back is; and
 * the live state is read with one list per kind and namespace, not one request per object.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { runAction, type ActionRun } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, kubectlOk, liveImage, requireCluster } from '../helpers/cluster.js'
import { createRemote, git, tempDir } from '../helpers/git-http-server.js'
import { writeFiles } from '../helpers/workspace.js'

const REG = 'registry.example.com/kid'
const logs = (run: ActionRun) => (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
const driftLines = (run: ActionRun) => logs(run).split('\n').filter(l => l.startsWith('::warning::drift:'))

function expectSucceeded(run: ActionRun): void {
  if (run.code !== 0) throw new Error(`the action failed (exit ${run.code}):\n${logs(run)}`)
}

function kustomization(ns: string, names: string[]): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${ns}\nresources:\n${names.map(n => `- ${n}.yaml`).join('\n')}\n`
}

function deploy(ws: string, images: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ws, { path: 'app', images, apply: 'true', kubectl: KUBECTL, timeout: '120s', ...inputs }, env)
}

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('drift is measured against what the branch held before this run', () => {
  it('a matrix leg that pushed and applied first is not drift; a kubectl set image is', async () => {
    const ns = await freshNamespace('kid-drift-matrix')
    const home = tempDir('kid-e2e-home-')
    writeFiles(home, { gitconfig: '' })
    const files = {
      'app/kustomization.yaml': kustomization(ns, ['web', 'api']),
      'app/web.yaml': deployment('web', `${REG}/web:1.0.0`),
      'app/api.yaml': deployment('api', `${REG}/api:1.0.0`)
    }
    const { bare, initial } = createRemote(tempDir('kid-e2e-remotes-'), 'deploy.git', files, home)
    // both legs check out GITHUB_SHA, as actions/checkout does
    const clone = () => {
      const ws = path.join(tempDir('kid-e2e-leg-'), 'repo')
      git(tempDir('kid-e2e-cwd-'), home, 'clone', '--quiet', bare, ws)
      return ws
    }
    const [legWeb, legApi] = [clone(), clone()]
    kubectlOk(['apply', '-k', path.join(legWeb, 'app')])
    const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home, GITHUB_SHA: initial, GITHUB_REF: 'refs/heads/main' }
    const commit = { commit: 'true', environment: 'e2e' }

    const first = await deploy(legWeb, `${REG}/web:2.0.0`, commit, env)
    expectSucceeded(first)
    expect(first.outputs.pushed).toBe('true')
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:2.0.0`)

    kubectlOk(['-n', ns, 'set', 'image', 'deployment/api', `api=${REG}/api:hotfix`])
    const second = await deploy(legApi, `${REG}/api:2.0.0`, commit, env)
    expectSucceeded(second)
    expect(second.outputs.pushed).toBe('true')
    // the second leg's commit sits on the first leg's: its checkout was behind the branch
    expect(git(legApi, home, 'rev-parse', `${second.outputs['commit-sha']}^`)).toBe(first.outputs['commit-sha'])
    expect(driftLines(second)).toEqual([`::warning::drift: deployment/api in ${ns} container api runs ${REG}/api:hotfix, git recorded ${REG}/api:1.0.0; applying ${REG}/api:2.0.0`])
    // the drift table names api (changed behind git's back) and not web (deployed through git)
    expect(second.summary).toContain(`| \`deployment/api\` (\`${ns}\`) |`)
    expect(second.summary).not.toContain('| `deployment/web` (')
    expect(liveImage(ns, 'web')).toBe(`${REG}/web:2.0.0`)
    expect(liveImage(ns, 'api')).toBe(`${REG}/api:2.0.0`)
    // the kustomization is left as committed, not as the tip had it
    expect(git(legApi, home, 'status', '--porcelain')).toBe('')
  })
})

describe('the live read', () => {
  it('twenty Deployments are read with one list, and drift in one of them is found', async () => {
    const ns = await freshNamespace('kid-drift-list')
    const names = Array.from({ length: 20 }, (_, i) => `d${String(i).padStart(2, '0')}`)
    const ws = tempDir('kid-e2e-ws-')
    writeFiles(ws, {
      'app/kustomization.yaml': kustomization(ns, names),
      ...Object.fromEntries(names.map(n => [`app/${n}.yaml`, deployment(n, `${REG}/svc:1`, 'app')]))
    })
    expectSucceeded(await deploy(ws, `${REG}/svc:1`))
    kubectlOk(['-n', ns, 'set', 'image', 'deployment/d07', `app=${REG}/svc:hotfix`])

    const run = await deploy(ws, `${REG}/svc:2`, {}, { RUNNER_DEBUG: '1' })
    expectSucceeded(run)
    expect(driftLines(run)).toEqual([`::warning::drift: deployment/d07 in ${ns} container app runs ${REG}/svc:hotfix, git recorded ${REG}/svc:1; applying ${REG}/svc:2`])
    const gets = logs(run).split('\n').filter(l => /^::debug::kubectl .*\bget\b/.test(l))
    expect(gets).toEqual([`::debug::kubectl --namespace ${ns} get deployment.apps --ignore-not-found -o json`])

    // the same deploy again changes no file: what was rendered before the edit is not rendered twice
    const again = await deploy(ws, `${REG}/svc:2`, {}, { RUNNER_DEBUG: '1' })
    expectSucceeded(again)
    expect(driftLines(again)).toEqual([])
    expect(logs(again).split('\n').filter(l => l.startsWith('::debug::kubectl kustomize'))).toHaveLength(1)
  })
})
