import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES } from './payloads.ts';
import type { ImportedFile } from './bridge.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file the learner picked: refuses anything over 5 MB (checked before reading, not after) or not
 * UTF-8 text, with a message saying which file and why. A leading byte-order mark is dropped.
 */
export async function readImportedFile(path: string): Promise<ImportedFile> {
  const name = basename(path);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_IMPORT_BYTES) {
      throw new Error(
        `${name} is ${size} bytes; files up to ${MAX_IMPORT_BYTES} bytes (5 MB) can be imported.`,
      );
    }
    const bytes = await handle.readFile();
    try {
      return { name, contents: utf8.decode(bytes).replace(/^\uFEFF/, '') };
    } catch {
      throw new Error(`${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
    }
  } finally {
    await handle.close();
  }
}
