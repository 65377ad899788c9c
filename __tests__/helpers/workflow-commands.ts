/**
 * Reads an action's stdout the way the GitHub runner does (actions/runner, ActionCommandManager):
 * lines split at CR, LF or CRLF; a line whose trimmed start is `::` is a command
 * (`::name k=v,k=v::data`); failing that, `##[name k=v;]data` anywhere in the line is a legacy
 * command; `::stop-commands::T` ignores every command until `::T::`. Returns what it would run.
 */
export interface WorkflowCommand {
  name: string
  properties: Record<string, string>
  data: string
  line: string
}

/** The command names the runner registers (legacy and current syntax alike). */
const REGISTERED = ['set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo', 'stop-commands']

const unescapeV2 = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
const unescapeV1 = (s: string) => s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%')

function parseV2(line: string, extra: string[]): WorkflowCommand | undefined {
  const trimmed = line.replace(/^[\s\u0085]+/, '')
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const info = trimmed.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!REGISTERED.includes(name) && !extra.includes(name)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeV2(pair.slice(eq + 1))
    }
  }
  return { name, properties, data: unescapeV2(trimmed.slice(end + 2)), line }
}

function parseV1(line: string): WorkflowCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const info = line.slice(start + 3, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!REGISTERED.includes(name)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';').filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeV1(pair.slice(eq + 1))
    }
  }
  return { name, properties, data: unescapeV1(line.slice(close + 1)), line }
}

/** Every command the runner would act on, in order (the resume token of stop-commands included). */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const command = parseV2(line, stopToken ? [stopToken] : []) ?? parseV1(line)
    if (!command) continue
    if (stopToken !== undefined && command.name !== stopToken) continue
    if (command.name === stopToken) stopToken = undefined
    else if (command.name === 'stop-commands') stopToken = command.data
    commands.push(command)
  }
  return commands
}

/** Commands a hostile name or message started: the payloads carry `title=forged` or data `owned…`. */
export function forgedCommands(stdout: string): WorkflowCommand[] {
  return workflowCommands(stdout).filter(c => c.properties.title === 'forged' || c.data.startsWith('owned'))
}
