/**
 * Test keys and certificates made with openssl: a CA, a server certificate for 127.0.0.1 and
 * localhost signed by it (the registry's and the token issuer's TLS), and a self-signed key pair
 * the token issuer signs its JWTs with (the registry trusts it through `rootcertbundle`).
 * Plus the bcrypt htpasswd line, through the system's crypt(3) (libxcrypt) from perl: no extra
 * package, no build.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'

export interface TestCA {
  dir: string
  /** the CA certificate: NODE_EXTRA_CA_CERTS for the action */
  caFile: string
  certFile: string
  keyFile: string
  /** the token signing key and its self-signed certificate */
  tokenKeyFile: string
  tokenCertFile: string
}

const openssl = (cwd: string, ...args: string[]) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })

export function makeCA(dir: string): TestCA {
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=kid test CA')
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1')
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n')
  openssl(dir, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext')
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'token.key', '-out', 'token.pem', '-days', '2', '-subj', '/CN=kid test token issuer')
  const at = (f: string) => path.join(dir, f)
  return { dir, caFile: at('ca.pem'), certFile: at('server.pem'), keyFile: at('server.key'), tokenKeyFile: at('token.key'), tokenCertFile: at('token.pem') }
}

/** The token certificate as DER base64, for the JWT's `x5c` header. */
export function certDerBase64(pemFile: string): string {
  const pem = readFileSync(pemFile, 'utf8')
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
}

/** `user:$2b$…` for an htpasswd file (distribution accepts only bcrypt). */
export function htpasswdLine(user: string, password: string): string {
  const salt = '$2b$05$' + Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256))).toString('base64').replace(/[+=]/g, '.').slice(0, 22)
  const hash = execFileSync('perl', ['-e', 'my $pw = <STDIN>; chomp $pw; print crypt($pw, $ARGV[0])', salt], { input: `${password}\n`, encoding: 'utf8' })
  if (!hash.startsWith('$2b$')) throw new Error(`crypt(3) here does not do bcrypt (got '${hash.slice(0, 8)}…'): the registry tests need libxcrypt`)
  return `${user}:${hash}`
}
