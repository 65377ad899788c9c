/**
 * Every log call site of src, walked with hostile names: a line that reaches stdout starts no
 * workflow command the action did not intend. Plain lines go through log.info (oneLine); the
 * toolkit's annotation, debug, group and mask commands encode their data; nothing else writes to
 * stdout. The runner's reading of stdout is __tests__/helpers/workflow-commands.ts.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { info } from '../../src/log.js'
import { logVerbatim } from '../../src/verbatim.js'
import { ROOT } from '../helpers/action.js'
import { forgedCommands, workflowCommands } from '../helpers/workflow-commands.js'

const HOSTILE = [
  'overlays/x\n::error title=forged::owned',
  'overlays/x\r::error title=forged::owned',
  'overlays/x\r\n::warning title=forged::owned',
  'overlays/x\u0085::error title=forged::owned',
  '::error title=forged::owned',
  '  \t::notice title=forged::owned',
  'x ##[error title=forged;]owned',
  '##[group]owned',
  'x\n::stop-commands::t\n##[error title=forged]owned',
  'x %0A::error title=forged::owned'
]

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
const SRC = sources(path.join(ROOT, 'src'))
const rel = (f: string) => path.relative(ROOT, f)

/** `core.<fn>` as used in src, by function, with the files that use it. */
function coreCalls(): Map<string, Set<string>> {
  const calls = new Map<string, Set<string>>()
  for (const file of SRC) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bcore\.([A-Za-z]+)\b/g)) {
      if (!calls.has(m[1])) calls.set(m[1], new Set())
      calls.get(m[1])!.add(rel(file))
    }
  }
  return calls
}

let stdout = ''
beforeEach(() => {
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true))
})
afterEach(() => {
  jest.restoreAllMocks()
})

describe('the call sites in src', () => {
  it('write plain lines only through log.info (and verbatim.ts), never to stdout or the console', () => {
    expect([...(coreCalls().get('info') ?? [])].sort()).toEqual(['src/log.ts', 'src/verbatim.ts'])
    for (const file of SRC) expect([rel(file), readFileSync(file, 'utf8').match(/process\.stdout|console\.[a-z]+\(|\bstartGroup\b|issueCommand/g)]).toEqual([rel(file), null])
  })

  it('use no toolkit logging function that this test does not check', () => {
    const logging = [...coreCalls().keys()].filter(fn => !['getInput', 'setOutput', 'summary', 'ExitCode'].includes(fn))
    expect(logging.filter(fn => !['info', 'warning', 'error', 'debug', 'group', 'setSecret', 'notice'].includes(fn))).toEqual([])
  })
})

describe.each(HOSTILE)('%j', hostile => {
  it('log.info: one inert line', () => {
    info(`${hostile}/kustomization.yaml: changed`)
    expect(workflowCommands(stdout)).toEqual([])
    expect(stdout.split(/\r\n|\r|\n/).filter(Boolean)).toHaveLength(1)
  })

  it('core.warning, core.error, core.notice (message and file), core.debug: one command each, none forged', () => {
    core.warning(`${hostile}: w`, { file: `${hostile}/kustomization.yaml` })
    core.error(`${hostile}: e`, { file: hostile, startLine: 3 })
    core.notice(`${hostile}: n`)
    core.debug(`git push ${hostile}`)
    expect(workflowCommands(stdout).map(c => c.name)).toEqual(['warning', 'error', 'notice', 'debug'])
    expect(forgedCommands(stdout)).toEqual([])
    expect(workflowCommands(stdout)[0].properties.file).toBe(`${hostile}/kustomization.yaml`)
  })

  it('core.group and core.setSecret: their own commands only', async () => {
    await core.group(`Editing ${hostile}`, async () => info(hostile))
    core.setSecret(hostile)
    expect(workflowCommands(stdout).map(c => c.name)).toEqual(['group', 'endgroup', 'add-mask'])
  })

  it('logVerbatim: fenced by stop-commands, nothing inside acts', () => {
    logVerbatim(`diff\n${hostile}\n+ image: app:v2`)
    expect(workflowCommands(stdout).map(c => c.name)).toEqual(['stop-commands', workflowCommands(stdout)[0].data])
  })
})
