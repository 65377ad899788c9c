/**
 * The body of `GET /repos/{owner}/{repo}/compare/{basehead}` for the GitHub API stand-in:
 * a commit-comparison whose status, counts and merge base agree with each other. Commits
 * carry no linked GitHub user (author and committer null, as for an unknown e-mail).
 */
export type CompareStatus = 'ahead' | 'behind' | 'identical' | 'diverged'

interface Where {
  api: string
  owner: string
  repo: string
}

const WEB = 'https://github.example'

function commit({ api, owner, repo }: Where, sha: string, parents: string[]) {
  const url = `${api}/repos/${owner}/${repo}/commits/${sha}`
  const person = { name: 'Source Author', email: 'author@example.com', date: '2026-01-01T00:00:00Z' }
  return {
    url,
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    html_url: `${WEB}/${owner}/${repo}/commit/${sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${api}/repos/${owner}/${repo}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: `source ${sha.slice(0, 7)}`,
      comment_count: 0,
      tree: { sha: sha.split('').reverse().join(''), url: `${api}/repos/${owner}/${repo}/git/trees/${sha}` }
    },
    author: null,
    committer: null,
    parents: parents.map(p => ({ sha: p, url: `${api}/repos/${owner}/${repo}/commits/${p}`, html_url: `${WEB}/${owner}/${repo}/commit/${p}` }))
  }
}

/** A comparison of `base...head` with the given status (one commit on each side that moved). */
export function comparison(where: Where, base: string, head: string, status: CompareStatus) {
  const { api, owner, repo } = where
  const mergeBase = status === 'behind' ? head : status === 'diverged' ? base.replace(/^./, c => (c === '0' ? '1' : '0')) : base
  const ahead = status === 'ahead' || status === 'diverged' ? 1 : 0
  const behind = status === 'behind' || status === 'diverged' ? 1 : 0
  const compare = `${base}...${head}`
  return {
    url: `${api}/repos/${owner}/${repo}/compare/${compare}`,
    html_url: `${WEB}/${owner}/${repo}/compare/${compare}`,
    permalink_url: `${WEB}/${owner}/${repo}/compare/${owner}:${base}...${owner}:${head}`,
    diff_url: `${WEB}/${owner}/${repo}/compare/${compare}.diff`,
    patch_url: `${WEB}/${owner}/${repo}/compare/${compare}.patch`,
    base_commit: commit(where, base, status === 'behind' ? [head] : []),
    merge_base_commit: commit(where, mergeBase, []),
    status,
    ahead_by: ahead,
    behind_by: behind,
    total_commits: ahead,
    commits: ahead ? [commit(where, head, [mergeBase])] : [],
    files: []
  }
}
