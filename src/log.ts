/**
 * The one way a plain line reaches the log. Every `info` line goes through `oneLine`, so a path,
 * name or message from outside (a directory a pull request adds, git's or kubectl's words) cannot
 * start a workflow command. Annotations, debug lines and group titles need nothing more: the
 * toolkit writes them as `::name::data` with the data's line breaks encoded. Multi-line text
 * from outside goes through `logVerbatim` (verbatim.ts), fenced by stop-commands.
 * __tests__/unit/log-lines.test.ts holds every module to this.
 */
import * as core from '@actions/core'
import { oneLine } from './markdown.js'

export function info(message: string): void {
  core.info(oneLine(message))
}
