/**
 * How go-yaml v2 (the YAML reader inside kustomize v5, via sigs.k8s.io/yaml) resolves a plain,
 * untagged scalar (pure). It differs from the JS `yaml` package in ways that matter to a tag:
 * `_` is dropped from numbers (`1e1_0`, `1_000` are numbers), `0b`/`0o`/`0x` and a leading `0`
 * are integers, `y`/`n`/`on`/`off` are booleans, `YYYY-M-D…` is a timestamp. Derived from
 * resolve.go of sigs.k8s.io/yaml/goyaml.v2; base-60 numbers are strings to it, but are quoted on
 * the way out anyway (older readers take `1:20` for a number).
 */
export type GoYamlKind = 'str' | 'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'merge'

const MAP: Record<string, GoYamlKind> = {}
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) MAP[s] = 'bool'
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) MAP[s] = 'bool'
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP[s] = 'null'
for (const s of ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']) MAP[s] = 'float'
MAP['<<'] = 'merge'

/** Go's strconv.ParseInt/ParseUint with base 0 (range ignored: an overflow is still no string to quote). */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
/** Go's strconv.ParseFloat on a value starting with `.` (decimal forms only; `.e1` is a string). */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
/** time.Parse with "2006-1-2", "2006-1-2T15:4:5.999999999Z07:00" and friends (a superset). */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/

/** What go-yaml v2 makes of a plain, untagged scalar. */
export function goYamlKind(text: string): GoYamlKind {
  if (text in MAP) return MAP[text]
  const c = text[0]
  if (c === '.') return DOT_FLOAT.test(text) ? 'float' : 'str'
  if (!/[-+0-9]/.test(c)) return 'str'
  if (TIMESTAMP.test(text)) return 'timestamp'
  const plain = text.replace(/_/g, '')
  if (GO_INT.test(plain)) return 'int'
  if (YAML_FLOAT.test(plain)) return 'float'
  if (/^-?0b[01]+$/.test(plain)) return 'int'
  return 'str'
}

/** Base-60 numbers (`1:20`, `-1:30:00.5`): strings to go-yaml v2, numbers to YAML 1.1 readers. */
export const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
