import { describe, expect, it } from '@jest/globals'
import { bounded, describePod, selectorString } from '../../src/apply/pod-details.js'

describe('selectorString', () => {
  it.each<[string, Record<string, unknown> | undefined, string]>([
    ['labels', { matchLabels: { app: 'web', tier: 'front' } }, 'app=web,tier=front'],
    [
      'expressions',
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'NotIn', values: ['c'] }, { key: 'y', operator: 'Exists' }, { key: 'z', operator: 'DoesNotExist' }] },
      'env in (a,b),x notin (c),y,!z'
    ],
    ['none', undefined, ''],
    ['an unknown operator is left out', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'k', operator: 'Gt', values: ['1'] }] }, 'app=web']
  ])('%s', (_name, selector, expected) => {
    expect(selectorString(selector)).toBe(expected)
  })
})

describe('describePod', () => {
  it('phase, the conditions that are not True, each container state with its reason', () => {
    const pod = {
      metadata: { name: 'web-1' },
      status: {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' }
        ],
        initContainerStatuses: [{ name: 'migrate', ready: true, restartCount: 0, state: { terminated: { reason: 'Completed' } } }],
        containerStatuses: [{ name: 'web', ready: false, restartCount: 3, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "reg/web:2"' } } }]
      }
    }
    expect(describePod(pod)).toBe(
      [
        'pod/web-1 (Pending)',
        '  condition Ready=False ContainersNotReady: containers with unready status: [web]',
        '  container migrate: terminated Completed, ready=true, restarts=0',
        '  container web: waiting ImagePullBackOff: Back-off pulling image "reg/web:2", ready=false, restarts=3'
      ].join('\n')
    )
  })

  it('a pod without status', () => {
    expect(describePod({ metadata: { name: 'p' } })).toBe('pod/p (unknown phase)')
  })
})

describe('bounded', () => {
  it.each([
    ['short text is kept', 'abc', 5, 'abc'],
    ['long text is cut and says so', 'abcdefgh', 5, 'abcde\n… (3 more characters not shown)']
  ])('%s', (_name, text, max, expected) => {
    expect(bounded(text, max)).toBe(expected)
  })
})
