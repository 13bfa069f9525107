import { createDefaultDocument, migrateDocument, type PersistedDocument } from '../../sim/persist';
import type { DocumentCodec } from './port';

/** The persisted-document schema from `sim/persist`, as both platforms read it: migrate, then validate. */
export const documentCodec: DocumentCodec<PersistedDocument> = {
  createDefault: createDefaultDocument,
  read(raw) {
    const migrated = migrateDocument(raw);
    return migrated.ok
      ? { ok: true, document: migrated.value }
      : {
          ok: false,
          error: migrated.error.message,
          newer: migrated.error.code === 'UnsupportedSchemaVersion',
        };
  },
};
