/** secretGenerator literals out of kustomize's error text (src/render/generator-literals.ts). */
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { redactLiterals, REDACTED_LITERAL, secretLiterals } from '../../src/render/generator-literals.js'
import { tempDir, writeFiles } from '../helpers/workspace.js'

const R = REDACTED_LITERAL

describe('redactLiterals', () => {
  it.each([
    ['a literal written with `:`', 'invalid literal source password:hunter2, expected key=value', ['password:hunter2'], `invalid literal source password:${R}, expected key=value`],
    ['every literal of the generator', 'literal sources [user=admin password:hunter2]', ['user=admin', 'password:hunter2'], `literal sources [user=${R} password:${R}]`],
    ['a value quoted alone', 'value "s3cr3t-value" is invalid', ['token=s3cr3t-value'], `value "${R}" is invalid`],
    ['a literal without a separator', 'invalid literal source hunter2', ['hunter2'], `invalid literal source ${R}`],
    ['a short value alone stays (it would garble the text)', 'key a is fine', ['k=a'], 'key a is fine']
  ])('%s', (_name, text, literals, expected) => {
    expect(redactLiterals(text, literals)).toBe(expected)
  })
})

describe('secretLiterals', () => {
  it('reads the target\'s generators and those of the local bases and components it builds on, not remote ones', async () => {
    const ws = tempDir('kid-literals-')
    writeFiles(ws, {
      'app/kustomization.yaml': 'resources:\n- ../base\n- https://example.com/remote//x\ncomponents:\n- ../comp\nsecretGenerator:\n- name: a\n  literals: [one=1111]\n',
      'base/kustomization.yaml': 'secretGenerator:\n- name: b\n  literals:\n  - two:2222\nconfigMapGenerator:\n- name: c\n  literals: [not=secret]\n',
      'comp/kustomization.yaml': 'kind: Component\nsecretGenerator:\n- name: d\n  literals: [three=3333]\n'
    })
    expect((await secretLiterals(path.join(ws, 'app'))).sort()).toEqual(['one=1111', 'three=3333', 'two:2222'])
  })
})
