/**
 * Bare git remotes served over smart HTTP on 127.0.0.1: a small Node server runs
 * `git http-backend` as a CGI and requires a token (Basic `x-access-token:<token>`, the form
 * actions/checkout and this action send as an extra header). Plus helpers to build fixture
 * repositories and a pre-receive hook that refuses pushes like a protected branch.
 */
import { execFile, execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** Environment for git commands the tests run themselves: no global/system config. */
export function gitEnv(home: string): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com'
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

export function basicHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
}

/**
 * A fault the server injects into the next `count` requests it matches:
 * - `drop-after-push`: a push (POST git-receive-pack) is applied in full, then the connection is
 *   dropped before git hears the answer;
 * - `reset`: the connection is reset as soon as the request arrives (ECONNRESET);
 * - `silent`: the request is read and never answered.
 * Refused connections: `refuseFor`.
 */
export interface GitFault {
  kind: 'drop-after-push' | 'reset' | 'silent'
  count?: number
}

export class GitHttpServer {
  readonly token = `tok-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`
  /** every request's method and path, in order */
  readonly requests: string[] = []
  /** faults applied so far, by kind */
  readonly injected: string[] = []
  /** runs before a request is served (e.g. to move a branch between fetch and push) */
  beforeRequest?: (req: IncomingMessage) => void | Promise<void>
  fault?: GitFault
  private server?: Server
  private port = 0

  constructor(readonly root: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server!.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>(resolve => (this.server?.listening ? this.server.close(() => resolve()) : resolve()))
  }

  /**
   * Stop accepting connections (a connecting client gets ECONNREFUSED) for `ms`, then listen on
   * the same port again. Resolves once listening again.
   */
  async refuseFor(ms: number): Promise<void> {
    this.injected.push('refuse')
    await new Promise<void>(resolve => this.server!.close(() => resolve()))
    this.server!.closeIdleConnections()
    await new Promise(resolve => setTimeout(resolve, ms))
    await new Promise<void>(resolve => this.server!.listen(this.port, '127.0.0.1', resolve))
  }

  /** The fault to inject into this request, if any (and counts it). */
  private take(req: IncomingMessage): GitFault['kind'] | undefined {
    const fault = this.fault
    if (!fault || (fault.count ?? Infinity) <= 0) return undefined
    if (fault.kind === 'drop-after-push' && !(req.method === 'POST' && req.url?.includes('git-receive-pack'))) return undefined
    if (fault.count !== undefined) fault.count--
    this.injected.push(fault.kind)
    return fault.kind
  }

  url(repo: string): string {
    return `http://127.0.0.1:${this.port}/${repo}`
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const match = /^basic\s+(.+)$/i.exec(header)
    if (!match) return false
    const decoded = Buffer.from(match[1], 'base64').toString('utf8')
    return decoded.slice(decoded.indexOf(':') + 1) === this.token
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    this.requests.push(`${req.method} ${url.pathname}${url.search}`)
    if (!this.authorized(req)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' })
      res.end('authentication required\n')
      return
    }
    await this.beforeRequest?.(req)
    const fault = this.take(req)
    if (fault === 'reset') return void req.socket.resetAndDestroy()
    if (fault === 'silent') return void req.resume()
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      GIT_PROJECT_ROOT: this.root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? '')
    }
    if (req.headers['content-length']) env.CONTENT_LENGTH = String(req.headers['content-length'])
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding'])
    const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'inherit'] })
    req.pipe(cgi.stdin)
    let head = Buffer.alloc(0)
    let headersDone = false
    if (fault === 'drop-after-push') {
      // let receive-pack finish (the refs are updated), then drop the connection unanswered
      cgi.stdout.resume()
      cgi.on('close', () => req.socket.destroy())
      return
    }
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk)
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n')
      if (end < 0) return
      const sep = head[end] === 13 ? 4 : 2
      const lines = head.subarray(0, end).toString('latin1').split(/\r?\n/)
      let status = 200
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0])
        else headers[name] = value
      }
      res.writeHead(status, headers)
      headersDone = true
      res.write(head.subarray(end + sep))
    })
    cgi.on('close', () => {
      if (!headersDone) res.writeHead(500)
      res.end()
    })
  }
}

/** A bare repository under `root` (reflog kept for every ref update) seeded from `files`. */
export function createRemote(root: string, name: string, files: Record<string, string>, home: string): { bare: string; initial: string } {
  const env = gitEnv(home)
  const bare = path.join(root, name)
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare], { env })
  execFileSync('git', ['config', 'core.logAllRefUpdates', 'always'], { cwd: bare, env })
  execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: bare, env })
  const seed = mkdtempSync(path.join(tmpdir(), 'kid-seed-'))
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', seed], { env })
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(seed, file)), { recursive: true })
    writeFileSync(path.join(seed, file), content)
  }
  execFileSync('git', ['add', '-A'], { cwd: seed, env })
  execFileSync('git', ['commit', '--quiet', '-m', 'initial'], { cwd: seed, env })
  execFileSync('git', ['push', '--quiet', bare, 'main'], { cwd: seed, env })
  const initial = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: seed, env, encoding: 'utf8' }).trim()
  return { bare, initial }
}

/** Install `script` (a shell script body) as hook `name` of a bare repository. */
export function installHook(bare: string, name: string, script: string): void {
  const hook = path.join(bare, 'hooks', name)
  writeFileSync(hook, `#!/bin/sh\n${script}\n`)
  chmodSync(hook, 0o755)
}

/** A pre-receive hook that refuses every push the way a GitHub protected branch does. */
export function protectBranch(bare: string, branch = 'main'): void {
  const hook = path.join(bare, 'hooks', 'pre-receive')
  writeFileSync(
    hook,
    `#!/bin/sh\necho "error: GH006: Protected branch update failed for refs/heads/${branch}." >&2\n` +
      `echo "error: Changes must be made through a pull request." >&2\nexit 1\n`
  )
  chmodSync(hook, 0o755)
}

/**
 * Clone over HTTP without persisting credentials (the header is given for this command only).
 * Asynchronous: the server runs in this process, so a synchronous git call would deadlock.
 */
export async function cloneRepo(server: GitHttpServer, repo: string, dest: string, home: string, extra: string[] = []): Promise<string> {
  await execFileAsync('git', ['-c', `http.extraheader=${basicHeader(server.token)}`, 'clone', '--quiet', ...extra, server.url(repo), dest], { env: gitEnv(home) })
  return dest
}

/** Push over HTTP from `cwd` (asynchronous, see cloneRepo). */
export async function pushOver(server: GitHttpServer, cwd: string, home: string, ...args: string[]): Promise<void> {
  await execFileAsync('git', ['-c', `http.extraheader=${basicHeader(server.token)}`, 'push', '--quiet', ...args], { cwd, env: gitEnv(home) })
}

export function git(cwd: string, home: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv(home), encoding: 'utf8' }).trim()
}
