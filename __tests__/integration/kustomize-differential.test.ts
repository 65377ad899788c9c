/**
 * Differential check against the real thing: the same arguments given to kustomize v5.5's own
 * `kustomize edit set image` (built from the Go module proxy by scripts/build-kustomize.sh) and
 * to our edit must yield the same images entries, and `kubectl kustomize` must render the two
 * results identically.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseImageArgs, type ImageEntry } from '../../src/edit/image-spec.js'
import { editImages, readImages } from '../../src/edit/kustomization.js'
import { ROOT } from '../helpers/action.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'
import { EDIT_CASES } from '../unit/edit-cases.js'

const KUSTOMIZE = execFileSync('bash', [path.join(ROOT, 'scripts/build-kustomize.sh')], { encoding: 'utf8', timeout: 600_000 }).trim()
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'unit', 'fixtures', 'edit')

const byName = (entries: ImageEntry[]) => [...entries].sort((a, b) => a.name.localeCompare(b.name))

function kustomizeEdit(dir: string, args: string[]): void {
  execFileSync(KUSTOMIZE, ['edit', 'set', 'image', ...args], { cwd: dir, stdio: 'pipe' })
}

describe('our edit agrees with kustomize edit set image', () => {
  it('the kustomize binary is v5.5', () => {
    // `go install` leaves `kustomize version` at (devel); the module version is in the build info
    expect(execFileSync('go', ['version', '-m', KUSTOMIZE], { encoding: 'utf8' })).toMatch(/mod\s+sigs\.k8s\.io\/kustomize\/kustomize\/v5\s+v5\.5\.0/)
  })

  it.each(EDIT_CASES)('$name: same images entries', ({ name, args }) => {
    const before = readFileSync(path.join(FIXTURES, name, 'before.yaml'), 'utf8')
    const dir = tempDir('kid-kz-')
    writeFileSync(path.join(dir, 'kustomization.yaml'), before)
    kustomizeEdit(dir, args)
    const theirs = readImages(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'), 'kustomize')
    const ours = editImages(before, parseImageArgs(args), 'ours').after
    expect(byName(ours)).toEqual(byName(theirs))
  })
})

const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'
const POD = (images: string[]) =>
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n' +
  images.map((image, i) => `  - name: c${i}\n    image: ${image}\n`).join('')

const OCM = 'quay.io/open-cluster-management/registration-operator'
const RENDER_CASES: { name: string; overlay: string; args: string[]; pod?: string[] }[] = [
  { name: 'tag bump keeps newName', overlay: 'images:\n- name: web\n  newName: reg.io/team/web\n  newTag: v1\n', args: ['web=*:v2'] },
  { name: 'tag-only argument drops newName', overlay: 'images:\n- name: web\n  newName: reg.io/team/web\n  newTag: v1\n', args: ['web:v2'] },
  { name: 'numeric tags', overlay: '', args: ['web:1.10', 'api:1e3', 'worker:0755'] },
  { name: 'digest and tag', overlay: 'images:\n- name: api\n  newTag: old\n', args: [`api=localhost:5000/api:v3@${D}`] },
  { name: 'registry with port in name', overlay: '', args: ['localhost:5000/legacy:v9'] },
  { name: 'keep digest, new tag', overlay: `images:\n- name: worker\n  digest: ${D}\n`, args: ['worker:v2@*'] },
  { name: 'many at once, flow style', overlay: 'images: [{name: web, newTag: a}]\n', args: ['web:b', 'api=reg/api:c', `worker@${D}`] },
  // issue 17: kustomize applies the entries in order and its edit sorts them by name
  {
    name: 'a new plain name beside the same name with a tag (open-cluster-management)',
    overlay: `images:\n- name: ${OCM}:latest\n  newName: ${OCM}\n  newTag: latest\n`,
    args: [`${OCM}:latest@${D}`],
    pod: [`${OCM}:latest`]
  },
  { name: 'a new entry whose new name a later entry matches', overlay: 'images:\n- name: web\n  newTag: v1\n- name: worker\n  newTag: v1\n', args: ['api=worker:v9'] },
  { name: 'new entries around a tagged name', overlay: 'images:\n- name: web\n  newTag: v1\n- name: app:v1\n  newTag: v1\n', args: ['zz=app:v1', 'app:v3'], pod: ['app:v1', 'zz', 'app'] }
]

describe('kubectl kustomize renders our result exactly as kustomize\'s own edit', () => {
  it.each(RENDER_CASES)('$name', ({ overlay, args, pod }) => {
    const root = tempDir('kid-render-')
    writeFiles(root, {
      'base/kustomization.yaml': 'resources:\n- pod.yaml\n',
      'base/pod.yaml': POD(pod ?? ['web:v0', 'api', 'worker:1', 'localhost:5000/legacy:v1']),
      'ours/kustomization.yaml': `resources:\n- ../base\n${overlay}`
    })
    cpSync(path.join(root, 'ours'), path.join(root, 'theirs'), { recursive: true })
    const file = path.join(root, 'ours/kustomization.yaml')
    writeFileSync(file, editImages(readFileSync(file, 'utf8'), parseImageArgs(args), 'ours').content)
    kustomizeEdit(path.join(root, 'theirs'), args)
    const render = (dir: string) => execFileSync('kubectl', ['kustomize', path.join(root, dir)], { encoding: 'utf8' })
    expect(render('ours')).toBe(render('theirs'))
  })
})

// Tags and names go-yaml v2 (kustomize's YAML reader) would take for something else than the
// string, and look-alikes that are strings: every one must render exactly as given.
const TRICKY = [
  '1e1_0', '5e_5', '0.1e1_0', '1_000', '1__0', '0o17', '0O17', '0x1F', '0x_1F', '0b101', '08', '012', '0', '00',
  '1.10', '1e3', '1E3', '3.14', '1_2.5', '1.', '2024-01-01', '2024-1-2', '2024-01-01t10', 'y', 'Y', 'n', 'N',
  'yes', 'No', 'on', 'ON', 'Off', 'true', 'False', 'null', 'NULL', 'inf', 'NaN', 'Infinity', '_1', '1_',
  'v1', 'v1.2.3', '0.0.1', '1.2.3', 'yEs', 'nULL', '1e', '1e1_', '0x', '0b2', '0o8', 'true_1', '1-2'
]

describe('kustomize reads every tag and name we write as the very string', () => {
  it('renders each tricky tag and each tricky image name exactly', () => {
    const root = tempDir('kid-quote-')
    const names = TRICKY.map((_, i) => `img${i}`)
    const weird = TRICKY.filter(t => /^[A-Za-z0-9_]/.test(t)).slice(0, 30)
    writeFiles(root, {
      'kustomization.yaml': 'resources:\n- pod.yaml\n',
      'pod.yaml': POD([...names.map(n => `${n}:orig`), ...weird.map(w => `${w}:orig`)].map(i => JSON.stringify(i)))
    })
    const args = [...TRICKY.map((t, i) => `${names[i]}:${t}`), ...weird.map(w => `${w}=reg.io/x:v1`)]
    const file = path.join(root, 'kustomization.yaml')
    writeFileSync(file, editImages(readFileSync(file, 'utf8'), parseImageArgs(args), 'k').content)
    const rendered = execFileSync(KUSTOMIZE, ['build', root], { encoding: 'utf8' }).match(/image: \S+/g)!
    expect(rendered).toEqual([...TRICKY.map((t, i) => `image: ${names[i]}:${t}`), ...weird.map(() => 'image: reg.io/x:v1')])
  })
})
