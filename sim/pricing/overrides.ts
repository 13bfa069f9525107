import type { SimError } from '../core/index.ts';
import { formatUnitPrice } from '../core/index.ts';
import { childPath, describeKindAndValue, describeValue } from '../core/index.ts';
import { parseJsonText } from '../core/index.ts';
import { usd } from '../core/index.ts';
import { isPriceBookId, knownPriceIds, PRICE_BOOK_IDS, PRICE_BOOKS } from './books.ts';
import type { PriceBook, PriceBookId, PriceRecord } from './types.ts';

/**
 * Learner-supplied prices, as read from a JSON file (`bdlab calc … --prices FILE`) or the settings screen:
 *
 * ```json
 * { "basedOn": "2016", "prices": { "kinesis.shardHour": 0.02, "ec2.m4.xlarge.onDemandHour": 0.239 } }
 * ```
 * `basedOn` names the built-in book the overrides start from (default `2016`); `prices` maps price ids to
 * US dollars per the price's billing unit.
 */
export interface PriceOverrides {
  readonly basedOn: PriceBookId;
  readonly prices: Readonly<Record<string, number>>;
}

/** The largest override accepted, in dollars per billing unit: far above any real AWS unit price. */
export const MAX_OVERRIDE_USD = 100_000;

const TOP_LEVEL_KEYS = ['basedOn', 'prices'] as const;

/** Outcome of reading overrides: the overrides, or every problem found, each with its JSON path. */
export type OverridesOutcome =
  | { readonly ok: true; readonly value: PriceOverrides }
  | { readonly ok: false; readonly errors: readonly SimError[] };

/** Longest unknown id that "did you mean" compares with the known ids (the longest known id is ~45). */
const MAX_SUGGESTED_ID_LENGTH = 80;

/**
 * Up to three known ids closest to `id` (by edit distance), for "did you mean" messages. Ids longer than any
 * known id by far get no suggestion, and a candidate whose length alone puts it out of reach is skipped, so
 * a file of long unknown ids costs no more than a file of short ones.
 */
export function closePriceIds(id: string): string[] {
  if (id.length > MAX_SUGGESTED_ID_LENGTH) return [];
  const threshold = Math.max(3, Math.floor(id.length / 3));
  const lower = id.toLowerCase();
  const scored: { known: string; distance: number }[] = [];
  for (const known of knownPriceIds()) {
    const contains = known.includes(id) || id.includes(known);
    // The distance is at least the difference in length.
    if (!contains && Math.abs(known.length - id.length) > threshold) continue;
    const distance = editDistance(lower, known.toLowerCase());
    if (distance <= threshold || contains) scored.push({ known, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.known.localeCompare(b.known))
    .slice(0, 3)
    .map((entry) => entry.known);
}

/**
 * Checks one override (for a settings field): null when fine, otherwise an error naming the id, the bad
 * value and what is allowed — unknown ids get the closest known ids.
 */
export function validatePriceOverride(
  id: string,
  value: unknown,
  path = `$.prices[${describeValue(id)}]`,
): SimError | null {
  if (!knownPriceIds().includes(id)) {
    const close = closePriceIds(id);
    const hint =
      close.length > 0 ? ` Did you mean ${close.join(', ')}?` : ' See `bdlab calc prices` for the list.';
    return {
      code: 'UnknownPriceId',
      path,
      message: `${path}: ${describeValue(id)} is not a price id.${hint}`,
    };
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_OVERRIDE_USD) {
    return {
      code: 'InvalidPriceOverride',
      path,
      message: `${path}: ${describeKindAndValue(value)} is not allowed for ${id}; use a number of US dollars from 0 to ${MAX_OVERRIDE_USD.toLocaleString('en-US')}.`,
    };
  }
  return null;
}

/** Reads and validates overrides from parsed JSON, collecting every problem. */
export function parsePriceOverrides(json: unknown): OverridesOutcome {
  const errors: SimError[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      errors: [
        {
          code: 'InvalidPriceOverride',
          path: '$',
          message:
            '$: the price file must be a JSON object like { "basedOn": "2016", "prices": { "kinesis.shardHour": 0.02 } }.',
        },
      ],
    };
  }
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      const path = childPath('$', key);
      errors.push({
        code: 'InvalidPriceOverride',
        path,
        message: `${path}: unknown field. Allowed fields: ${TOP_LEVEL_KEYS.join(', ')}.`,
      });
    }
  }
  let basedOn: PriceBookId = '2016';
  if (Object.hasOwn(record, 'basedOn') && record.basedOn !== undefined) {
    if (typeof record.basedOn === 'string' && isPriceBookId(record.basedOn)) basedOn = record.basedOn;
    else {
      errors.push({
        code: 'InvalidPriceOverride',
        path: '$.basedOn',
        message: `$.basedOn: ${describeKindAndValue(record.basedOn)} is not a price book; use one of ${PRICE_BOOK_IDS.join(', ')}.`,
      });
    }
  }
  const prices: Record<string, number> = {};
  const raw = Object.hasOwn(record, 'prices') ? record.prices : undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({
      code: 'InvalidPriceOverride',
      path: '$.prices',
      message:
        '$.prices: must be an object mapping price ids to US dollars, such as { "kinesis.shardHour": 0.02 }.',
    });
  } else {
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const problem = validatePriceOverride(id, value);
      if (problem) errors.push(problem);
      else setOwn(prices, id, value as number);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { basedOn, prices } };
}

/** Reads overrides from JSON text (a file's contents), reporting a JSON syntax error as one problem. */
export function parsePriceOverridesText(text: string): OverridesOutcome {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: [{ code: 'InvalidPriceOverride', path: '$', message: `$: ${parsed.message}` }],
    };
  }
  const json = parsed.value;
  return parsePriceOverrides(json);
}

/**
 * The book with the learner's prices in place: each overridden record keeps its label and unit, gets
 * confidence `override` and source `USER`, and its note says what it replaced. A price the book lacked
 * (listed in `missing`) becomes available. Ids the book knows neither way are added with the id as label.
 */
export function applyPriceOverrides(book: PriceBook, prices: Readonly<Record<string, number>>): PriceBook {
  const ids = Object.keys(prices);
  if (ids.length === 0) return book;
  const nextPrices: Record<string, PriceRecord> = { ...book.prices };
  const nextMissing = { ...book.missing };
  for (const id of ids) {
    const value = prices[id] as number;
    // Own entries only: an id such as `constructor` or `toString` must not find Object.prototype's.
    const existing = Object.hasOwn(book.prices, id) ? book.prices[id] : undefined;
    const missing = Object.hasOwn(book.missing, id) ? book.missing[id] : undefined;
    const replaced = existing
      ? `Replaces the book’s ${formatUnitPrice(existing.value)} (${existing.sources.join(', ')}, ${existing.confidence}).`
      : `The book has no price for this: ${missing?.reason ?? 'not in this book.'}`;
    setOwn(nextPrices, id, {
      kind: 'price',
      id,
      label: existing?.label ?? missing?.label ?? id,
      per: existing?.per ?? missing?.per ?? 'unit',
      value: usd(value),
      sources: ['USER'],
      confidence: 'override',
      note: `Your override. ${replaced}`,
      ...(existing?.tier ? { tier: existing.tier } : {}),
    });
    delete nextMissing[id];
  }
  return {
    ...book,
    label: `${book.label} + your overrides`,
    prices: nextPrices,
    missing: nextMissing,
    overridden: [...new Set([...book.overridden, ...ids])].sort(),
  };
}

/** Sets an own, enumerable property, even for `__proto__` (which plain assignment would treat as the prototype). */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The built-in book named by `overrides.basedOn` with the overrides applied. */
export function bookWithOverrides(overrides: PriceOverrides): PriceBook {
  return applyPriceOverrides(PRICE_BOOKS[overrides.basedOn], overrides.prices);
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}
