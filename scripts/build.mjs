// `npm run package`: bundles src/index.ts into dist/ with esbuild, as the runner loads it
// (Node 24, ESM). What a run does not always need (Octokit and its plugins) is split into
// chunks loaded by dynamic import(), so a run that never talks to the GitHub API never parses
// them. dist/ is rebuilt from scratch, so a chunk the sources no longer produce is not left
// behind. Also writes dist/package.json (ESM) and dist/licenses.txt (every bundled package's
// license).
//
// One deliberate tree-shaking hint: @actions/core's OIDC client (oidc-utils) is marked free
// of side effects. It is reached only through core.getIDToken, which this action never calls,
// and it alone pulls @actions/http-client and undici (about 40 ms of start-up) into every run.
import * as esbuild from 'esbuild'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist')

const oidcUnused = {
  name: 'oidc-unused',
  setup(build) {
    build.onResolve({ filter: /\/oidc-utils(\.js)?$/ }, async args => {
      if (args.pluginData === 'oidc-unused' || !args.importer.includes(`${path.sep}@actions${path.sep}core${path.sep}`)) return undefined
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'oidc-unused' })
      return { ...resolved, sideEffects: false }
    })
  }
}

rmSync(out, { recursive: true, force: true })
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'src/index.ts')],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  // CommonJS dependencies (yaml's Node build) call require() for Node built-ins
  banner: { js: "import { createRequire as __kidCreateRequire } from 'node:module'; const require = __kidCreateRequire(import.meta.url);" },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [oidcUnused]
})
writeFileSync(path.join(out, 'package.json'), '{\n  "type": "module"\n}\n')
writeFileSync(path.join(out, 'licenses.txt'), licenses(result.metafile))

/** Every bundled package, by name: its license field and the text of its LICENSE file. */
function licenses(metafile) {
  const packages = new Map()
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/')
    if (at < 0) continue
    const parts = input.slice(at + 'node_modules/'.length).split('/')
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
    packages.set(name, path.join(root, input.slice(0, at), 'node_modules', name))
  }
  return [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
      const file = existsSync(dir) ? readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined
      const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : ''
      return `${name}@${manifest.version}\n${manifest.license ?? 'UNKNOWN'}\n${text}\n`
    })
    .join('\n')
}
