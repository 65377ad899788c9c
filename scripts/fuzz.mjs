// `npm run fuzz -- --cases 20000`: bundles the fuzz CLI (__tests__/fuzz/cli.ts) with esbuild into
// node_modules/.cache/kid-fuzz (again only when a source changed) and runs it; every argument is
// passed on.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'node_modules', '.cache', 'kid-fuzz')
const bundle = path.join(out, 'index.mjs')
const newest = ['src', '__tests__/fuzz']
  .flatMap(dir => readdirSync(path.join(root, dir), { recursive: true }).map(f => path.join(root, dir, String(f))))
  .reduce((t, f) => Math.max(t, statSync(f).mtimeMs), 0)
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest) {
  const banner = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
  execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), [path.join(root, '__tests__/fuzz/cli.ts'), '--bundle', '--platform=node', '--target=node20', '--format=esm', `--banner:js=${banner}`, `--outfile=${bundle}`, '--log-level=warning'], { stdio: 'inherit' })
}
const r = spawnSync(process.execPath, [bundle, '--root', root, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(r.status ?? 1)
