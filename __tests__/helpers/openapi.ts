/**
 * A light checker for GitHub's published OpenAPI 3.0 description (package @octokit/openapi):
 * find the operation of a request, check its path and query parameters and JSON body, and
 * check a response body against the schema of its status. Covers the JSON Schema subset the
 * description uses: $ref, type, nullable, properties, required, items, enum, oneOf, anyOf,
 * allOf, additionalProperties, and the date-time and uri formats.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'

type Schema = Record<string, any>

export interface Operation {
  template: string
  method: string
  operationId: string
  spec: Schema
  pathParams: Record<string, string>
}

let cached: Schema | undefined

/** The api.github.com description shipped in @octokit/openapi (parsed once). */
export function githubDescription(): Schema {
  if (!cached) {
    const pkg = createRequire(import.meta.url).resolve('@octokit/openapi/package.json')
    cached = JSON.parse(readFileSync(path.join(path.dirname(pkg), 'generated', 'api.github.com.json'), 'utf8')) as Schema
  }
  return cached
}

function resolve(doc: Schema, node: Schema): Schema {
  let out = node
  for (let i = 0; out && typeof out.$ref === 'string' && i < 20; i++) {
    out = out.$ref.slice(2).split('/').reduce((o: Schema, k: string) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc)
  }
  return out
}

/** The operation a method and path (no query) belong to, or undefined. */
export function findOperation(doc: Schema, method: string, pathname: string): Operation | undefined {
  const parts = pathname.split('/')
  for (const [template, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    const tparts = template.split('/')
    if (tparts.length !== parts.length) continue
    const params: Record<string, string> = {}
    const match = tparts.every((t, i) => {
      const m = /^\{(.+)\}$/.exec(t)
      if (m) {
        params[m[1]] = decodeURIComponent(parts[i])
        return parts[i] !== ''
      }
      return t === parts[i]
    })
    const spec = item[method.toLowerCase()]
    if (match && spec) return { template, method: method.toUpperCase(), operationId: spec.operationId, spec, pathParams: params }
  }
  return undefined
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v)

/** Errors of `value` against `schema` ([] when it conforms). */
export function validate(doc: Schema, schema: Schema, value: unknown, at = '$'): string[] {
  const s = resolve(doc, schema)
  if (!s || Object.keys(s).length === 0) return []
  if (value === null) return s.nullable || s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')) ? [] : [`${at}: null is not allowed`]
  if (s.allOf) return (s.allOf as Schema[]).flatMap(sub => validate(doc, sub, value, at))
  if (s.oneOf || s.anyOf) {
    const subs = (s.oneOf ?? s.anyOf) as Schema[]
    const passing = subs.filter(sub => validate(doc, sub, value, at).length === 0).length
    if (s.oneOf && passing !== 1) return [`${at}: matches ${passing} of oneOf (needs exactly 1)`]
    if (s.anyOf && passing === 0) return [`${at}: matches none of anyOf`]
    return []
  }
  const errors: string[] = []
  const actual = typeOf(value)
  const types: string[] = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]
  if (types.length > 0 && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
    return [`${at}: expected ${types.join('|')}, got ${actual}`]
  }
  if (s.enum && !(s.enum as unknown[]).includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum`)
  if (typeof value === 'string' && s.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${at}: not a date-time`)
  if (typeof value === 'string' && s.format === 'uri' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) errors.push(`${at}: not a uri`)
  if (actual === 'array' && s.items) (value as unknown[]).forEach((v, i) => errors.push(...validate(doc, s.items, v, `${at}[${i}]`)))
  if (actual === 'object') {
    const record = value as Record<string, unknown>
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in record)) errors.push(`${at}: missing required '${key}'`)
    for (const [key, v] of Object.entries(record)) {
      if (s.properties?.[key]) errors.push(...validate(doc, s.properties[key], v, `${at}.${key}`))
      else if (s.additionalProperties === false) errors.push(`${at}: unexpected property '${key}'`)
      else if (typeof s.additionalProperties === 'object') errors.push(...validate(doc, s.additionalProperties, v, `${at}.${key}`))
    }
  }
  return errors
}

function checkParameterValue(doc: Schema, param: Schema, raw: string, at: string): string[] {
  const schema = resolve(doc, param.schema ?? {})
  if (schema.type === 'integer') return /^-?\d+$/.test(raw) ? validate(doc, schema, Number(raw), at) : [`${at}: '${raw}' is not an integer`]
  if (schema.type === 'boolean') return /^(true|false)$/.test(raw) ? [] : [`${at}: '${raw}' is not a boolean`]
  return validate(doc, schema, raw, at)
}

/** Errors of a request: path and query parameters, and the JSON body. */
export function validateRequest(doc: Schema, op: Operation, query: URLSearchParams, body: unknown): string[] {
  const errors: string[] = []
  const params = ((op.spec.parameters as Schema[] | undefined) ?? []).map(p => resolve(doc, p))
  for (const p of params.filter(p => p.in === 'path')) {
    const raw = op.pathParams[p.name]
    if (raw === undefined) errors.push(`path parameter '${p.name}' missing`)
    else errors.push(...checkParameterValue(doc, p, raw, `path.${p.name}`))
  }
  const known = new Set(params.filter(p => p.in === 'query').map(p => p.name))
  for (const [name, raw] of query) {
    if (!known.has(name)) errors.push(`query parameter '${name}' is not in the description`)
    else errors.push(...checkParameterValue(doc, params.find(p => p.name === name)!, raw, `query.${name}`))
  }
  for (const p of params.filter(p => p.in === 'query' && p.required)) if (!query.has(p.name)) errors.push(`query parameter '${p.name}' missing`)
  const requestBody = op.spec.requestBody ? resolve(doc, op.spec.requestBody) : undefined
  if (requestBody) {
    const schema = requestBody.content?.['application/json']?.schema
    if (body === undefined && requestBody.required) errors.push('request body missing')
    else if (body !== undefined && schema) errors.push(...validate(doc, schema, body, 'body'))
  } else if (body !== undefined) errors.push('a request body where the description has none')
  return errors.map(e => `${op.method} ${op.template}: ${e}`)
}

/** Errors of a response: its status must be described and its body must match the schema. */
export function validateResponse(doc: Schema, op: Operation, status: number, body: unknown): string[] {
  const described = op.spec.responses?.[String(status)]
  if (!described) return []
  const response = resolve(doc, described)
  const schema = response.content?.['application/json']?.schema
  const errors = schema ? validate(doc, schema, body, 'response') : body === undefined ? [] : ['response: a body where the description has none']
  return errors.map(e => `${op.method} ${op.template} ${status}: ${e}`)
}

/**
 * A value of `schema` holding only its required properties, each the plainest value of its
 * type (null where allowed), with `overrides` deep-merged over it: the stand-in builds large
 * response objects (a pull request, a repository) from the description itself, and the
 * response check then judges the overrides as well.
 */
export function sample(doc: Schema, schema: Schema, overrides?: unknown): unknown {
  const s = resolve(doc, schema)
  if (overrides !== undefined && (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))) return overrides
  const extra = (overrides ?? {}) as Record<string, unknown>
  if (s.allOf) return (s.allOf as Schema[]).reduce((acc: Record<string, unknown>, sub) => ({ ...acc, ...(sample(doc, sub) as object) }), { ...extra })
  if (s.oneOf || s.anyOf) return sample(doc, ((s.oneOf ?? s.anyOf) as Schema[])[0], overrides)
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {}
    for (const key of (s.required as string[] | undefined) ?? []) {
      const prop = resolve(doc, s.properties?.[key] ?? {})
      out[key] = key in extra ? sample(doc, prop, extra[key]) : prop.nullable ? null : sample(doc, prop)
    }
    for (const [key, value] of Object.entries(extra)) if (!(key in out)) out[key] = s.properties?.[key] ? sample(doc, s.properties[key], value) : value
    return out
  }
  if (overrides !== undefined) return overrides
  if (s.enum) return s.enum[0]
  switch (type) {
    case 'string':
      return s.format === 'date-time' ? '2026-01-01T00:00:00Z' : s.format === 'uri' ? 'https://github.example/' : ''
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return false
    case 'array':
      return []
    default:
      return null
  }
}

/** The schema of an operation's JSON response for `status`. */
export function responseSchema(doc: Schema, operationId: string, status: number): Schema {
  for (const item of Object.values(doc.paths as Record<string, Schema>)) {
    for (const spec of Object.values(item)) {
      if (spec?.operationId === operationId) return resolve(doc, resolve(doc, spec.responses[String(status)]).content['application/json'].schema)
    }
  }
  throw new Error(`no operation ${operationId}`)
}
