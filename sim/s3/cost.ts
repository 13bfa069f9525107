import { fail, ok, type Result } from '../core/index.ts';
import { GIB, HOURS_PER_MONTH, MILLIS_PER_HOUR, usd, type Millis, type Usd } from '../core/index.ts';
import { priceOf } from '../pricing/index.ts';
import type { PriceBook, PriceRecord } from '../pricing/index.ts';
import { accrueStorage, type S3State } from './state.ts';

const MILLIS_PER_MONTH = HOURS_PER_MONTH * MILLIS_PER_HOUR;
const STANDARD_TIER_IDS = [1, 2, 3, 4, 5, 6].map((n) => `s3.standard.tier${n}`);

/** One line of the S3 bill, with the price ids it used so the UI can show their sources. */
export interface S3CostLine {
  readonly id: 'storage' | 'putCopyPostListRequests' | 'getRequests';
  readonly label: string;
  /** Billing quantity: GB-months for storage, requests for the others. */
  readonly quantity: number;
  readonly usd: Usd;
  readonly uses: readonly string[];
}

/** What the simulated S3 has cost so far. */
export interface S3Cost {
  /** GB-months accrued (1 GB = 2^30 bytes, a month = 730 hours). */
  readonly gbMonths: number;
  readonly lines: readonly S3CostLine[];
  readonly totalUsd: Usd;
}

/**
 * Prices the S3 usage up to `now` with a price book: Standard storage as GB-months accrued over virtual
 * time (bytes × time kept), walked through the tiered ladder as one month's usage; PUT/COPY/POST/LIST per
 * 1,000 and GET per 10,000 requests (AWS-FACTS §4, rows 55–56). Brings the storage meter up to `now`.
 */
export function s3Cost(state: S3State, book: PriceBook, now: Millis): Result<S3Cost> {
  accrueStorage(state.usage, now);
  const tiers: PriceRecord[] = [];
  for (const id of STANDARD_TIER_IDS) {
    const tier = priceOf(book, id);
    if (tier.ok) tiers.push(tier.value);
  }
  const put = priceOf(book, 's3.putPer1000');
  if (!put.ok) return put;
  const get = priceOf(book, 's3.getPer10000');
  if (!get.ok) return get;
  if (tiers.length === 0)
    return fail({ code: 'PriceNotInBook', message: `"${book.label}" has no S3 Standard price.` });

  const gbMonths = state.usage.byteMillis / GIB / MILLIS_PER_MONTH;
  let storage = 0;
  const used: string[] = [];
  for (const tier of tiers) {
    const from = tier.tier?.from ?? 0;
    const to = tier.tier?.to ?? null;
    const inBand = Math.max(0, Math.min(gbMonths, to ?? Infinity) - from);
    if (inBand > 0 || used.length === 0) used.push(tier.id);
    storage += inBand * tier.value;
  }
  const puts = state.usage.putCopyPostListRequests;
  const gets = state.usage.getRequests;
  const lines: S3CostLine[] = [
    { id: 'storage', label: 'S3 Standard storage', quantity: gbMonths, usd: usd(storage), uses: used },
    {
      id: 'putCopyPostListRequests',
      label: 'PUT, COPY, POST, LIST requests',
      quantity: puts,
      usd: usd((puts / 1000) * put.value.value),
      uses: [put.value.id],
    },
    {
      id: 'getRequests',
      label: 'GET requests',
      quantity: gets,
      usd: usd((gets / 10_000) * get.value.value),
      uses: [get.value.id],
    },
  ];
  return ok({ gbMonths, lines, totalUsd: usd(lines.reduce((sum, line) => sum + line.usd, 0)) });
}
