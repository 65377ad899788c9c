/**
 * The one wrapper around the kubectl CLI. Every call goes through the private `exec` choke
 * point: arguments as an array, exit codes decided explicitly, output captured (not echoed).
 */
import * as core from '@actions/core'
import { getExecOutput } from '@actions/exec'

export interface ExecResult {
  code: number
  stdout: string
  stderr: string
}

export class KubectlError extends Error {
  constructor(
    message: string,
    readonly result: ExecResult
  ) {
    super(message)
    this.name = 'KubectlError'
  }
}

export class Kubectl {
  constructor(
    private readonly binary: string,
    /** extra environment for kubectl's process only (e.g. KUBECONFIG) */
    private readonly env: Record<string, string> = {}
  ) {}

  /** `kubectl kustomize DIR`: the rendered manifests, or a KubectlError with kustomize's message. */
  async kustomize(dir: string): Promise<string> {
    const result = await this.exec(['kustomize', dir])
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl kustomize exited ${result.code}`, result)
    return result.stdout
  }

  private async exec(args: string[], options: { input?: string } = {}): Promise<ExecResult> {
    core.debug(`kubectl ${args.join(' ')}`)
    try {
      const { exitCode, stdout, stderr } = await getExecOutput(this.binary, args, {
        silent: true,
        ignoreReturnCode: true,
        env: { ...(process.env as Record<string, string>), ...this.env },
        input: options.input === undefined ? undefined : Buffer.from(options.input)
      })
      return { code: exitCode, stdout, stderr }
    } catch (error) {
      throw new Error(`kubectl: cannot run '${this.binary}' (${error instanceof Error ? error.message : String(error)}); set the 'kubectl' input or install kubectl`)
    }
  }
}

/** The meaningful part of a CLI's stderr, on one line. */
export function firstLines(stderr: string, max = 3): string {
  return stderr.split('\n').map(l => l.trim()).filter(Boolean).slice(0, max).join(' | ')
}
