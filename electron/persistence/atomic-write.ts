import { basename, dirname, join } from 'node:path';
import type { PersistenceFileSystem } from './file-system.ts';

/** Suffix of the temporary files an atomic write creates beside its target. */
export const TEMP_SUFFIX = '.tmp';

let sequence = 0;

/** A fresh temporary path in the same folder as `target` (a rename is only atomic within one file system). */
export function tempPathFor(target: string): string {
  sequence += 1;
  return join(dirname(target), `${basename(target)}.${process.pid}-${sequence}${TEMP_SUFFIX}`);
}

/** Whether `name` is a temporary file an atomic write of `targetName` left behind. */
export function isTempFileOf(name: string, targetName: string): boolean {
  return name.startsWith(`${targetName}.`) && name.endsWith(TEMP_SUFFIX);
}

/**
 * Replaces `target` with `text` so that, whatever happens, `target` holds either the old text or the new
 * text and never a mix: write a temp file in the same folder, fsync it, rename it over the target, fsync
 * the folder. On failure the temp file is removed (after a crash, the next load removes it).
 */
export async function writeFileAtomic(
  fs: PersistenceFileSystem,
  target: string,
  text: string,
): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await fs.writeNewFileDurably(temp, text);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    await fs.syncDirectory(dirname(target));
  } catch (error) {
    throw new FolderSyncError(error);
  }
}

/**
 * The rename succeeded (`target` holds the new text) but flushing the folder to disk failed: a caller must
 * not say the old text is still there.
 */
export class FolderSyncError extends Error {
  override readonly name = 'FolderSyncError';

  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
