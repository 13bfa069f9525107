import { type Result, ok } from '../core/index.ts';
import { GIB, usd, type Usd } from '../core/index.ts';
import { priceOf } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import type { FirehoseState } from './state.ts';

/** The Firehose bill so far. */
export interface FirehoseCost {
  /** Ingested GB as billed (each record rounded up to 5 KB; 1 GB = 2^30 bytes). */
  readonly billedGb: number;
  readonly usd: Usd;
  /** Price id used, for "show the source". */
  readonly uses: readonly string[];
}

/**
 * Prices data ingested so far at the book's per-GB rate, each record rounded up to the next 5 KB
 * (AWS-FACTS §3, row 52: $0.035/GB in 2016). Today's book is tiered; the first tier applies to the
 * amounts a workshop run ingests.
 */
export function firehoseCost(firehose: FirehoseState, book: PriceBook): Result<FirehoseCost> {
  const price = priceOf(book, 'firehose.ingestPerGb');
  if (!price.ok) return price;
  let billedBytes = 0;
  for (const stream of Object.values(firehose.deliveryStreams)) billedBytes += stream.stats.billedBytes;
  const billedGb = billedBytes / GIB;
  return ok({ billedGb, usd: usd(billedGb * price.value.value), uses: [price.value.id] });
}
