import { childPath, describeKindAndValue } from '../core/index.ts';
import { fail, isEra, ok, type Result, type SimError } from '../core/index.ts';
import { applyPriceOverrides } from '../pricing/index.ts';
import { PRICE_BOOK_IDS, PRICE_BOOKS } from '../pricing/index.ts';
import type { PriceBookId } from '../pricing/index.ts';
import {
  CURRENT_SCHEMA_VERSION,
  MAX_DAY_PLAN_LABS,
  MAX_LEARNER_NAME_LENGTH,
  THEME_PREFERENCES,
  type PersistedDocument,
  type ThemePreference,
} from './document.ts';

export { childPath };

/**
 * A document that failed validation: `path` and `message` name the first problem, `issues` lists them all,
 * each with the JSON path of the bad value, the value, and what is allowed.
 */
export interface InvalidDocumentError extends SimError {
  readonly code: 'InvalidDocument' | 'UnsupportedSchemaVersion';
  readonly issues: readonly SimError[];
}

/** Longest price-override key accepted (price-book entry ids are short dotted names). */
export const MAX_OVERRIDE_KEY_LENGTH = 200;
/** Deepest nesting accepted inside a lab's progress record. */
export const MAX_PROGRESS_DEPTH = 64;

/** A value in a message: its kind and a short excerpt (see `describeKindAndValue`); `missing` when absent. */
export function describeValue(value: unknown): string {
  return value === undefined ? 'missing' : describeKindAndValue(value);
}

/** True for `{…}` objects (not arrays, not null, not class instances such as Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Collects problems as a validator walks a document. */
export class IssueList {
  readonly issues: SimError[] = [];

  /** Records that the value at `path` is wrong, saying what it is and what is allowed. */
  add(path: string, value: unknown, allowed: string): void {
    this.issues.push({
      code: 'InvalidDocument',
      path,
      message: `${path} is ${describeValue(value)}; ${allowed}.`,
    });
  }

  /** Checks `value` is a plain object with no keys outside `allowed`; returns it, or undefined if not. */
  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (!isPlainObject(value)) {
      this.add(path, value, `expected an object with ${allowed.join(', ')}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add(childPath(path, key), value[key], `unknown field; allowed fields are ${allowed.join(', ')}`);
      }
    }
    return value;
  }

  /** The result: the value when nothing was recorded, else an `InvalidDocumentError` listing every problem. */
  result<T>(value: T): Result<T, InvalidDocumentError> {
    const [first] = this.issues;
    if (first === undefined) return ok(value);
    const more = this.issues.length > 1 ? ` (and ${this.issues.length - 1} more problem(s))` : '';
    return fail({
      code: 'InvalidDocument',
      path: first.path ?? '$',
      message: `${first.message}${more}`,
      issues: this.issues,
    });
  }
}

const quoted = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** Checks a price book id at `path`. */
export function checkPriceBook(value: unknown, path: string, issues: IssueList): value is PriceBookId {
  if (PRICE_BOOK_IDS.includes(value as PriceBookId)) return true;
  issues.add(path, value, `allowed: ${quoted(PRICE_BOOK_IDS)}`);
  return false;
}

/** Checks a theme preference at `path`. */
export function checkTheme(value: unknown, path: string, issues: IssueList): value is ThemePreference {
  if (THEME_PREFERENCES.includes(value as ThemePreference)) return true;
  issues.add(path, value, `allowed: ${quoted(THEME_PREFERENCES)}`);
  return false;
}

/** Checks price overrides at `path`: non-empty keys, each a finite price of at least $0. */
export function checkPriceOverrides(value: unknown, path: string, issues: IssueList): void {
  if (!isPlainObject(value)) {
    issues.add(path, value, 'expected an object mapping price ids to prices in US dollars');
    return;
  }
  for (const [key, price] of Object.entries(value)) {
    const at = childPath(path, key);
    if (key.length === 0 || key.length > MAX_OVERRIDE_KEY_LENGTH) {
      issues.add(at, key, `price ids are 1 to ${MAX_OVERRIDE_KEY_LENGTH} characters`);
    }
    if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) {
      issues.add(at, price, 'expected a price in US dollars: a finite number of at least 0');
    }
  }
}

const labId = /^[a-z0-9-]{1,64}$/;
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks the learner's name at `path`: a string of at most MAX_LEARNER_NAME_LENGTH characters. */
export function checkLearnerName(value: unknown, path: string, issues: IssueList): void {
  if (typeof value === 'string' && value.length <= MAX_LEARNER_NAME_LENGTH) return;
  issues.add(path, value, `expected a name of at most ${MAX_LEARNER_NAME_LENGTH} characters`);
}

/** Checks a day plan at `path`: lab ids (or null) and an `HH:MM` end of day (or null). */
export function checkDayPlan(value: unknown, path: string, issues: IssueList): void {
  const plan = issues.object(value, path, ['labIds', 'endsAt']);
  if (plan === undefined) return;
  const ids = plan.labIds;
  if (ids !== null) {
    if (!Array.isArray(ids) || ids.length > MAX_DAY_PLAN_LABS) {
      issues.add(`${path}.labIds`, ids, `expected null or a list of at most ${MAX_DAY_PLAN_LABS} lab ids`);
    } else {
      ids.forEach((id: unknown, index) => {
        if (typeof id !== 'string' || !labId.test(id))
          issues.add(childPath(`${path}.labIds`, index), id, 'expected a lab id such as "hot-shard"');
      });
    }
  }
  const ends = plan.endsAt;
  if (ends !== null && (typeof ends !== 'string' || !clockTime.test(ends))) {
    issues.add(`${path}.endsAt`, ends, 'expected null or a 24-hour time such as "17:15"');
  }
}

/** Checks that `value` is plain JSON data (what JSON.stringify keeps and JSON.parse gives back). */
export function checkJsonValue(value: unknown, path: string, issues: IssueList, depth = 0): void {
  if (depth > MAX_PROGRESS_DEPTH) {
    issues.add(path, value, `nested deeper than ${MAX_PROGRESS_DEPTH} levels`);
    return;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.add(path, value, 'numbers must be finite');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonValue(item, childPath(path, index), issues, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value))
      checkJsonValue(item, childPath(path, key), issues, depth + 1);
    return;
  }
  issues.add(path, value, 'expected plain JSON data (null, boolean, number, string, array or object)');
}

/** Checks the per-lab progress map at `path`. */
export function checkLabs(value: unknown, path: string, issues: IssueList): void {
  if (!isPlainObject(value)) {
    issues.add(path, value, 'expected an object mapping lab ids to progress records');
    return;
  }
  checkJsonValue(value, path, issues);
}

/** Checks the per-console workspaces at `path`: console ids mapping to plain JSON. */
export function checkConsoles(value: unknown, path: string, issues: IssueList): void {
  if (!isPlainObject(value)) {
    issues.add(path, value, 'expected an object mapping console ids to saved workspaces');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!labId.test(key)) issues.add(childPath(path, key), key, 'expected a console id such as "redshift"');
  }
  checkJsonValue(value, path, issues);
}

/**
 * Checks that valid settings can be used as the app uses them at start-up (the price book with the
 * overrides applied): a document that validates must load. Only a fault in the app itself can fail here;
 * the document is then refused like a damaged one, so the caller restores the backup with a notice.
 */
function checkSettingsApply(priceBook: unknown, priceOverrides: unknown, issues: IssueList): void {
  // Both fields passed their own checks before this runs; the guard only tells the compiler so.
  if (!isEra(priceBook) || typeof priceOverrides !== 'object' || priceOverrides === null) return;
  const overrides = priceOverrides as Readonly<Record<string, number>>;
  try {
    applyPriceOverrides(PRICE_BOOKS[priceBook], overrides);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    issues.add(
      '$.settings.priceOverrides',
      overrides,
      `the overrides could not be applied to the price book (${reason.slice(0, 120)})`,
    );
  }
}

/**
 * Checks that `input` is a document at the current schema version. Older versions are not accepted here:
 * run `migrateDocument` on anything read from storage.
 */
export function validateDocument(input: unknown): Result<PersistedDocument, InvalidDocumentError> {
  const issues = new IssueList();
  const root = issues.object(input, '$', ['schemaVersion', 'settings', 'progress', 'consoles']);
  if (root === undefined) return issues.result(input as PersistedDocument);
  if (root.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    issues.add('$.schemaVersion', root.schemaVersion, `expected ${CURRENT_SCHEMA_VERSION}`);
  }
  const settings = issues.object(root.settings, '$.settings', [
    'priceBook',
    'theme',
    'priceOverrides',
    'learnerName',
    'dayPlan',
  ]);
  if (settings !== undefined) {
    checkPriceBook(settings.priceBook, '$.settings.priceBook', issues);
    checkTheme(settings.theme, '$.settings.theme', issues);
    checkPriceOverrides(settings.priceOverrides, '$.settings.priceOverrides', issues);
    checkLearnerName(settings.learnerName, '$.settings.learnerName', issues);
    checkDayPlan(settings.dayPlan, '$.settings.dayPlan', issues);
    if (issues.issues.length === 0) checkSettingsApply(settings.priceBook, settings.priceOverrides, issues);
  }
  const progress = issues.object(root.progress, '$.progress', ['labs']);
  if (progress !== undefined) checkLabs(progress.labs, '$.progress.labs', issues);
  checkConsoles(root.consoles, '$.consoles', issues);
  return issues.result(input as PersistedDocument);
}
