/**
 * A seeded generator of kustomization files and `edit set image` arguments across YAML styles:
 * comments everywhere, block and flow, indented roots and sequences, quoting styles, anchors,
 * aliases, merge keys, case-variant keys, BOM, CRLF, no final newline (also after trailing spaces
 * or a comment, often right after the images list), blank lines at the end, block scalars, document
 * markers, tags; entry names that carry a tag or digest beside plain ones, new names that are
 * other entries' names (where the order of entries decides the render). Same seed, same case.
 */
export const POOL = ['app', 'web', 'api', 'ghcr.io/org/worker', 'localhost:5000/team/cron', 'y', '1e3']
const HEX = '24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'
const DIGESTS = [`sha256:${HEX}`, `sha256:${HEX.split('').reverse().join('')}`]
/** Entry names that carry a tag or a digest: kustomize matches them beside the plain name (issue 17). */
export const TAGGED = ['app:v1', 'web:latest', `api@${DIGESTS[0]}`, 'ghcr.io/org/worker:v1']
// new names that are names of other entries: one entry then changes what the other made
const NEW_NAMES = ['reg.io/app', 'ghcr.io/org/app-v2', 'localhost:5000/x/y', 'mirror.example.com:8443/team/web', 'web', 'app']
const TAGS = ['v1', 'v2', 'latest', 'dev-1339', '1.10', '1e3', '1e1_0', '5e_5', '0.1e1_0', '0o17', '0x1F', '0b101', '1_000', '08', '012', 'y', 'n', 'on', 'OFF', 'yes', 'No', 'true', 'null', 'Null', '2024-1-2', '2024-01-01', '1_2.5', '3.14', 'inf', 'NaN', '0', 'v1.2.3', '_x', 'a.b_c-d']

export interface FuzzCase {
  seed: number
  index: number
  kustomization: string
  args: string[]
}

/** mulberry32 */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
}

/** Plain only when every YAML reader surely reads the very string; else quoted. */
const safePlain = (v: string) => /^[a-z][a-z0-9./-]*(?::[0-9]+\/[a-z0-9./-]+)?$/.test(v) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(v)

function scalar(d: Dice, v: string): string {
  if (safePlain(v) && d.chance(0.7)) return v
  if (d.chance(0.5)) return `'${v.replace(/'/g, "''")}'`
  return JSON.stringify(v)
}

interface Style {
  d: Dice
  ind: string
  seq: string
  comments: number
  anchors: string[]
}

const fieldKey = (d: Dice, f: string) =>
  d.chance(0.12) ? d.pick([f.toLowerCase(), f.toUpperCase(), f[0].toUpperCase() + f.slice(1)]) : f

function entry(s: Style, name: string, block: boolean): string[] {
  const { d } = s
  const fields: [string, string][] = [['name', name]]
  if (d.chance(0.4)) fields.push(['newName', d.pick(NEW_NAMES)])
  if (d.chance(0.6)) fields.push(['newTag', d.pick(TAGS)])
  if (d.chance(0.25)) fields.push(['digest', d.pick(DIGESTS)])
  if (d.chance(0.05)) fields.push(['tagSuffix', d.pick(['-debug', '-alpine'])])
  if (d.chance(0.3)) fields.push(fields.splice(0, 1)[0]) // name not first
  const pairs = fields.map(([f, v]) => {
    // now and then a value kustomize itself cannot read (an unquoted number or boolean)
    let value = f === 'newTag' && d.chance(0.03) ? d.pick(['1.10', '1e3', 'on', '012']) : scalar(d, v)
    if (f !== 'name' && s.anchors.length > 0 && d.chance(0.06)) value = `*${d.pick(s.anchors)}`
    else if (f !== 'name' && d.chance(0.05)) {
      const anchor = `a${s.anchors.length}`
      s.anchors.push(anchor)
      value = `&${anchor} ${value}`
    } else if (d.chance(0.03)) value = `!!str ${value}`
    return `${fieldKey(d, f)}: ${value}`
  })
  if (d.chance(0.02)) pairs.push(`${fieldKey(d, 'newTag')}: ${scalar(d, d.pick(TAGS))}`) // a second spelling
  if (d.chance(0.015)) pairs.push(`<<: {newTag: v0}`)
  if (!block) return [`{${pairs.join(', ')}}`]
  const comment = () => (d.chance(s.comments) ? ' # note' : '')
  const dashAnchor = d.chance(0.04) ? '&e ' : ''
  return pairs.map((p, i) => (i === 0 ? `- ${dashAnchor}${p}${comment()}` : `  ${p}${comment()}`))
}

function imagesBlock(s: Style, key: string): string[] {
  const { d } = s
  const form = d.pick(['block', 'block', 'block', 'flow', 'null', 'empty'])
  if (form === 'null') return [`${key}:${d.pick(['', ' ~', ' null', ' !!null', ' # none'])}`]
  if (form === 'empty') return [`${key}: []`]
  const count = d.int(1, 4)
  const names = Array.from({ length: count }, () => d.pick(d.chance(0.15) ? TAGGED : POOL))
  if (form === 'flow') return [`${key}: [${names.map(n => entry(s, n, false)[0]).join(', ')}]`]
  const lines = [`${key}:${d.chance(s.comments) ? ' # pinned images' : ''}`]
  for (const n of names) {
    if (d.chance(s.comments / 2)) lines.push(`${s.seq}# entry`)
    const flowItem = d.chance(0.15)
    const item = flowItem ? [`- ${entry(s, n, false)[0]}`] : entry(s, n, true)
    lines.push(...item.map(l => s.seq + l))
  }
  return lines
}

function annotations(s: Style, last: boolean): string[] {
  const { d } = s
  const anchor = `a${s.anchors.length}`
  const anchored = d.chance(0.3)
  if (anchored) s.anchors.push(anchor)
  const lines = ['commonAnnotations:', `  team: ${anchored ? `&${anchor} ` : ''}${scalar(d, d.pick(['v1', 'platform', 'dev-1339']))}`]
  if (d.chance(0.5)) {
    const header = d.pick(['|', '|-', '|+', '>', '>-'])
    lines.push(`  note: ${header}`, '    first line', '    second line')
    if (header.endsWith('+') && last && d.chance(0.5)) lines.push('')
  }
  return lines
}

export function generate(seed: number, index: number): FuzzCase {
  const d = new Dice(prng((seed * 2654435761 + index * 40503) >>> 0))
  const s: Style = { d, ind: d.chance(0.1) ? '  ' : '', seq: d.chance(0.3) ? '  ' : '', comments: d.pick([0, 0.2, 0.5]), anchors: [] }
  const blocks: string[][] = []
  blocks.push(d.chance(0.5) ? ['resources:', `${s.seq}- deploy.yaml`] : ['resources: [deploy.yaml]'])
  const imagesKey = d.chance(0.1) ? d.pick(['Images', 'IMAGES', 'imageſ']) : 'images'
  const withImages = d.chance(0.8)
  if (withImages) blocks.push(imagesBlock(s, imagesKey))
  if (d.chance(0.4)) blocks.push(annotations(s, false))
  if (d.chance(0.3)) blocks.push(['namespace: ' + scalar(d, 'prod')])
  // shuffle the top-level keys
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = d.int(0, i)
    ;[blocks[i], blocks[j]] = [blocks[j], blocks[i]]
  }
  if (!blocks.some(b => b[0] === 'commonAnnotations:') && d.chance(0.2)) blocks.push(annotations(s, true))
  // how the file ends: with or without a final line break, trailing spaces, a blank line, a comment
  const ending = d.pick(['eol', 'eol', 'eol', 'eol', 'eol', 'none', 'none', 'spaces', 'blank', 'comment'] as const)
  const images = blocks.findIndex(b => /^(images|Images|IMAGES|imageſ):/.test(b[0]))
  if (ending !== 'eol' && images >= 0 && d.chance(0.5)) blocks.push(...blocks.splice(images, 1)) // the images list last
  const lines: string[] = []
  if (d.chance(s.comments)) lines.push('# kustomization for the fuzz')
  if (d.chance(0.1)) lines.push('---')
  for (const b of blocks) {
    if (d.chance(s.comments / 2)) lines.push('')
    lines.push(...b.map(l => (l === '' ? l : s.ind + l)))
  }
  if (d.chance(0.03)) lines.push('---')
  const eol = d.chance(0.15) ? '\r\n' : '\n'
  const tail = { eol, none: '', spaces: '   ', blank: eol + eol, comment: `${eol}# end` }[ending]
  let text = lines.join(eol) + tail
  if (d.chance(0.08)) text = '\uFEFF' + text
  const args = Array.from({ length: d.int(1, 3) }, () => argument(d))
  return { seed, index, kustomization: text, args }
}

function argument(d: Dice): string {
  if (d.chance(0.05)) return `${d.pick(TAGGED)}=${d.pick(NEW_NAMES)}${d.chance(0.5) ? ':' + d.pick(TAGS) : ''}`
  const name = d.pick(POOL)
  const tag = d.chance(0.97) ? d.pick(TAGS) : d.pick(['-bad', 'x'.repeat(129)])
  const digest = d.pick(DIGESTS)
  const star = (v: string) => (d.chance(0.25) ? '*' : v)
  switch (d.int(0, 7)) {
    case 0: return `${name}:${tag}`
    case 1: return `${name}@${digest}`
    case 2: return `${name}:${tag}@${star(digest)}`
    case 3: return `${name}=${d.pick(NEW_NAMES)}`
    case 4: return `${name}=${star(d.pick(NEW_NAMES))}:${star(tag)}`
    case 5: return `${name}=*@${digest}`
    case 6: return `${name}=${d.pick(NEW_NAMES)}:${tag}@${star(digest)}`
    default: return `${name}:${star(tag)}`
  }
}
