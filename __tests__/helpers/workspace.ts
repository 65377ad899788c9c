/** Temporary workspaces for integration tests, seeded from examples/ or from inline files. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { ROOT } from './action.js'

export function tempDir(prefix = 'kid-ws-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

/** A workspace holding a copy of examples/ (base + overlays/staging + overlays/production). */
export function exampleWorkspace(): string {
  const ws = tempDir()
  cpSync(path.join(ROOT, 'examples'), ws, { recursive: true })
  return ws
}

/** A Pod `web` with one container `web` running `image`. */
export const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}
`

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), content)
  }
}

/** Every file under root, relative path → content (to prove nothing changed). */
export function snapshot(root: string, rels: string[]): Record<string, string> {
  return Object.fromEntries(rels.map(rel => [rel, readFileSync(path.join(root, rel), 'utf8')]))
}
