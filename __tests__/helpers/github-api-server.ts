/**
 * A loopback stand-in for the GitHub REST API endpoints the action uses: GET /user and the
 * issue comments (list with Link pagination, create, update, delete), and the commit compare
 * (status from a table the test fills; a pair not in it is 404, as GitHub answers for commits
 * it does not have). Every request and every
 * response is checked against GitHub's published OpenAPI description; anything that does not
 * conform is recorded in `violations` (a test asserts there are none). Like GitHub it answers
 * 401 to an unknown token, 403 to a read-only token's writes (and an installation token's
 * GET /user), and 422 to a comment body over 65,536 characters.
 *
 * Pull-request mode and signed commits add the pulls (list, create, update), labels and git
 * refs endpoints, and POST /graphql, where every operation is validated and executed against
 * GitHub's published GraphQL schema (github-graphql.ts); repository-changing calls act on real
 * bare repositories (github-repos.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiFaults, immediateAnswer } from './api-faults.js'
import { comparison, type CompareStatus } from './github-compare.js'
import { executeGraphql, githubError } from './github-graphql.js'
import { GitHubRepos, type CreateCommitInput } from './github-repos.js'
import { routeRepos } from './github-repos-rest.js'
import { findOperation, githubDescription, validateRequest, validateResponse } from './openapi.js'

export interface TokenSpec {
  login: string
  type: 'User' | 'Bot'
  /** can create, update and delete comments */
  write: boolean
  /** GET /user answers (false for installation tokens such as GITHUB_TOKEN) */
  readsUser: boolean
  /** `contents: write` (commits, refs); default: write */
  contents?: boolean
  /** `pull-requests: write` (pulls, labels, auto-merge); default: write */
  pullRequests?: boolean
}

export interface StoredComment {
  id: number
  owner: string
  repo: string
  issue: number
  body: string
  login: string
  type: 'User' | 'Bot'
  createdAt: string
  updatedAt: string
}

export interface LoggedRequest {
  method: string
  path: string
  status: number
}

const DOCS = 'https://docs.github.com/rest'
export const BODY_LIMIT = 65_536

export class GitHubApiServer {
  readonly comments: StoredComment[] = []
  readonly requests: LoggedRequest[] = []
  readonly violations: string[] = []
  /** `owner/repo base...head` → the compare status, or an HTTP error status to answer with */
  readonly comparisons = new Map<string, CompareStatus | number>()
  /** repositories backed by bare git repositories, their pull requests */
  readonly repos = new GitHubRepos()
  /** every GraphQL operation received: its name and the HTTP status answered */
  readonly graphqlCalls: { operation: string; status: number; errors: string[] }[] = []
  /** fault modes for REST requests (api-faults.ts) */
  readonly faults = new ApiFaults()
  /** called before a comment is created (e.g. to simulate a concurrent run) */
  beforeCreate?: (owner: string, repo: string, issue: number, body: string, token: TokenSpec) => void
  private nextId = 1000
  private clock = Date.parse('2026-01-01T00:00:00Z')

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly tokens: Record<string, TokenSpec>
  ) {}

  static async start(tokens: Record<string, TokenSpec>): Promise<GitHubApiServer> {
    githubDescription()
    let self: GitHubApiServer | undefined
    const server = createServer((req, res) => void self!.handle(req, res))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    self = new GitHubApiServer(server, `http://127.0.0.1:${port}`, tokens)
    return self
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  /** Put a comment in place, as if written earlier by `login`. */
  seed(owner: string, repo: string, issue: number, body: string, login: string, type: 'User' | 'Bot' = 'User'): StoredComment {
    const at = new Date((this.clock += 1000)).toISOString().replace(/\.\d+Z$/, 'Z')
    const comment = { id: this.nextId++, owner, repo, issue, body, login, type, createdAt: at, updatedAt: at }
    this.comments.push(comment)
    return comment
  }

  /** How `head` compares with `base` in `owner/repo` (or the error status the endpoint answers). */
  setComparison(repository: string, base: string, head: string, answer: CompareStatus | number): void {
    this.comparisons.set(`${repository} ${base}...${head}`, answer)
  }

  on(owner: string, repo: string, issue: number): StoredComment[] {
    return this.comments.filter(c => c.owner === owner && c.repo === repo && c.issue === issue)
  }

  user(login: string, type: string, id: number) {
    const base = `${this.url}/users/${login}`
    return {
      login, id, node_id: `U_${id}`, avatar_url: `https://avatars.example/u/${id}`, gravatar_id: '', url: base,
      html_url: `https://github.example/${login}`, followers_url: `${base}/followers`, following_url: `${base}/following{/other_user}`,
      gists_url: `${base}/gists{/gist_id}`, starred_url: `${base}/starred{/owner}{/repo}`, subscriptions_url: `${base}/subscriptions`,
      organizations_url: `${base}/orgs`, repos_url: `${base}/repos`, events_url: `${base}/events{/privacy}`,
      received_events_url: `${base}/received_events`, type, site_admin: false, user_view_type: 'public'
    }
  }

  private publicUser(spec: TokenSpec) {
    const at = '2020-01-01T00:00:00Z'
    return {
      ...this.user(spec.login, spec.type, 7), name: null, company: null, blog: '', location: null, email: null,
      hireable: null, bio: null, public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: at, updated_at: at
    }
  }

  private toJson(c: StoredComment) {
    const url = `${this.url}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`
    return {
      id: c.id, node_id: `IC_${c.id}`, url, body: c.body,
      html_url: `https://github.example/${c.owner}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      user: this.user(c.login, c.type, c.login.length), created_at: c.createdAt, updated_at: c.updatedAt,
      issue_url: `${this.url}/repos/${c.owner}/${c.repo}/issues/${c.issue}`, author_association: c.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    if (url.pathname === '/graphql') return this.graphql(req, res, raw)
    const doc = githubDescription()
    const op = findOperation(doc, req.method ?? 'GET', url.pathname)
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      if (op) this.violations.push(...validateResponse(doc, op, status, body))
      this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, status })
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3', ...headers })
      res.end(body === undefined ? undefined : JSON.stringify(body))
    }
    const error = (status: number, message: string) => send(status, { message, documentation_url: DOCS, status: String(status) })
    if (!op) {
      this.violations.push(`${req.method} ${url.pathname}: no such operation in the description`)
      return error(404, 'Not Found')
    }
    let body: unknown
    if (raw !== '') {
      if (!/application\/json/.test(req.headers['content-type'] ?? '')) this.violations.push(`${op.template}: body without a JSON content type`)
      try {
        body = JSON.parse(raw)
      } catch {
        this.violations.push(`${op.template}: body is not JSON`)
        return error(400, 'Problems parsing JSON')
      }
    }
    const requestErrors = validateRequest(doc, op, url.searchParams, body)
    if (requestErrors.length > 0) {
      this.violations.push(...requestErrors)
      return error(422, 'Invalid request')
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const spec = token ? this.tokens[token] : undefined
    if (!spec) return error(401, 'Bad credentials')
    const fault = this.faults.take(op.operationId)
    if (fault?.kind === 'silent') return
    const answer = fault && immediateAnswer(fault)
    if (answer) {
      this.requests.push({ method: req.method ?? '', path: url.pathname + url.search, status: answer.status })
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers })
      return void res.end(JSON.stringify(answer.body))
    }
    if (fault?.kind === 'delete-before') this.comments.splice(this.comments.findIndex(c => c.id === Number(op.pathParams.comment_id)) >>> 0, 1)
    const reply = fault?.kind === 'error-after' ? () => error(fault.status ?? 502, 'Server Error') : send
    if (routeRepos(this, { operation: op.operationId, p: op.pathParams, url, body: body as Record<string, any> | undefined, spec, send: reply, error })) return
    this.route(op.operationId, op.pathParams, url, body as { body?: string } | undefined, spec, reply, error)
  }

  /** POST /graphql: validated and executed against GitHub's schema; 401 for an unknown token. */
  private async graphql(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const reply = (status: number, body: unknown, operation: string, errors: string[] = []) => {
      this.graphqlCalls.push({ operation, status, errors })
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'POST') return reply(404, { message: 'Not Found' }, '')
    let request: { query?: unknown; variables?: unknown; operationName?: unknown }
    try {
      request = JSON.parse(raw)
    } catch {
      this.violations.push('graphql: body is not JSON')
      return reply(400, { message: 'Problems parsing JSON' }, '')
    }
    const operation = /(?:mutation|query)\s+(\w+)/.exec(String(request.query))?.[1] ?? '(anonymous)'
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const spec = token ? this.tokens[token] : undefined
    if (!spec) return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' }, operation)
    const forbidden = () => githubError('FORBIDDEN', 'Resource not accessible by integration')
    const fault = this.faults.takeNamed(`graphql/${operation}`)
    const result = await executeGraphql(request, {
      createCommitOnBranch: async ({ input }: { input: CreateCommitInput }) => {
        if (spec.contents === false || (spec.contents === undefined && !spec.write)) throw forbidden()
        return this.repos.createCommit(input, spec)
      },
      enablePullRequestAutoMerge: ({ input }: { input: { pullRequestId: string; mergeMethod?: string } }) => {
        if (spec.pullRequests === false || (spec.pullRequests === undefined && !spec.write)) throw forbidden()
        return this.repos.enableAutoMerge(input)
      }
    })
    this.violations.push(...result.violations)
    if (fault?.kind === 'error-after') return reply(fault.status ?? 502, { message: 'Server Error' }, operation, ['carried out, answer lost'])
    const errors = ((result.body.errors ?? []) as { type?: string; message: string }[]).map(e => `${e.type ?? ''}: ${e.message}`)
    reply(200, result.body, operation, errors)
  }

  private route(
    operation: string,
    p: Record<string, string>,
    url: URL,
    body: { body?: string } | undefined,
    spec: TokenSpec,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
    error: (status: number, message: string) => void
  ): void {
    const forbidden = () => error(403, 'Resource not accessible by integration')
    const find = () => this.comments.find(c => c.owner === p.owner && c.repo === p.repo && c.id === Number(p.comment_id))
    const tooLong = () => {
      if ((body?.body ?? '').length <= BODY_LIMIT) return false
      const message = `Body is too long (maximum is ${BODY_LIMIT} characters)`
      send(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message }], documentation_url: DOCS, status: '422' })
      return true
    }
    switch (operation) {
      case 'users/get-authenticated':
        return spec.readsUser ? send(200, this.publicUser(spec)) : forbidden()
      case 'issues/list-comments': {
        const all = this.on(p.owner, p.repo, Number(p.issue_number))
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
        const page = Number(url.searchParams.get('page') ?? 1)
        const last = Math.max(1, Math.ceil(all.length / perPage))
        const link = (n: number, rel: string) => {
          const next = new URL(url)
          next.searchParams.set('per_page', String(perPage))
          next.searchParams.set('page', String(n))
          return `<${next}>; rel="${rel}"`
        }
        const links = [page < last ? link(page + 1, 'next') : '', page < last ? link(last, 'last') : '', page > 1 ? link(1, 'first') : '', page > 1 ? link(page - 1, 'prev') : '']
        const headers: Record<string, string> = links.some(Boolean) ? { link: links.filter(Boolean).join(', ') } : {}
        return send(200, all.slice((page - 1) * perPage, page * perPage).map(c => this.toJson(c)), headers)
      }
      case 'issues/create-comment': {
        if (!spec.write) return forbidden()
        if (tooLong()) return
        this.beforeCreate?.(p.owner, p.repo, Number(p.issue_number), body!.body!, spec)
        const created = this.seed(p.owner, p.repo, Number(p.issue_number), body!.body!, spec.login, spec.type)
        return send(201, this.toJson(created), { location: this.toJson(created).url })
      }
      case 'issues/get-comment': {
        const comment = find()
        return comment ? send(200, this.toJson(comment)) : error(404, 'Not Found')
      }
      case 'issues/update-comment': {
        const comment = find()
        if (!comment) return error(404, 'Not Found')
        if (!spec.write || comment.login !== spec.login) return forbidden()
        if (tooLong()) return
        comment.body = body!.body!
        comment.updatedAt = new Date((this.clock += 1000)).toISOString().replace(/\.\d+Z$/, 'Z')
        return send(200, this.toJson(comment))
      }
      case 'issues/delete-comment': {
        const comment = find()
        if (!comment) return error(404, 'Not Found')
        if (!spec.write || comment.login !== spec.login) return forbidden()
        this.comments.splice(this.comments.indexOf(comment), 1)
        return send(204)
      }
      case 'repos/compare-commits-with-basehead': {
        if (!p.basehead.includes('...')) this.violations.push(`compare: basehead '${p.basehead}' is not BASE...HEAD`)
        const answer = this.comparisons.get(`${p.owner}/${p.repo} ${p.basehead}`) ?? 404
        if (typeof answer === 'number') return error(answer, answer === 404 ? 'Not Found' : 'Server Error')
        const [base, head] = p.basehead.split('...')
        return send(200, comparison({ api: this.url, owner: p.owner, repo: p.repo }, base, head, answer))
      }
      default:
        this.violations.push(`${operation}: not served by the stand-in`)
        return error(404, 'Not Found')
    }
  }
}
