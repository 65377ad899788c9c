#!/usr/bin/env node
// Lints every workflow example of a Markdown file (README.md by default) with actionlint, so an
// example that would not run on GitHub fails CI.
//
//   usage: node scripts/lint-readme-workflows.mjs ACTIONLINT [FILE.md]
//
// Each ```yaml block is classified:
//   - a whole workflow (top-level `on` and `jobs`) is linted as it is;
//   - a `jobs:` block without `on` gets `on: push` around it;
//   - workflow-level keys alone (`permissions:`, `concurrency:` …) get `on: push` and a minimal
//     job, as a reader pasting them at the top of a workflow would;
//   - a list of steps (each with `uses` or `run`) is wrapped in a minimal job;
//   - anything else that mentions no workflow keys (a kustomization, a commit message) is skipped;
//   - anything else that does (`runs-on`, `uses:`, `steps:`, `permissions:` …) is an error: an
//     example a reader cannot paste into a workflow as shown.
// `uses: kustomize-image-deploy/kustomize-image-deploy@…` becomes `uses: ./`, so actionlint
// checks the example's inputs against this repository's action.yml. The blocks are linted in a
// temporary project (a `.git` folder, `.github/workflows/`, copies of action.yml and of
// .github/actionlint.yaml), and every
// finding is reported at the Markdown file's own line and column. Links to `#anchors` that no
// heading of the file has are findings too (the scenarios are reached through them).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { parse } from 'yaml'

export const ACTION = 'kustomize-image-deploy/kustomize-image-deploy'
const TOP_LEVEL = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency'])
const WORKFLOW_KEYS = /^\s*(-\s+)?(uses|runs-on|steps|permissions|concurrency|jobs|on|strategy|with|run):/m

/** Every ```yaml / ```yml fence of a Markdown text: its body and the line (1-based) of its first body line. */
export function yamlBlocks(markdown) {
  const lines = markdown.split('\n')
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(yaml|yml)\s*$/.exec(lines[i])
    if (!open) continue
    const [, indent, fence] = open
    const body = []
    let j = i + 1
    while (j < lines.length && !(lines[j].trim().startsWith(fence) && lines[j].trim().replace(/[`~]/g, '') === '')) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j])
      j++
    }
    blocks.push({ line: i + 2, text: body.join('\n'), column: indent.length })
    i = j
  }
  return blocks
}

/**
 * A block as a workflow file: `{ kind, text, offset }` where the Markdown line of workflow line n
 * is `block.line + n - 1 - offset`; `{ kind: 'skip' }` for YAML that is no workflow example,
 * `{ kind: 'error', message }` for one that cannot be linted.
 */
export function asWorkflow(block) {
  let doc
  try {
    doc = parse(block.text)
  } catch (error) {
    return { kind: 'error', message: `not valid YAML: ${String(error.message).split('\n')[0]}` }
  }
  const text = rewriteUses(block.text)
  if (isObject(doc) && 'jobs' in doc && ('on' in doc || true in doc)) return { kind: 'workflow', text, offset: 0 }
  if (isObject(doc) && 'jobs' in doc) return { kind: 'jobs', text: `on: push\n${text}`, offset: 1 }
  if (isObject(doc) && Object.keys(doc).length > 0 && Object.keys(doc).every((k) => TOP_LEVEL.has(k))) {
    const on = 'on' in doc ? '' : 'on: push\n'
    const job = '\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo example\n'
    return { kind: 'top-level', text: on + text + job, offset: on ? 1 : 0 }
  }
  if (Array.isArray(doc) && doc.length > 0 && doc.every((s) => isObject(s) && ('uses' in s || 'run' in s))) {
    const lines = text.split('\n')
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length))
    const steps = lines.map((l) => (l.trim() ? ' '.repeat(6) + l.slice(indent) : l)).join('\n')
    const header = 'on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n'
    return { kind: 'steps', text: header + steps, offset: 5, shift: 6 - indent }
  }
  if (!WORKFLOW_KEYS.test(block.text)) return { kind: 'skip' }
  return {
    kind: 'error',
    message: 'a workflow fragment that is neither a whole workflow, a jobs: block nor a list of steps; show it in a complete workflow'
  }
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** This action's published name becomes `./`: actionlint then checks inputs against action.yml. */
export function rewriteUses(text) {
  const name = ACTION.replace(/[/-]/g, (c) => `\\${c}`)
  return text.replace(new RegExp(`(uses:\\s*)${name}@[^\\s#]+`, 'g'), '$1./')
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2 … */
export function anchors(markdown) {
  const seen = new Map()
  const out = new Set()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fenced = !fenced
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!m) continue
    const base = m[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    out.add(n ? `${base}-${n}` : base)
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1])
  return out
}

/** Links to `#anchor` that no heading of the same file has. */
export function brokenAnchors(markdown) {
  const known = anchors(markdown)
  const broken = []
  markdown.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\]\(#([^)\s]+)\)/g)) {
      if (!known.has(decodeURIComponent(m[1]))) broken.push({ line: i + 1, column: m.index + 3, message: `link to #${m[1]}: no such heading` })
    }
  })
  return broken
}

/** Lints the Markdown file's blocks; returns the findings, each `{ line, column, message }` at the Markdown file. */
export function lintMarkdown(actionlint, file, actionYml, config) {
  const root = mkdtempSync(join(tmpdir(), 'readme-workflows-'))
  try {
    mkdirSync(join(root, '.git'))
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true })
    copyFileSync(actionYml, join(root, 'action.yml'))
    if (config && existsSync(config)) copyFileSync(config, join(root, '.github', 'actionlint.yaml'))
    // actionlint checks that the action's entry point exists; the bundle itself is not needed
    const main = parse(readFileSync(actionYml, 'utf8'))?.runs?.main
    if (main) {
      mkdirSync(dirname(join(root, main)), { recursive: true })
      writeFileSync(join(root, main), '')
    }
    const markdown = readFileSync(file, 'utf8')
    const findings = brokenAnchors(markdown)
    const linted = new Map()
    let skipped = 0
    yamlBlocks(markdown).forEach((block, index) => {
      const workflow = asWorkflow(block)
      if (workflow.kind === 'skip') return void skipped++
      if (workflow.kind === 'error') return void findings.push({ line: block.line, column: 1, message: workflow.message })
      const name = `example-${String(index + 1).padStart(2, '0')}.yml`
      writeFileSync(join(root, '.github', 'workflows', name), workflow.text + '\n')
      linted.set(name, { block, workflow })
    })
    if (linted.size > 0) findings.push(...runActionlint(actionlint, root, linted))
    return { findings: findings.sort((a, b) => a.line - b.line), linted: linted.size, skipped }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

function runActionlint(actionlint, root, linted) {
  let out
  try {
    out = execFileSync(actionlint, ['-no-color', '-format', '{{json .}}', ...[...linted.keys()].map((n) => `.github/workflows/${n}`)], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
  } catch (error) {
    // exit 1: problems found (JSON on stdout); anything else: actionlint itself failed
    if (error.status !== 1 || !error.stdout) throw new Error(`actionlint failed: ${error.stderr || error.message}`)
    out = error.stdout
  }
  const errors = JSON.parse(out || '[]') ?? []
  return errors.map((e) => {
    const { block, workflow } = linted.get(e.filepath.split('/').pop())
    const inBlock = e.line - workflow.offset
    if (inBlock < 1) return { line: block.line, column: 1, message: `${e.message} [${e.kind}] (in the wrapper around this block)` }
    const column = Math.max(1, e.column - (workflow.shift ?? 0)) + block.column
    return { line: block.line + inBlock - 1, column, message: `${e.message} [${e.kind}]` }
  })
}

function main() {
  const [actionlint, file = 'README.md'] = process.argv.slice(2)
  if (!actionlint) {
    console.error('usage: node scripts/lint-readme-workflows.mjs ACTIONLINT [FILE.md]')
    process.exit(2)
  }
  const repo = resolve(dirname(new URL(import.meta.url).pathname), '..')
  const config = join(repo, '.github', 'actionlint.yaml')
  const { findings, linted, skipped } = lintMarkdown(actionlint, file, join(repo, 'action.yml'), config)
  const rel = relative(process.cwd(), resolve(file))
  const shown = rel && !rel.startsWith('..') ? rel : file
  for (const f of findings) console.log(`${shown}:${f.line}:${f.column}: ${f.message}`)
  console.log(`${shown}: ${linted} workflow example(s) linted, ${skipped} other YAML block(s) skipped, ${findings.length} problem(s)`)
  if (linted === 0) console.error(`${shown}: no workflow example found`)
  process.exit(findings.length > 0 || linted === 0 ? 1 : 0)
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) main()
