/** Atomic file writes (temp file in the same directory + rename) and their undo. */
import { randomBytes } from 'node:crypto'
import { rename, stat, unlink, writeFile } from 'node:fs/promises'
import * as path from 'node:path'

export async function writeAtomic(file: string, content: string): Promise<void> {
  const mode = (await stat(file).catch(() => undefined))?.mode ?? 0o644
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
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
