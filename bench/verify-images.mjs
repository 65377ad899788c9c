// Benchmark (issue 18): one overlay through the action with `verify-images: true` against the
// same run with `verify-images: false`, in the same run, on the same overlay. The image lives in
// the real distribution registry (scripts/build-registry.sh) on loopback, TLS from a test CA,
// htpasswd Basic auth (the lookup is a challenged HEAD and the authenticated HEAD, overlapped
// with the render). BENCH_RUNS sets the runs (median of 3x that many).
import { execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { createServer } from 'node:net'
import * as path from 'node:path'
import { ROOT, report, runBundle, tempDir } from './lib.mjs'

const dir = tempDir('kid-bench-registry-')
const sh = (cmd, args, input) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', input, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] })
sh('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=bench CA'])
sh('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'])
writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n')
sh('openssl', ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.ext'])
const salt = '$2b$05$' + randomBytes(16).toString('base64').replace(/[+=]/g, '.').slice(0, 22)
writeFileSync(path.join(dir, 'htpasswd'), `bench:${sh('perl', ['-e', 'my $p = <STDIN>; chomp $p; print crypt($p, $ARGV[0])', salt], 'bench-pw\n')}\n`)

const port = await new Promise(resolve => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address()
    s.close(() => resolve(port))
  })
})
const host = `127.0.0.1:${port}`
mkdirSync(path.join(dir, 'data'))
writeFileSync(path.join(dir, 'config.yml'), `version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}}
http: {addr: '${host}', secret: bench, tls: {certificate: ${path.join(dir, 'server.pem')}, key: ${path.join(dir, 'server.key')}}}
auth: {htpasswd: {realm: bench, path: ${path.join(dir, 'htpasswd')}}}
`)
const binary = execFileSync('bash', [path.join(ROOT, 'scripts/build-registry.sh')], { encoding: 'utf8' }).trim()
const registry = spawn(binary, ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' })
process.on('exit', () => registry.kill('SIGKILL'))

const ca = readFileSync(path.join(dir, 'ca.pem'))
const authorization = `Basic ${Buffer.from('bench:bench-pw').toString('base64')}`
function send(method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url, `https://${host}`), { method, ca, headers: { authorization, 'content-length': String(body?.length ?? 0), ...headers } }, res => {
      res.resume()
      res.on('end', () => resolve(res))
    })
    req.on('error', reject)
    req.end(body)
  })
}
async function blob(data) {
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`
  const opened = await send('POST', '/v2/team/web/blobs/uploads/')
  const at = new URL(opened.headers.location, `https://${host}`)
  at.searchParams.set('digest', digest)
  await send('PUT', at.pathname + at.search, data)
  return { digest, size: data.length }
}
for (let i = 0; ; i++) {
  const up = await send('GET', '/v2/').then(r => r.statusCode, () => 0)
  if (up === 200) break
  if (i > 200) throw new Error('the registry did not start')
  await new Promise(r => setTimeout(r, 50))
}
const config = await blob(Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'))
const layer = await blob(randomBytes(64))
const manifest = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }]
})
const put = await send('PUT', '/v2/team/web/manifests/v2', Buffer.from(manifest), { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
if (put.statusCode !== 201) throw new Error(`push failed: ${put.statusCode}`)

const ws = tempDir('kid-bench-verify-')
cpSync(path.join(ROOT, 'examples/base'), path.join(ws, 'base'), { recursive: true })
mkdirSync(path.join(ws, 'overlay'))
writeFileSync(path.join(ws, 'overlay/kustomization.yaml'), `resources:\n  - ../base\nimages:\n  - name: ghcr.io/example/web\n    newName: ${host}/team/web\n    newTag: v1\n`)
const docker = path.join(dir, 'docker')
mkdirSync(docker)
writeFileSync(path.join(docker, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('bench:bench-pw').toString('base64') } } }))
const env = { DOCKER_CONFIG: docker, NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem') }
const leg = verify => () => {
  const out = runBundle(ws, { path: 'overlay', images: `ghcr.io/example/web=${host}/team/web:v2`, 'verify-images': verify }, env).stdout
  if (verify === 'true' && !out.includes('1 of 1 image(s) found in their registries')) throw new Error(`the verified leg did not look the image up:\n${out}`)
}
// the legs alternate (after one warm-up each), so that a busy machine weighs on both alike
const runs = Number(process.env.BENCH_RUNS ?? 3) * 3
const samples = { false: [], true: [] }
const once = fn => {
  const start = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}
leg('false')()
leg('true')()
for (let i = 0; i < runs; i++) for (const verify of i % 2 ? ['true', 'false'] : ['false', 'true']) samples[verify].push(once(leg(verify)))
const median = list => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]
const [plain, verified] = [median(samples.false), median(samples.true)]
report(`one overlay, image in a Basic-auth registry on loopback (TLS), median of ${runs}`, [
  ['action, verify-images: false (reference)', `${plain.toFixed(0)} ms`],
  ['action, verify-images: true (lookup alongside the render)', `${verified.toFixed(0)} ms`],
  ['ratio verified / unverified (target: about 1, the round trips overlap the render)', (verified / plain).toFixed(2)]
])
process.exit(0)
