/**
 * The unmatched-argument check of the render phase (pure): every image argument must produce
 * its resulting image in a container-image field of at least one target's render, or the edit
 * wrote an `images:` entry that kustomize silently ignores.
 *
 * The fields are those kustomize's images transformer changes: every item of a `containers`,
 * `initContainers` (and `ephemeralContainers`) list at any depth of any kind. An `image:` key
 * elsewhere also counts, for custom resources a kustomization maps with `configurations:`.
 */
import { splitImage, type ImageEntry, type ImageSpec } from '../edit/image-spec.js'
import { objectContainers, parseOrUndefined, readDocument, simpleScalar, splitDocuments } from './manifest-scan.js'

/** One target as the check sees it. */
export interface RenderedTarget {
  /** the target directory, relative to the workspace */
  rel: string
  /** its kustomization file, relative to the workspace (where a warning points) */
  fileRel: string
  /** the `images:` entries after the edit */
  after: ImageEntry[]
  /** every image in an image field of its render */
  images: string[]
}

export interface ArgumentCheck {
  spec: ImageSpec
  /** targets whose render holds the resulting image */
  matched: RenderedTarget[]
  /** targets whose render does not */
  missed: RenderedTarget[]
}

const IMAGE_KEY = /^ *(?:- +)?image: *(.*)$/gm

/** Every image in an image field of a render (container lists first, then other `image:` keys). */
export function renderedImages(render: string): string[] {
  const found: string[] = []
  for (const text of splitDocuments(render)) {
    const doc = readDocument(text)
    found.push(...(doc.id?.kind === 'List' ? objectContainers(parseOrUndefined(text)).map(c => c.image).filter(Boolean) : doc.images))
  }
  for (const m of render.matchAll(IMAGE_KEY)) {
    const value = simpleScalar(m[1])
    if (value) found.push(value)
  }
  return [...new Set(found)]
}

/**
 * Does a rendered image come out of `entry` (kustomize's image tag updater): its name is the
 * entry's newName (else name); a new tag replaces tag and digest, a new digest likewise, both
 * give `name:tag@digest`; neither keeps what the image had.
 */
export function producedBy(entry: ImageEntry, image: string): boolean {
  const { name, tag, digest } = splitImage(image)
  if (name !== (entry.newName || entry.name)) return false
  if (entry.newTag && tag !== entry.newTag) return false
  if (entry.digest && digest !== entry.digest) return false
  if (entry.newTag && !entry.digest && digest !== undefined) return false
  if (entry.digest && !entry.newTag && tag !== undefined) return false
  return true
}

/** Per argument, the targets whose render holds its resulting image and those whose does not. */
export function checkArguments(specs: ImageSpec[], targets: RenderedTarget[]): ArgumentCheck[] {
  return specs.map(spec => {
    const holds = (t: RenderedTarget) => {
      const entry = t.after.find(e => e.name === spec.name) ?? { name: spec.name }
      return t.images.some(image => producedBy(entry, image))
    }
    return { spec, matched: targets.filter(holds), missed: targets.filter(t => !holds(t)) }
  })
}

const lastSegment = (name: string) => name.slice(name.lastIndexOf('/') + 1)

/** Levenshtein distance (short strings: image names). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)))
    row = next
  }
  return row[b.length]
}

/** How far a rendered image name is from the argument's name: 0 the same last segment, larger worse. */
function distance(argName: string, name: string): number {
  const [a, b] = [lastSegment(argName), lastSegment(name)]
  if (a === b) return 0
  if (name.endsWith(`/${argName}`) || argName.endsWith(`/${name}`)) return 1
  return 1 + editDistance(a, b)
}

/** Close enough to suggest: the same last path segment, or a few typos in it. */
const nearEnough = (argName: string, name: string) => distance(argName, name) <= 1 + Math.max(2, Math.floor(lastSegment(argName).length / 3))

/**
 * The rendered images nearest the argument's name first, and the names to suggest: a rendered
 * name, or the `images:` entry name that produced it (kustomize matches the name before renaming).
 */
export function nearestImages(spec: ImageSpec, targets: RenderedTarget[]): { images: string[]; names: string[] } {
  const images = [...new Set(targets.flatMap(t => t.images))]
  const rank = (image: string) => distance(spec.name, splitImage(image).name)
  images.sort((x, y) => rank(x) - rank(y) || x.localeCompare(y))
  const origin = (name: string) => targets.flatMap(t => t.after).find(e => e.newName === name && e.name !== spec.name)?.name ?? name
  const names = [...new Set(images.map(i => splitImage(i).name).filter(n => n !== spec.name && nearEnough(spec.name, n)).map(origin))]
  return { images, names }
}

/** The argument with another name: `N=*:v2` and `N:v2`, or `N=newName:v2` when it renames. */
export function suggestions(spec: ImageSpec, name: string): string[] {
  const rest = (spec.newTag !== undefined ? `:${spec.newTag}` : '') + (spec.digest !== undefined ? `@${spec.digest}` : '')
  if (spec.newName !== undefined) return [`${name}=${spec.newName}${rest}`]
  return [`${name}=*${rest}`, `${name}${rest}`]
}

const MAX_LISTED = 5

/** `images: 'web:v2' matches no container in apps/web; rendered images: …; did you mean …?` */
export function unmatchedMessage(check: ArgumentCheck): string {
  const { spec, missed } = check
  const { images, names } = nearestImages(spec, missed)
  const listed = images.length === 0 ? 'none' : images.slice(0, MAX_LISTED).join(', ') + (images.length > MAX_LISTED ? ` (and ${images.length - MAX_LISTED} more)` : '')
  const hint = names.length > 0 ? ` — did you mean ${suggestions(spec, names[0]).join(' or ')}?` : ''
  return `images: '${spec.arg}' matches no container in ${missed.map(t => t.rel).join(', ')}; rendered images: ${listed}${hint}`
}

/** For a target where an argument matched elsewhere: the warning at its kustomization file. */
export function partialMessage(check: ArgumentCheck, target: RenderedTarget): string {
  const elsewhere = check.matched.map(t => t.rel)
  const shown = elsewhere.slice(0, 3).join(', ') + (elsewhere.length > 3 ? ` and ${elsewhere.length - 3} more` : '')
  return `images: '${check.spec.arg}' matches no container in ${target.rel} (it does in ${shown}); this target keeps its images`
}
