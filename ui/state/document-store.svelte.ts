import {
  MAX_LEARNER_NAME_LENGTH,
  type PersistedDayPlan,
  type PersistedDocument,
  type PersistedSettings,
  type PriceBookId,
  type ThemePreference,
} from '../../sim/persist';
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

  /** The learner's name for exports, trimmed and cut to the longest name the document keeps. */
  setLearnerName(name: string): void {
    this.#updateSettings({ learnerName: name.trim().slice(0, MAX_LEARNER_NAME_LENGTH) });
  }

  /** The instructor's plan for the day (null fields: as the agenda plans it). */
  setDayPlan(dayPlan: PersistedDayPlan): void {
    this.#updateSettings({
      dayPlan: { labIds: dayPlan.labIds && [...dayPlan.labIds], endsAt: dayPlan.endsAt },
    });
  }

  /** A lab's saved progress as plain JSON, or undefined when the learner has not started it. */
  savedProgress(labId: string): unknown {
    return this.document.progress.labs[labId];
  }

  /** Saves one lab's progress (the lab player calls this after every change). */
  saveProgress(labId: string, progress: unknown): void {
    this.#updateLabs({ ...this.document.progress.labs, [labId]: progress });
  }

  /** Sets the progress of the labs given, keeping the others; callers confirm with the learner first. */
  importLabProgress(labs: Readonly<Record<string, unknown>>): void {
    this.#updateLabs({ ...this.document.progress.labs, ...labs });
  }

  /** Clears every lab's progress; callers confirm with the learner first. */
  clearLabProgress(): void {
    this.#updateLabs({});
  }

  /** A console's saved workspace as plain JSON (the console checks its shape), or undefined when none. */
  savedConsole(consoleId: string): unknown {
    return this.document.consoles[consoleId];
  }

  /** Saves one console's workspace (the console calls this as the learner types and works). */
  saveConsole(consoleId: string, workspace: unknown): void {
    this.#replace({ ...this.document, consoles: { ...this.document.consoles, [consoleId]: workspace } });
  }

  /** Shows a message to the learner until dismissed; a message already on screen is not repeated. */
  notify(notice: PlatformNotice): void {
    // Every change in a lab saves; while saving keeps failing, one copy of the message is enough.
    if (this.notices.some((shown) => shown.level === notice.level && shown.message === notice.message))
      return;
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
    this.#replace({ ...this.document, settings: { ...this.document.settings, ...patch } });
  }

  #updateLabs(labs: Readonly<Record<string, unknown>>): void {
    this.#replace({ ...this.document, progress: { ...this.document.progress, labs } });
  }

  #replace(next: PersistedDocument): void {
    this.document = next;
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
