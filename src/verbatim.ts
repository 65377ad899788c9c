/** Log text that comes from outside (diffs, describe, events) without the runner reading `::` commands in it. */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'

export function logVerbatim(text: string): void {
  const token = randomUUID()
  core.info(`::stop-commands::${token}`)
  core.info(text)
  core.info(`::${token}::`)
}
