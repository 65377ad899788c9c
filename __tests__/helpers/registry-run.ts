/**
 * The bundle run against the test registries: a workspace whose pod runs `<image>:v0`, a Docker
 * config of the test's making (DOCKER_CONFIG, and HOME moved so the machine's own
 * ~/.docker is never read), the test CA in NODE_EXTRA_CA_CERTS, registry lookups on.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runAction, type ActionRun } from './action.js'
import { tempDir } from './git-http-server.js'
import type { TestCA } from './registry-ca.js'
import { pod, writeFiles } from './workspace.js'

/** `app/` renders `image:v0`; its kustomization has a comment and no images yet. */
export function imageWorkspace(image: string, kustomization = '# the web app\nresources:\n- pod.yaml\n'): string {
  const ws = tempDir('kid-verify-')
  writeFiles(ws, { 'app/kustomization.yaml': kustomization, 'app/pod.yaml': pod(`${image}:v0`) })
  return ws
}

export interface RegistryEnv {
  dockerConfig?: unknown
  /** docker-credential-<name> scripts (name → bash body) put on PATH */
  helpers?: Record<string, string>
  env?: Record<string, string>
}

/** A HOME with the given Docker config and helpers; the environment the bundle runs with. */
export function registryEnv(ca: TestCA, { dockerConfig, helpers = {}, env = {} }: RegistryEnv): Record<string, string> {
  const home = tempDir('kid-verify-home-')
  const docker = path.join(home, '.docker')
  mkdirSync(docker)
  if (dockerConfig !== undefined) writeFileSync(path.join(docker, 'config.json'), JSON.stringify(dockerConfig))
  const bin = path.join(home, 'bin')
  mkdirSync(bin)
  for (const [name, body] of Object.entries(helpers)) {
    const file = path.join(bin, `docker-credential-${name}`)
    writeFileSync(file, `#!/usr/bin/env bash\nset -euo pipefail\n${body}\n`)
    chmodSync(file, 0o755)
  }
  return { HOME: home, DOCKER_CONFIG: docker, NODE_EXTRA_CA_CERTS: ca.caFile, PATH: `${bin}:${process.env.PATH}`, ...env }
}

/** The bundle on `app/` with `images`, registry lookups on (`verify-images` as given, default auto). */
export function runVerify(ws: string, inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  return runAction(ws, { path: 'app', 'verify-images': 'auto', ...inputs }, env)
}

export const annotations = (run: ActionRun, kind: 'error' | 'warning') => run.stdout.split('\n').filter(l => l.startsWith(`::${kind}`))

export const basicAuth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64')
