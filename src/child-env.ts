/**
 * The environment a child process gets (git, kubectl, and what they start: kustomize's git
 * clones of remote bases, credential helpers, exec credential plugins): the runner's, without
 * what none of them needs. Pure.
 */

/**
 * What no child needs and none gets: the action's inputs (`INPUT_KUBECONFIG` holds the kubeconfig
 * content, `INPUT_TOKEN` the token), the runner's own service credentials and the files through
 * which a step sets outputs, environment and PATH for later steps. `KUBECONFIG` only where the
 * kubectl wrapper sets it, and the OIDC request variables only for kubectl's cluster calls (an
 * exec credential plugin may use them).
 */
const WITHHELD = /^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_REQUEST_|KUBECONFIG$|ACTIONS_(RESULTS|CACHE)_URL$|GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$)/i
export const OIDC = /^ACTIONS_ID_TOKEN_REQUEST_/i

/** A child's environment: the runner's without what is withheld, plus `extra`. */
export function childEnvironment(extra: Record<string, string> = {}, parent: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(parent)) if (value !== undefined && !WITHHELD.test(key)) env[key] = value
  return Object.assign(env, extra)
}

/** The variables of `parent` whose names match `pattern` (to hand on deliberately). */
export function passed(pattern: RegExp, parent: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(parent).filter((kv): kv is [string, string] => kv[1] !== undefined && pattern.test(kv[0])))
}
