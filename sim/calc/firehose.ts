import { HOURS_PER_MONTH } from '../core/index.ts';
import type { LimitId, PriceBook } from '../pricing/index.ts';
import { InputChecker } from './inputs.ts';
import type { CalcError, Calculation, CalculationBase, CostLine } from './types.ts';
import { n, p, Worksheet } from './worksheet.ts';

/** What the learner tells the Firehose calculator. Give `recordsPerSecond` or `gbPerMonth`, not both. */
export interface FirehoseInput {
  /** Average records per second sent to the delivery stream. */
  readonly recordsPerSecond?: number;
  /** Or: raw data per month in GB (1 GB = 2^30 bytes); the record rate is derived from the record size. */
  readonly gbPerMonth?: number;
  /** Average record size in bytes (before base64). */
  readonly recordBytes: number;
  /** BufferingHints SizeInMBs (default 5). */
  readonly bufferSizeMiB?: number;
  /** BufferingHints IntervalInSeconds (default 300). */
  readonly bufferIntervalSeconds?: number;
  /** Records per PutRecordBatch call (default 500, the most a call takes; 1 = PutRecord). */
  readonly recordsPerRequest?: number;
}

/** One Direct-PUT limit checked against the load. */
export interface FirehoseLimitCheck {
  readonly id: string;
  readonly label: string;
  readonly demand: number;
  readonly limit: number;
  readonly unit: string;
  readonly withinLimit: boolean;
}

/** The Firehose calculator's answer. */
export interface FirehoseResult extends CalculationBase {
  readonly recordsPerSecond: number;
  readonly bytesPerSecond: number;
  /** Bytes billed per record after rounding up to 5 KB. */
  readonly billedBytesPerRecord: number;
  /** GB (2^30 bytes) billed per month. */
  readonly billedGbPerMonth: number;
  /** Which buffering hint fires first: `size`, `interval`, or `none` (no data / 0 s interval). */
  readonly deliveryTrigger: 'size' | 'interval' | 'none';
  /** Seconds a buffer fills before delivery starts (the longest a record waits in the buffer). */
  readonly bufferSeconds: number;
  /** S3 objects written per hour; null when it cannot be estimated (no data, or a 0 s interval). */
  readonly objectsPerHour: number | null;
  /** Size of one delivered object before compression, in bytes. */
  readonly objectBytes: number;
  readonly limits: readonly FirehoseLimitCheck[];
  readonly monthlyCostUsd: number;
  readonly costBreakdown: readonly CostLine[];
}

const GB = 1024 ** 3;
const MIB = 1024 ** 2;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
 * Prices a month of Firehose ingestion (each record rounded up to 5 KB) and works out how the buffering
 * hints turn the stream into S3 objects (AWS-FACTS §3, rows 44–48, 52).
 */
export function calculateFirehose(input: FirehoseInput, book: PriceBook): Calculation<FirehoseResult> {
  const sheet = new Worksheet(book);
  const check = new InputChecker();
  const recordBytes = check.number('recordBytes', input.recordBytes, {
    label: 'Average record size in bytes',
    min: 1,
    max: sheet.limit('firehose.maxRecordBytes'),
    integer: true,
  });
  const bufferSizeMiB = check.optionalNumber(
    'bufferSizeMiB',
    input.bufferSizeMiB,
    {
      label: 'Buffer size hint in MiB (SizeInMBs)',
      min: sheet.limit('firehose.bufferSizeMinMiB'),
      max: sheet.limit('firehose.bufferSizeMaxMiB'),
      integer: true,
    },
    5,
  );
  const intervalMin = sheet.limit('firehose.bufferIntervalMinSeconds');
  const interval = check.optionalNumber(
    'bufferIntervalSeconds',
    input.bufferIntervalSeconds,
    {
      label: `Buffer interval hint in seconds (${book.label})`,
      min: intervalMin,
      max: sheet.limit('firehose.bufferIntervalMaxSeconds'),
      integer: true,
    },
    300,
  );
  const perRequest = check.optionalNumber(
    'recordsPerRequest',
    input.recordsPerRequest,
    { label: 'Records per PutRecordBatch call', min: 1, max: 500, integer: true },
    500,
  );
  let recordsPerSecond = 0;
  if ((input.recordsPerSecond === undefined) === (input.gbPerMonth === undefined)) {
    check.problem(
      'recordsPerSecond',
      'Give the volume either as records per second (recordsPerSecond) or as GB per month (gbPerMonth), exactly one of them.',
      'exactly one of recordsPerSecond, gbPerMonth',
    );
  } else if (input.recordsPerSecond !== undefined) {
    recordsPerSecond = check.number('recordsPerSecond', input.recordsPerSecond, {
      label: 'Records per second',
      min: 0,
      max: 100_000_000,
    });
  } else {
    const gb = check.number('gbPerMonth', input.gbPerMonth, { label: 'GB per month', min: 0, max: 1e9 });
    if (check.errors.length === 0) {
      recordsPerSecond = sheet.step({
        id: 'recordsPerSecond',
        label: 'Records per second from the monthly volume',
        formula: 'GB per month × 2^30 bytes ÷ record bytes ÷ (730 h × 3,600 s)',
        substituted: `${n(gb)} × ${n(GB)} ÷ ${n(recordBytes)} ÷ ${n(SECONDS_PER_MONTH)}`,
        value: (gb * GB) / recordBytes / SECONDS_PER_MONTH,
        unit: 'records/s',
      });
    }
  }
  if (check.errors.length > 0) return { ok: false, errors: check.errors };
  const bytesPerSecond = sheet.step({
    id: 'bytesPerSecond',
    label: 'Bytes per second into the delivery stream',
    formula: 'records/s × record bytes',
    substituted: `${n(recordsPerSecond)} × ${n(recordBytes)}`,
    value: recordsPerSecond * recordBytes,
    unit: 'bytes/s',
  });
  const limits = checkLimits(sheet, recordsPerSecond, bytesPerSecond, perRequest, recordBytes);
  const buffering = bufferDelivery(sheet, bytesPerSecond, bufferSizeMiB, interval);
  const errors: CalcError[] = [];
  const cost = ingestCost(sheet, errors, recordsPerSecond, recordBytes);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...sheet.finish(),
      recordsPerSecond,
      bytesPerSecond,
      billedBytesPerRecord: cost.billedBytesPerRecord,
      billedGbPerMonth: cost.billedGb,
      ...buffering,
      limits,
      monthlyCostUsd: cost.total,
      costBreakdown: cost.lines,
    },
  };
}

function checkLimits(
  sheet: Worksheet,
  recordsPerSecond: number,
  bytesPerSecond: number,
  perRequest: number,
  recordBytes: number,
): FirehoseLimitCheck[] {
  const perCall = Math.max(1, Math.min(perRequest, Math.floor((4 * MIB) / recordBytes)));
  const requests = sheet.step({
    id: 'requestsPerSecond',
    label: 'PutRecordBatch requests per second',
    formula: 'records/s ÷ records per call (≤ 500 records and ≤ 4 MiB per call)',
    substituted: `${n(recordsPerSecond)} ÷ ${perCall}`,
    value: recordsPerSecond / perCall,
    unit: 'requests/s',
  });
  const check = (id: LimitId, demand: number, unit: string): FirehoseLimitCheck => {
    const record = sheet.limitRecord(id);
    return {
      id: record.id,
      label: record.label,
      demand,
      limit: record.value,
      unit,
      withinLimit: demand <= record.value,
    };
  };
  const checks: FirehoseLimitCheck[] = [
    check('firehose.directPutRecordsPerSecond', recordsPerSecond, 'records/s'),
    check('firehose.directPutBytesPerSecond', bytesPerSecond, 'bytes/s'),
    check('firehose.directPutRequestsPerSecond', requests, 'requests/s'),
  ];
  for (const failed of checks.filter((c) => !c.withinLimit)) {
    sheet.note(
      'warning',
      `${failed.label}: ${n(failed.demand)} ${failed.unit} is above the ${n(failed.limit)} ${failed.unit} limit; ` +
        'the calls would be throttled. AWS raises the Direct-PUT limits proportionally on request, or split the load across delivery streams.',
      [failed.id],
    );
  }
  return checks;
}

function bufferDelivery(sheet: Worksheet, bytesPerSecond: number, bufferSizeMiB: number, interval: number) {
  const uses = ['firehose.bufferSizeMaxMiB', 'firehose.bufferIntervalMinSeconds'];
  if (bytesPerSecond === 0 || interval === 0) {
    sheet.note(
      'info',
      interval === 0
        ? 'With a 0 s buffer interval Firehose delivers as soon as data arrives; how many objects that makes depends on internal batching the reference does not give.'
        : 'No data arrives, so no objects are delivered.',
      uses,
    );
    return { deliveryTrigger: 'none' as const, bufferSeconds: 0, objectsPerHour: null, objectBytes: 0 };
  }
  const fillSeconds = sheet.step({
    id: 'bufferFillSeconds',
    label: 'Seconds to fill the buffer size hint',
    formula: 'buffer MiB × 1,048,576 ÷ bytes/s',
    substituted: `${bufferSizeMiB} × 1,048,576 ÷ ${n(bytesPerSecond)}`,
    value: (bufferSizeMiB * MIB) / bytesPerSecond,
    unit: 's',
    uses,
    note: 'The size hint applies to data before compression.',
  });
  const bySize = fillSeconds < interval;
  const bufferSeconds = sheet.step({
    id: 'bufferSeconds',
    label: `Delivery starts when the first hint is reached: the ${bySize ? 'size' : 'interval'}`,
    formula: 'min(fill time, interval)',
    substituted: `min(${n(fillSeconds)}, ${interval})`,
    value: Math.min(fillSeconds, interval),
    unit: 's',
  });
  const objectsPerHour = sheet.step({
    id: 'objectsPerHour',
    label: 'S3 objects per hour',
    formula: '3,600 s ÷ seconds per buffer',
    substituted: `3,600 ÷ ${n(bufferSeconds)}`,
    value: 3600 / bufferSeconds,
    unit: 'objects/h',
  });
  const objectBytes = sheet.step({
    id: 'objectBytes',
    label: 'Bytes per object (before compression)',
    formula: 'bytes/s × seconds per buffer',
    substituted: `${n(bytesPerSecond)} × ${n(bufferSeconds)}`,
    value: bytesPerSecond * bufferSeconds,
    unit: 'bytes',
  });
  sheet.note(
    'info',
    `A record waits up to ${n(bufferSeconds)} s in the buffer (about half that on average) before delivery starts; ` +
      'the hints are hints: Firehose may raise the buffer size when delivery falls behind.',
  );
  return {
    deliveryTrigger: bySize ? ('size' as const) : ('interval' as const),
    bufferSeconds,
    objectsPerHour,
    objectBytes,
  };
}

function ingestCost(sheet: Worksheet, errors: CalcError[], recordsPerSecond: number, recordBytes: number) {
  const increment = sheet.limit('firehose.billingIncrementBytes');
  const billedBytesPerRecord = sheet.step({
    id: 'billedBytesPerRecord',
    label: 'Billed bytes per record (rounded up to 5 KB)',
    formula: '⌈record bytes ÷ 5,120⌉ × 5,120',
    substituted: `⌈${n(recordBytes)} ÷ ${n(increment)}⌉ × ${n(increment)}`,
    value: Math.ceil(recordBytes / increment) * increment,
    unit: 'bytes',
    uses: ['firehose.billingIncrementBytes'],
  });
  const billedGb = sheet.step({
    id: 'billedGbPerMonth',
    label: 'Billed GB per month',
    formula: 'records/s × billed bytes × 3,600 s × 730 h ÷ 2^30',
    substituted: `${n(recordsPerSecond)} × ${n(billedBytesPerRecord)} × 3,600 × ${n(HOURS_PER_MONTH)} ÷ ${n(GB)}`,
    value: (recordsPerSecond * billedBytesPerRecord * SECONDS_PER_MONTH) / GB,
    unit: 'GB',
    note: '1 GB is counted as 2^30 bytes here, matching the 5 KB = 5,120-byte increment.',
  });
  const price = sheet.price('firehose.ingestPerGb', errors);
  if (price === undefined) return { billedBytesPerRecord, billedGb, total: 0, lines: [] };
  const tier = sheet.book.prices['firehose.ingestPerGb']?.tier;
  const tierGb = tier?.to ?? Infinity;
  const firstGb = Math.min(billedGb, tierGb);
  const lines: CostLine[] = [];
  lines.push({
    id: 'ingest',
    label: tier ? 'Data ingested (first tier)' : 'Data ingested',
    usd: sheet.step({
      id: 'ingestCost',
      label: tier ? `Ingestion cost, first ${n(tierGb / 1024)} TB (${n(tierGb)} GB) tier` : 'Ingestion cost',
      formula: 'billed GB × price per GB',
      substituted: `${n(firstGb)} × ${p(price)}`,
      value: firstGb * price,
      unit: 'USD',
      uses: ['firehose.ingestPerGb'],
    }),
    uses: ['firehose.ingestPerGb'],
  });
  if (billedGb > tierGb) {
    const above = sheet.price('firehose.ingestPerGbAbove500Tb', errors);
    if (above === undefined) return { billedBytesPerRecord, billedGb, total: 0, lines: [] };
    lines.push({
      id: 'ingestAboveTier',
      label: 'Data ingested above the first tier',
      usd: sheet.step({
        id: 'ingestCostAboveTier',
        label: 'Ingestion cost above the first tier',
        formula: '(billed GB − first tier GB) × price per GB',
        substituted: `(${n(billedGb)} − ${n(tierGb)}) × ${p(above)}`,
        value: (billedGb - tierGb) * above,
        unit: 'USD',
        uses: ['firehose.ingestPerGbAbove500Tb'],
      }),
      uses: ['firehose.ingestPerGbAbove500Tb'],
    });
  }
  const total = lines.reduce((sum, line) => sum + line.usd, 0);
  return { billedBytesPerRecord, billedGb, total, lines };
}
