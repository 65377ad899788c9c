import { describe, expect, it } from '@jest/globals'
import { stillCurrent } from '../../src/apply/recorded.js'
import type { TargetEdit } from '../../src/edit/edit-targets.js'

const edit = (dir: string, changed: boolean) => ({ target: { dir }, changed }) as unknown as TargetEdit

describe('stillCurrent: the render made before the edit stands in for the render after it', () => {
  const recorded = new Map([
    ['/ws/a', 'render a'],
    ['/ws/b', 'render b']
  ])
  it.each<[string, TargetEdit[], Map<string, string> | undefined]>([
    ['nothing changed, every target rendered: reused', [edit('/ws/a', false), edit('/ws/b', false)], recorded],
    ['one kustomization changed: render again', [edit('/ws/a', true), edit('/ws/b', false)], undefined],
    ['a target that did not render before: render again', [edit('/ws/a', false), edit('/ws/c', false)], undefined]
  ])('%s', (_name, edits, expected) => {
    expect(stillCurrent(edits, recorded)).toBe(expected)
  })
})
