import type { BdlabBridge } from './electron-bridge';
import { isExternalLink, type DocumentCodec, type LoadedDocument, type PlatformPort } from './port';

/**
 * The desktop platform: every call goes over the preload bridge to the main process, which stores the
 * document atomically with a backup. The document is validated again here, since the renderer trusts no
 * input, and a main-process recovery message becomes a notice.
 */
export class ElectronPort<Doc> implements PlatformPort<Doc> {
  readonly kind = 'electron';
  readonly #bridge: BdlabBridge;
  readonly #codec: DocumentCodec<Doc>;

  constructor(bridge: BdlabBridge, codec: DocumentCodec<Doc>) {
    this.#bridge = bridge;
    this.#codec = codec;
  }

  async loadDocument(): Promise<LoadedDocument<Doc>> {
    let loaded: { document: unknown; notice?: string };
    try {
      loaded = await this.#bridge.loadDocument();
    } catch (error) {
      return {
        document: this.#codec.createDefault(),
        notice: {
          level: 'error',
          message: `Your saved progress could not be loaded (${describe(error)}). Starting with default settings; nothing has been overwritten yet.`,
        },
      };
    }
    const read = this.#codec.read(loaded.document);
    if (!read.ok) {
      return {
        document: this.#codec.createDefault(),
        notice: {
          level: 'error',
          message: `Your saved progress was not usable (${read.error}). Starting with default settings.`,
        },
      };
    }
    return loaded.notice === undefined
      ? { document: read.document }
      : { document: read.document, notice: { level: 'warning', message: loaded.notice } };
  }

  saveDocument(document: Doc): Promise<void> {
    // A snapshot of plain data: rune proxies cannot cross the structured-clone boundary.
    return this.#bridge.saveDocument(JSON.parse(JSON.stringify(document)));
  }

  exportFile(request: Parameters<PlatformPort<Doc>['exportFile']>[0]) {
    return this.#bridge.exportFile({ ...request });
  }

  importFile(request: Parameters<PlatformPort<Doc>['importFile']>[0]) {
    return this.#bridge.importFile({ accept: [...request.accept] });
  }

  async openExternal(url: string): Promise<boolean> {
    if (!isExternalLink(url)) return false;
    return this.#bridge.openExternal(url);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
