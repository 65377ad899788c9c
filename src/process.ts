/**
 * The one way a CLI runs (behind the git and kubectl wrappers, each with its own choke point):
 * arguments as an array (no shell), its own environment, optional stdin, output captured, and a
 * bound. On `timeoutMs` or `signal` the command and every process it started (git-remote-http,
 * ssh, kustomize's git clone of a remote base) are killed as a process group, so nothing keeps
 * the runner's step alive; `killAll` does that to every command still running (cancel.ts).
 * @actions/exec has neither a time limit nor cancellation.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface ExecResult {
  code: number
  stdout: string
  stderr: string
  /** why the command was killed, when it was */
  killed?: 'timeout' | 'aborted'
}

export interface RunOptions {
  cwd?: string
  env: Record<string, string>
  input?: string
  timeoutMs?: number
  signal?: AbortSignal
}

const GROUPS = process.platform !== 'win32'

/** Every command still running, and how to kill it with what it started. */
const running = new Map<ChildProcess, () => void>()

/** Kill every command still running, with its process group; how many there were. */
export function killAll(): number {
  const kills = [...running.values()]
  for (const kill of kills) kill()
  return kills.length
}

/** Resolves with the exit code (killed: 124); rejects only when the binary cannot be started. */
export function runProcess(binary: string, args: string[], options: RunOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: GROUPS })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let killed: ExecResult['killed']
    const kill = (why: NonNullable<ExecResult['killed']>) => {
      killed ??= why
      try {
        if (GROUPS && child.pid) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }
    const timer = options.timeoutMs ? setTimeout(() => kill('timeout'), options.timeoutMs) : undefined
    const onAbort = () => kill('aborted')
    running.set(child, onAbort)
    if (options.signal?.aborted) onAbort()
    else options.signal?.addEventListener('abort', onAbort, { once: true })
    const settle = () => {
      running.delete(child)
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
    }
    child.stdout.on('data', (d: Buffer) => stdout.push(d))
    child.stderr.on('data', (d: Buffer) => stderr.push(d))
    child.on('error', error => {
      settle()
      reject(error)
    })
    child.on('close', code => {
      settle()
      const result: ExecResult = { code: killed ? 124 : (code ?? 128), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }
      if (killed) result.killed = killed
      resolve(result)
    })
    child.stdin.on('error', () => undefined) // the command may exit before reading its input
    child.stdin.end(options.input === undefined ? undefined : Buffer.from(options.input))
  })
}
