/**
 * `kustomize edit set image` arguments: grammar and validation (pure).
 *
 * Grammar (kustomize v5.5): `name[=newName][:tag][@digest]`. Only the first `=` splits; a tag
 * or digest is looked for only after the first `/`; `*` as newName, tag or digest keeps the
 * existing value. Stricter than kustomize: values a registry would refuse are rejected.
 */
import { InputError } from '../errors.js'

export const PRESERVE = '*'

/** One parsed argument. A field left undefined was not given. */
export interface ImageSpec {
  arg: string
  name: string
  newName?: string
  newTag?: string
  digest?: string
  /** `pin-digest`: the registry's digest replaces any existing one (it is not dropped) */
  pin?: boolean
  /** a rollback: the entry is removed (the run rolled back had added it) */
  remove?: boolean
}

/** An entry of a kustomization's `images:` list. */
export interface ImageEntry {
  name: string
  newName?: string
  newTag?: string
  digest?: string
  /** kustomize appends it to the image's tag; `edit set image` drops it, and so does this edit */
  tagSuffix?: string
}

const EXPECTED = 'name[=newName][:tag][@digest]'
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const DIGEST_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?'
const REPOSITORY = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const TEMPLATE = /\{\{|\}\}|\$\{|\$\(|\$[A-Za-z_]|<[A-Za-z_]+>/
/** Control, format (zero-width, bidi), separator, private-use, unassigned and other invisible characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}\p{Default_Ignorable_Code_Point}]/u

const codePoint = (c: string): string => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
/** The argument with every invisible character but the space shown as \u{…}, so an error shows what is there. */
const visible = (arg: string): string => arg.replace(new RegExp(INVISIBLE.source, 'gu'), c => (c === ' ' ? c : `\\u{${codePoint(c)}}`))

/** Split `name[:tag][@digest]`, looking for `:` and `@` only after the first `/`. */
export function splitImage(ref: string): { name: string; tag?: string; digest?: string } {
  const slash = Math.max(ref.indexOf('/'), 0)
  const rest = ref.slice(slash)
  const at = rest.indexOf('@')
  const colon = rest.indexOf(':')
  if (at < 0 && colon < 0) return { name: ref }
  if (at >= 0 && (colon < 0 || at < colon)) {
    return { name: ref.slice(0, slash + at), digest: ref.slice(slash + at + 1) }
  }
  if (at >= 0) {
    return {
      name: ref.slice(0, slash + colon),
      tag: ref.slice(slash + colon + 1, slash + at),
      digest: ref.slice(slash + at + 1)
    }
  }
  return { name: ref.slice(0, slash + colon), tag: ref.slice(slash + colon + 1) }
}

/** Parse one argument; throws an InputError naming the `images` input. */
export function parseImageArg(arg: string, line?: number): ImageSpec {
  const fail = (reason: string): never => {
    throw new InputError('images', visible(arg), EXPECTED, line === undefined ? reason : `line ${line}: ${reason}`)
  }
  if (TEMPLATE.test(arg)) fail('it holds an unsubstituted template placeholder')
  if (/\s/.test(arg)) fail('it contains whitespace')
  const invisible = INVISIBLE.exec(arg)
  if (invisible) {
    fail(`it contains the invisible or control character U+${codePoint(invisible[0])}`)
  }
  const eq = arg.indexOf('=')
  const key = eq >= 0 ? arg.slice(0, eq) : undefined
  const value = eq >= 0 ? arg.slice(eq + 1) : arg
  const { name, tag, digest } = splitImage(value)
  if (key === undefined && tag === undefined && digest === undefined) {
    fail('it sets neither a new name, a tag nor a digest')
  }
  if (key === '') fail('the image name before = is empty')
  if (name === '') fail(key === undefined ? 'the image name is empty' : 'the new name after = is empty')

  const spec: ImageSpec = key === undefined ? { arg, name } : { arg, name: key, newName: name }
  if (tag !== undefined) spec.newTag = tag
  if (digest !== undefined) spec.digest = digest

  if (key !== undefined && name !== PRESERVE && !REPOSITORY.test(name)) {
    fail(`new name '${name}' is not a valid repository name (lower-case [registry[:port]/]path)`)
  }
  if (tag !== undefined && tag !== PRESERVE && !TAG.test(tag)) {
    fail(`tag '${tag}' is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`)
  }
  if (digest !== undefined && digest !== PRESERVE) validateDigest(digest, fail)
  return spec
}

function validateDigest(digest: string, fail: (reason: string) => never): void {
  if (!DIGEST.test(digest)) fail(`digest '${digest}' is not algorithm:hex (e.g. sha256:<64 hex digits>)`)
  const [algorithm, hex] = digest.split(':', 2)
  const length = DIGEST_HEX[algorithm]
  if (length !== undefined && !new RegExp(`^[a-f0-9]{${length}}$`).test(hex)) {
    fail(`digest '${digest}' must have ${length} lower-case hex digits after ${algorithm}:`)
  }
}

/**
 * Parse the `images` input: one argument per line, blank and `#` lines ignored; the last wins per
 * name. An error names the line of the input when there are several.
 */
export function parseImageArgs(lines: string[]): ImageSpec[] {
  const byName = new Map<string, ImageSpec>()
  for (const [i, line] of lines.entries()) {
    const arg = line.trim()
    if (arg === '' || arg.startsWith('#')) continue
    const spec = parseImageArg(arg, lines.length > 1 ? i + 1 : undefined)
    byName.delete(spec.name)
    byName.set(spec.name, spec)
  }
  return [...byName.values()]
}

/** The entry kustomize writes for `spec` over `existing` (the argument replaces the whole entry). */
export function mergeImage(existing: ImageEntry | undefined, spec: ImageSpec): ImageEntry {
  const pick = (given: string | undefined, kept: string | undefined): string | undefined =>
    given === PRESERVE ? kept || undefined : given || undefined
  const entry: ImageEntry = { name: spec.name }
  const newName = pick(spec.newName, existing?.newName)
  const newTag = pick(spec.newTag, existing?.newTag)
  const digest = pick(spec.digest, existing?.digest)
  if (newName !== undefined) entry.newName = newName
  if (newTag !== undefined) entry.newTag = newTag
  if (digest !== undefined) entry.digest = digest
  return entry
}

/**
 * When the argument drops an existing newName, digest or tagSuffix (kustomize replaces the whole
 * entry), a warning that shows the argument form that keeps what can be kept.
 */
export function droppedFieldsWarning(existing: ImageEntry | undefined, spec: ImageSpec): string | undefined {
  if (!existing) return undefined
  const dropped: string[] = []
  if (existing.newName && spec.newName === undefined) dropped.push(`newName '${existing.newName}'`)
  if (existing.digest && spec.digest === undefined && !spec.pin) dropped.push(`digest '${existing.digest}'`)
  if (existing.tagSuffix) dropped.push(`tagSuffix '${existing.tagSuffix}'`)
  if (dropped.length === 0) return undefined
  const keepName = spec.newName ?? (existing.newName ? PRESERVE : undefined)
  const keepDigest = spec.digest ?? (existing.digest && !spec.pin ? PRESERVE : undefined)
  const suffixed = existing.tagSuffix && spec.newTag && spec.newTag !== PRESERVE ? spec.newTag + existing.tagSuffix : spec.newTag
  const keep =
    spec.name +
    (keepName !== undefined ? `=${keepName}` : '') +
    (suffixed !== undefined ? `:${suffixed}` : '') +
    (keepDigest !== undefined ? `@${keepDigest}` : '')
  const them = dropped.length > 1 ? 'them' : 'it'
  const hint = keep === spec.arg ? (existing.tagSuffix ? 'write the suffix into the tag to keep it' : '') : `write '${keep}' to keep ${them}`
  return `images: '${spec.arg}' drops the existing ${dropped.join(' and ')} of image '${spec.name}', as kustomize edit set image does` + (hint ? `; ${hint}` : '')
}

/** `sha256:4f1c2e9a…`: a digest in messages and summaries. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':', 2)
  return hex && hex.length > 12 ? `${algorithm}:${hex.slice(0, 8)}…` : digest
}

/** `newName:tag (sha256:4f1c2e9a…)` for logs and summaries. */
export function formatEntry(entry: ImageEntry | undefined): string {
  if (!entry) return '—'
  let out = entry.newName ?? entry.name
  if (entry.newTag) out += `:${entry.newTag}`
  if (entry.digest) out += entry.newTag ? ` (${shortDigest(entry.digest)})` : `@${shortDigest(entry.digest)}`
  return out
}
