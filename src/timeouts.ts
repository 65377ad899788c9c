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
 *   KID_REGISTRY_TIMEOUT     one registry request (or credential helper)       default 30
 *                            (`rollout status`: the `timeout` input, plus this)
 *
 * Each, and the `timeout` input, is at most 6 h (GitHub's job limit; it also keeps every timer
 * far below Node's 2^31 ms, past which a timer fires at once): above that, or not a positive
 * number, the run stops before anything is written (inputs.ts reads them all up front).
 */
import { InputError } from './errors.js'

/** 6 h in seconds: the longest bound of any wait. */
export const MAX_SECONDS = 6 * 3600
export const OVER_MAX = "more than 6 h, GitHub's job limit"

export interface Timeouts {
  gitNetworkMs: number
  apiRequestMs: number
  rateLimitMaxWaitMs: number
  previewMs: number
  renderMs: number
  kubectlMs: number
  registryMs: number
}

const DEFAULTS: Record<keyof Timeouts, [string, number]> = {
  gitNetworkMs: ['KID_GIT_TIMEOUT', 60],
  apiRequestMs: ['KID_API_TIMEOUT', 30],
  rateLimitMaxWaitMs: ['KID_RATE_LIMIT_MAX_WAIT', 60],
  previewMs: ['KID_PREVIEW_TIMEOUT', 300],
  renderMs: ['KID_RENDER_TIMEOUT', 300],
  kubectlMs: ['KID_KUBECTL_TIMEOUT', 600],
  registryMs: ['KID_REGISTRY_TIMEOUT', 30]
}

/** The bounds in milliseconds; an unset or empty variable takes its default, a bad one throws. */
export function timeouts(env: NodeJS.ProcessEnv = process.env): Timeouts {
  const pick = ([name, fallback]: [string, number]) => {
    const raw = env[name]?.trim() ?? ''
    if (raw === '') return fallback * 1000
    const value = /^\d*\.?\d+(e\d+)?$/i.test(raw) ? Number(raw) : NaN
    const expected = `seconds (decimals allowed), more than 0 and at most ${MAX_SECONDS}`
    if (!(value > 0)) throw new InputError(name, raw, expected)
    if (value > MAX_SECONDS) throw new InputError(name, raw, expected, OVER_MAX)
    return Math.round(value * 1000)
  }
  return Object.fromEntries(Object.entries(DEFAULTS).map(([key, bound]) => [key, pick(bound)])) as unknown as Timeouts
}

/** "90 s", "2.5 s", "10 min" (from 2 minutes on, whole minutes) for messages. */
export function seconds(ms: number): string {
  const s = ms / 1000
  return s >= 120 ? `${Math.round(s / 60)} min` : `${Number(s.toFixed(1))} s`
}
