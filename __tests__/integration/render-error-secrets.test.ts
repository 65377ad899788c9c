/**
 * kustomize's error text quotes secretGenerator literals (a literal written with `:` instead of
 * `=` fails the render and names every literal of that generator). The bundle, with the real
 * `kubectl kustomize`, shows the error with the literals' keys and never their values: not in
 * the annotation, the log, the job summary nor the outputs; whether the generator is the
 * target's own or a base's, and in a run that applies (which renders before the edit too).
 */
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { runAction, type ActionRun } from '../helpers/action.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: ghcr.io/example/web:1\n'
const KUBECONFIG = 'apiVersion: v1\nkind: Config\nclusters:\n- name: ci\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: ci\n  user: {token: not-a-real-token}\ncontexts:\n- name: ci\n  context: {cluster: ci, user: ci}\ncurrent-context: ci\n'

const secret = () => randomBytes(8).toString('hex')
const everything = (run: ActionRun) => [run.stdout.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n')

function workspace(inBase: boolean, good: string, bad: string): string {
  const generator = `secretGenerator:\n- name: db\n  literals:\n  - user=${good}\n  - password:${bad}\n`
  const ws = tempDir('kid-literal-')
  writeFiles(ws, {
    'base/deployment.yaml': DEPLOYMENT,
    'base/kustomization.yaml': `resources:\n- deployment.yaml\n${inBase ? generator : ''}`,
    'app/kustomization.yaml': `resources:\n- ../base\n${inBase ? '' : generator}`
  })
  return ws
}

describe('a render error that quotes secretGenerator literals', () => {
  it.each([
    ['the target\'s own generator', false, 'false'],
    ['a base\'s generator', true, 'false'],
    ['a run that applies', false, 'true']
  ])('%s: the error names the literal by its key, its value is shown nowhere', async (_name, inBase, apply) => {
    const [good, bad] = [secret(), secret()]
    const ws = workspace(inBase, good, bad)
    const run = await runAction(ws, { path: 'app', images: 'ghcr.io/example/web:2', apply, ...(apply === 'true' ? { kubeconfig: KUBECONFIG } : {}) })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::app: kubectl kustomize failed: .*invalid literal source password:\(redacted secret literal\), expected key=value/m)
    expect(run.stdout).toMatch(/literal sources \[user=\(redacted secret literal\) password:\(redacted secret literal\)\]/)
    for (const value of [good, bad]) expect(everything(run)).not.toContain(value)
  })
})
