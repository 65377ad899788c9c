/**
 * The one retry helper: bounded attempts, exponential backoff with jitter. Serves git pushes
 * and GitHub API calls alike; the caller decides which failures are worth another attempt.
 */

export interface Backoff {
  /** delay before the first retry, in milliseconds (the window doubles per retry) */
  baseMs: number
  /** upper bound of the window */
  maxMs: number
}

export interface RetryOptions extends Backoff {
  /** retries after the first attempt (0 = a single attempt) */
  retries: number
  /** whether a failure may be retried; anything else is rethrown at once */
  retryable: (error: unknown) => boolean
  /** called before each wait, e.g. to log */
  onRetry?: (retry: number, delayMs: number, error: unknown) => void
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 500, maxMs: 8000 }

/**
 * "Equal jitter": half the window fixed, half random, so waits never collapse to zero and
 * runs that collided once spread out. `retry` counts from 1.
 */
export function backoffDelay(retry: number, backoff: Backoff, random: number): number {
  const window = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry - 1))
  return Math.round(window / 2 + (window / 2) * Math.min(Math.max(random, 0), 1))
}

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/** Run `fn(attempt)` (attempt counts from 0) until it succeeds or the budget is spent. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? defaultSleep
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      if (attempt >= options.retries || !options.retryable(error)) throw error
      const delay = backoffDelay(attempt + 1, options, random())
      options.onRetry?.(attempt + 1, delay, error)
      await sleep(delay)
    }
  }
}
