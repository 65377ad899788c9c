/** One way to turn anything thrown into a message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** A user mistake in an input: the message names the input, quotes the value, shows the form. */
export class InputError extends Error {
  constructor(input: string, value: string, expected: string, reason?: string) {
    const why = reason ? `: ${reason}` : ''
    super(`${input}: '${value}' is not valid${why}; expected ${expected}`)
    this.name = 'InputError'
  }
}

/** A problem located in a file, reported as a workflow annotation at file:line. */
export class FileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number
  ) {
    super(message)
    this.name = 'FileError'
  }
}

/** Several independent failures (one per target, object or argument): one annotation each. */
export class FailureList extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
    this.name = 'FailureList'
  }
}

/** The meaningful part of a CLI's stderr, on one line. */
export function firstLines(stderr: string, max = 3): string {
  return stderr.split('\n').map(l => l.trim()).filter(Boolean).slice(0, max).join(' | ')
}
