// `npm run bench`: every benchmark that needs no cluster, one after another. Each prints its
// ratio against a reference measured in the same run. The apply benchmark needs the control
// plane: `npm run bench:apply`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT } from './lib.mjs'

const BENCHES = ['edit-render.mjs', 'verify-images.mjs', 'commit-back.mjs', 'signed-commits.mjs', 'preview.mjs']
let failed = 0
for (const name of BENCHES) {
  const file = path.join(ROOT, 'bench', name)
  if (!existsSync(file)) continue
  console.log(`\n=== ${name}`)
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
