/**
 * Which `images:` entries' order decides the render, and where new entries go (pure).
 *
 * kustomize v5.5 applies the entries one after the other, each to what the ones before it made
 * of an image, and matches an image against an entry's name as a regular expression,
 * `^<name>(:[A-Za-z0-9_.{}-]*)?(@sha256:[A-Za-z0-9_.{}-]*)?$`: a name that carries a tag
 * (`app:latest`) matches that tag, and a plain one (`app`) matches it too; a dot matches any
 * character. `kustomize edit set image` writes the list sorted by name. So two entries that can
 * both change one image, or where one can change what the other made of it, decide the render
 * by their order, and must stand in name order for the render to be kustomize's; any other two
 * commute (applied in either order, the same images come out).
 */
import { FileError } from '../errors.js'
import type { ImageEntry } from './image-spec.js'

/** A character class: one literal character, or any but a line break, a tag character, anything. */
type Cls = string | typeof ANY | typeof TAG | typeof ALL
const ANY = 0
const TAG = 1
const ALL = 2

interface State {
  accept: boolean
  out: [Cls, number][]
}

const admits = (c: Cls, ch: string): boolean => (c === ANY ? ch !== '\n' : c === TAG ? /^[A-Za-z0-9_.{}-]$/.test(ch) : c === ALL || c === ch)

function meet(a: Cls, b: Cls): boolean {
  if (typeof a === 'string') return admits(b, a)
  return typeof b === 'string' ? admits(a, b) : true
}

const matchers = new Map<string, State[]>()

/** The automaton of the regular expression kustomize makes of a name, built once per run. */
function matcher(name: string, p: Cls[]): State[] {
  let states = matchers.get(name)
  if (!states) {
    if (matchers.size > 10_000) matchers.clear()
    states = automaton(p, 'match')
    matchers.set(name, states)
  }
  return states
}

/**
 * An automaton for `prefix` followed by: `match`, the optional tag and digest of the regular
 * expression above; `output`, nothing or `:`/`@` and then anything; or nothing more (`end`).
 */
function automaton(prefix: Cls[], tail: 'match' | 'output' | 'end'): State[] {
  const states: State[] = prefix.map((c, i) => ({ accept: false, out: [[c, i + 1]] }))
  const end = prefix.length
  if (tail === 'end') return [...states, { accept: true, out: [] }]
  if (tail === 'output') return [...states, { accept: true, out: [[':', end + 1], ['@', end + 1]] }, { accept: true, out: [[ALL, end + 1]] }]
  const digest = end + 2
  states.push({ accept: true, out: [[':', end + 1], ['@', digest]] }, { accept: true, out: [[TAG, end + 1], ['@', digest]] })
  ;[...'sha256:'].forEach((ch, i) => states.push({ accept: false, out: [[ch, digest + i + 1]] }))
  states.push({ accept: true, out: [[TAG, digest + 7]] })
  return states
}

/** Whether some string is read by both automata. */
function intersects(a: State[], b: State[]): boolean {
  const seen = new Set<number>([0])
  const queue: [number, number][] = [[0, 0]]
  while (queue.length > 0) {
    const [p, q] = queue.pop()!
    if (a[p].accept && b[q].accept) return true
    for (const [c1, p2] of a[p].out) {
      for (const [c2, q2] of b[q].out) {
        const key = p2 * b.length + q2
        if (meet(c1, c2) && !seen.has(key)) {
          seen.add(key)
          queue.push([p2, q2])
        }
      }
    }
  }
  return false
}

const patterns = new Map<string, Cls[] | undefined>()

/** A name as kustomize's regular expression reads it; undefined if it holds other operators. */
function pattern(name: string): Cls[] | undefined {
  if (!patterns.has(name)) {
    if (patterns.size > 10_000) patterns.clear()
    patterns.set(name, /[\\^$*+?()[\]{}|]/.test(name) ? undefined : [...name].map(ch => (ch === '.' ? ANY : ch)))
  }
  return patterns.get(name)
}

/** Whether two texts can agree as far as both go (a quick test before the automata). */
function agree(x: Cls[], y: Cls[]): boolean {
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i] && !meet(x[i], y[i])) return false
  return true
}

/** The tag and digest an entry writes, when it writes them (else the image keeps its own). */
function writtenTail(e: ImageEntry): string | undefined {
  if (e.newTag && e.digest) return `:${e.newTag}@${e.digest}`
  if (e.newTag) return `:${e.newTag}`
  if (e.digest) return `@${e.digest}`
  return undefined
}

const outputs = new WeakMap<ImageEntry, { name: Cls[]; states: State[] }[]>()

/**
 * Where kustomize can split a matched image into name and tag or digest: at the first `:` or `@`
 * after the first `/`, which is a `:` or `@` of the name or a dot of it standing for one (a dot
 * before the first `/` of the name standing for a `/` is not considered), or at the name's end.
 */
function nameEnds(pa: Cls[]): number[] {
  const slash = pa.indexOf('/')
  const ends = pa.flatMap((c, i) => (i > slash && (c === ':' || c === '@' || c === ANY) ? [i] : []))
  return [...ends, pa.length]
}

/**
 * What an entry writes: its new name, or the name part of what it matched, then the tag and
 * digest it sets, or else the image's own (then anything after a `:` or `@`, to be safe).
 */
function output(a: ImageEntry, pa: Cls[]): { name: Cls[]; states: State[] }[] {
  let out = outputs.get(a)
  if (!out) {
    const tail = writtenTail(a)
    const names = a.newName ? [[...a.newName]] : nameEnds(pa).map(end => pa.slice(0, end))
    out = names.map(name => ({ name, states: tail === undefined ? automaton(name, 'output') : automaton([...name, ...tail], 'end') }))
    outputs.set(a, out)
  }
  return out
}

/** Whether what `a` makes of an image can be matched by `b`. */
function feeds(a: ImageEntry, pa: Cls[], b: string, pb: Cls[]): boolean {
  return output(a, pa).some(out => agree(out.name, pb) && intersects(out.states, matcher(b, pb)))
}

/** Whether the order of two entries can change a render. */
export function interacts(a: ImageEntry, b: ImageEntry): boolean {
  const pa = pattern(a.name)
  const pb = pattern(b.name)
  if (!pa || !pb) return true
  const overlap = agree(pa, pb) && intersects(matcher(a.name, pa), matcher(b.name, pb))
  return overlap || feeds(a, pa, b.name, pb) || feeds(b, pb, a.name, pa)
}

/** kustomize's order of names (Go compares the bytes of UTF-8). */
export const nameOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

export interface Kept {
  entry: ImageEntry
  line: number
}

/** Entries that stay are not moved: two of them out of name order whose order matters are refused. */
export function checkOrder(kept: Kept[], file: string): void {
  for (let j = 1; j < kept.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [kept[i], kept[j]]
      if (nameOrder(a.entry.name, b.entry.name) <= 0 || !interacts(a.entry, b.entry)) continue
      throw new FileError(
        `${file}:${b.line}: images entries '${a.entry.name}' (line ${a.line}) and '${b.entry.name}' (line ${b.line}) can change the same image, ` +
          `so their order decides the render; kustomize edit set image writes the list sorted by name, which would apply '${b.entry.name}' first; ` +
          `put the two in name order (and check the render) before running the edit`,
        file,
        b.line
      )
    }
  }
}

/**
 * Where each new entry goes, as an index of `kept` to stand before (`kept.length`: the end): as
 * late as it can while it stands in name order with every entry it interacts with.
 */
export function placeNewEntries(kept: Kept[], added: ImageEntry[], file: string): number[] {
  const slots = added.map(() => kept.length)
  const lows = added.map(() => 0)
  added.forEach((n, k) => {
    kept.forEach((e, i) => {
      if (!interacts(n, e.entry)) return
      if (nameOrder(e.entry.name, n.name) < 0) lows[k] = Math.max(lows[k], i + 1)
      else slots[k] = Math.min(slots[k], i)
    })
  })
  const descending = added.map((_, k) => k).sort((x, y) => nameOrder(added[y].name, added[x].name))
  descending.forEach((k, at) => {
    for (const m of descending.slice(0, at)) if (interacts(added[k], added[m])) slots[k] = Math.min(slots[k], slots[m])
    if (slots[k] >= lows[k]) return
    throw new FileError(
      `${file}: the new images entry '${added[k].name}' cannot stand in name order with every entry that can change the same image ` +
        `(kustomize edit set image sorts the list, and the order decides the render); add it by hand`,
      file
    )
  })
  return slots
}

/** New entries of one place in argument order, except that those whose order matters go in name order. */
export function orderWithin(entries: ImageEntry[]): ImageEntry[] {
  const left = [...entries]
  const out: ImageEntry[] = []
  while (left.length > 0) {
    const next = left.findIndex(e => !left.some(o => o !== e && nameOrder(o.name, e.name) < 0 && interacts(e, o)))
    out.push(...left.splice(next, 1))
  }
  return out
}
