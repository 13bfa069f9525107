import { checkFileName } from '../../sim/persist/index.ts';
import {
  isExternalLink,
  type DocumentCodec,
  type ExportRequest,
  type ExportResult,
  type ImportRequest,
  type ImportedFile,
  type LoadedDocument,
  type PlatformPort,
} from './port';

/** Where the browser mode keeps the learner's document, its last good copy, and a damaged copy. */
export const browserStorageKeys = {
  document: 'bdlab.document',
  backup: 'bdlab.document.backup',
  damaged: 'bdlab.document.damaged',
} as const;

/**
 * The browser platform (`npm run web`, projectors, machines without the desktop app): the document lives
 * in localStorage with a last-good backup; exports are downloads; imports use a file picker; external
 * links open in a new tab with no opener.
 */
export class BrowserPort<Doc> implements PlatformPort<Doc> {
  readonly kind = 'browser';
  readonly #window: Window;
  readonly #storage: Storage;
  readonly #codec: DocumentCodec<Doc>;

  constructor(win: Window, storage: Storage, codec: DocumentCodec<Doc>) {
    this.#window = win;
    this.#storage = storage;
    this.#codec = codec;
  }

  async loadDocument(): Promise<LoadedDocument<Doc>> {
    const primary = this.#readSlot(browserStorageKeys.document);
    if (primary.kind === 'ok') return { document: primary.document };

    const backup = this.#readSlot(browserStorageKeys.backup);
    if (primary.kind === 'newer') {
      const kept = `Your saved progress in this browser was saved by a newer version of Big Data Day Lab; it is kept as it is (${primary.error})`;
      const noSaving = 'Changes you make now are not saved, so the newer copy is never overwritten.';
      return backup.kind === 'ok'
        ? {
            document: backup.document,
            notice: {
              level: 'warning',
              message: `${kept}. Showing your older backup meanwhile. ${noSaving}`,
            },
          }
        : {
            document: this.#codec.createDefault(),
            notice: { level: 'warning', message: `${kept}. Starting with default settings. ${noSaving}` },
          };
    }
    if (primary.kind === 'empty' && backup.kind === 'empty') return { document: this.#codec.createDefault() };

    if (primary.kind === 'damaged') this.#keepDamagedCopy(primary.raw);
    const what = primary.kind === 'damaged' ? `was damaged (${primary.error})` : 'was missing';
    if (backup.kind === 'ok') {
      return {
        document: backup.document,
        notice: {
          level: 'warning',
          message: `Your saved progress in this browser ${what}. Restored the last good copy; changes since it was made are lost.`,
        },
      };
    }
    return {
      document: this.#codec.createDefault(),
      notice: {
        level: 'error',
        message:
          `Your saved progress in this browser ${what}, and ${backup.kind === 'damaged' ? `its backup was damaged too (${backup.error})` : 'there is no backup'}. ` +
          `Starting with default settings${primary.kind === 'damaged' ? `; the damaged copy is kept under "${browserStorageKeys.damaged}"` : ''}.`,
      },
    };
  }

  async saveDocument(document: Doc): Promise<void> {
    const serialized = JSON.stringify(document);
    const previous = this.#readSlot(browserStorageKeys.document);
    if (previous.kind === 'newer') {
      throw new Error(
        'Your progress was not saved: this browser holds progress saved by a newer version of Big Data Day Lab, and saving would overwrite it in an older format. Open it with the newer version.',
      );
    }
    try {
      if (previous.kind === 'ok') this.#storage.setItem(browserStorageKeys.backup, previous.raw);
      this.#storage.setItem(browserStorageKeys.document, serialized);
    } catch (error) {
      throw new Error(
        `This browser refused to store your progress (${messageOf(error)}). ` +
          'Free some site storage or allow it for this page; your work stays on screen until then.',
        { cause: error },
      );
    }
  }

  async exportFile(request: ExportRequest): Promise<ExportResult> {
    const name = checkFileName(request.suggestedName);
    if (!name.ok) throw new Error(`The file was not exported: ${name.error.message}`);
    const doc = this.#window.document;
    const url = URL.createObjectURL(new Blob([request.contents], { type: request.mimeType }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = request.suggestedName;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    this.#window.setTimeout(() => URL.revokeObjectURL(url), 0);
    return { saved: true };
  }

  importFile(request: ImportRequest): Promise<ImportedFile | null> {
    const doc = this.#window.document;
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = request.accept.join(',');
    input.hidden = true;
    doc.body.append(input);
    return new Promise<ImportedFile | null>((resolve, reject) => {
      const finish = () => input.remove();
      input.addEventListener('cancel', () => {
        finish();
        resolve(null);
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        finish();
        if (!file) return resolve(null);
        file.text().then(
          (contents) => resolve({ name: file.name, contents }),
          (error: unknown) => reject(new Error(`Could not read ${file.name}: ${String(error)}`)),
        );
      });
      input.click();
    });
  }

  async openExternal(url: string): Promise<boolean> {
    if (!isExternalLink(url)) return false;
    this.#window.open(url, '_blank', 'noopener,noreferrer');
    return true;
  }

  #readSlot(
    key: string,
  ):
    | { kind: 'empty' }
    | { kind: 'ok'; raw: string; document: Doc }
    | { kind: 'damaged'; raw: string; error: string }
    | { kind: 'newer'; raw: string; error: string } {
    const raw = this.#storage.getItem(key);
    if (raw === null) return { kind: 'empty' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { kind: 'damaged', raw, error: 'not valid JSON' };
    }
    const read = this.#codec.read(parsed);
    if (read.ok) return { kind: 'ok', raw, document: read.document };
    return { kind: read.newer ? 'newer' : 'damaged', raw, error: read.error };
  }

  #keepDamagedCopy(raw: string): void {
    try {
      this.#storage.setItem(browserStorageKeys.damaged, raw);
    } catch {
      // Storage full: the damaged copy is a courtesy; recovery goes on without it.
    }
  }
}

/** The message of an Error or a DOMException (which is not always an Error subclass), else the value itself. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
