/**
 * The learner's persisted document: settings and lab progress, saved by the desktop shell in the user-data
 * folder and by the browser mode in local storage. Both sides read and write exactly this shape.
 */

import type { PriceBookId } from '../pricing/index.ts';

/** The schema version this build writes. Older versions are migrated on load (see `migrate.ts`). */
export const CURRENT_SCHEMA_VERSION = 3;

/** The colour theme the learner picked; `system` follows the operating system. */
export type ThemePreference = 'light' | 'dark' | 'system';

/** Every allowed theme preference, in the order the settings screen lists them. */
export const THEME_PREFERENCES: readonly ThemePreference[] = ['light', 'dark', 'system'];

/** Settings the learner chose. */
export interface PersistedSettings {
  /** The price book the calculators start with: the workshop's 2016 us-east-1 prices, or today's. */
  readonly priceBook: PriceBookId;
  /** The colour theme. */
  readonly theme: ThemePreference;
  /** Prices the learner overrode, in US dollars, keyed by price-book entry id. */
  readonly priceOverrides: Readonly<Record<string, number>>;
  /** The learner's name as exports for handing in carry it; empty until the learner gives it. */
  readonly learnerName: string;
  /** The instructor's plan for the day (which labs, when the day ends). */
  readonly dayPlan: PersistedDayPlan;
}

/**
 * The labs an instructor picked for the day and when the day ends. `null` means "as the agenda plans it":
 * each session's core path, and the agenda's end of day. Lab ids are kept as given; ids this version of
 * the app does not know are ignored when the plan is read, so a plan from a newer build still loads.
 */
export interface PersistedDayPlan {
  /** The lab ids picked for the day, or null for each session's core path. */
  readonly labIds: readonly string[] | null;
  /** When the day ends, 24-hour `HH:MM`, or null for the agenda's end. */
  readonly endsAt: string | null;
}

/** Longest learner name kept (a name, not a document). */
export const MAX_LEARNER_NAME_LENGTH = 100;
/** Most lab ids a day plan holds (the agenda has 20 labs; room for later ones). */
export const MAX_DAY_PLAN_LABS = 100;

/** Progress through the labs. Each lab's progress record is designed with the labs; kept open here. */
export interface PersistedProgress {
  /** Progress per lab id, as plain JSON data. */
  readonly labs: Readonly<Record<string, unknown>>;
}

/**
 * Each console's saved workspace by console id (`redshift`: the SQL editor's text and the journal that
 * rebuilds its cluster and tables), as plain JSON. The console owns its shape and checks it when it reads
 * it back; a console this build does not know keeps its entry untouched.
 */
export type PersistedConsoles = Readonly<Record<string, unknown>>;

/** The whole persisted document at the current schema version. */
export interface PersistedDocument {
  readonly schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  readonly settings: PersistedSettings;
  readonly progress: PersistedProgress;
  readonly consoles: PersistedConsoles;
}

/** Largest serialized document either platform accepts, in bytes of UTF-8 JSON. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** A fresh document: the workshop's 2016 prices, the system theme, no overrides, no progress, no consoles. */
export function createDefaultDocument(): PersistedDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    settings: {
      priceBook: '2016',
      theme: 'system',
      priceOverrides: {},
      learnerName: '',
      dayPlan: { labIds: null, endsAt: null },
    },
    progress: { labs: {} },
    consoles: {},
  };
}

/** The document as the text both platforms store: stable two-space JSON ending in a newline. */
export function serializeDocument(document: PersistedDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
