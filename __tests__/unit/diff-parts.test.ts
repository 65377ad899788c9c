/** How a large target's render is cut for `kubectl diff` in parts (pure; no kubectl). */
import { describe, expect, it } from '@jest/globals'
import { joinDiffs, OBJECTS_PER_PART, partCount, partition, splitDocuments } from '../../src/apply/diff-parts.js'

const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`
const render = (n: number) => Array.from({ length: n }, (_, i) => doc(i)).join('---\n')

describe('partCount', () => {
  it.each<[number, number, number]>([
    [0, 2, 1],
    [1, 2, 1],
    [OBJECTS_PER_PART * 2 - 1, 2, 1],
    [OBJECTS_PER_PART * 2, 2, 2],
    [200, 2, 2],
    [200, 4, 4],
    [OBJECTS_PER_PART * 3, 8, 3],
    [500, 1, 1]
  ])('%d objects on %d cores: %d part(s)', (objects, cores, parts) => {
    expect(partCount(objects, cores)).toBe(parts)
  })
})

describe('splitDocuments', () => {
  it.each<[string, string, string[]]>([
    ['kubectl kustomize output', render(3), [doc(0), doc(1), doc(2)]],
    ['one document', doc(0), [doc(0)]],
    ['empty', '', []],
    ['a leading separator and blank documents', `---\n${doc(0)}---\n\n---\n${doc(1)}`, [doc(0), doc(1)]],
    ['--- inside a block scalar stays (it is indented)', `data:\n  x: |\n    ---\n    y\n---\n${doc(1)}`, ['data:\n  x: |\n    ---\n    y\n', doc(1)]]
  ])('%s', (_name, text, documents) => {
    expect(splitDocuments(text)).toEqual(documents)
  })
})

describe('partition', () => {
  it.each<[number, number, number[]]>([
    [20, 2, [10, 10]],
    [21, 2, [10, 11]],
    [5, 3, [1, 2, 2]],
    [2, 4, [1, 1]],
    [1, 1, [1]]
  ])('%d documents in %d parts: sizes %j, every document once, in order', (n, parts, sizes) => {
    const streams = partition(splitDocuments(render(n)), parts)
    expect(streams.map(s => splitDocuments(s).length)).toEqual(sizes)
    expect(streams.flatMap(splitDocuments)).toEqual(splitDocuments(render(n)))
  })
})

describe('joinDiffs', () => {
  it.each<[string, boolean[], boolean]>([
    ['no part differs', [false, false], false],
    ['one part differs', [false, true], true]
  ])('%s', (_name, differs, expected) => {
    const joined = joinDiffs(differs.map((d, i) => ({ differences: d, output: d ? `diff ${i}\n` : '', warnings: i === 1 ? 'Warning: x' : '' })))
    expect(joined).toEqual({ differences: expected, output: differs.map((d, i) => (d ? `diff ${i}\n` : '')).join(''), warnings: 'Warning: x', parts: differs.length })
  })
})
