import { describe, expect, it } from '@jest/globals'
import { parseApply } from '../../src/input-values.js'

describe('parseApply: the apply input against the event', () => {
  it.each<[string, string, boolean, string]>([
    ['', 'push', true, 'auto'],
    ['auto', 'workflow_dispatch', true, 'auto'],
    ['AUTO', 'schedule', true, 'auto'],
    ['', 'pull_request', false, 'auto'],
    ['auto', 'pull_request_target', false, 'auto'],
    ['true', 'pull_request', true, 'true'],
    ['yes', 'pull_request_target', true, 'true'],
    ['false', 'push', false, 'false'],
    ['off', 'push', false, 'false']
  ])('apply %p on %s', (value, event, enabled, mode) => {
    const parsed = parseApply(value, event)
    expect(parsed).toMatchObject({ enabled, mode })
    // only auto explains itself, and only when it turned apply off
    expect(parsed.off !== undefined).toBe(mode === 'auto' && !enabled)
  })

  it('says why nothing is applied on a pull request', () => {
    expect(parseApply('', 'pull_request').off).toBe('Not applied: `apply: auto` only previews pull_request events; the cluster was not touched.')
  })

  it('refuses anything else, naming the input and the expected form', () => {
    expect(() => parseApply('maybe', 'push')).toThrow("apply: 'maybe' is not valid; expected auto, true or false")
  })
})
