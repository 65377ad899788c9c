/**
 * Names from a pull request that reach the cluster phase, on the real control plane through the
 * bundle under Node 24: object names, namespaces, container names and images holding a line
 * break and a workflow command, and the legacy `##[cmd]` form. kubectl's messages quote them
 * (the apiserver refuses such names); nothing the action logs may start a command it did not
 * intend.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/action.js'
import { deleteNamespaces, deployment, freshNamespace, KUBECTL, requireCluster } from '../helpers/cluster.js'
import { forgedCommands, workflowCommands } from '../helpers/workflow-commands.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const REG = 'registry.example.com/kid'

beforeAll(requireCluster)
afterAll(deleteNamespaces)

describe('hostile names in the render', () => {
  it('an object name, a container and an image holding commands: refused by the cluster, no forged command in the log', async () => {
    const ns = await freshNamespace('kid-hostile')
    const ws = tempDir('kid-e2e-hostile-')
    writeFiles(ws, {
      'app/kustomization.yaml': `namespace: ${ns}\nresources:\n- web.yaml\n- cm.yaml\n`,
      'app/web.yaml': deployment('web', `${REG}/web:1.0.0`, 'c\\n::error title=forged::owned'),
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\\n::error title=forged::owned ##[error title=forged;]owned"\n  annotations:\n    note: "\\n::warning title=forged::owned"\ndata:\n  k: "\\n::error title=forged::owned"\n'
    })
    const run = await runAction(ws, { path: 'app', images: `${REG}/web:1.0.1`, apply: 'true', kubectl: KUBECTL, timeout: '30s' }, { GITHUB_EVENT_NAME: 'push' })
    expect(forgedCommands(run.stdout)).toEqual([])
    expect(run.code).toBe(1)
    // kubectl's refusal quotes the hostile name: it did reach the log, escaped
    expect(workflowCommands(run.stdout).filter(c => c.name === 'error').map(c => c.data).join('\n')).toContain('title=forged::owned')
  })
})
