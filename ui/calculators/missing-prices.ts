import type { CalcError } from '../../sim/calc/index.ts';
import { HOW_TO_OVERRIDE } from '../../sim/pricing';
import type { PriceBook } from '../../sim/pricing/index.ts';

/** Prices missing for the same reason, said once: "no price for A, B and C: <reason>". */
export interface MissingPriceGroup {
  /** Why the book has none of them (without the how-to-override advice the panel gives once). */
  readonly reason: string;
  /** The prices' labels with their ids, such as `Amazon ML compute hour (ml.computeHour)`. */
  readonly prices: readonly string[];
}

/**
 * The calculator's `PriceNotInBook` errors grouped by the book's reason, so a calculator that needs four
 * prices the book lacks for one reason says the reason once instead of four times. Other errors are left
 * to the caller.
 */
export function groupMissingPrices(errors: readonly CalcError[], book: PriceBook): MissingPriceGroup[] {
  const groups: { reason: string; prices: string[] }[] = [];
  for (const error of errors) {
    if (error.code !== 'PriceNotInBook') continue;
    const missing = book.missing[error.path];
    const reason = (missing?.reason ?? 'This price is not in the book.').replace(HOW_TO_OVERRIDE, '').trim();
    const price = `${missing?.label ?? error.path} (${error.path})`;
    const group = groups.find((candidate) => candidate.reason === reason);
    if (group) group.prices.push(price);
    else groups.push({ reason, prices: [price] });
  }
  return groups;
}

/** `A`, `A and B`, `A, B and C`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
