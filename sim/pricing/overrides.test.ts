import { describe, expect, it } from 'vitest';
import { describeFact, priceOf, PRICE_BOOKS } from './books.ts';
import { HOW_TO_OVERRIDE } from './facts.ts';
import {
  applyPriceOverrides,
  closePriceIds,
  parsePriceOverrides,
  parsePriceOverridesText,
  validatePriceOverride,
} from './overrides.ts';

describe('price overrides', () => {
  it('reads a valid file and applies it on the named book', () => {
    const outcome = parsePriceOverrides({ basedOn: 'current', prices: { 'kinesis.shardHour': 0.02 } });
    expect(outcome).toEqual({
      ok: true,
      value: { basedOn: 'current', prices: { 'kinesis.shardHour': 0.02 } },
    });
  });

  it('defaults to the 2016 book', () => {
    const outcome = parsePriceOverrides({ prices: {} });
    expect(outcome.ok && outcome.value.basedOn).toBe('2016');
  });

  it('names the key, the bad value and what is allowed', () => {
    const outcome = parsePriceOverrides({ prices: { 'kinesis.shardHour': -1 } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.errors[0]?.message).toBe(
        '$.prices["kinesis.shardHour"]: -1 is not allowed for kinesis.shardHour; use a number of US dollars from 0 to 100,000.',
      );
    }
  });

  it('suggests close ids for an unknown one', () => {
    expect(closePriceIds('kinesis.shardHours')).toContain('kinesis.shardHour');
    const error = validatePriceOverride('kinesis.shardhour', 0.1);
    expect(error?.message).toContain('Did you mean kinesis.shardHour');
  });

  it('lists every problem, including unknown fields and a bad book', () => {
    const outcome = parsePriceOverrides({ basedOn: '2015', extra: 1, prices: { nope: 'x' } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.errors.map((e) => e.path)).toEqual(['$.extra', '$.basedOn', '$.prices["nope"]']);
  });

  it('reports a JSON syntax error as one problem', () => {
    const outcome = parsePriceOverridesText('{ "prices": ');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]?.message).toMatch(/^\$: not valid JSON/);
  });

  it('marks overridden prices and fills prices the book lacked', () => {
    const book = applyPriceOverrides(PRICE_BOOKS['2016'], {
      'kinesis.shardHour': 0.02,
      'ec2.m3.xlarge.onDemandHour': 0.3,
    });
    const shardHour = priceOf(book, 'kinesis.shardHour');
    expect(shardHour.ok && shardHour.value).toMatchObject({
      value: 0.02,
      confidence: 'override',
      sources: ['USER'],
    });
    expect(book.overridden).toEqual(['ec2.m3.xlarge.onDemandHour', 'kinesis.shardHour']);
    expect(priceOf(PRICE_BOOKS.current, 'glacier.storage').ok).toBe(false);
    const glacier = priceOf(
      applyPriceOverrides(PRICE_BOOKS.current, { 'glacier.storage': 0.0036 }),
      'glacier.storage',
    );
    expect(glacier.ok && glacier.value.per).toBe('GB-month');
  });
});

describe('describeFact', () => {
  it('spells out the sources of a price and the reason for a missing one', () => {
    const shardHour = describeFact(PRICE_BOOKS['2016'], 'kinesis.shardHour');
    expect(shardHour?.kind === 'price' && shardHour.sources.map((s) => s.tag)).toEqual([
      'KPRICE16',
      'PL2023',
      'S',
    ]);
    const glacier = describeFact(PRICE_BOOKS.current, 'glacier.storage');
    expect(glacier?.kind === 'missing' && glacier.missing.reason).toContain('unconfirmed');
    expect(describeFact(PRICE_BOOKS.current, 'nope')).toBeUndefined();
  });
});

describe('missing-price reasons', () => {
  it('tell the learner how to add a price in the app and on the command line', () => {
    const missing = priceOf(PRICE_BOOKS['2016'], 'ec2.r3.xlarge.onDemandHour');
    expect(missing.ok).toBe(false);
    const message = missing.ok ? '' : missing.error.message;
    expect(message).toContain('No sourced price in this book.');
    expect(message).toContain('Settings → Price overrides in the app');
    expect(message).toContain('--prices FILE with bdlab calc');
  });

  it('never send an app user to a command-line flag alone', () => {
    for (const book of Object.values(PRICE_BOOKS)) {
      for (const entry of Object.values(book.missing)) {
        if (entry.reason.includes('--prices')) expect(entry.reason).toContain(HOW_TO_OVERRIDE);
      }
    }
  });
});

describe('override ids that are names of Object.prototype', () => {
  const inherited = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  it.each(inherited)('applies "%s" as an own entry of the book, not the inherited property', (id) => {
    const prices = JSON.parse(`{ ${JSON.stringify(id)}: 0.5 }`) as Record<string, number>;
    const book = applyPriceOverrides(PRICE_BOOKS['2016'], prices);
    expect(Object.hasOwn(book.prices, id)).toBe(true);
    expect(book.prices[id]).toMatchObject({ id, label: id, value: 0.5, confidence: 'override' });
    expect(Object.getPrototypeOf(book.prices)).toBe(Object.prototype);
    expect(book.overridden).toContain(id);
  });

  it.each(inherited)(
    'refuses "%s" in a price file as an unknown id, keeping the prices object plain',
    (id) => {
      const outcome = parsePriceOverridesText(
        `{ "prices": { ${JSON.stringify(id)}: 1, "kinesis.shardHour": 0.02 } }`,
      );
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.errors.map((error) => error.code)).toEqual(['UnknownPriceId']);
    },
  );

  it('reads "__proto__" in a valid file as a field, never as the prototype', () => {
    const outcome = parsePriceOverridesText('{ "__proto__": { "basedOn": "current" }, "prices": {} }');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]?.path).toBe('$.__proto__');
  });
});

describe('"did you mean" on long unknown ids', () => {
  it('suggests nothing for an id far longer than any price id, and still suggests for a near miss', () => {
    expect(closePriceIds('kinesis.'.repeat(100_000))).toEqual([]);
    expect(closePriceIds('kinesis.shardHuor')).toContain('kinesis.shardHour');
  });

  it('keeps every message short for a file of long unknown ids', () => {
    const prices = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${i}`.padEnd(20_000, 'x'), 1]));
    const outcome = parsePriceOverridesText(JSON.stringify({ prices }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.errors).toHaveLength(200);
      for (const error of outcome.errors) {
        expect(error.message.length).toBeLessThan(200);
        expect(error.path!.length).toBeLessThan(80);
      }
    }
  });
});
