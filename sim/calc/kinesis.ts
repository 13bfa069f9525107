import type { PriceBook } from '../pricing/index.ts';
import { InputChecker, type NumberRule } from './inputs.ts';
import { kinesisMonthlyCost } from './kinesis-cost.ts';
import { KINESIS_IDS as ids, type CheckedKinesisInput } from './kinesis-facts.ts';
import { packUserRecords, type KplPacking } from './kinesis-kpl.ts';
import type { CalcError, Calculation, CalculationBase, CostLine } from './types.ts';
import { n, Worksheet } from './worksheet.ts';

/** What the learner tells the Kinesis Streams calculator. */
export interface KinesisInput {
  /** Average user records per second put into the stream. */
  readonly recordsPerSecond: number;
  /** Peak user records per second (default: the average). The stream is sized for the peak. */
  readonly peakRecordsPerSecond?: number;
  /** Average data blob size of one user record, in bytes. */
  readonly recordBytes: number;
  /** Partition-key bytes per record (default 0 = not modelled); they count toward the 1 MB/s write limit. */
  readonly partitionKeyBytes?: number;
  /** Consuming applications reading every shard with GetRecords (KCL apps, Lambda functions…). */
  readonly consumers: number;
  /** Retention period in hours (default 24). */
  readonly retentionHours?: number;
  /** Whether producers use the KPL with aggregation (default false). */
  readonly kplAggregation?: boolean;
}

/**
 * The partition-key size input, one rule for the app's field, the CLI's `--partition-key-bytes` and this
 * calculator: 0 (keys left out) to 256 bytes. AWS allows keys of 1–256 Unicode characters (AWS-FACTS §1.2,
 * row 11); the calculator counts a byte per character, as for the ASCII keys of the labs.
 */
export const PARTITION_KEY_BYTES_RULE: NumberRule = {
  label: 'Partition key size',
  min: 0,
  max: 256,
  integer: true,
};

/** The four per-shard limits a stream is sized against. */
export type KinesisLimitName =
  'writeBytesPerSecond' | 'writeRecordsPerSecond' | 'readBytesPerSecond' | 'readCallsPerSecond';

/** The Kinesis Streams calculator's answer. */
export interface KinesisResult extends CalculationBase {
  /** Shards to provision: the most any fixable limit needs, at least 1. */
  readonly shards: number;
  /** The limit that sets the shard count. */
  readonly bindingLimit: Exclude<KinesisLimitName, 'readCallsPerSecond'>;
  /** That limit in words, such as "write records per second (1,000 records/s per shard)". */
  readonly bindingLimitLabel: string;
  /**
   * Shards each limit needs on its own. `readCallsPerSecond` is 1 when any shard count satisfies it and
   * null when none can: every consumer polls every shard, so shards do not dilute read calls.
   */
  readonly shardsByLimit: Readonly<Record<KinesisLimitName, number | null>>;
  /** Share of each per-shard limit used at the peak with `shards` shards (0.75 = 75 %). */
  readonly utilizationAtPeak: Readonly<Record<KinesisLimitName, number>>;
  /** Spare capacity at the peak on the busiest of the write/read-bytes/record limits, in percent. */
  readonly headroomPercent: number;
  /** The read-call check: calls per shard per second against the limit. */
  readonly readCalls: {
    readonly callsPerShardPerSecond: number;
    readonly limitPerShard: number;
    readonly withinLimit: boolean;
  };
  /** Kinesis records per second (after KPL packing) on average and at the peak. */
  readonly kinesisRecordsPerSecond: { readonly average: number; readonly peak: number };
  /** Bytes per second written (data + partition keys) on average and at the peak. */
  readonly writeBytesPerSecond: { readonly average: number; readonly peak: number };
  /** KPL packing at the peak and on average; null when aggregation is off. */
  readonly aggregation: { readonly peak: KplPacking; readonly average: KplPacking } | null;
  /** PUT payload units per Kinesis record. */
  readonly payloadUnitsPerRecord: number;
  readonly monthlyCostUsd: number;
  readonly costBreakdown: readonly CostLine[];
}

const LIMIT_LABELS: Record<KinesisLimitName, string> = {
  writeBytesPerSecond: 'write bytes per second (1 MiB/s per shard)',
  writeRecordsPerSecond: 'write records per second (1,000 records/s per shard)',
  readBytesPerSecond: 'read bytes per second across all consumers (2 MiB/s per shard)',
  readCallsPerSecond: 'read calls per second (5 GetRecords calls/s per shard)',
};

/**
 * Sizes a provisioned Kinesis stream for its peak and prices a month of it (AWS-FACTS §1.1, §1.9, §2.1).
 * Pure: the same input and book always give the same result.
 */
export function calculateKinesis(input: KinesisInput, book: PriceBook): Calculation<KinesisResult> {
  const sheet = new Worksheet(book);
  const check = new InputChecker();
  const maxRecord = sheet.limit(ids.maxRecord);
  const retentionMax = sheet.limit(ids.retentionMax);
  const average = check.number('recordsPerSecond', input.recordsPerSecond, {
    label: 'Average records per second',
    min: 0,
    max: 100_000_000,
  });
  const peak = check.optionalNumber(
    'peakRecordsPerSecond',
    input.peakRecordsPerSecond,
    { label: 'Peak records per second', min: 0, max: 100_000_000 },
    average,
  );
  const keyBytes = check.optionalNumber(
    'partitionKeyBytes',
    input.partitionKeyBytes,
    PARTITION_KEY_BYTES_RULE,
    0,
  );
  const dataBytes = check.number('recordBytes', input.recordBytes, {
    label: 'Average record size in bytes',
    min: 1,
    max: maxRecord - keyBytes,
    integer: true,
  });
  const consumers = check.number('consumers', input.consumers, {
    label: 'Consuming applications',
    min: 0,
    max: 1000,
    integer: true,
  });
  const retentionHours = check.optionalNumber(
    'retentionHours',
    input.retentionHours,
    { label: `Retention hours (${book.label})`, min: 24, max: retentionMax, integer: true },
    24,
  );
  const kpl = check.flag('kplAggregation', input.kplAggregation, 'KPL aggregation', false);
  if (peak < average) {
    check.problem(
      'peakRecordsPerSecond',
      `Peak records per second must be at least the average (${n(average)}); got ${n(peak)}.`,
      `a number from ${n(average)} up`,
    );
  }
  if (check.errors.length > 0) return { ok: false, errors: check.errors };
  return size(sheet, { average, peak, dataBytes, keyBytes, consumers, retentionHours, kpl });
}

function size(sheet: Worksheet, input: CheckedKinesisInput): Calculation<KinesisResult> {
  const { peak, dataBytes, keyBytes, consumers } = input;
  const writeBytesLimit = sheet.limit(ids.writeBytes);
  const writeRecordsLimit = sheet.limit(ids.writeRecords);
  const readBytesLimit = sheet.limit(ids.readBytes);
  const readCallsLimit = sheet.limit(ids.readCalls);

  // Bytes do not depend much on packing, so size for bytes first; the KPL then packs per shard.
  const byteShards = Math.max(
    1,
    Math.ceil((peak * (dataBytes + keyBytes)) / writeBytesLimit),
    Math.ceil((peak * (dataBytes + keyBytes) * consumers) / readBytesLimit),
  );
  const packing = input.kpl ? packAndShow(sheet, input, byteShards) : null;
  const kinesisRecordBytes = packing ? packing.peak.kinesisRecordBytes : dataBytes;
  const peakRecords = packing ? packing.peak.kinesisRecordsPerSecond : peak;
  const averageRecords = packing ? packing.average.kinesisRecordsPerSecond : input.average;

  const peakWrite = sheet.step({
    id: 'peakWriteBytesPerSecond',
    label: 'Peak write bytes per second',
    formula: 'Kinesis records/s × (record bytes + partition key bytes)',
    substituted: `${n(peakRecords)} × (${n(kinesisRecordBytes, 0)} + ${n(keyBytes, 0)})`,
    value: peakRecords * (kinesisRecordBytes + keyBytes),
    unit: 'bytes/s',
  });
  const averageWrite = averageRecords * (kinesisRecordBytes + keyBytes);
  const byWriteBytes = sheet.step({
    id: 'shardsByWriteBytes',
    label: 'Shards for write bytes',
    formula: '⌈peak write bytes/s ÷ 1 MiB/s per shard⌉',
    substituted: `⌈${n(peakWrite)} ÷ ${n(writeBytesLimit)}⌉`,
    value: Math.max(1, Math.ceil(peakWrite / writeBytesLimit)),
    unit: 'shards',
    uses: [ids.writeBytes],
  });
  const byWriteRecords = sheet.step({
    id: 'shardsByWriteRecords',
    label: 'Shards for write records',
    formula: '⌈peak Kinesis records/s ÷ 1,000 records/s per shard⌉',
    substituted: `⌈${n(peakRecords)} ÷ ${n(writeRecordsLimit)}⌉`,
    value: Math.max(1, Math.ceil(peakRecords / writeRecordsLimit)),
    unit: 'shards',
    uses: [ids.writeRecords],
  });
  const readBytes = peakWrite * consumers;
  const byReadBytes = sheet.step({
    id: 'shardsByReadBytes',
    label: 'Shards for read bytes (all consumers share 2 MiB/s per shard)',
    formula: '⌈peak write bytes/s × consumers ÷ 2 MiB/s per shard⌉',
    substituted: `⌈${n(peakWrite)} × ${consumers} ÷ ${n(readBytesLimit)}⌉`,
    value: Math.max(1, Math.ceil(readBytes / readBytesLimit)),
    unit: 'shards',
    uses: [ids.readBytes],
  });
  const idleMs = sheet.limit(ids.idle);
  const callsPerShard = sheet.step({
    id: 'readCallsPerShard',
    label: 'GetRecords calls per shard per second',
    formula: 'consumers × (1,000 ms ÷ KCL idle time between reads)',
    substituted: `${consumers} × (1,000 ÷ ${n(idleMs)})`,
    value: consumers * (1000 / idleMs),
    unit: 'calls/s per shard',
    uses: [ids.idle, ids.readCalls],
    note: 'Every consumer polls every shard, so this does not fall as shards are added.',
  });
  const readCallsOk = callsPerShard <= readCallsLimit;
  if (!readCallsOk) {
    sheet.note(
      'error',
      `${consumers} consuming applications each poll every shard about once a second (KCL idle time ${n(idleMs)} ms), ` +
        `so every shard gets ${n(callsPerShard)} GetRecords calls/s — above the ${readCallsLimit} calls/s per shard limit. ` +
        'Adding shards cannot fix this: each new shard is polled by every consumer too. Reduce the number of ' +
        'consuming applications (fan out inside one application), or poll less often (more latency).' +
        (sheet.book.id === 'current'
          ? ' Today, enhanced fan-out gives each consumer its own 2 MiB/s per shard.'
          : ''),
      [ids.readCalls, ids.idle],
    );
  }
  const shardsByLimit = {
    writeBytesPerSecond: byWriteBytes,
    writeRecordsPerSecond: byWriteRecords,
    readBytesPerSecond: byReadBytes,
    readCallsPerSecond: readCallsOk ? 1 : null,
  };
  const shards = Math.max(byWriteBytes, byWriteRecords, byReadBytes);
  sheet.step({
    id: 'shards',
    label: 'Shards to provision (sized for the peak)',
    formula: 'max(write bytes, write records, read bytes)',
    substituted: `max(${byWriteBytes}, ${byWriteRecords}, ${byReadBytes})`,
    value: shards,
    unit: 'shards',
  });
  const utilizationAtPeak = {
    writeBytesPerSecond: peakWrite / (shards * writeBytesLimit),
    writeRecordsPerSecond: peakRecords / (shards * writeRecordsLimit),
    readBytesPerSecond: readBytes / (shards * readBytesLimit),
    readCallsPerSecond: callsPerShard / readCallsLimit,
  };
  // The most utilised limit is always one that needs all `shards` shards, so it is the binding one;
  // on a tie (or no load) records per second is named first.
  const fixable = ['writeRecordsPerSecond', 'writeBytesPerSecond', 'readBytesPerSecond'] as const;
  const bindingLimit = fixable.reduce((best, name) =>
    utilizationAtPeak[name] > utilizationAtPeak[best] ? name : best,
  );
  const busiest = utilizationAtPeak[bindingLimit];
  const headroomPercent = sheet.step({
    id: 'headroom',
    label: `Headroom at the peak — busiest limit: ${LIMIT_LABELS[bindingLimit]}`,
    formula: '(1 − peak demand ÷ (shards × per-shard limit)) × 100',
    substituted: `(1 − ${n(busiest, 4)}) × 100`,
    value: (1 - busiest) * 100,
    unit: '%',
    note: 'Spare capacity lets consumers catch up after a pause; a stream at 100 % has none.',
  });
  if (headroomPercent < 20 && busiest > 0) {
    const withOneMore = (1 - (busiest * shards) / (shards + 1)) * 100;
    sheet.note(
      'info',
      `At the peak the stream runs at ${n(busiest * 100, 1)} % of its busiest limit, leaving little room for bursts or ` +
        `for a consumer catching up (the slides ask for headroom). ${shards + 1} shards would leave ${n(withOneMore, 1)} %.`,
    );
  }
  const accountLimit = sheet.limitRecord(ids.accountShards);
  if (shards > accountLimit.value) {
    sheet.note(
      'warning',
      `${shards} shards is above the default limit of ${n(accountLimit.value)} shards per account and region` +
        `${accountLimit.confidence === 'unconfirmed' ? ' (an unconfirmed figure for 2016)' : ''}; ask AWS for a higher limit first.`,
      [ids.accountShards],
    );
  }
  if (sheet.book.prices[ids.onDemandStreamHour]) {
    sheet.note(
      'info',
      'This sizes and prices a provisioned stream (shards). Since November 2021 a stream can instead use on-demand ' +
        'capacity mode, billed per stream-hour plus per GB written and read; those per-GB rates are unconfirmed, ' +
        'so on-demand mode is not priced here.',
    );
  }
  const errors: CalcError[] = [];
  const costs = kinesisMonthlyCost(sheet, errors, { shards, averageRecords, kinesisRecordBytes, ...input });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...sheet.finish(),
      shards,
      bindingLimit,
      bindingLimitLabel: LIMIT_LABELS[bindingLimit],
      shardsByLimit,
      utilizationAtPeak,
      headroomPercent,
      readCalls: {
        callsPerShardPerSecond: callsPerShard,
        limitPerShard: readCallsLimit,
        withinLimit: readCallsOk,
      },
      kinesisRecordsPerSecond: { average: averageRecords, peak: peakRecords },
      writeBytesPerSecond: { average: averageWrite, peak: peakWrite },
      aggregation: packing,
      payloadUnitsPerRecord: costs.unitsPerRecord,
      monthlyCostUsd: costs.total,
      costBreakdown: costs.lines,
    },
  };
}

function packAndShow(
  sheet: Worksheet,
  input: CheckedKinesisInput,
  shards: number,
): { peak: KplPacking; average: KplPacking } {
  const aggregationMaxBytes = sheet.limit(ids.aggMax);
  const maxBufferedTimeMs = sheet.limit(ids.aggTime);
  const pack = (rate: number) =>
    packUserRecords({
      userRecordsPerSecond: rate,
      dataBytes: input.dataBytes,
      partitionKeyBytes: input.keyBytes,
      aggregationMaxBytes,
      maxBufferedTimeMs,
      shards,
    });
  const peak = pack(input.peak);
  const average = pack(input.average);
  sheet.step({
    id: 'kplBytesPerUserRecord',
    label: 'Bytes one user record takes inside a KPL aggregate (approximate)',
    formula: 'data + protobuf field overhead (+ partition key table entry)',
    substituted: `${n(input.dataBytes, 0)} + ${n(peak.bytesPerUserRecord - input.dataBytes, 0)}`,
    value: peak.bytesPerUserRecord,
    unit: 'bytes',
    note: 'The protobuf overhead is this model’s approximation of the aggregation format, not an AWS figure.',
  });
  sheet.step({
    id: 'kplFitBySize',
    label: 'User records that fit in one aggregate',
    formula: '⌊(AggregationMaxSize − 20 bytes magic + MD5) ÷ bytes per user record⌋',
    substituted: `⌊(${n(aggregationMaxBytes)} − 20) ÷ ${n(peak.bytesPerUserRecord, 0)}⌋`,
    value: peak.fitBySize,
    unit: 'user records',
    uses: [ids.aggMax],
  });
  sheet.step({
    id: 'kplFitByBufferTime',
    label: 'User records arriving per shard within RecordMaxBufferedTime (at the peak)',
    formula: '⌊peak records/s × 100 ms ÷ 1,000 ÷ shards⌋ (at least 1)',
    substituted: `⌊${n(input.peak)} × ${n(maxBufferedTimeMs)} ÷ 1,000 ÷ ${shards}⌋`,
    value: peak.fitByBufferTime,
    unit: 'user records',
    uses: [ids.aggTime],
    note: 'The KPL aggregates per shard; this assumes one producer and partition keys spread evenly over the shards.',
  });
  sheet.step({
    id: 'kplUserRecordsPerKinesisRecord',
    label: 'User records packed into each Kinesis record',
    formula: 'min(fit by size, fit by buffer time)',
    substituted: `min(${n(peak.fitBySize, 0)}, ${n(peak.fitByBufferTime, 0)})`,
    value: peak.userRecordsPerKinesisRecord,
    unit: 'user records',
  });
  sheet.step({
    id: 'kplKinesisRecordBytes',
    label: 'Bytes of one Kinesis record (aggregate)',
    formula: '20 + user records per aggregate × bytes per user record',
    substituted: `20 + ${n(peak.userRecordsPerKinesisRecord, 0)} × ${n(peak.bytesPerUserRecord, 0)}`,
    value: peak.kinesisRecordBytes,
    unit: 'bytes',
  });
  sheet.step({
    id: 'kplKinesisRecordsPerSecond',
    label: 'Kinesis records per second at the peak',
    formula: 'peak user records/s ÷ user records per aggregate',
    substituted: `${n(input.peak)} ÷ ${n(peak.userRecordsPerKinesisRecord, 0)}`,
    value: peak.kinesisRecordsPerSecond,
    unit: 'records/s',
  });
  if (peak.limitedBy === 'bypass') {
    sheet.note(
      'info',
      'User records this large do not fit under AggregationMaxSize, so the KPL sends them unaggregated.',
      [ids.aggMax],
    );
  }
  return { peak, average };
}
