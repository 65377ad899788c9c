/**
 * The kubeconfig kubectl will use: the `kubeconfig` input's content written to a 0600 file under
 * the runner's temp directory (masked, removed by `dispose`), or else the runner's own
 * (`KUBECONFIG`, else `~/.kube/config`). Either way it is parsed and must hold the context the
 * run will use, before anything is edited or pushed.
 */
import * as core from '@actions/core'
import * as log from '../log.js'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { removeOnCancel } from '../cancel.js'
import { errorMessage, InputError } from '../errors.js'
import { kubeconfigSecrets } from './kubeconfig-secrets.js'

export interface KubeconfigFile {
  /** the KUBECONFIG value for kubectl's process (a path, or the runner's path list) */
  path: string
  /** the context kubectl will use */
  context: string
  /** that context's namespace, if it names one */
  namespace?: string
  /** remove what was written (a no-op for the runner's own kubeconfig) */
  dispose(): Promise<void>
}

interface KubeconfigDoc {
  currentContext: string
  contexts: Map<string, { namespace?: string }>
}

const EXPECTED = 'kubeconfig YAML with clusters, users and contexts (as `kubectl config view --raw` prints it)'
/**
 * Register the credentials of kubeconfig content as secrets (kubeconfig-secrets.ts decides which
 * values are); names, namespaces and server addresses stay readable in logs and diffs.
 */
export function maskKubeconfig(content: string, mask: (secret: string) => void = core.setSecret): void {
  for (const secret of kubeconfigSecrets(content)) mask(secret)
}

/** Contexts and current-context of one kubeconfig's text; `input` names the source in errors. */
export function parseKubeconfig(content: string, source: string): KubeconfigDoc {
  let doc: unknown
  try {
    doc = parse(content) // its message quotes the source: only code and line are used
  } catch (error) {
    const at = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line
    const code = (error as { code?: string }).code ?? 'YAML error'
    throw new InputError('kubeconfig', source, EXPECTED, `not YAML (${code}${at ? ` at line ${at}` : ''})`)
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError('kubeconfig', source, EXPECTED, 'not a YAML mapping')
  const record = doc as Record<string, unknown>
  const contexts = new Map<string, { namespace?: string }>()
  for (const entry of Array.isArray(record.contexts) ? record.contexts : []) {
    const name = (entry as { name?: unknown })?.name
    const ns = (entry as { context?: { namespace?: unknown } })?.context?.namespace
    if (typeof name === 'string' && name) contexts.set(name, { namespace: typeof ns === 'string' && ns ? ns : undefined })
  }
  const current = record['current-context']
  return { currentContext: typeof current === 'string' ? current : '', contexts }
}

/** kubectl's merge of a KUBECONFIG list: the first file that sets a context or current-context wins. */
export function mergeKubeconfigs(docs: KubeconfigDoc[]): KubeconfigDoc {
  const contexts = new Map<string, { namespace?: string }>()
  for (const doc of docs) for (const [name, ctx] of doc.contexts) if (!contexts.has(name)) contexts.set(name, ctx)
  return { currentContext: docs.find(d => d.currentContext)?.currentContext ?? '', contexts }
}

/** The requested context (or the current one) with its namespace; an InputError if it is not there. */
export function chooseContext(doc: KubeconfigDoc, requested: string, source: string): { context: string; namespace?: string } {
  const known = [...doc.contexts.keys()]
  const list = known.length > 0 ? `one of its contexts: ${known.join(', ')}` : 'a kubeconfig that defines contexts'
  if (requested) {
    const ctx = doc.contexts.get(requested)
    if (!ctx) throw new InputError('context', requested, list, `${source} has no such context`)
    return { context: requested, namespace: ctx.namespace }
  }
  if (!doc.currentContext) throw new InputError('context', '', list, `${source} sets no current-context`)
  const ctx = doc.contexts.get(doc.currentContext)
  if (!ctx) throw new InputError('kubeconfig', source, EXPECTED, `its current-context '${doc.currentContext}' is not one of its contexts`)
  return { context: doc.currentContext, namespace: ctx.namespace }
}

/** The kubeconfig for this run, validated. Call `dispose()` in `finally`. */
export async function prepareKubeconfig(content: string, context: string, env: NodeJS.ProcessEnv = process.env): Promise<KubeconfigFile> {
  if (content.trim() !== '') return writeKubeconfig(content, context, env)
  const list = env.KUBECONFIG || path.join(homedir(), '.kube', 'config')
  const files = list.split(path.delimiter).filter(f => f && existsSync(f))
  const source = env.KUBECONFIG ? `the runner's KUBECONFIG (${list})` : `the runner's ${list}`
  if (files.length === 0) {
    throw new InputError('kubeconfig', '', 'kubeconfig content, or a runner whose KUBECONFIG or ~/.kube/config exists', `${source} does not exist`)
  }
  const docs = await Promise.all(files.map(async f => parseKubeconfig(await readFile(f, 'utf8'), f)))
  const chosen = chooseContext(mergeKubeconfigs(docs), context, source)
  log.info(`kubeconfig: ${source}, context ${chosen.context}`)
  return { path: list, ...chosen, dispose: async () => {} }
}

async function writeKubeconfig(content: string, context: string, env: NodeJS.ProcessEnv): Promise<KubeconfigFile> {
  maskKubeconfig(content)
  const chosen = chooseContext(parseKubeconfig(content, '(the input content)'), context, "the 'kubeconfig' input")
  const dir = await mkdtemp(path.join(env.RUNNER_TEMP || tmpdir(), 'kid-kubeconfig-'))
  const file = path.join(dir, 'kubeconfig')
  const removed = removeOnCancel(dir)
  const dispose = async () => {
    await rm(dir, { recursive: true, force: true }).catch(error => core.warning(`could not remove ${dir}: ${errorMessage(error)}`))
    removed()
  }
  try {
    await writeFile(file, content, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    await dispose()
    throw error
  }
  log.info(`kubeconfig: from the 'kubeconfig' input (written to a 0600 temp file), context ${chosen.context}`)
  return { path: file, ...chosen, dispose }
}
