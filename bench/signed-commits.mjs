// Signed commits under contention: 12 legs of the bundle at once, each editing its own overlay
// of one repository, committing through GitHub's GraphQL createCommitOnBranch (sign-commits:
// true) on the loopback GitHub stand-in, whose repository is a real bare repository (served
// over smart HTTP for the fetches; every git push is refused by its pre-receive hook). The
// reference, measured in the same run: 12 legs at once with git push (sign-commits: false).
// The stand-in (TypeScript, in __tests__/helpers) is compiled with tsc into a temporary folder.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { pushLeg, ROOT, report, tempDir } from './lib.mjs'

const LEGS = Number(process.env.KID_BENCH_LEGS || 12)

/** Compile the stand-in helpers (github-api-server and git-http-server and what they import). */
function buildHelpers() {
  const out = tempDir('kid-bench-helpers-')
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n')
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'))
  const helpers = path.join(ROOT, '__tests__', 'helpers')
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
  const args = ['--outDir', out, '--rootDir', helpers, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--noCheck', '--ignoreConfig', '--types', 'node']
  execFileSync(process.execPath, [tsc, ...args, path.join(helpers, 'github-api-server.ts'), path.join(helpers, 'git-http-server.ts')], { stdio: 'inherit' })
  return out
}

const helpers = buildHelpers()
const { GitHubApiServer } = await import(path.join(helpers, 'github-api-server.js'))
const { GitHttpServer, createRemote, cloneRepo, gitEnv } = await import(path.join(helpers, 'git-http-server.js'))

const home = tempDir('kid-bench-home-')
writeFileSync(path.join(home, 'gitconfig'), '')
const env = gitEnv(home)

const overlay = 'resources:\n  - ../../base\nimages:\n  - name: foo\n    newTag: dev-1338\n'
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: foo\n          image: foo\n'

async function fixture(signed) {
  const root = tempDir('kid-bench-remote-')
  const files = { 'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n', 'base/deployment.yaml': deployment }
  for (let i = 1; i <= LEGS; i++) files[`overlays/env-${i}/kustomization.yaml`] = overlay
  const { bare, initial } = createRemote(root, 'acme/deploy.git', files, home)
  if (signed) {
    const hook = path.join(bare, 'hooks', 'pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho "error: GH006: Protected branch update failed." >&2\nexit 1\n')
    chmodSync(hook, 0o755)
  }
  const server = await new GitHttpServer(root).start()
  const api = await GitHubApiServer.start({ [server.token]: { login: 'github-actions[bot]', type: 'Bot', write: true, readsUser: false } })
  api.repos.add('acme/deploy', bare)
  return { bare, initial, server, api }
}

function leg(fx, workspace, i, signed) {
  const dir = tempDir('kid-bench-leg-')
  const files = { GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const inputs = {
    PATH: `overlays/env-${i}`, IMAGES: `foo:build-${i}`, COMMIT: 'true', 'SIGN-COMMITS': String(signed), APPLY: 'false', COMMENT: 'false', 'VERIFY-IMAGES': 'false',
    TOKEN: fx.server.token, 'SOURCE-COMMIT': fx.initial
  }
  const childEnv = { ...env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: dir, GITHUB_SERVER_URL: new URL(fx.server.url('')).origin, GITHUB_API_URL: fx.api.url, ...files }
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k}`] = v
  return pushLeg(workspace, childEnv, `leg ${i}`)
}

async function scenario(signed) {
  const fx = await fixture(signed)
  const workspaces = await Promise.all(Array.from({ length: LEGS }, () => cloneRepo(fx.server, 'acme/deploy.git', path.join(tempDir('kid-bench-ws-'), 'repo'), home, ['--depth', '1'])))
  const start = process.hrtime.bigint()
  const retries = await Promise.all(workspaces.map((ws, i) => leg(fx, ws, i + 1, signed)))
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  const count = Number(execFileSync('git', ['rev-list', '--count', `${fx.initial}..main`], { cwd: fx.bare, env, encoding: 'utf8' }).trim())
  const pushes = fx.server.requests.filter(r => r.startsWith('POST') && r.includes('git-receive-pack')).length
  const mutations = fx.api.graphqlCalls.length
  await fx.server.stop()
  await fx.api.close()
  if (count !== LEGS) throw new Error(`expected ${LEGS} new commits, found ${count}`)
  if (signed && (pushes !== 0 || fx.api.violations.length)) throw new Error(`signed legs pushed (${pushes}) or sent invalid GraphQL: ${fx.api.violations.join('; ')}`)
  return { ms, retries, pushes, mutations }
}

mkdirSync(tempDir('kid-bench-'), { recursive: true })
const pushed = await scenario(false)
const signed = await scenario(true)
const sum = a => a.reduce((x, y) => x + y, 0)
report(`signed commits: ${LEGS} concurrent legs through createCommitOnBranch vs ${LEGS} concurrent git-push legs (loopback)`, [
  [`${LEGS} concurrent signed legs, wall time`, `${Math.round(signed.ms)} ms`],
  ['  retries (total / max per leg)', `${sum(signed.retries)} / ${Math.max(...signed.retries)}`],
  ['  createCommitOnBranch calls / git pushes', `${signed.mutations} / ${signed.pushes}`],
  [`reference: ${LEGS} concurrent git-push legs, wall time`, `${Math.round(pushed.ms)} ms`],
  ['  retries (total / max per leg)', `${sum(pushed.retries)} / ${Math.max(...pushed.retries)}`],
  ['ratio signed / push', (signed.ms / pushed.ms).toFixed(2)]
])
