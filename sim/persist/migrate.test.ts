import { describe, expect, it } from 'vitest';
import { createDefaultDocument } from './document.ts';
import { migrateDocument, schemaVersionOf } from './migrate.ts';

describe('migrateDocument', () => {
  it('moves a version-0 document (flat settings, no schemaVersion) under settings and progress', () => {
    const v0 = {
      theme: 'dark',
      priceBook: 'current',
      priceOverrides: { 'emr.m3xlarge': 0.07 },
      labs: { a: 1 },
    };
    expect(migrateDocument(v0)).toEqual({
      ok: true,
      value: {
        schemaVersion: 1,
        settings: { priceBook: 'current', theme: 'dark', priceOverrides: { 'emr.m3xlarge': 0.07 } },
        progress: { labs: { a: 1 } },
      },
    });
  });

  it('fills the defaults a version-0 document left out', () => {
    expect(migrateDocument({ schemaVersion: 0 })).toEqual({ ok: true, value: createDefaultDocument() });
    expect(migrateDocument({})).toEqual({ ok: true, value: createDefaultDocument() });
  });

  it('reports a bad version-0 value at its version-0 path', () => {
    const result = migrateDocument({ theme: 'sepia' });
    expect(!result.ok && result.error.path).toBe('$.theme');
  });

  it('passes a current document through unchanged', () => {
    const document = { ...createDefaultDocument(), progress: { labs: { x: { step: 2 } } } };
    expect(migrateDocument(document)).toEqual({ ok: true, value: document });
  });

  it('refuses a newer schema version with its own code so the caller can keep the file', () => {
    const result = migrateDocument({ schemaVersion: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UnsupportedSchemaVersion');
    expect(result.error.message).toContain('saved by a newer version');
  });

  it('refuses non-objects and malformed versions', () => {
    expect(!migrateDocument('text').ok && schemaVersionOf('text')).toBe(undefined);
    const result = migrateDocument({ schemaVersion: '1' });
    expect(!result.ok && result.error.path).toBe('$.schemaVersion');
    expect(schemaVersionOf({ schemaVersion: 1.5 })).toBe(undefined);
  });
});
