import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';

/**
 * The few file operations the document store needs, each one durable on its own. The store takes this as a
 * parameter so tests can inject faults (a crash half-way through a temp write, a failed rename) without
 * touching the real disk's behaviour.
 */
export interface PersistenceFileSystem {
  /** The file's bytes; rejects with code `ENOENT` when it does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates `path` (it must not exist), writes `text` as UTF-8, flushes it to disk (fsync) and closes it. */
  writeNewFileDurably(path: string, text: string): Promise<void>;
  /** Atomically replaces `to` with `from` (both in the same folder). */
  rename(from: string, to: string): Promise<void>;
  /** Flushes a folder's entries to disk, so a rename inside it survives a power cut. */
  syncDirectory(path: string): Promise<void>;
  /** Deletes a file. */
  unlink(path: string): Promise<void>;
  /** The names of the entries in a folder. */
  readdir(path: string): Promise<string[]>;
  /** Creates a folder and its parents when missing. */
  makeDirectory(path: string): Promise<void>;
  /** When the file was last written. */
  modifiedAt(path: string): Promise<Date>;
}

/** Error codes from opening a folder for fsync on platforms that do not allow it (Windows). */
const directorySyncUnsupported = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF']);

/** Whether `error` is a Node file-system error with the given code. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The real disk, through `node:fs/promises`. */
export const nodeFileSystem: PersistenceFileSystem = {
  readFile: (path) => readFile(path),
  async writeNewFileDurably(path, text) {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  async syncDirectory(path) {
    try {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === undefined || !directorySyncUnsupported.has(code)) throw error;
    }
  },
  unlink: (path) => unlink(path),
  readdir: (path) => readdir(path),
  makeDirectory: async (path) => {
    await mkdir(path, { recursive: true });
  },
  modifiedAt: async (path) => (await stat(path)).mtime,
};
