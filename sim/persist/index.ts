/** The persisted-document schema shared by the desktop shell and the browser mode. */
export {
  CURRENT_SCHEMA_VERSION,
  MAX_DAY_PLAN_LABS,
  MAX_DOCUMENT_BYTES,
  MAX_LEARNER_NAME_LENGTH,
  THEME_PREFERENCES,
  createDefaultDocument,
  serializeDocument,
  type PersistedConsoles,
  type PersistedDayPlan,
  type PersistedDocument,
  type PersistedProgress,
  type PersistedSettings,
  type ThemePreference,
} from './document.ts';
/** The price book ids are the pricing service's; re-exported because settings persist one. */
export { PRICE_BOOK_IDS, type PriceBookId } from '../pricing/index.ts';
export { validateDocument, type InvalidDocumentError } from './validate.ts';
export {
  migrateDocument,
  schemaVersionOf,
  type DocumentV0,
  type DocumentV1,
  type DocumentV2,
} from './migrate.ts';
export { MAX_FILE_NAME_LENGTH, checkFileName } from './file-name.ts';
