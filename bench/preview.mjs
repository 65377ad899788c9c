// Benchmark (issue 6): our own time to diff and format a 3,000-resource change (kubectl
// kustomize excluded), against the bare `diff` library's createTwoFilesPatch over the same two
// concatenated renders, measured in the same run. The pure modules are compiled with tsc into
// .bench/preview first (a few seconds), so this runs the very code the bundle holds.
//
//   node bench/preview.mjs   (BENCH_RESOURCES=3000, BENCH_RUNS=5, BENCH_REF_RUNS=1 by default)
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, report, time } from './lib.mjs'

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 3000)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const OUT = path.join(ROOT, '.bench', 'preview')

execFileSync(
  path.join(ROOT, 'node_modules', '.bin', 'tsc'),
  ['--ignoreConfig', '--outDir', OUT, '--rootDir', ROOT, '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2023',
    '--types', 'node', '--skipLibCheck', '--strict', path.join(ROOT, 'src', 'preview', 'pr-comment.ts'), path.join(ROOT, 'src', 'preview', 'resource-diff.ts')],
  { stdio: 'inherit' }
)
const load = name => import(pathToFileURL(path.join(OUT, 'src', 'preview', name)).href)
const { diffRenders } = await load('resource-diff.js')
const { COMMENT_LIMIT, DIFF_OUTPUT_LIMIT, commentMarker, diffText, fitMarkdown, summarySection } = await load('pr-comment.js')
const { createTwoFilesPatch } = await import('diff')

/** What `kubectl kustomize` prints for one Deployment (its canonical key order). */
const deployment = (i, tag, probe) => `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web-${i}
  name: web-${i}
  namespace: staging
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web-${i}
  template:
    metadata:
      labels:
        app: web-${i}
    spec:
      containers:
      - image: registry.example/app:${tag}
        livenessProbe:
          httpGet:
            path: ${probe}
            port: 8080
        name: app
        ports:
        - containerPort: 8080
        resources:
          limits:
            memory: 256Mi
`
const secret = value => `apiVersion: v1
data:
  password: ${Buffer.from(value).toString('base64')}
kind: Secret
metadata:
  name: db
  namespace: staging
type: Opaque
`
const render = (tag, probe, pw) => [secret(pw), ...Array.from({ length: RESOURCES }, (_, i) => deployment(i, tag, probe))].join('---\n')
const base = render('v1', '/healthz', 'old-password')
const head = render('v2', '/livez', 'new-password')

let sizes = {}
const ours = () => {
  const diff = diffRenders(base, head)
  const p = { environment: 'staging', path: 'overlays/staging', diff, base: 'aaaaaaa', head: 'bbbbbbb' }
  const comment = fitMarkdown(p, { limit: COMMENT_LIMIT, marker: commentMarker('staging', 'overlays/staging'), pointer: 'see the job summary' })
  const summary = summarySection([p])
  const text = diffText([p], DIFF_OUTPUT_LIMIT)
  sizes = { changed: diff.counts.changed, comment: comment.markdown.length, level: comment.level, summary: Buffer.byteLength(summary), text: text.length }
}
const reference = () => createTwoFilesPatch('base', 'head', base, head)

// the reference is slow (Myers over 1.5 MB): one timed run after the warm-up
const refMs = time(reference, Number(process.env.BENCH_REF_RUNS ?? 1))
const oursMs = time(ours, RUNS)
report(`${RESOURCES} changed Deployments + 1 Secret (${(base.length / 1024).toFixed(0)} KiB per render), ours: median of ${RUNS}`, [
  ['bare diff.createTwoFilesPatch over the renders (reference)', `${refMs.toFixed(0)} ms`],
  ['ours: per-resource diff + redaction + comment + summary + output', `${oursMs.toFixed(0)} ms`],
  ['ratio ours / reference', (oursMs / refMs).toFixed(2)],
  ['target: ours under 2000 ms', oursMs < 2000 ? 'met' : 'NOT met'],
  ['comment', `${sizes.comment} characters (${sizes.level}), limit ${COMMENT_LIMIT}`],
  ['summary section', `${sizes.summary} bytes`],
  ['diff output', `${sizes.text} characters`]
])
if (sizes.changed !== RESOURCES + 1) throw new Error(`expected ${RESOURCES + 1} changed resources, got ${sizes.changed}`)
if (oursMs >= 2000) process.exitCode = 1
