// Commit-back under contention: twelve runs of the bundle at once, each editing its own overlay
// and pushing to the same branch of a bare remote served by `git http-backend` on 127.0.0.1.
// Prints the wall time and the retries used (parsed from the bundle's logs), and as the
// reference, measured in the same run, the same twelve legs one after another.
import { execFile, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { pushLeg, report, tempDir } from './lib.mjs'

const LEGS = Number(process.env.KID_BENCH_LEGS || 12)
const run = promisify(execFile)
const home = tempDir('kid-bench-home-')
writeFileSync(path.join(home, 'gitconfig'), '')
const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com'
}
const token = `bench-${process.pid}-${Date.now()}`
const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`

/** git http-backend as a CGI behind a Basic-auth check. */
function serve(root) {
  const server = createServer((req, res) => {
    const auth = /^basic (.+)$/i.exec(req.headers.authorization ?? '')
    if (!auth || !Buffer.from(auth[1], 'base64').toString().endsWith(`:${token}`)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' })
      return res.end()
    }
    const url = new URL(req.url, 'http://x')
    const env = {
      ...gitEnv, GIT_PROJECT_ROOT: root, GIT_HTTP_EXPORT_ALL: '1', REQUEST_METHOD: req.method, PATH_INFO: url.pathname,
      QUERY_STRING: url.search.slice(1), CONTENT_TYPE: req.headers['content-type'] ?? '', REMOTE_USER: 'bench', REMOTE_ADDR: '127.0.0.1',
      GIT_PROTOCOL: req.headers['git-protocol'] ?? ''
    }
    if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length']
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding']
    const cgi = spawn('git', ['http-backend'], { env })
    req.pipe(cgi.stdin)
    let head = Buffer.alloc(0)
    let body = false
    cgi.stdout.on('data', chunk => {
      if (body) return res.write(chunk)
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      const headers = {}
      let status = 200
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name, ...rest] = line.split(':')
        if (name.toLowerCase() === 'status') status = Number(rest.join(':').trim().split(' ')[0])
        else headers[name] = rest.join(':').trim()
      }
      res.writeHead(status, headers)
      body = true
      res.write(head.subarray(end + 4))
    })
    cgi.on('close', () => res.end())
  })
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)))
}

function createRemote(root) {
  const bare = path.join(root, 'deploy.git')
  execFileSync('git', ['init', '-q', '--bare', '--initial-branch=main', bare], { env: gitEnv })
  const seed = tempDir('kid-bench-seed-')
  execFileSync('git', ['init', '-q', '--initial-branch=main', seed], { env: gitEnv })
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(seed, file)), { recursive: true })
    writeFileSync(path.join(seed, file), text)
  }
  write('base/kustomization.yaml', 'resources:\n  - deployment.yaml\n')
  write('base/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: foo\n          image: foo\n')
  for (let i = 1; i <= LEGS; i++) write(`overlays/env-${i}/kustomization.yaml`, 'resources:\n  - ../../base\nimages:\n  - name: foo\n    newTag: dev-1338\n')
  execFileSync('git', ['add', '-A'], { cwd: seed, env: gitEnv })
  execFileSync('git', ['commit', '-qm', 'initial'], { cwd: seed, env: gitEnv })
  execFileSync('git', ['push', '-q', bare, 'main'], { cwd: seed, env: gitEnv })
  return { bare, initial: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: seed, encoding: 'utf8' }).trim() }
}

/** One leg: the bundle under Node 24 with INPUT_* as the runner sets them. */
function leg(workspace, i, source) {
  const dir = tempDir('kid-bench-leg-')
  const files = { GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const inputs = { PATH: `overlays/env-${i}`, IMAGES: `foo:build-${i}`, COMMIT: 'true', APPLY: 'false', COMMENT: 'false', 'VERIFY-IMAGES': 'false', TOKEN: token, 'SOURCE-COMMIT': source }
  const env = { ...gitEnv, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: dir, ...files }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k}`] = v
  return pushLeg(workspace, env, `leg ${i}`)
}

async function scenario(concurrent) {
  const root = tempDir('kid-bench-remote-')
  const { initial } = createRemote(root)
  const server = await serve(root)
  const url = `http://127.0.0.1:${server.address().port}/deploy.git`
  const workspaces = await Promise.all(
    Array.from({ length: LEGS }, async (_, i) => {
      const ws = path.join(tempDir('kid-bench-ws-'), 'repo')
      await run('git', ['-c', `http.extraheader=${header}`, 'clone', '-q', '--depth', '1', url, ws], { env: gitEnv })
      return ws
    })
  )
  const start = process.hrtime.bigint()
  let retries = []
  if (concurrent) retries = await Promise.all(workspaces.map((ws, i) => leg(ws, i + 1, initial)))
  else for (const [i, ws] of workspaces.entries()) retries.push(await leg(ws, i + 1, initial))
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  const count = Number(execFileSync('git', ['rev-list', '--count', `${initial}..main`], { cwd: path.join(root, 'deploy.git'), encoding: 'utf8' }).trim())
  server.close()
  if (count !== LEGS) throw new Error(`expected ${LEGS} new commits, found ${count}`)
  return { ms, retries }
}

const together = await scenario(true)
const sequential = await scenario(false)
const sum = a => a.reduce((x, y) => x + y, 0)
report(`commit-back: ${LEGS} legs pushing to one branch over smart HTTP (git http-backend, loopback)`, [
  [`${LEGS} concurrent legs, wall time`, `${Math.round(together.ms)} ms`],
  ['retries used (total / max per leg)', `${sum(together.retries)} / ${Math.max(...together.retries)}`],
  ['retries per leg', together.retries.join(' ')],
  [`reference: ${LEGS} sequential legs, wall time`, `${Math.round(sequential.ms)} ms (retries ${sum(sequential.retries)})`],
  ['ratio concurrent / sequential', (together.ms / sequential.ms).toFixed(2)]
])
