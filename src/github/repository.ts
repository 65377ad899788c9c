/**
 * Which GitHub repository a git remote is (pure but for the environment passed in): taken from
 * the remote's URL (https or ssh) when it points at the GitHub server of this run
 * (GITHUB_SERVER_URL, github.com by default; GitHub Enterprise Server alike), else, only for
 * the workspace's own checkout, GITHUB_REPOSITORY.
 */
import { parseRepo, type RepoRef } from './github-api.js'

const DEFAULT_SERVER = 'https://github.com'

/** `owner/name` of a remote URL on `serverUrl`'s host, or undefined. */
export function repoFromUrl(remoteUrl: string, serverUrl = DEFAULT_SERVER): RepoRef | undefined {
  const server = new URL(serverUrl || DEFAULT_SERVER)
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(remoteUrl)
  let host: string
  let hostname: string
  let pathname: string
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(remoteUrl)) {
    // scp-like ssh: git@github.com:owner/name.git
    host = hostname = scp[1].toLowerCase()
    pathname = scp[2]
  } else {
    let url: URL
    try {
      url = new URL(remoteUrl)
    } catch {
      return undefined
    }
    hostname = url.hostname.toLowerCase()
    host = url.host.toLowerCase()
    pathname = decodeURIComponent(url.pathname)
    // ssh may use another port than the web server: compare host names only there
    if (/^(https?):$/.test(url.protocol) && host !== server.host.toLowerCase()) return undefined
  }
  if (hostname !== server.hostname.toLowerCase()) return undefined
  const parts = pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '').split('/')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined
  return { owner: parts[0], repo: parts[1] }
}

/** The repository of a remote: from its URL, else GITHUB_REPOSITORY for the workspace's own checkout. */
export function resolveRepository(remoteUrl: string, isWorkspace: boolean, env: NodeJS.ProcessEnv): RepoRef {
  const fromUrl = repoFromUrl(remoteUrl, env.GITHUB_SERVER_URL)
  if (fromUrl) return fromUrl
  const fallback = isWorkspace ? parseRepo(env.GITHUB_REPOSITORY ?? '') : undefined
  if (fallback) return fallback
  const server = env.GITHUB_SERVER_URL || DEFAULT_SERVER
  throw new Error(
    `cannot tell which GitHub repository the remote ${remoteUrl.replace(/\/\/[^/@]*@/, '//')} is: it is not an https or ssh URL on ${server}` +
      (isWorkspace ? ' and GITHUB_REPOSITORY is not set' : ' (set GITHUB_SERVER_URL for GitHub Enterprise Server)')
  )
}

export const fullName = (repo: RepoRef): string => `${repo.owner}/${repo.repo}`
