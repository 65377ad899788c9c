/** Render every target with the real `kubectl kustomize`, in parallel (bounded by CPU count). */
import { errorMessage } from '../errors.js'
import type { Kubectl } from '../apply/kubectl.js'
import { mapLimit } from '../pool.js'
import type { Target } from '../edit/targets.js'

export class RenderError extends Error {
  constructor(readonly failures: { target: Target; message: string }[]) {
    super(failures.map(f => `${f.target.rel}: kubectl kustomize failed: ${f.message}`).join('\n'))
    this.name = 'RenderError'
  }
}

/** The rendered manifests per target directory; a RenderError lists every target that failed. */
export async function renderAll(kubectl: Kubectl, targets: Target[]): Promise<Map<string, string>> {
  const failures: { target: Target; message: string }[] = []
  const rendered = await mapLimit(targets, async target => {
    try {
      return await kubectl.kustomize(target.dir)
    } catch (error) {
      failures.push({ target, message: errorMessage(error) })
      return ''
    }
  })
  // in target order, not the order the renders happened to fail in
  if (failures.length > 0) throw new RenderError(failures.sort((a, b) => targets.indexOf(a.target) - targets.indexOf(b.target)))
  return new Map(targets.map((t, i) => [t.dir, rendered[i]]))
}
