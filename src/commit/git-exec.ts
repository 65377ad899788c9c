/**
 * The private exec choke point of git.ts (nothing else imports it): one git child with its
 * arguments as an array, its own environment, optional stdin, and an optional time limit after
 * which git and the helpers it started (git-remote-http, ssh) are killed as a process group.
 * @actions/exec has no time limit, hence node:child_process.
 */
import { spawn } from 'node:child_process'
import type { ExecResult } from '../apply/kubectl.js'
import { seconds } from '../timeouts.js'

export class GitError extends Error {
  constructor(
    message: string,
    readonly result: ExecResult
  ) {
    super(message)
    this.name = 'GitError'
  }
}

/** What a Git method asks of one command. */
export interface ExecOptions {
  input?: string
  /** extra environment (GIT_INDEX_FILE) */
  env?: Record<string, string>
  /** a network operation: bounded by KID_GIT_TIMEOUT */
  network?: boolean
}

/**
 * A git child's environment: never a prompt, English messages, and `config` (credentials) as
 * GIT_CONFIG_COUNT entries appended to any the runner set.
 */
export function childEnv(config: Map<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C' }
  let i = Number(env.GIT_CONFIG_COUNT) || 0
  for (const [key, value] of config) {
    env[`GIT_CONFIG_KEY_${i}`] = key
    env[`GIT_CONFIG_VALUE_${i}`] = value
    i++
  }
  if (config.size > 0) env.GIT_CONFIG_COUNT = String(i)
  return Object.assign(env, extra)
}

export interface GitExecOptions {
  cwd: string
  env: Record<string, string>
  input?: string
  /** kill the command after this long; its result then says so on stderr */
  timeoutMs?: number
  /** the subcommand, for that message */
  label: string
}

/** What a killed command reports, on stderr (push-failure.ts classifies it as transient). */
export const timedOut = (label: string, ms: number) => `fatal: git ${label} timed out after ${seconds(ms)} (no answer from the remote)`

const GROUPS = process.platform !== 'win32'

export function execGit(args: string[], options: GitExecOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: GROUPS })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let killed = false
    const timer = options.timeoutMs
      ? setTimeout(() => {
          killed = true
          try {
            if (GROUPS && child.pid) process.kill(-child.pid, 'SIGKILL')
            else child.kill('SIGKILL')
          } catch {
            child.kill('SIGKILL')
          }
        }, options.timeoutMs)
      : undefined
    child.stdout.on('data', (d: Buffer) => stdout.push(d))
    child.stderr.on('data', (d: Buffer) => stderr.push(d))
    child.on('error', error => {
      clearTimeout(timer)
      reject(new Error(`git: cannot run git (${error.message}); install git on the runner`))
    })
    child.on('close', code => {
      clearTimeout(timer)
      const err = Buffer.concat(stderr).toString('utf8')
      resolve({
        code: killed ? 124 : (code ?? 128),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: killed ? `${err}${err && !err.endsWith('\n') ? '\n' : ''}${timedOut(options.label, options.timeoutMs!)}\n` : err
      })
    })
    child.stdin.on('error', () => undefined) // git may exit before reading its input
    child.stdin.end(options.input === undefined ? undefined : Buffer.from(options.input))
  })
}
