/**
 * kubectl's stderr, classified into one-line messages a workflow author can act on:
 * cluster unreachable, unauthorized, forbidden (verb and resource), rejected by validation
 * (resource and field), server-side apply conflict (with the force-conflicts hint), timeout.
 */

export type ErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'invalid' | 'admission' | 'conflict' | 'not-found' | 'timeout' | 'other'

export interface ClassifiedError {
  kind: ErrorKind
  message: string
}

type Rule = [ErrorKind, RegExp, (m: RegExpExecArray, text: string) => string]

const where = (ns?: string) => (ns ? ` in namespace ${ns}` : ' at cluster scope')
const resource = (res: string, group?: string) => (group ? `${res}.${group}` : res)

const RULES: Rule[] = [
  [
    'conflict',
    /Apply failed with (\d+) conflicts?:/,
    (m, text) => {
      const fields = conflictFields(text).map(([manager, field]) => `${field} (owned by "${manager}")`)
      return `server-side apply conflict: ${fields.join(', ') || `${m[1]} field(s) managed by another field manager`}; set 'force-conflicts: true' to take them over`
    }
  ],
  [
    'conflict',
    /Operation cannot be fulfilled on ([\w.]+) "([^"]+)": the object has been modified/,
    m => `conflict: ${m[1]} "${m[2]}" was modified while it was being applied; run again`
  ],
  [
    'forbidden',
    /User "([^"]+)" cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?/,
    m => `forbidden: user "${m[1]}" may not ${m[2]} ${resource(m[3], m[4])}${where(m[5])}; grant it with RBAC or use another kubeconfig`
  ],
  ['unauthorized', /\(Unauthorized\)|Unauthorized$/m, () => 'unauthorized: the cluster rejected the kubeconfig\'s credentials (expired token or certificate?)'],
  ['admission', /admission webhook "([^"]+)" denied the request: (.+)/, m => `refused by admission webhook ${m[1]}: ${m[2]}`],
  ['admission', /ValidatingAdmissionPolicy '([^']+)'(?: with binding '[^']+')? denied request: (.+)/, m => `refused by admission policy ${m[1]}: ${m[2]}`],
  [
    'invalid',
    /failed to create typed patch object \([^)]*\): (.+)/,
    m => `rejected by validation: ${m[1]}`
  ],
  [
    'invalid',
    /(\w+(?:\.[\w.]+)?) "([^"]+)" is invalid: (.+)/,
    m => `rejected by validation: ${m[1]} "${m[2]}": ${m[3].replace(/^\[|\]$/g, '')}`
  ],
  [
    'invalid',
    /error when (?:creating|patching|applying patch)[^:]*: (\w+) in version "[^"]+" cannot be handled as a \w+: (?:strict decoding error: )?(.+)/,
    m => `rejected by validation: ${m[1]}: ${m[2]}`
  ],
  ['invalid', /ValidationError\(([^)]+)\): (.+)/, m => `rejected by validation: ${m[1]}: ${m[2]}`],
  // a client-side patch kubectl could not send: the reason follows the dump of the patch
  ['invalid', /strict decoding error: (.+)/, m => `rejected by validation: ${m[1]}`],
  ['not-found', /namespaces "([^"]+)" not found/, m => `namespace "${m[1]}" does not exist; create it or add it to the kustomization`],
  [
    'not-found',
    /no matches for kind "([^"]+)" in version "([^"]+)"/,
    m => `the cluster does not know kind ${m[1]} (${m[2]}); install its CustomResourceDefinition first`
  ],
  ['timeout', /timed out waiting for the condition|context deadline exceeded|exceeded its progress deadline/, () => 'timeout'],
  [
    'unreachable',
    /Unable to connect to the server: (.+)|The connection to the server (\S+) was refused|dial tcp [^:]+:\d+: (.+)|no such host|TLS handshake timeout|x509: (.+)/,
    (m, text) => `cluster unreachable: ${shorten(m[1] ?? m[3] ?? m[4] ?? (m[2] ? `connection to ${m[2]} refused` : firstErrorLine(text)))}`
  ]
]

/** `conflict with "M": f` and `conflicts with "M" using v:` followed by `- f` lines → [manager, field]. */
export function conflictFields(text: string): [string, string][] {
  const fields: [string, string][] = []
  let manager = ''
  for (const line of text.split('\n')) {
    const head = /conflicts? with "([^"]+)"(?: using [^:\s]+)?:(?: (\S+))?/.exec(line)
    if (head) {
      manager = head[1]
      if (head[2]) fields.push([manager, head[2]])
      continue
    }
    const item = /^\s*- (\.\S+)/.exec(line)
    if (item && manager) fields.push([manager, item[1]])
  }
  return fields
}

function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text
}

function firstErrorLine(text: string): string {
  const lines = text.split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('Warning:'))
  return lines.find(l => /^error|Error from server/.test(l)) ?? lines[0] ?? ''
}

/** One error text (one object's error, or a whole stderr) → a one-line message. */
export function classify(text: string): ClassifiedError {
  for (const [kind, pattern, message] of RULES) {
    const m = pattern.exec(text)
    if (m) return { kind, message: message(m, text) }
  }
  return { kind: 'other', message: shorten(firstErrorLine(text).replace(/^error: /, '')) || 'kubectl failed without a message' }
}

/** Where one error starts in kubectl's stderr (it prints one per failed object). */
const ERROR_START = /\n(?=error:|Error from server|The request is invalid|The [\w.]+ "[^"]*" is invalid|resource mapping not found)/

/** The error texts of a stderr, one per failed object (warnings left out). */
export function errorChunks(stderr: string): string[] {
  const chunks = stderr.split(ERROR_START).filter(c => /error|invalid|not found/i.test(c) && !/^Warning:/.test(c.trim()))
  return chunks.length > 0 ? chunks : [stderr]
}

/** Every distinct error in a stderr, classified. */
export function classifyAll(stderr: string): ClassifiedError[] {
  const seen = new Map<string, ClassifiedError>()
  for (const chunk of errorChunks(stderr)) {
    const c = classify(chunk)
    if (!seen.has(c.message)) seen.set(c.message, c)
  }
  return [...seen.values()]
}
