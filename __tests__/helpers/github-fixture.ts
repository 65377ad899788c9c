/**
 * A deploy repository on a GitHub stand-in: the bare repository `acme/deploy` served over smart
 * HTTP (git) and known to the loopback API (REST + GraphQL) under the same name, so the action
 * finds the repository from its remote URL with GITHUB_SERVER_URL pointing at the git server.
 */
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { ActionRun } from './action.js'
import { deploy, overlay, BASE_DEPLOYMENT, type Fixture } from './deploy-repo.js'
import { GitHubApiServer, type TokenSpec } from './github-api-server.js'
import { cloneRepo, createRemote, GitHttpServer, tempDir } from './git-http-server.js'

export const REPO = 'acme/deploy'

export interface GitHubFixture extends Fixture {
  api: GitHubApiServer
  /** environment of a run on this "GitHub": server, API, repository */
  github: Record<string, string>
  clone(extra?: string[]): Promise<string>
  run(workspace: string, inputs: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>
  stop(): Promise<void>
}

export async function githubRepo(overlays: string[], options: { tokens?: Record<string, TokenSpec>; bot?: Partial<TokenSpec>; allowAutoMerge?: boolean } = {}): Promise<GitHubFixture> {
  const home = tempDir('kid-home-')
  writeFileSync(path.join(home, 'gitconfig'), '')
  const root = tempDir('kid-remotes-')
  const files: Record<string, string> = { 'base/deployment.yaml': BASE_DEPLOYMENT, 'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n' }
  for (const name of overlays) files[`overlays/${name}/kustomization.yaml`] = overlay()
  const { bare, initial } = createRemote(root, `${REPO}.git`, files, home)
  const server = await new GitHttpServer(root).start()
  const bot: TokenSpec = { login: 'github-actions[bot]', type: 'Bot', write: true, readsUser: false, ...options.bot }
  const api = await GitHubApiServer.start({ [server.token]: bot, ...options.tokens })
  api.repos.add(REPO, bare, { allowAutoMerge: options.allowAutoMerge ?? true })
  const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', HOME: home }
  const gitServer = new URL(server.url('')).origin
  const github = { GITHUB_SERVER_URL: gitServer, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '1' }
  const fx: GitHubFixture = {
    server, home, bare, initial, env, api, github,
    clone: (extra = []) => cloneRepo(server, `${REPO}.git`, path.join(tempDir('kid-ws-'), 'repo'), home, extra),
    run: (workspace, inputs, more = {}) => deploy(fx, workspace, inputs, { ...github, ...more }),
    stop: async () => {
      await server.stop()
      await api.close()
    }
  }
  return fx
}
