/** Rate-limit answers and request time limits of the GitHub API module. */
import { describe, expect, it } from '@jest/globals'
import { rateLimitMessage, timedFetch } from '../../src/github/github-api.js'
import { MAX_SECONDS, timeouts } from '../../src/timeouts.js'

const NOW = Date.parse('2026-11-30T03:00:00Z')
const error = (status: number, headers: Record<string, string>, message = 'x') => ({
  status,
  message,
  response: { headers },
  request: { method: 'GET', url: 'https://api.github.com/repos/o/r/issues/1/comments?per_page=100' }
})

describe('rateLimitMessage', () => {
  it.each([
    [
      'primary, an hour away',
      error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3600) }),
      'GitHub API rate limit exhausted (GET /repos/o/r/issues/1/comments): it resets at 2026-11-30T04:00:00Z, in 60 min, longer than this action waits (60 s, KID_RATE_LIMIT_MAX_WAIT)'
    ],
    [
      'secondary with retry-after',
      error(429, { 'retry-after': '120' }, 'You have exceeded a secondary rate limit'),
      'GitHub API secondary rate limit (GET /repos/o/r/issues/1/comments): asked to retry after 120 s, longer than this action waits (60 s, KID_RATE_LIMIT_MAX_WAIT)'
    ],
    ['a plain 403 is no rate limit', error(403, {}, 'Resource not accessible by integration'), undefined],
    ['a 502 is no rate limit', error(502, { 'retry-after': '5' }), undefined],
    ['not an HTTP error', new Error('boom'), undefined]
  ])('%s', (_, e, expected) => expect(rateLimitMessage(e, 60_000, NOW)).toBe(expected))
})

describe('timedFetch', () => {
  it('gives up on a request that gets no answer, saying what and how long', async () => {
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    const fetch = timedFetch(never, 50)
    await expect(fetch('https://api.github.com/user', { method: 'GET' })).rejects.toThrow('GitHub API: no answer to GET /user within 0.1 s')
  })
  it('is cancelled with the caller', async () => {
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    const cancel = new AbortController()
    const pending = timedFetch(never, 60_000, cancel.signal)('https://api.github.com/user')
    cancel.abort(new Error('the preview took longer than 2 s'))
    await expect(pending).rejects.toThrow('GitHub API: GET /user cancelled (the preview took longer than 2 s)')
  })
})

describe('timeouts', () => {
  it.each([
    [{}, { gitNetworkMs: 60_000, apiRequestMs: 30_000, rateLimitMaxWaitMs: 60_000, previewMs: 300_000, renderMs: 300_000, kubectlMs: 600_000, registryMs: 30_000 }],
    [
      { KID_GIT_TIMEOUT: '1.5', KID_API_TIMEOUT: '2', KID_RATE_LIMIT_MAX_WAIT: '0.5', KID_PREVIEW_TIMEOUT: '9', KID_RENDER_TIMEOUT: '4', KID_KUBECTL_TIMEOUT: '5', KID_REGISTRY_TIMEOUT: '0.25' },
      { gitNetworkMs: 1500, apiRequestMs: 2000, rateLimitMaxWaitMs: 500, previewMs: 9000, renderMs: 4000, kubectlMs: 5000, registryMs: 250 }
    ],
    [{ KID_GIT_TIMEOUT: '', KID_API_TIMEOUT: ' ' }, { gitNetworkMs: 60_000, apiRequestMs: 30_000, rateLimitMaxWaitMs: 60_000, previewMs: 300_000, renderMs: 300_000, kubectlMs: 600_000, registryMs: 30_000 }],
    [{ KID_KUBECTL_TIMEOUT: '21600' }, { gitNetworkMs: 60_000, apiRequestMs: 30_000, rateLimitMaxWaitMs: 60_000, previewMs: 300_000, renderMs: 300_000, kubectlMs: 21_600_000, registryMs: 30_000 }]
  ])('%j', (env, expected) => expect(timeouts(env)).toEqual(expected))

  it.each([
    [{ KID_GIT_TIMEOUT: 'soon' }, "KID_GIT_TIMEOUT: 'soon' is not valid; expected seconds (decimals allowed), more than 0 and at most 21600"],
    [{ KID_API_TIMEOUT: '-1' }, "KID_API_TIMEOUT: '-1' is not valid; expected seconds"],
    [{ KID_KUBECTL_TIMEOUT: '21600.5' }, "KID_KUBECTL_TIMEOUT: '21600.5' is not valid: more than 6 h, GitHub's job limit; expected seconds"],
    [{ KID_RATE_LIMIT_MAX_WAIT: 'Infinity' }, "KID_RATE_LIMIT_MAX_WAIT: 'Infinity' is not valid; expected seconds"]
  ])('%j is refused', (env, message) => expect(() => timeouts(env)).toThrow(message))

  it('the longest bound, rollout status at 6 h plus 6 h, stays a valid Node timer', () => {
    const bound = timeouts({ KID_KUBECTL_TIMEOUT: String(MAX_SECONDS) }).kubectlMs + MAX_SECONDS * 1000
    expect(bound).toBeLessThan(2 ** 31 - 1)
  })
})
