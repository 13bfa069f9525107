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
        schemaVersion: 3,
        settings: {
          priceBook: 'current',
          theme: 'dark',
          priceOverrides: { 'emr.m3xlarge': 0.07 },
          learnerName: '',
          dayPlan: { labIds: null, endsAt: null },
        },
        progress: { labs: { a: 1 } },
        consoles: {},
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

  it('adds an empty learner name and the agenda’s day plan to a version-1 document, keeping the rest', () => {
    const v1 = {
      schemaVersion: 1,
      settings: { priceBook: 'current', theme: 'light', priceOverrides: { 'kinesis.shardHour': 0.02 } },
      progress: { labs: { 'hot-shard': { step: 1 } } },
    };
    expect(migrateDocument(v1)).toEqual({
      ok: true,
      value: {
        schemaVersion: 3,
        settings: {
          priceBook: 'current',
          theme: 'light',
          priceOverrides: { 'kinesis.shardHour': 0.02 },
          learnerName: '',
          dayPlan: { labIds: null, endsAt: null },
        },
        progress: { labs: { 'hot-shard': { step: 1 } } },
        consoles: {},
      },
    });
  });

  it('refuses a version-1 document that already carries version-2 fields, naming the field', () => {
    const v1 = {
      schemaVersion: 1,
      settings: { priceBook: '2016', theme: 'light', priceOverrides: {}, learnerName: 'Ada' },
      progress: { labs: {} },
    };
    const result = migrateDocument(v1);
    expect(!result.ok && result.error.path).toBe('$.settings.learnerName');
  });

  it('reports a bad version-1 value at its path after migrating', () => {
    const result = migrateDocument({
      schemaVersion: 1,
      settings: { priceBook: '2016', theme: 'sepia', priceOverrides: {} },
      progress: { labs: {} },
    });
    expect(!result.ok && result.error.path).toBe('$.settings.theme');
  });

  it('adds empty console workspaces to a version-2 document, keeping the rest', () => {
    const { consoles: _, ...v2 } = { ...createDefaultDocument(), schemaVersion: 2 as const };
    const progress = { labs: { 'hot-shard': { step: 1 } } };
    expect(migrateDocument({ ...v2, progress })).toEqual({
      ok: true,
      value: { ...createDefaultDocument(), progress },
    });
  });

  it('refuses a version-2 document that already carries version-3 fields', () => {
    const result = migrateDocument({ ...createDefaultDocument(), schemaVersion: 2 });
    expect(!result.ok && result.error.path).toBe('$.consoles');
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
