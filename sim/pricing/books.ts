import { ERAS, isEra } from '../core/index.ts';
import { fail, ok, SimException, type Result, type SimError } from '../core/index.ts';
import { BOOK_2016 } from './book-2016.ts';
import { BOOK_CURRENT } from './book-current.ts';
import { HOW_TO_OVERRIDE } from './facts.ts';
import { SOURCES, type Source } from './sources.ts';
import type {
  LimitId,
  LimitRecord,
  LimitUnits,
  MissingPrice,
  PriceBook,
  PriceBookId,
  PriceRecord,
} from './types.ts';

/** The built-in price books, by id. */
export const PRICE_BOOKS: Readonly<Record<PriceBookId, PriceBook>> = {
  '2016': BOOK_2016,
  current: BOOK_CURRENT,
};

/** The ids of the built-in books, in the order settings lists them. */
export const PRICE_BOOK_IDS: readonly PriceBookId[] = ERAS;

/** True when `id` names a built-in price book. */
export function isPriceBookId(id: string): id is PriceBookId {
  return isEra(id);
}

/**
 * A price from the book, or a `PriceNotInBook` error that says why it is missing and how to supply it —
 * never an invented number.
 */
export function priceOf(book: PriceBook, id: string): Result<PriceRecord> {
  const record = book.prices[id];
  if (record) return ok(record);
  const missing = book.missing[id];
  const reason = missing ? missing.reason : `This price is not in the book. ${HOW_TO_OVERRIDE}`;
  const error: SimError = {
    code: 'PriceNotInBook',
    message: `The price book "${book.label}" has no price for ${missing?.label ?? id} (${id}): ${reason}`,
    path: id,
  };
  return fail(error);
}

/**
 * A limit from the book. Limits are part of the model, not user data, so a missing one is a programming
 * error and throws.
 */
export function limitOf<Id extends LimitId>(book: PriceBook, id: Id): LimitRecord<LimitUnits[Id]> {
  if (!isLimitId(book, id)) {
    throw new SimException({ code: 'UnknownLimit', message: `No limit ${id} in "${book.label}".`, path: id });
  }
  return book.limits[id];
}

/** True when `id` names a limit of `book` (for ids that come as text, such as a formula step's `uses`). */
export function isLimitId(book: PriceBook, id: string): id is LimitId {
  return Object.hasOwn(book.limits, id);
}

/** The limit record `id` names, or undefined when it is not a limit of `book` (a price, a typo). */
export function findLimit(book: PriceBook, id: string): LimitRecord | undefined {
  return isLimitId(book, id) ? book.limits[id] : undefined;
}

/** Every price id either built-in book knows (priced or listed as missing), sorted. */
export function knownPriceIds(): readonly string[] {
  const ids = new Set<string>();
  for (const book of Object.values(PRICE_BOOKS)) {
    for (const id of Object.keys(book.prices)) ids.add(id);
    for (const id of Object.keys(book.missing)) ids.add(id);
  }
  return [...ids].sort();
}

/** A price or limit with its sources spelled out, or the reason the book lacks it — for "show the source". */
export type FactDescription =
  | {
      readonly kind: 'price' | 'limit';
      readonly record: PriceRecord | LimitRecord;
      readonly sources: readonly Source[];
    }
  | { readonly kind: 'missing'; readonly missing: MissingPrice };

/** Everything the UI needs to show where a price or limit (a step's `uses` id) comes from. */
export function describeFact(book: PriceBook, id: string): FactDescription | undefined {
  const record = book.prices[id] ?? findLimit(book, id);
  if (record) {
    const sources = record.sources.map(
      (tag) => SOURCES[tag] ?? { tag, description: 'Unknown source tag', date: '—', primary: false },
    );
    return { kind: record.kind, record, sources };
  }
  const missing = book.missing[id];
  return missing ? { kind: 'missing', missing } : undefined;
}
