import type { PersistedDocument, PersistedSettings, PriceBookId, ThemePreference } from '../../sim/persist';
import type { PlatformNotice, PlatformPort } from '../platform/port';

/**
 * The learner's document as rune state. Every change is saved through the platform port at once; saves
 * are serialized so an older snapshot never lands after a newer one. A failed save becomes a notice and the
 * change stays on screen, so nothing the learner did is lost while the problem is fixed.
 */
export class DocumentStore {
  document: PersistedDocument;
  notices: PlatformNotice[] = $state.raw([]);
  readonly #port: PlatformPort<PersistedDocument>;
  #saving: Promise<void> = Promise.resolve();

  constructor(port: PlatformPort<PersistedDocument>, initial: PersistedDocument) {
    this.#port = port;
    this.document = $state.raw(initial);
  }

  /** Loads the document through the port; a recovery message from the platform becomes a notice. */
  static async load(port: PlatformPort<PersistedDocument>): Promise<DocumentStore> {
    const loaded = await port.loadDocument();
    const store = new DocumentStore(port, loaded.document);
    if (loaded.notice) store.notify(loaded.notice);
    return store;
  }

  get settings(): PersistedSettings {
    return this.document.settings;
  }

  setPriceBook(priceBook: PriceBookId): void {
    this.#updateSettings({ priceBook });
  }

  setTheme(theme: ThemePreference): void {
    this.#updateSettings({ theme });
  }

  /** Replaces the whole set of overrides; callers validate first (see sim/pricing). */
  setPriceOverrides(priceOverrides: Readonly<Record<string, number>>): void {
    this.#updateSettings({ priceOverrides: { ...priceOverrides } });
  }

  /** Shows a message to the learner until dismissed. */
  notify(notice: PlatformNotice): void {
    this.notices = [...this.notices, notice];
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }

  /** Resolves when every save requested so far has finished (or failed and been reported). */
  whenSaved(): Promise<void> {
    return this.#saving;
  }

  #updateSettings(patch: Partial<PersistedSettings>): void {
    this.document = { ...this.document, settings: { ...this.document.settings, ...patch } };
    const snapshot = this.document;
    this.#saving = this.#saving.then(() =>
      this.#port.saveDocument(snapshot).catch((error: unknown) => {
        this.notify({
          level: 'error',
          message: error instanceof Error ? error.message : `Saving failed: ${String(error)}`,
        });
      }),
    );
  }
}
