/**
 * The REST endpoints of pull-request mode in the GitHub stand-in: pulls (list, create, update),
 * labels and git refs, acting on GitHubRepos (a real bare repository per repository). Responses
 * are built from GitHub's OpenAPI description (`sample`) with the stand-in's values over them,
 * and checked against it like every other response.
 */
import type { StoredPull, GitHubRepos } from './github-repos.js'
import type { TokenSpec } from './github-api-server.js'
import { githubDescription, responseSchema, sample } from './openapi.js'

const DOCS = 'https://docs.github.com/rest'

interface Server {
  url: string
  repos: GitHubRepos
  user(login: string, type: string, id: number): Record<string, unknown>
}

export interface RepoRequest {
  operation: string
  p: Record<string, string>
  url: URL
  body: Record<string, any> | undefined
  spec: TokenSpec
  send: (status: number, body?: unknown, headers?: Record<string, string>) => void
  error: (status: number, message: string) => void
}

function pullJson(server: Server, p: StoredPull, full: boolean) {
  const repoUrl = `${server.url}/repos/${p.owner}/${p.repo}`
  const html = `https://github.example/${p.owner}/${p.repo}/pull/${p.number}`
  const ref = (branch: string) => ({ label: `${p.owner}:${branch}`, ref: branch, sha: '0'.repeat(40), user: server.user(p.owner, 'User', 9), repo: { name: p.repo, full_name: `${p.owner}/${p.repo}` } })
  const labels = p.labels.map((name, i) => ({ id: i + 1, node_id: `LA_${i + 1}`, url: `${repoUrl}/labels/${encodeURIComponent(name)}`, name, description: '', color: 'ededed', default: false }))
  const links = { self: { href: `${repoUrl}/pulls/${p.number}` }, html: { href: html } }
  const fields = {
    id: p.number, node_id: p.nodeId, number: p.number, state: p.state, title: p.title, body: p.body, draft: p.draft, locked: false,
    url: `${repoUrl}/pulls/${p.number}`, html_url: html, labels, head: ref(p.head), base: ref(p.base), user: server.user('github-actions[bot]', 'Bot', 41898282),
    created_at: p.createdAt, updated_at: p.createdAt, author_association: 'NONE', _links: links,
    auto_merge: p.autoMerge ? { enabled_by: server.user('github-actions[bot]', 'Bot', 41898282), merge_method: p.autoMerge.toLowerCase(), commit_title: '', commit_message: '' } : null
  }
  const schema = responseSchema(githubDescription(), full ? 'pulls/create' : 'pulls/list', full ? 201 : 200)
  return sample(githubDescription(), full ? schema : schema.items, fields)
}

/** The pulls, labels and git refs endpoints; false for an operation it does not serve. */
export function routeRepos(server: Server, request: RepoRequest): boolean {
  const { operation, p, url, body, spec, send, error } = request
  const known = ['pulls/list', 'pulls/create', 'pulls/update', 'issues/add-labels', 'git/create-ref', 'git/update-ref']
  if (!known.includes(operation)) return false
  const name = `${p.owner}/${p.repo}`
  const repo = server.repos.repo(name)
  if (!repo) return error(404, 'Not Found'), true
  const may = (permission: boolean | undefined) => permission ?? spec.write
  const forbidden = () => error(403, 'Resource not accessible by integration')
  const unprocessable = (message: string) => send(422, { message, documentation_url: DOCS, status: '422' })
  const pull = () => server.repos.pulls.find(x => x.owner === p.owner && x.repo === p.repo && x.number === Number(p.pull_number ?? p.issue_number))
  const done = (promise: Promise<void> | void) => void Promise.resolve(promise).catch(e => error(500, String(e)))
  switch (operation) {
    case 'pulls/list': {
      const q = url.searchParams
      const state = q.get('state') ?? 'open'
      const head = q.get('head')
      const found = server.repos.pulls.filter(
        x => x.owner === p.owner && x.repo === p.repo && (state === 'all' || x.state === state) && (!head || `${x.owner}:${x.head}` === head) && (!q.get('base') || x.base === q.get('base'))
      )
      send(200, found.map(x => pullJson(server, x, false)))
      return true
    }
    case 'pulls/create':
      if (!may(spec.pullRequests)) return forbidden(), true
      done(
        (async () => {
          if (!(await server.repos.branchHead(name, body!.head))) return unprocessable(`Validation Failed: head '${body!.head}' does not exist`)
          if (server.repos.pulls.some(x => x.owner === p.owner && x.repo === p.repo && x.state === 'open' && x.head === body!.head && x.base === body!.base)) {
            return unprocessable(`A pull request already exists for ${p.owner}:${body!.head}.`)
          }
          const created = server.repos.openPull(name, { head: body!.head, base: body!.base, title: body!.title, body: body!.body ?? '', draft: Boolean(body!.draft) })
          send(201, pullJson(server, created, true), { location: `${server.url}/repos/${name}/pulls/${created.number}` })
        })()
      )
      return true
    case 'pulls/update': {
      if (!may(spec.pullRequests)) return forbidden(), true
      const found = pull()
      if (!found) return error(404, 'Not Found'), true
      if (typeof body?.title === 'string') found.title = body.title
      if (typeof body?.body === 'string') found.body = body.body
      send(200, pullJson(server, found, true))
      return true
    }
    case 'issues/add-labels': {
      if (!may(spec.pullRequests)) return forbidden(), true
      const found = pull()
      if (!found) return error(404, 'Not Found'), true
      const labels: string[] = Array.isArray(body) ? body : body?.labels ?? []
      found.labels = [...new Set([...found.labels, ...labels])]
      const schema = responseSchema(githubDescription(), 'issues/add-labels', 200)
      send(200, found.labels.map((l, i) => sample(githubDescription(), schema.items, { id: i + 1, node_id: `LA_${i}`, url: `${server.url}/repos/${name}/labels/${encodeURIComponent(l)}`, name: l, color: 'ededed', default: false })))
      return true
    }
    case 'git/create-ref':
    case 'git/update-ref':
      if (!may(spec.contents)) return forbidden(), true
      done(
        (async () => {
          const ref = operation === 'git/create-ref' ? String(body!.ref) : `refs/${p.ref}`
          const ok = operation === 'git/create-ref' ? await server.repos.createRef(name, ref, body!.sha) : await server.repos.updateRef(name, ref, body!.sha, Boolean(body!.force))
          if (!ok) return unprocessable(operation === 'git/create-ref' ? 'Reference already exists' : 'Update is not a fast forward')
          const schema = responseSchema(githubDescription(), operation, operation === 'git/create-ref' ? 201 : 200)
          const object = { type: 'commit', sha: body!.sha, url: `${server.url}/repos/${name}/git/commits/${body!.sha}` }
          send(operation === 'git/create-ref' ? 201 : 200, sample(githubDescription(), schema, { ref, node_id: `REF_${ref}`, url: `${server.url}/repos/${name}/git/${ref}`, object }))
        })()
      )
      return true
  }
  return false
}
