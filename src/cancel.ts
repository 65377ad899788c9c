/**
 * Cancellation. The runner cancels a job by sending the step's process SIGINT, then SIGTERM a few
 * seconds later, then killing it. Node's default would end this process at once and leave behind
 * what it started: commands in their own process groups (a `kubectl rollout status` of many
 * minutes, a push, a render cloning a remote base) and the 0600 kubeconfig under RUNNER_TEMP. On
 * the first of those signals every running command is killed with its process group, every
 * temporary path is removed, the run says "cancelled" and exits non-zero (128 + the signal).
 * Everything here is synchronous: nothing else runs in between.
 */
import * as core from '@actions/core'
import { rmSync } from 'node:fs'
import { killAll } from './process.js'

const temporary = new Set<string>()
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const

/** A temporary file or directory to remove on cancellation; call the result once it is gone. */
export function removeOnCancel(file: string): () => void {
  temporary.add(file)
  return () => temporary.delete(file)
}

/** Install the handlers (once, before the run starts). */
export function handleCancellation(): void {
  for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.once(signal, () => cancel(signal))
}

function cancel(signal: keyof typeof SIGNALS): never {
  const killed = killAll()
  const removed = [...temporary].filter(file => {
    try {
      rmSync(file, { recursive: true, force: true })
      return true
    } catch {
      return false
    }
  })
  core.error(`cancelled (${signal}): stopped ${killed} running command(s) and removed ${removed.length} temporary path(s); the run did not finish, see the log for what it did before`)
  process.exit(SIGNALS[signal])
}
