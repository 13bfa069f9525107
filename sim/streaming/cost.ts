import type { Result } from '../core/index.ts';
import { GIB, usd, type Usd } from '../core/index.ts';
import { firehoseCost } from '../firehose/index.ts';
import { priceOf, type PriceBook, type PriceRecord } from '../pricing/index.ts';
import { kinesisCost } from '../kinesis/index.ts';
import { s3Cost } from '../s3/index.ts';
import { millis } from '../core/index.ts';
import { producersReport } from './producers-report.ts';
import type { StreamingServices } from './services.ts';

/** What the bill reads: each metered service, and the producers and level for PUT payload units. */
export type CostServices = Pick<
  StreamingServices,
  'streams' | 'kinesis' | 'firehose' | 's3' | 'producers' | 'level'
>;

/** One line of the run's bill. */
export interface CostLine {
  readonly id: string;
  readonly service: 'Kinesis Streams' | 'Kinesis Firehose' | 'S3';
  readonly label: string;
  /** How much was used, in `unit`. */
  readonly quantity: number;
  readonly unit: string;
  /** Dollars, or null when the price book has no sourced price for it (see `note`). */
  readonly usd: Usd | null;
  /** The price ids used, so the UI can show their sources. */
  readonly priceIds: readonly string[];
  /** `primary`, `secondary`, `unconfirmed` or `override`: how far the price can be trusted. */
  readonly confidence: string | null;
  readonly note: string | null;
}

/** The `cost` section: every line, their sum, and the book used. */
export interface CostReport {
  readonly priceBook: string;
  readonly lines: readonly CostLine[];
  /** Sum of the priced lines. */
  readonly totalUsd: Usd;
  /** Ids of lines left unpriced because the book has no sourced price. */
  readonly unpriced: readonly string[];
}

type LineBase = Omit<CostLine, 'usd' | 'priceIds' | 'confidence' | 'note'>;

/**
 * A bill line from a service meter's line: its dollars and the book price they came from, with the price's
 * caveat when it is unconfirmed, or an unpriced line saying why.
 */
function fromPrice(
  base: LineBase,
  price: Result<PriceRecord>,
  dollars: Usd | null,
  note: string | null,
): CostLine {
  if (!price.ok || dollars === null) {
    return {
      ...base,
      usd: null,
      priceIds: [],
      confidence: null,
      note: price.ok ? note : price.error.message,
    };
  }
  const record = price.value;
  const caveat = record.confidence === 'unconfirmed' && record.note ? record.note : null;
  return {
    ...base,
    usd: dollars,
    priceIds: [record.id],
    confidence: record.confidence,
    note: [note, caveat].filter((n) => n !== null).join(' ') || null,
  };
}

/** A line priced per `divisor` units at a book price, or an unpriced line saying why. */
function priced(base: LineBase, price: Result<PriceRecord>, divisor = 1): CostLine {
  return fromPrice(base, price, price.ok ? usd((base.quantity / divisor) * price.value.value) : null, null);
}

/**
 * The bill of the run so far, by line item, from the era's price book: Kinesis shard-hours (prorated over
 * the simulated time each shard was open), PUT payload units, extended retention for streams kept beyond
 * 24 h, Firehose data ingested (each record rounded up to 5 KB), S3 storage and requests. A line whose price
 * the book does not have is listed with `usd: null` and the reason, never with an invented price.
 */
export function streamingCost(services: CostServices, book: PriceBook, now: number): CostReport {
  const lines: CostLine[] = [];
  if (services.streams.length > 0) {
    const putPayloadUnits = producersReport(services).totals.putPayloadUnits;
    for (const line of kinesisCost(services.kinesis, services.streams, putPayloadUnits, book, now)) {
      const base = { id: `kinesis.${line.id}`, service: 'Kinesis Streams' as const, label: line.label };
      lines.push(
        fromPrice({ ...base, quantity: line.quantity, unit: line.unit }, line.price, line.usd, line.note),
      );
    }
  }
  if (Object.keys(services.firehose.deliveryStreams).length > 0) {
    const firehose = firehoseCost(services.firehose, book);
    const base: LineBase = {
      id: 'firehose.ingested',
      service: 'Kinesis Firehose',
      label: 'Data ingested (each record rounded up to 5 KB)',
      quantity: firehose.ok ? firehose.value.billedGb : 0,
      unit: 'GB',
    };
    lines.push(priced(base, priceOf(book, 'firehose.ingestPerGb')));
  }
  if (Object.keys(services.s3.buckets).length > 0) {
    const s3 = s3Cost(services.s3, book, millis(now));
    if (s3.ok) {
      for (const line of s3.value.lines) {
        const first = priceOf(book, line.uses[0] ?? '');
        lines.push({
          id: `s3.${line.id}`,
          service: 'S3',
          label: line.label,
          quantity: line.quantity,
          unit: line.id === 'storage' ? 'GB-months' : 'requests',
          usd: line.usd,
          priceIds: line.uses,
          confidence: first.ok ? first.value.confidence : null,
          note: line.id === 'storage' ? 'Stored bytes × simulated time kept.' : null,
        });
      }
    } else {
      lines.push({
        id: 's3',
        service: 'S3',
        label: 'S3 storage and requests',
        quantity: services.s3.usage.storedBytes / GIB,
        unit: 'GB stored',
        usd: null,
        priceIds: [],
        confidence: null,
        note: s3.error.message,
      });
    }
  }
  return {
    priceBook: book.label,
    lines,
    totalUsd: usd(lines.reduce((sum, line) => sum + (line.usd ?? 0), 0)),
    unpriced: lines.filter((line) => line.usd === null).map((line) => line.id),
  };
}
