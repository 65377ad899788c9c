/**
 * The GraphQL endpoint of the GitHub stand-in: every operation is parsed, validated and executed
 * against GitHub's published schema (package @octokit/graphql-schema, its introspection JSON)
 * with the `graphql` reference implementation, so a query or variable the real API would refuse
 * is refused here too and recorded as a violation. Mutations are served by root resolvers; an
 * error they throw carries GitHub's `type` (STALE_DATA, FORBIDDEN, UNPROCESSABLE, NOT_FOUND).
 */
import { buildClientSchema, graphql, GraphQLError, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql'

let cached: Promise<GraphQLSchema> | undefined

/** The schema, loaded on the first GraphQL request (the package parses 10 MB of JSON on import). */
export function githubSchema(): Promise<GraphQLSchema> {
  cached ??= import('@octokit/graphql-schema').then(({ schema }) => buildClientSchema(schema.json as unknown as IntrospectionQuery))
  return cached
}

/** An error as GitHub words it: `type` beside the message. */
export function githubError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } })
}

export interface GraphqlResult {
  body: { data?: unknown; errors?: unknown[] }
  /** what the request got wrong against the schema (a test asserts there is none) */
  violations: string[]
}

export async function executeGraphql(
  request: { query?: unknown; variables?: unknown; operationName?: unknown },
  rootValue: Record<string, (args: any) => unknown>
): Promise<GraphqlResult> {
  const schema = await githubSchema()
  if (typeof request.query !== 'string') return { body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] }, violations: ['graphql: no query'] }
  let document
  try {
    document = parse(request.query)
  } catch (error) {
    const message = (error as Error).message
    return { body: { errors: [{ message }] }, violations: [`graphql: ${message}`] }
  }
  const invalid = validate(schema, document)
  if (invalid.length > 0) {
    return { body: { errors: invalid.map(e => ({ message: e.message, locations: e.locations })) }, violations: invalid.map(e => `graphql: ${e.message}`) }
  }
  const result = await graphql({
    schema,
    source: request.query,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    rootValue
  })
  const violations: string[] = []
  const errors = result.errors?.map(e => {
    const type = e.extensions?.type
    if (typeof type !== 'string') violations.push(`graphql: ${e.message}`)
    return { ...(type ? { type } : {}), ...(e.path ? { path: e.path } : {}), ...(e.locations ? { locations: e.locations } : {}), message: e.message }
  })
  return { body: { ...(result.data !== undefined ? { data: result.data } : {}), ...(errors ? { errors } : {}) }, violations }
}
