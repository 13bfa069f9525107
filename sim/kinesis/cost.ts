import { MILLIS_PER_HOUR, usd, type Result, type Usd } from '../core/index.ts';
import { priceOf, type PriceBook, type PriceRecord } from '../pricing/index.ts';
import type { KinesisState } from './types.ts';

/** One line of the Kinesis Streams bill, with the book price it used. */
export interface KinesisCostLine {
  readonly id: 'shardHours' | 'putPayloadUnits' | 'extendedRetention';
  readonly label: string;
  /** How much was used, in `unit`. */
  readonly quantity: number;
  readonly unit: 'shard-hours' | 'units';
  /** The book's price for the line, or why the book has none (the line is then unpriced, never guessed). */
  readonly price: Result<PriceRecord>;
  /** Dollars, or null when the book has no sourced price. */
  readonly usd: Usd | null;
  /** How the quantity was measured, when that needs saying. */
  readonly note: string | null;
}

/** Open time of every shard of `streamNames` up to `now`, in shard-hours, over the streams `keep` selects. */
export function shardHours(
  kinesis: KinesisState,
  streamNames: readonly string[],
  now: number,
  keep: (retentionHours: number) => boolean = () => true,
): number {
  let ms = 0;
  for (const name of streamNames) {
    const stream = kinesis.streams[name]!;
    if (!keep(stream.RetentionPeriodHours)) continue;
    for (const shard of stream.shards) ms += Math.max(0, (shard.closedAt ?? now) - shard.openedAt);
  }
  return ms / MILLIS_PER_HOUR;
}

function line(
  base: Omit<KinesisCostLine, 'price' | 'usd' | 'note'>,
  price: Result<PriceRecord>,
  divisor = 1,
  note: string | null = null,
): KinesisCostLine {
  const dollars = price.ok ? usd((base.quantity / divisor) * price.value.value) : null;
  return { ...base, price, usd: dollars, note };
}

/**
 * The Kinesis Streams meter: shard-hours prorated over the simulated time each shard of `streamNames` was
 * open, PUT payload units (25 KB chunks of accepted records, counted by the producers) per million, and
 * extended retention for the shard-hours of streams kept beyond 24 h (listed only when there are some).
 */
export function kinesisCost(
  kinesis: KinesisState,
  streamNames: readonly string[],
  putPayloadUnits: number,
  book: PriceBook,
  now: number,
): KinesisCostLine[] {
  const lines = [
    line(
      {
        id: 'shardHours',
        label: 'Shard-hours',
        quantity: shardHours(kinesis, streamNames, now),
        unit: 'shard-hours',
      },
      priceOf(book, 'kinesis.shardHour'),
      1,
      'Prorated over the simulated time each shard was open.',
    ),
    line(
      {
        id: 'putPayloadUnits',
        label: 'PUT payload units (25 KB chunks)',
        quantity: putPayloadUnits,
        unit: 'units',
      },
      priceOf(book, 'kinesis.putPayloadUnitsPerMillion'),
      1_000_000,
    ),
  ];
  const extended = shardHours(kinesis, streamNames, now, (hours) => hours > 24);
  if (extended > 0) {
    lines.push(
      line(
        {
          id: 'extendedRetention',
          label: 'Extended retention (beyond 24 h)',
          quantity: extended,
          unit: 'shard-hours',
        },
        priceOf(book, 'kinesis.extendedRetentionShardHour'),
      ),
    );
  }
  return lines;
}
