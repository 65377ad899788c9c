/**
 * The one wrapper around the kubectl CLI. Every call goes through the private `exec` choke
 * point: arguments as an array, exit codes decided explicitly, output captured (not echoed).
 * The kubeconfig reaches kubectl only as a path in the environment of its own process (`env`),
 * never a render's (`kubectl kustomize` and the git clones it makes of remote bases need no
 * cluster), and the global `--context` / `--namespace` flags are added in one place
 * (`clusterArgs`). No kubectl process gets the action's inputs (child-env.ts).
 * `kubectl diff -k` and `apply -k` have no `--load-restrictor`: with `load-restrictor: none` they
 * take the render (`kubectl kustomize --load-restrictor LoadRestrictionsNone`) as `-f -`.
 */
import * as core from '@actions/core'
import { firstLines } from '../errors.js'
import { childEnvironment, OIDC, passed } from '../child-env.js'
import { redactLiterals, secretLiterals } from '../render/generator-literals.js'
import { runProcess, type ExecResult } from '../process.js'
import { seconds, timeouts } from '../timeouts.js'

export type { ExecResult }
export { firstLines }

export class KubectlError extends Error {
  constructor(
    message: string,
    readonly result: ExecResult
  ) {
    super(message)
    this.name = 'KubectlError'
  }
}

/** Global flags: context and namespace for every call that talks to the cluster, the load restrictor for every render. */
export interface ClusterFlags {
  context?: string
  namespace?: string
  /** `none`: kustomize may read files outside the kustomization's directory (`--load-restrictor LoadRestrictionsNone`) */
  loadRestrictor?: 'root-only' | 'none'
}

/** How `apply` and `diff` send the objects. */
export interface ApplyFlags {
  serverSide: boolean
  fieldManager: string
  forceConflicts: boolean
  dryRun: 'none' | 'client' | 'server'
}

/** What `kubectl diff` found; `warnings`: its stderr when it succeeded (an unknown field, a deprecated API). */
export interface DiffResult {
  differences: boolean
  output: string
  warnings: string
  /** how many `kubectl diff -f -` of parts of the render answered together (diff-parts.ts) */
  parts?: number
}

/** A workload (or any object) by kind, name and namespace: `deployment/web -n prod`. */
export interface ObjectRef {
  kind: string
  name: string
  namespace?: string
}

export class Kubectl {
  /** per rendered directory, its secretGenerator literals (read on a failed render only) */
  private readonly literals = new Map<string, Promise<string[]>>()

  constructor(
    private readonly binary: string,
    /** extra environment for kubectl's process only (e.g. KUBECONFIG) */
    private readonly env: Record<string, string> = {},
    private readonly flags: ClusterFlags = {}
  ) {}

  /**
   * `kubectl kustomize DIR`: the rendered manifests, or a KubectlError with kustomize's message.
   * It is killed, with a git clone of a remote base it started, after KID_RENDER_TIMEOUT or
   * when `signal` says the caller gave up.
   */
  async kustomize(dir: string, signal?: AbortSignal): Promise<string> {
    const { renderMs } = timeouts()
    const restrictor = this.flags.loadRestrictor === 'none' ? ['--load-restrictor', 'LoadRestrictionsNone'] : []
    const result = await this.rendering(dir, await this.exec(['kustomize', ...restrictor, dir], { signal, timeoutMs: renderMs, render: true }), r => r.code !== 0)
    if (result.killed === 'timeout') throw new KubectlError(`kubectl kustomize did not finish within ${seconds(renderMs)} (KID_RENDER_TIMEOUT); a remote base that does not answer?`, result)
    if (result.killed) throw new KubectlError(`kubectl kustomize was stopped: ${signal?.reason instanceof Error ? signal.reason.message : 'given up'}`, result)
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl kustomize exited ${result.code}`, result)
    return result.stdout
  }

  /** `kubectl diff -k DIR`: exit 0 no differences, 1 differences, anything else a KubectlError. */
  async diff(dir: string, flags: ApplyFlags): Promise<DiffResult> {
    if (this.flags.loadRestrictor === 'none') return this.diffManifests(await this.kustomize(dir), flags)
    return this.diffOf(['-k', dir], flags, undefined, dir)
  }

  /** `kubectl diff -f -` of rendered manifests (a part of a target's render), as `diff`. */
  async diffManifests(manifests: string, flags: ApplyFlags): Promise<DiffResult> {
    return this.diffOf(['-f', '-'], flags, manifests)
  }

  private async diffOf(source: string[], flags: ApplyFlags, input?: string, dir?: string): Promise<DiffResult> {
    const result = await this.rendering(dir, await this.exec(this.clusterArgs(['diff', ...sideFlags(flags), ...source]), { input }), r => r.code !== 0 && r.code !== 1)
    if (result.code === 0 || result.code === 1) return { differences: result.code === 1, output: result.stdout, warnings: result.stderr.trim() }
    throw new KubectlError(firstLines(result.stderr) || `kubectl diff exited ${result.code}`, result)
  }

  /** `kubectl apply -k DIR`; a non-zero exit is a KubectlError that still carries stdout (partial applies). */
  async apply(dir: string, flags: ApplyFlags): Promise<ExecResult> {
    const rendered = this.flags.loadRestrictor === 'none' ? await this.kustomize(dir) : undefined
    const args = applyArgs(rendered === undefined ? ['-k', dir] : ['-f', '-'], flags)
    const result = await this.rendering(rendered === undefined ? dir : undefined, await this.exec(this.clusterArgs(args), { input: rendered }), r => r.code !== 0)
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl apply exited ${result.code}`, result)
    return result
  }

  /** `kubectl rollout status KIND/NAME --timeout=Ns`; the exit code is the caller's to judge. */
  async rolloutStatus(ref: ObjectRef, timeoutSeconds: number): Promise<ExecResult> {
    const bound = timeoutSeconds * 1000 + timeouts().kubectlMs
    return this.exec(this.clusterArgs(['rollout', 'status', `${ref.kind.toLowerCase()}/${ref.name}`, `--timeout=${timeoutSeconds}s`], ref.namespace), { timeoutMs: bound })
  }

  /** `kubectl describe KIND NAME`: text, or the error text when it cannot. */
  async describe(ref: ObjectRef): Promise<string> {
    const result = await this.exec(this.clusterArgs(['describe', ref.kind.toLowerCase(), ref.name], ref.namespace))
    return result.code === 0 ? result.stdout : `kubectl describe failed: ${firstLines(result.stderr)}`
  }

  /** `kubectl events --for KIND/NAME`: the object's recent events, or the error text. */
  async events(ref: ObjectRef): Promise<string> {
    const result = await this.exec(this.clusterArgs(['events', '--for', `${ref.kind.toLowerCase()}/${ref.name}`], ref.namespace))
    return result.code === 0 ? result.stdout : `kubectl events failed: ${firstLines(result.stderr)}`
  }

  /** `kubectl get REF... -o json --ignore-not-found` in one namespace: the objects that exist. */
  async get(refs: string[], namespace?: string): Promise<unknown[]> {
    if (refs.length === 0) return []
    const result = await this.exec(this.clusterArgs(['get', ...refs, '--ignore-not-found', '-o', 'json'], namespace))
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl get exited ${result.code}`, result)
    if (result.stdout.trim() === '') return []
    const parsed = JSON.parse(result.stdout) as { kind?: string; items?: unknown[] }
    return parsed.kind === 'List' ? (parsed.items ?? []) : [parsed]
  }

  /** `kubectl get KIND -o name` in one namespace: `kind/name` of each object, no content. */
  async names(kind: string, namespace?: string): Promise<string[]> {
    const result = await this.exec(this.clusterArgs(['get', kind, '-o', 'name'], namespace))
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl get exited ${result.code}`, result)
    return result.stdout.split('\n').map(l => l.trim()).filter(l => l !== '')
  }

  /** `kubectl get KIND -l SELECTOR -o json` in one namespace: the items. */
  async list(kind: string, namespace: string, selector: string): Promise<unknown[]> {
    const result = await this.exec(this.clusterArgs(['get', kind, '-l', selector, '-o', 'json'], namespace))
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl get exited ${result.code}`, result)
    return (JSON.parse(result.stdout) as { items?: unknown[] }).items ?? []
  }

  /**
   * A call that rendered `dir` (kustomize, `diff -k`, `apply -k`): when it `failed`, its stderr
   * without the secretGenerator literals that kustomize's error text may quote
   * (generator-literals.ts); a call that succeeded (its stderr a warning at most) is not read
   * for them. The literals are read once per directory for this Kubectl (one run).
   */
  private async rendering(dir: string | undefined, result: ExecResult, failed: (r: ExecResult) => boolean): Promise<ExecResult> {
    if (dir === undefined || result.stderr.trim() === '' || !failed(result)) return result
    let reading = this.literals.get(dir)
    if (!reading) this.literals.set(dir, (reading = secretLiterals(dir)))
    const literals = await reading
    return literals.length === 0 ? result : { ...result, stderr: redactLiterals(result.stderr, literals) }
  }

  /** The one place the global flags go in: `--context`, then `--namespace` (a call's own wins). */
  private clusterArgs(args: string[], namespace?: string): string[] {
    const ns = namespace || this.flags.namespace
    return [...(this.flags.context ? ['--context', this.flags.context] : []), ...(ns ? ['--namespace', ns] : []), ...args]
  }

  /**
   * Every call is bounded: `timeoutMs`, else KID_KUBECTL_TIMEOUT (a cluster that accepts the
   * connection and never answers). A killed call says so on stderr, where its errors are read.
   */
  private async exec(args: string[], options: { input?: string; signal?: AbortSignal; timeoutMs?: number; render?: boolean } = {}): Promise<ExecResult> {
    core.debug(`kubectl ${args.join(' ')}`)
    const { render, ...run } = options
    const timeoutMs = options.timeoutMs ?? timeouts().kubectlMs
    // a cluster call: the kubeconfig path, and what an exec credential plugin may use
    const env = render ? childEnvironment() : childEnvironment({ ...passed(OIDC), ...this.env })
    let result: ExecResult
    try {
      result = await runProcess(this.binary, args, { env, ...run, timeoutMs })
    } catch (error) {
      throw new Error(`kubectl: cannot run '${this.binary}' (${error instanceof Error ? error.message : String(error)}); set the 'kubectl' input or install kubectl`)
    }
    if (result.killed !== 'timeout') return result
    const verb = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--context' && args[i - 1] !== '--namespace')
    const said = result.stderr && !result.stderr.endsWith('\n') ? `${result.stderr}\n` : result.stderr
    const bound = `${seconds(timeoutMs)}${options.timeoutMs === undefined ? ' (KID_KUBECTL_TIMEOUT)' : ''}`
    return { ...result, stderr: `${said}error: kubectl ${verb} did not finish within ${bound}: the cluster did not answer\n` }
  }
}

/** Flags `apply` and `diff` share: server-side apply and its field manager. */
function sideFlags(flags: ApplyFlags): string[] {
  const args: string[] = []
  if (flags.serverSide) args.push('--server-side')
  if (flags.fieldManager) args.push(`--field-manager=${flags.fieldManager}`)
  if (flags.serverSide && flags.forceConflicts) args.push('--force-conflicts')
  return args
}

function applyArgs(source: string[], flags: ApplyFlags): string[] {
  return ['apply', ...sideFlags(flags), ...(flags.dryRun === 'none' ? [] : [`--dry-run=${flags.dryRun}`]), ...source]
}
