import { describe, expect, it } from '@jest/globals'
import { applyMarkdown, applyOutputs } from '../../src/apply/apply-summary.js'
import type { ApplyOutcome } from '../../src/apply/apply.js'

const base: ApplyOutcome = { applied: true, dryRun: 'none', context: 'prod', resources: [], targets: [], drift: [], rollouts: [], failures: [] }

describe('applyOutputs', () => {
  it.each<[string, ApplyOutcome | undefined, Record<string, string>]>([
    ['apply disabled or skipped', undefined, { applied: 'false', resources: '[]' }],
    [
      'applied',
      { ...base, resources: [{ kind: 'Deployment', namespace: 'n', name: 'web', action: 'configured' }] },
      { applied: 'true', resources: '[{"kind":"Deployment","namespace":"n","name":"web","action":"configured"}]' }
    ]
  ])('%s', (_name, outcome, expected) => {
    expect(applyOutputs(outcome)).toEqual(expected)
  })
})

/** The text outside CommonMark code spans (a run of N backticks up to the next run of exactly N on the line). */
function withoutCodeSpans(md: string): string {
  return md
    .split('\n')
    .map(line => {
      let out = ''
      for (let i = 0; i < line.length; ) {
        const open = /^`+/.exec(line.slice(i))
        if (!open) {
          out += line[i++]
          continue
        }
        const n = open[0].length
        const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`).exec(line.slice(i + n))
        if (!close) {
          out += open[0]
          i += n
          continue
        }
        i += n + close.index + n
      }
      return out
    })
    .join('\n')
}

describe('applyMarkdown', () => {
  it('resources, drift, rollouts, failures and the details of a failed rollout', () => {
    const md = applyMarkdown({
      ...base,
      resources: [
        { kind: 'Namespace', namespace: '', name: 'shop', action: 'unchanged' },
        { kind: 'Deployment', namespace: 'shop', name: 'web', action: 'configured' }
      ],
      drift: [{ kind: 'Deployment', namespace: 'shop', name: 'web', container: 'web', live: 'web:hotfix', recorded: 'web:1', applied: 'web:2' }],
      rollouts: [
        { kind: 'Deployment', namespace: 'shop', name: 'web', ok: false, message: 'rollout of deployment/web in shop did not complete within 5m', details: 'Name: web\n```\nodd fence' }
      ],
      failures: ['rollout of deployment/web in shop did not complete within 5m']
    })
    expect(md).toContain('### Apply — context `prod`')
    expect(md).toContain('| `Namespace` | — | `shop` | unchanged |')
    expect(md).toContain('| `Deployment` | `shop` | `web` | configured |')
    expect(md).toContain('| `deployment/web` (`shop`) | `web` | `web:hotfix` | `web:1` | `web:2` |')
    expect(md).toContain('- ❌ `deployment/web` (`shop`): rollout of deployment/web in shop did not complete within 5m')
    expect(md).toContain('**Failed**: rollout of deployment/web in shop did not complete within 5m')
    expect(md).toContain('````text\nName: web\n```\nodd fence\n````')
  })

  it('a dry run says so', () => {
    expect(applyMarkdown({ ...base, dryRun: 'server', resources: [{ kind: 'ConfigMap', namespace: 'n', name: 'c', action: 'created', dryRun: 'server' }] })).toContain(
      '### Apply (dry run: server) — context `prod`\n\n| kind | namespace | name | result |\n| --- | --- | --- | --- |\n| `ConfigMap` | `n` | `c` | created (server dry run) |'
    )
  })
})

describe('the per-target table', () => {
  it('says applied, not applied (why) or not attempted (why); a failed target is never shown as deployed', () => {
    const md = applyMarkdown({
      ...base,
      applied: false,
      targets: [
        { path: 'overlays/a', state: 'applied', errors: [] },
        { path: 'overlays/b', state: 'failed', errors: ['overlays/b: kubectl apply failed: configmap/c: refused by admission policy p: no | pipes'] },
        { path: 'overlays/c', state: 'not-attempted', errors: ['the run was refused as out of order'] }
      ],
      resources: [{ path: 'overlays/b', kind: 'ConfigMap', namespace: 'n', name: 'c', action: 'failed', error: 'refused by admission policy p' }]
    })
    expect(md).toContain(
      [
        '| target | apply |',
        '| --- | --- |',
        '| `overlays/a` | ✅ applied |',
        '| `overlays/b` | ❌ **not applied** — kubectl apply failed: configmap/c: refused by admission policy p: no &#124; pipes |',
        '| `overlays/c` | ⏭️ not attempted — the run was refused as out of order |'
      ].join('\n')
    )
    expect(md).toContain('| `ConfigMap` | `n` | `c` | failed: refused by admission policy p |')
    expect(md).not.toMatch(/overlays\/b` \| ✅/)
  })

  it('names, images and kubectl messages from the render or the cluster stay inert (no HTML, no code-span break-out, no table break)', () => {
    const evil = 'x`<img src=x onerror=alert(1)>|y'
    const md = applyMarkdown({
      ...base,
      targets: [{ path: 'apps/`web`', state: 'failed', errors: ['apps/`web`: <script>alert(1)</script> | broke'] }],
      resources: [{ kind: 'ConfigMap', namespace: 'n', name: evil, action: 'failed', error: '<b>bold</b>' }],
      drift: [{ kind: 'Deployment', namespace: 'n', name: evil, container: evil, live: evil, recorded: 'a', applied: '' }],
      rollouts: [{ kind: 'Deployment', namespace: 'n', name: evil, ok: false, message: `rollout of ${evil} failed`, details: 'd' }],
      failures: [`rollout of ${evil} failed`]
    })
    // outside code spans, nothing that HTML or a table would act on
    const outside = withoutCodeSpans(md)
    expect(outside).not.toMatch(/<(img|script|b)\b/)
    expect(md).not.toContain('<script>')
    for (const row of md.split('\n').filter(l => l.startsWith('| ') && l.includes('ConfigMap'))) {
      // a pipe inside a cell is escaped: the row keeps its four cells
      expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(4)
    }
  })
})
