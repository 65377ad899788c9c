/**
 * Every wait has a bound. The defaults suit a runner; the environment variables (seconds,
 * decimals allowed) exist so a test of a silent remote finishes in seconds. README "Security"
 * lists them.
 *
 *   KID_GIT_TIMEOUT          one git network operation (fetch, push)          default 60
 *   KID_API_TIMEOUT          one GitHub API request                            default 30
 *   KID_RATE_LIMIT_MAX_WAIT  longest wait for a rate limit; longer: give up    default 60
 *   KID_PREVIEW_TIMEOUT      the whole preview phase (diff and comments)       default 300
 *   KID_RENDER_TIMEOUT       one `kubectl kustomize` (a remote base may stall) default 300
 *   KID_KUBECTL_TIMEOUT      one kubectl call to the cluster (diff, apply, get) default 600
 *                            (`rollout status`: the `timeout` input, plus this)
 */
export interface Timeouts {
  gitNetworkMs: number
  apiRequestMs: number
  rateLimitMaxWaitMs: number
  previewMs: number
  renderMs: number
  kubectlMs: number
}

const DEFAULTS: Record<keyof Timeouts, [string, number]> = {
  gitNetworkMs: ['KID_GIT_TIMEOUT', 60],
  apiRequestMs: ['KID_API_TIMEOUT', 30],
  rateLimitMaxWaitMs: ['KID_RATE_LIMIT_MAX_WAIT', 60],
  previewMs: ['KID_PREVIEW_TIMEOUT', 300],
  renderMs: ['KID_RENDER_TIMEOUT', 300],
  kubectlMs: ['KID_KUBECTL_TIMEOUT', 600]
}

/** The bounds in milliseconds; a variable that is not a positive number is ignored. */
export function timeouts(env: NodeJS.ProcessEnv = process.env): Timeouts {
  const pick = ([name, fallback]: [string, number]) => {
    const value = Number(env[name])
    return Math.round((Number.isFinite(value) && value > 0 ? value : fallback) * 1000)
  }
  return Object.fromEntries(Object.entries(DEFAULTS).map(([key, bound]) => [key, pick(bound)])) as unknown as Timeouts
}

/** "90 s", "2.5 s", "10 min" (from 2 minutes on, whole minutes) for messages. */
export function seconds(ms: number): string {
  const s = ms / 1000
  return s >= 120 ? `${Math.round(s / 60)} min` : `${Number(s.toFixed(1))} s`
}
