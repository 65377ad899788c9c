/**
 * Kustomization files on disk: a size-capped read, atomic writes (temp file in the same directory
 * + rename), cleanup of temp files a killed run left behind, and the undo of a run's writes.
 */
import { randomBytes } from 'node:crypto'
import { lstat, open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { FileError } from '../errors.js'

/** Larger than any real kustomization; refused before it is read, let alone parsed. */
export const MAX_KUSTOMIZATION_BYTES = 1024 * 1024

/** `.<file name>.<12 hex digits>.tmp`, next to the file it replaces (the README documents it). */
const TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/
const tempName = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)

/** Read a kustomization as UTF-8, refusing a file over MAX_KUSTOMIZATION_BYTES. */
export async function readKustomization(file: string, rel: string): Promise<string> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    if (size > MAX_KUSTOMIZATION_BYTES) {
      const mib = (size / 1024 / 1024).toFixed(1)
      throw new FileError(`${rel}: the file is ${mib} MiB; a kustomization over 1 MiB is refused unread`, rel)
    }
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * Remove the temp files an earlier run killed between write and rename left next to `file`
 * (`.kustomization.yaml.<hex>.tmp`): regular files of exactly that naming, nothing else.
 */
export async function removeLeftovers(file: string): Promise<string[]> {
  const dir = path.dirname(file)
  const removed: string[] = []
  for (const name of await readdir(dir)) {
    if (TEMP.exec(name)?.[1] !== path.basename(file)) continue
    const leftover = path.join(dir, name)
    if (!(await lstat(leftover)).isFile()) continue
    await unlink(leftover)
    removed.push(leftover)
  }
  return removed
}

export async function writeAtomic(file: string, content: string): Promise<void> {
  const mode = (await stat(file).catch(() => undefined))?.mode ?? 0o644
  const temp = tempName(file)
  try {
    await writeFile(temp, content, { mode: mode & 0o777, flag: 'wx' })
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/** Remembers original bytes so every file a run wrote can be put back. */
export class FileJournal {
  private readonly originals = new Map<string, string>()

  /** Write `content`; `original` is what the file held before this run touched it. */
  async write(file: string, content: string, original: string): Promise<void> {
    if (!this.originals.has(file)) this.originals.set(file, original)
    await writeAtomic(file, content)
  }

  async restoreAll(): Promise<string[]> {
    const restored: string[] = []
    for (const [file, original] of this.originals) {
      await writeAtomic(file, original)
      restored.push(file)
    }
    this.originals.clear()
    return restored
  }
}

