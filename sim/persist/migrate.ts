import { fail, type Result } from '../core/index.ts';
import { CURRENT_SCHEMA_VERSION, createDefaultDocument, type PersistedDocument } from './document.ts';
import {
  checkLabs,
  checkPriceBook,
  checkPriceOverrides,
  checkTheme,
  describeValue,
  IssueList,
  validateDocument,
  type InvalidDocumentError,
} from './validate.ts';

/**
 * Version 0, written by the first builds: settings flat at the top level and no `schemaVersion` field
 * (or `schemaVersion: 0`). Every field was optional.
 */
export interface DocumentV0 {
  readonly schemaVersion?: 0;
  readonly priceBook?: unknown;
  readonly theme?: unknown;
  readonly priceOverrides?: unknown;
  readonly labs?: unknown;
}

/**
 * The schema version `input` declares: 0 when it has none (version 0 had no field), undefined when the field
 * is present but not a whole number, or `input` is not an object.
 */
export function schemaVersionOf(input: unknown): number | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 ? version : undefined;
}

/** v0 → v1: moves the flat settings under `settings`, lab progress under `progress`, fills defaults. */
function migrateV0(input: DocumentV0): Result<unknown, InvalidDocumentError> {
  const issues = new IssueList();
  issues.object(input, '$', ['schemaVersion', 'priceBook', 'theme', 'priceOverrides', 'labs']);
  const defaults = createDefaultDocument();
  if (input.priceBook !== undefined) checkPriceBook(input.priceBook, '$.priceBook', issues);
  if (input.theme !== undefined) checkTheme(input.theme, '$.theme', issues);
  if (input.priceOverrides !== undefined)
    checkPriceOverrides(input.priceOverrides, '$.priceOverrides', issues);
  if (input.labs !== undefined) checkLabs(input.labs, '$.labs', issues);
  return issues.result({
    schemaVersion: 1,
    settings: {
      priceBook: input.priceBook ?? defaults.settings.priceBook,
      theme: input.theme ?? defaults.settings.theme,
      priceOverrides: input.priceOverrides ?? {},
    },
    progress: { labs: input.labs ?? {} },
  });
}

/**
 * Version 1: settings (price book, theme, overrides) and lab progress, without the learner's name or the
 * instructor's day plan.
 */
export interface DocumentV1 {
  readonly schemaVersion: 1;
  readonly settings?: unknown;
  readonly progress?: unknown;
}

/**
 * v1 → v2: adds the learner's name (empty: not given yet) and the day plan as the agenda plans it. Everything
 * else is kept as it was; the result is validated as a whole afterwards.
 */
function migrateV1(input: DocumentV1): Result<unknown, InvalidDocumentError> {
  const issues = new IssueList();
  issues.object(input, '$', ['schemaVersion', 'settings', 'progress']);
  const settings = issues.object(input.settings, '$.settings', ['priceBook', 'theme', 'priceOverrides']);
  const defaults = createDefaultDocument().settings;
  return issues.result({
    ...input,
    schemaVersion: 2,
    settings: { ...settings, learnerName: defaults.learnerName, dayPlan: defaults.dayPlan },
  });
}

/** Version 2: settings and lab progress, without the consoles' saved workspaces. */
export interface DocumentV2 {
  readonly schemaVersion: 2;
  readonly settings?: unknown;
  readonly progress?: unknown;
}

/** v2 → v3: adds the consoles' saved workspaces, none yet. */
function migrateV2(input: DocumentV2): Result<unknown, InvalidDocumentError> {
  const issues = new IssueList();
  issues.object(input, '$', ['schemaVersion', 'settings', 'progress']);
  return issues.result({ ...input, schemaVersion: 3, consoles: {} });
}

/** One step per old version: `steps[n]` turns a version-n document into a version-(n+1) one. */
const steps: readonly ((input: never) => Result<unknown, InvalidDocumentError>)[] = [
  migrateV0,
  migrateV1,
  migrateV2,
];

/**
 * Brings a document read from storage up to the current schema version and validates it. Errors name the
 * JSON path in the version the document was written in. A version newer than this build understands fails
 * with `UnsupportedSchemaVersion`, so the caller can keep the file rather than overwrite it.
 */
export function migrateDocument(input: unknown): Result<PersistedDocument, InvalidDocumentError> {
  const version = schemaVersionOf(input);
  if (version === undefined) {
    const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
    const path = isObject ? '$.schemaVersion' : '$';
    const found = isObject ? (input as { schemaVersion?: unknown }).schemaVersion : input;
    const message = `${path} is ${describeValue(found)}; expected ${isObject ? `a schema version from 0 to ${CURRENT_SCHEMA_VERSION}` : 'an object'}.`;
    return fail({
      code: 'InvalidDocument',
      path,
      message,
      issues: [{ code: 'InvalidDocument', path, message }],
    });
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    const message =
      `$.schemaVersion is ${version}; this version of Big Data Day Lab reads schema versions up to ` +
      `${CURRENT_SCHEMA_VERSION}. The file was saved by a newer version: update the app to open it.`;
    const issue = { code: 'UnsupportedSchemaVersion', path: '$.schemaVersion', message };
    return fail({ ...issue, code: 'UnsupportedSchemaVersion', issues: [issue] });
  }
  let current: unknown = input;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from += 1) {
    const step = steps[from];
    if (step === undefined) throw new Error(`No migration from schema version ${from}.`);
    const migrated = step(current as never);
    if (!migrated.ok) return migrated;
    current = migrated.value;
  }
  return validateDocument(current);
}
