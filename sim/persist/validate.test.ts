import { describe, expect, it } from 'vitest';
import { createDefaultDocument, serializeDocument } from './document.ts';
import { applyPriceOverrides } from '../pricing/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { migrateDocument } from './migrate.ts';
import { validateDocument } from './validate.ts';

const withSettings = (settings: Record<string, unknown>): unknown => {
  const base = createDefaultDocument();
  return { ...base, settings: { ...base.settings, ...settings } };
};

describe('validateDocument', () => {
  it('accepts the default document and survives a JSON round trip', () => {
    const document = createDefaultDocument();
    expect(validateDocument(document)).toEqual({ ok: true, value: document });
    expect(validateDocument(JSON.parse(serializeDocument(document)))).toEqual({ ok: true, value: document });
  });

  it('names the path, the bad value and the allowed values of a wrong theme', () => {
    const result = validateDocument(withSettings({ theme: 'blue' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.path).toBe('$.settings.theme');
    expect(result.error.message).toBe('$.settings.theme is "blue"; allowed: "light", "dark", "system".');
  });

  it('rejects a price book that does not exist', () => {
    const result = validateDocument(withSettings({ priceBook: '2017' }));
    expect(!result.ok && result.error.path).toBe('$.settings.priceBook');
  });

  it('quotes price ids that are not identifiers and rejects negative or non-finite prices', () => {
    const result = validateDocument(
      withSettings({ priceOverrides: { 'kinesis.shardHour': -1, ok: 0.015, inf: Number.POSITIVE_INFINITY } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((issue) => issue.path)).toEqual([
      '$.settings.priceOverrides["kinesis.shardHour"]',
      '$.settings.priceOverrides.inf',
    ]);
    expect(result.error.message).toContain('(and 1 more problem(s))');
  });

  it('rejects unknown fields so a typo is not silently dropped', () => {
    const result = validateDocument({ ...createDefaultDocument(), colour: 'red' });
    expect(!result.ok && result.error.path).toBe('$.colour');
  });

  it('accepts open-ended lab progress but only as plain JSON data', () => {
    const good = {
      ...createDefaultDocument(),
      progress: { labs: { 'kinesis-1': { step: 3, done: ['a'] } } },
    };
    expect(validateDocument(good).ok).toBe(true);
    const bad = { ...createDefaultDocument(), progress: { labs: { 'kinesis-1': { at: new Date(0) } } } };
    const result = validateDocument(bad);
    expect(!result.ok && result.error.path).toBe('$.progress.labs["kinesis-1"].at');
  });

  it('accepts console workspaces as plain JSON under console ids, and names what is wrong', () => {
    const good = {
      ...createDefaultDocument(),
      consoles: { redshift: { editorText: 'select 1', journal: [] } },
    };
    expect(validateDocument(good).ok).toBe(true);
    const paths = (consoles: unknown) => {
      const result = validateDocument({ ...createDefaultDocument(), consoles });
      return result.ok ? [] : result.error.issues.map((issue) => issue.path);
    };
    expect(paths({ 'Red Shift': {} })).toEqual(['$.consoles["Red Shift"]']);
    expect(paths({ redshift: { at: new Date(0) } })).toEqual(['$.consoles.redshift.at']);
    expect(paths([])).toEqual(['$.consoles']);
    expect(paths(undefined)).toEqual(['$.consoles']);
  });

  it('accepts a learner name and a day plan, and names what is wrong with bad ones', () => {
    const good = withSettings({
      learnerName: 'Ada Lovelace',
      dayPlan: { labIds: ['data-bus', 'hot-shard'], endsAt: '17:30' },
    });
    expect(validateDocument(good).ok).toBe(true);
    const paths = (settings: Record<string, unknown>) => {
      const result = validateDocument(withSettings(settings));
      return result.ok ? [] : result.error.issues.map((issue) => issue.path);
    };
    expect(paths({ learnerName: 'x'.repeat(101) })).toEqual(['$.settings.learnerName']);
    expect(paths({ learnerName: null })).toEqual(['$.settings.learnerName']);
    expect(paths({ dayPlan: { labIds: ['Hot Shard', 3], endsAt: null } })).toEqual([
      '$.settings.dayPlan.labIds[0]',
      '$.settings.dayPlan.labIds[1]',
    ]);
    expect(paths({ dayPlan: { labIds: null, endsAt: '5:15 pm' } })).toEqual(['$.settings.dayPlan.endsAt']);
    expect(paths({ dayPlan: { labIds: null, endsAt: '24:00' } })).toEqual(['$.settings.dayPlan.endsAt']);
    expect(paths({ dayPlan: { labIds: 'all', endsAt: null } })).toEqual(['$.settings.dayPlan.labIds']);
    expect(paths({ dayPlan: { labIds: null } })).toEqual(['$.settings.dayPlan.endsAt']);
  });

  it('rejects a document at another schema version, and non-objects', () => {
    expect(validateDocument({ ...createDefaultDocument(), schemaVersion: 1 }).ok).toBe(false);
    expect(validateDocument({ ...createDefaultDocument(), schemaVersion: 4 }).ok).toBe(false);
    const result = validateDocument([]);
    expect(!result.ok && result.error.path).toBe('$');
  });
});

describe('a document that validates loads', () => {
  it.each(['constructor', 'toString', '__proto__', 'valueOf'])(
    'a saved override for "%s" validates and applies to the price book as an own entry',
    (id) => {
      // A version-1 file as saved before the learner's name and day plan: loading migrates, then validates.
      const text = `{"schemaVersion":1,"settings":{"priceBook":"2016","theme":"system","priceOverrides":{${JSON.stringify(id)}:0.5}},"progress":{"labs":{}}}`;
      const result = migrateDocument(JSON.parse(text));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const book = applyPriceOverrides(
        PRICE_BOOKS[result.value.settings.priceBook],
        result.value.settings.priceOverrides,
      );
      expect(Object.hasOwn(book.prices, id) && book.prices[id]?.value).toBe(0.5);
    },
  );

  it('says the kind of a wrong value and an excerpt, never the whole value', () => {
    const result = validateDocument(withSettings({ theme: ['x'.repeat(400_000)] }));
    expect(!result.ok && result.error.message).toMatch(/^\$\.settings\.theme is an array \["x{10}/);
    expect(!result.ok && result.error.message.length).toBeLessThan(200);
    const infinite = validateDocument(withSettings({ priceOverrides: { 'kinesis.shardHour': Infinity } }));
    expect(!infinite.ok && infinite.error.message).toContain('an infinite number');
  });
});
