import { basename, join } from 'node:path';
import {
  MAX_DOCUMENT_BYTES,
  createDefaultDocument,
  migrateDocument,
  serializeDocument,
  validateDocument,
  type PersistedDocument,
} from '../../sim/persist/index.ts';
import { FolderSyncError, isTempFileOf, writeFileAtomic } from './atomic-write.ts';
import { hasErrorCode, nodeFileSystem, type PersistenceFileSystem } from './file-system.ts';

/** The file name of the learner's document inside the user-data folder. */
export const DOCUMENT_FILE_NAME = 'bdlab-progress.json';
/** Suffix of the last-good backup kept beside the document. */
export const BACKUP_SUFFIX = '.bak';

/** What `load` found: the document to use, and a sentence for the learner when something was repaired. */
export interface LoadedDocument {
  readonly document: PersistedDocument;
  /** Set when the document was recovered from the backup or started fresh; the UI must show it. */
  readonly notice?: string;
}

/** Options for a store; only `folder` is required. */
export interface DocumentStoreOptions {
  /** The folder the document lives in (the app's user-data folder). */
  readonly folder: string;
  /** The document's file name; defaults to `DOCUMENT_FILE_NAME`. */
  readonly fileName?: string;
  /** The file system; defaults to the real disk. Tests inject faults here. */
  readonly fileSystem?: PersistenceFileSystem;
}

/** A file on disk, read and checked: missing, good (with its text), or bad (with why). */
type Candidate =
  | { readonly state: 'missing' }
  | { readonly state: 'good'; readonly document: PersistedDocument; readonly text: string }
  | { readonly state: 'bad'; readonly reason: string }
  /** Written by a newer app version: kept in place, never renamed or overwritten (see `migrate.ts`). */
  | { readonly state: 'newer'; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a stored text cannot be used, or the document it holds (migrated to the current version). */
function parseStoredText(
  bytes: Uint8Array,
): { ok: true; document: PersistedDocument; text: string } | { ok: false; reason: string; newer?: true } {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return { ok: false, reason: `it is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit` };
  }
  let text: string;
  let json: unknown;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text' };
  }
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: bytes.byteLength === 0 ? 'it is empty' : 'it is not complete JSON (damaged or cut short)',
    };
  }
  const migrated = migrateDocument(json);
  if (!migrated.ok) {
    const newer = migrated.error.code === 'UnsupportedSchemaVersion';
    return { ok: false, reason: migrated.error.message, ...(newer ? { newer } : {}) };
  }
  return { ok: true, document: migrated.value, text };
}

/**
 * The learner's progress and settings document in one folder, written atomically, with a last-good backup
 * (`<file>.bak`), schema migration on load, and recovery: a damaged file (or a folder in its place) is moved
 * aside as `<file>.corrupt-<n>` (never deleted) and the backup restored, or a fresh document started, with a
 * notice. A file written by a newer version of the app is not damaged: it stays where it is, untouched, and
 * saves are refused until the app is updated, so the newer work is never overwritten in the older format.
 * Loads and saves run one at a time in call order, so the last save wins and no two writes interleave.
 */
export class DocumentStore {
  readonly folder: string;
  readonly path: string;
  readonly backupPath: string;
  private readonly fs: PersistenceFileSystem;
  private readonly fileName: string;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: DocumentStoreOptions) {
    this.folder = options.folder;
    this.fileName = options.fileName ?? DOCUMENT_FILE_NAME;
    this.fs = options.fileSystem ?? nodeFileSystem;
    this.path = join(this.folder, this.fileName);
    this.backupPath = `${this.path}${BACKUP_SUFFIX}`;
  }

  /** Reads the document, repairing what it can; never rejects because of the file's contents. */
  load(): Promise<LoadedDocument> {
    return this.enqueue(() => this.loadNow());
  }

  /**
   * Validates `document` and writes it durably. Rejects with a clear message when the document is invalid
   * or too large (nothing is written) or the disk refuses (the previous file stays intact).
   */
  save(document: unknown): Promise<void> {
    const valid = validateDocument(document);
    if (!valid.ok)
      return Promise.reject(new Error(`The progress document was not saved: ${valid.error.message}`));
    const text = serializeDocument(valid.value);
    const size = new TextEncoder().encode(text).byteLength;
    if (size > MAX_DOCUMENT_BYTES) {
      return Promise.reject(
        new Error(
          `The progress document was not saved: it is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES}.`,
        ),
      );
    }
    return this.enqueue(() => this.saveNow(text));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async read(path: string): Promise<Candidate> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(path);
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return { state: 'missing' };
      if (hasErrorCode(error, 'EISDIR')) return { state: 'bad', reason: 'it is a folder, not a file' };
      throw error;
    }
    const parsed = parseStoredText(bytes);
    if (parsed.ok) return { state: 'good', document: parsed.document, text: parsed.text };
    return parsed.newer ? { state: 'newer', reason: parsed.reason } : { state: 'bad', reason: parsed.reason };
  }

  private async loadNow(): Promise<LoadedDocument> {
    await this.fs.makeDirectory(this.folder);
    await this.removeStaleTempFiles();
    const main = await this.read(this.path);
    if (main.state === 'good') return { document: main.document };
    if (main.state === 'newer') return this.loadBesideNewer(main.reason);
    const keptAs = main.state === 'bad' ? await this.moveAside(this.path) : undefined;
    const problem =
      main.state === 'bad'
        ? `Your saved progress could not be read (${main.reason}); the unreadable file was kept as ${keptAs}.`
        : 'Your saved progress file was missing.';
    const backup = await this.read(this.backupPath);
    if (backup.state === 'good') {
      const savedAt = `${(await this.fs.modifiedAt(this.backupPath)).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      await writeFileAtomic(this.fs, this.path, backup.text);
      return {
        document: backup.document,
        notice: `${problem} Restored the last good copy, saved ${savedAt}; changes made after it are lost.`,
      };
    }
    if (backup.state === 'missing' && main.state === 'missing') return { document: createDefaultDocument() };
    const backupNote =
      backup.state === 'bad'
        ? ` The backup could not be read either (${backup.reason}); it was kept as ${await this.moveAside(this.backupPath)}.`
        : ' There was no backup.';
    return {
      document: createDefaultDocument(),
      notice: `${problem}${backupNote} Started with default settings and no lab progress.`,
    };
  }

  /**
   * The main file was written by a newer version: it stays in place and untouched. This session starts from
   * the backup when it is usable (read only: it is not copied over the newer file), else from defaults.
   */
  private async loadBesideNewer(reason: string): Promise<LoadedDocument> {
    const kept = `Your saved progress in ${this.path} was saved by a newer version of Big Data Day Lab; it is kept as it is (${reason})`;
    const noSaving = 'Changes you make now are not saved, so the newer file is never overwritten.';
    const backup = await this.read(this.backupPath);
    if (backup.state === 'good') {
      return {
        document: backup.document,
        notice: `${kept}. Showing your older backup meanwhile. ${noSaving}`,
      };
    }
    return {
      document: createDefaultDocument(),
      notice: `${kept}. Starting with default settings. ${noSaving}`,
    };
  }

  private async saveNow(text: string): Promise<void> {
    await this.fs.makeDirectory(this.folder);
    const previous = await this.read(this.path);
    if (previous.state === 'newer') {
      throw new Error(
        `Your progress was not saved: ${this.path} was saved by a newer version of Big Data Day Lab, and saving would overwrite it in an older format. Update the app to keep working with it.`,
      );
    }
    if (previous.state === 'bad') await this.moveAside(this.path);
    try {
      await writeFileAtomic(this.fs, this.path, text);
    } catch (error) {
      const reason = (error as Error).message;
      if (!(error instanceof FolderSyncError)) {
        throw new Error(
          `Could not save your progress to ${this.path} (${reason}); the previous save is unchanged.`,
          { cause: error },
        );
      }
      // The new file is in place; only the folder's flush to disk failed. Rotate the backup as after any
      // write that landed (its own flush may fail the same way: the message below already says so).
      await this.rotateBackup(previous, text).catch(() => undefined);
      throw new Error(
        `Your progress was written to ${this.path}, but the system could not confirm it reached the disk (${reason}); it may be lost if the computer loses power now. It will be written again with your next change.`,
        { cause: error },
      );
    }
    await this.rotateBackup(previous, text);
  }

  /** The backup rotates only once the new file is in place, and only from a file that validated. */
  private async rotateBackup(previous: Candidate, text: string): Promise<void> {
    if (previous.state === 'good' && previous.text !== text) {
      await writeFileAtomic(this.fs, this.backupPath, previous.text);
    }
  }

  /** Renames a damaged file to `<name>.corrupt-<n>` with the first free n; returns the new path. */
  private async moveAside(path: string): Promise<string> {
    const taken = new Set(await this.fs.readdir(this.folder));
    let n = 1;
    while (taken.has(`${basename(path)}.corrupt-${n}`)) n += 1;
    const aside = `${path}.corrupt-${n}`;
    await this.fs.rename(path, aside);
    await this.fs.syncDirectory(this.folder);
    return aside;
  }

  /** Deletes temp files left by a write that was interrupted (they are never the document of record). */
  private async removeStaleTempFiles(): Promise<void> {
    for (const name of await this.fs.readdir(this.folder)) {
      if (isTempFileOf(name, this.fileName) || isTempFileOf(name, `${this.fileName}${BACKUP_SUFFIX}`)) {
        await this.fs.unlink(join(this.folder, name)).catch(() => undefined);
      }
    }
  }
}
