/**
 * The private exec choke point of git.ts (nothing else imports it): one git child with its
 * arguments as an array, its own environment, optional stdin, and an optional time limit after
 * which git and the helpers it started (git-remote-http, ssh) are killed as a process group
 * (src/process.ts).
 */
import { childEnvironment } from '../child-env.js'
import { runProcess, type ExecResult } from '../process.js'
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
 * A git child's environment: none of the action's inputs (process.ts), never a prompt, English
 * messages, and `config` (credentials, for the commands that talk to the remote) as
 * GIT_CONFIG_COUNT entries appended to any the runner set.
 */
export function childEnv(config: Map<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const env = childEnvironment({ GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C' })
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

export async function execGit(args: string[], options: GitExecOptions): Promise<ExecResult> {
  const result = await runProcess('git', args, { cwd: options.cwd, env: options.env, input: options.input, timeoutMs: options.timeoutMs }).catch((error: Error) => {
    throw new Error(`git: cannot run git (${error.message}); install git on the runner`)
  })
  if (!result.killed) return result
  const err = result.stderr
  return { ...result, stderr: `${err}${err && !err.endsWith('\n') ? '\n' : ''}${timedOut(options.label, options.timeoutMs!)}\n` }
}
