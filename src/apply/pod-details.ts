/**
 * Why a rollout did not complete usually lives in its pods, not in the workload: a readiness
 * probe failing, ImagePullBackOff, CrashLoopBackOff, Unschedulable. For a failed rollout, the
 * conditions, container states and recent events of its not-ready pods, bounded in size.
 */
import { errorMessage } from '../errors.js'
import type { Kubectl, ObjectRef } from './kubectl.js'

type Obj = Record<string, any>

const MAX_PODS = 3
const MAX_EVENTS = 10
const MAX_CHARS = 4000

/** `app=web,tier in (a,b)` from a label selector; '' when it selects nothing expressible. */
export function selectorString(selector: Obj | undefined): string {
  const labels = Object.entries((selector?.matchLabels ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`)
  const expressions = ((selector?.matchExpressions ?? []) as Obj[]).map(e => {
    const values = ((e.values ?? []) as string[]).join(',')
    switch (e.operator) {
      case 'In':
        return `${e.key} in (${values})`
      case 'NotIn':
        return `${e.key} notin (${values})`
      case 'Exists':
        return String(e.key)
      case 'DoesNotExist':
        return `!${e.key}`
      default:
        return ''
    }
  })
  return [...labels, ...expressions].filter(Boolean).join(',')
}

const isReady = (pod: Obj) => ((pod.status?.conditions ?? []) as Obj[]).some(c => c.type === 'Ready' && c.status === 'True')

/** One pod's not-ready story: phase, conditions that are not True, container states (pure). */
export function describePod(pod: Obj): string {
  const out = [`pod/${pod.metadata?.name} (${pod.status?.phase ?? 'unknown phase'})`]
  for (const c of (pod.status?.conditions ?? []) as Obj[]) {
    if (c.status === 'True') continue
    out.push(`  condition ${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`)
  }
  const statuses = [...((pod.status?.initContainerStatuses ?? []) as Obj[]), ...((pod.status?.containerStatuses ?? []) as Obj[])]
  for (const s of statuses) {
    const [state, detail] = Object.entries((s.state ?? {}) as Obj)[0] ?? ['unknown', {}]
    const why = detail?.reason ? ` ${detail.reason}${detail.message ? `: ${detail.message}` : ''}` : ''
    out.push(`  container ${s.name}: ${state}${why}, ready=${s.ready}, restarts=${s.restartCount ?? 0}`)
  }
  return out.join('\n')
}

/** Text cut to `max` characters, saying so. */
export function bounded(text: string, max = MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters not shown)`
}

/** The not-ready pods of a workload with their recent events; a note when they cannot be read. */
export async function notReadyPods(kubectl: Kubectl, ref: Required<ObjectRef>): Promise<string> {
  try {
    const [workload] = (await kubectl.get([`${ref.kind.toLowerCase()}/${ref.name}`], ref.namespace)) as Obj[]
    const selector = selectorString(workload?.spec?.selector)
    if (!selector) return ''
    const pods = ((await kubectl.list('pods', ref.namespace, selector)) as Obj[]).filter(p => !isReady(p))
    if (pods.length === 0) return ''
    const shown = pods.slice(0, MAX_PODS)
    const parts = await Promise.all(
      shown.map(async pod => {
        const events = (await kubectl.events({ kind: 'Pod', name: String(pod.metadata?.name), namespace: ref.namespace })).trimEnd().split('\n')
        const tail = events.length > MAX_EVENTS + 1 ? [events[0], `… (${events.length - MAX_EVENTS - 1} earlier events)`, ...events.slice(-MAX_EVENTS)] : events
        return `${describePod(pod)}\n  events:\n${tail.map(l => `    ${l}`).join('\n')}`
      })
    )
    const more = pods.length > shown.length ? `\n(${pods.length - shown.length} more not-ready pods not shown)` : ''
    return bounded(`${pods.length} not-ready pod(s) of ${ref.kind.toLowerCase()}/${ref.name}:\n${parts.join('\n')}${more}`)
  } catch (error) {
    return `the pods of ${ref.kind.toLowerCase()}/${ref.name} could not be read: ${errorMessage(error)}`
  }
}
