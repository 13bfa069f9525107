/**
 * The rate level against the record level (sim/kinesis driven record by record) on small scenarios: the
 * two levels must tell the same story (issue 4 §5). Tolerances are stated per test; where the rate level
 * simulates the same token buckets at the same call times, the counts agree exactly.
 */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  getRecords,
  getShardIterator,
  putRecords,
  type KinesisState,
  type PutRecordsRequestEntry,
} from '../../sim/kinesis/index.ts';
import { simulateRateLevel, type RateKeyDistribution } from '../../sim/rate/index.ts';

interface RecordLevelRun {
  readonly accepted: number;
  readonly throttled: number;
  readonly perShardAccepted: number[];
  readonly readCalls: number;
  readonly throttledReadCalls: number;
  readonly bytesRead: number[];
  readonly maxIteratorAgeMs: number;
}

/**
 * The record level: `recordsPerSecond` records of `dataBytes` bytes with keys from `key(i)`, sent as
 * PutRecords every 10 ms; `consumers` applications each making `polls` GetRecords calls per shard per
 * second, at the same instants the rate level uses (evenly spaced, the last at the end of each second).
 */
function recordLevel(options: {
  shards: number;
  seconds: number;
  recordsPerSecond: number;
  dataBytes: number;
  key: (i: number) => string;
  consumers?: number;
  polls?: number;
  limit?: number;
}): RecordLevelRun {
  const state: KinesisState = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: options.shards }, millis(0));
  const shards = state.streams.s!.shards;
  const consumers = options.consumers ?? 0;
  const polls = options.polls ?? 1;
  const iterators = Array.from({ length: consumers }, () =>
    shards.map((shard) => {
      const it = getShardIterator(
        state,
        { StreamName: 's', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' },
        millis(0),
      );
      if (!it.ok) throw new Error(it.error.message);
      return it.value.ShardIterator;
    }),
  );
  const bytesRead = new Array<number>(consumers).fill(0);
  const data = new Uint8Array(options.dataBytes);
  const perBatch = options.recordsPerSecond / 100;
  let sent = 0;
  let accepted = 0;
  let throttled = 0;
  let readCalls = 0;
  let throttledReadCalls = 0;
  let maxIteratorAgeMs = 0;
  for (let second = 0; second < options.seconds; second++) {
    for (let tick = 0; tick < 100; tick++) {
      const now = second * 1000 + tick * 10;
      const batch: PutRecordsRequestEntry[] = [];
      const due = Math.round((second * 100 + tick + 1) * perBatch);
      while (sent < due) batch.push({ Data: data, PartitionKey: options.key(sent++) });
      if (batch.length > 0) {
        const put = putRecords(state, { StreamName: 's', Records: batch }, millis(now));
        if (!put.ok) throw new Error(put.error.message);
        throttled += put.value.FailedRecordCount;
        accepted += batch.length - put.value.FailedRecordCount;
      }
      for (let c = 1; c <= polls; c++) {
        if (Math.round((c * 1000) / polls) !== tick * 10 + 10) continue;
        const at = millis(second * 1000 + (c * 1000) / polls);
        for (let g = 0; g < consumers; g++) {
          for (let s = 0; s < shards.length; s++) {
            readCalls++;
            const request = {
              ShardIterator: iterators[g]![s]!,
              ...(options.limit ? { Limit: options.limit } : {}),
            };
            const page = getRecords(state, request, at);
            if (!page.ok) {
              throttledReadCalls++;
              continue;
            }
            iterators[g]![s] = page.value.NextShardIterator!;
            for (const record of page.value.Records) bytesRead[g]! += record.Data.byteLength + 1;
            const last = page.value.Records[page.value.Records.length - 1];
            if (last) maxIteratorAgeMs = Math.max(maxIteratorAgeMs, at - last.ApproximateArrivalTimestamp);
          }
        }
      }
    }
  }
  return {
    accepted,
    throttled,
    perShardAccepted: shards.map((shard) => shard.totals.incomingRecords),
    readCalls,
    throttledReadCalls,
    bytesRead,
    maxIteratorAgeMs,
  };
}

function rateLevel(options: {
  shards: number;
  seconds: number;
  recordsPerSecond: number;
  dataBytes: number;
  keys: RateKeyDistribution;
  consumers?: number;
  polls?: number;
  limit?: number;
}) {
  return simulateRateLevel({
    durationSeconds: options.seconds,
    streams: [
      {
        name: 's',
        shards: options.shards,
        consumers: Array.from({ length: options.consumers ?? 0 }, (_, g) => ({
          name: `app-${g}`,
          pollsPerSecond: options.polls ?? 1,
          ...(options.limit ? { maxRecordsPerCall: options.limit } : {}),
        })),
      },
    ],
    producers: [
      {
        stream: 's',
        ratePerSecond: () => options.recordsPerSecond,
        recordBytes: options.dataBytes,
        keys: options.keys,
      },
    ],
  });
}

/** Relative difference of two counts. */
function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

describe('rate level agrees with the record level', () => {
  it('2 shards, 3,000 records/s × 500 B, random keys, 60 s: accepted and throttled within 0.5 %', () => {
    const keyOf = (i: number) => (i * 2654435761).toString(16).padStart(16, '0').slice(-16);
    const record = recordLevel({
      shards: 2,
      seconds: 60,
      recordsPerSecond: 3000,
      dataBytes: 500,
      key: keyOf,
    });
    const rate = rateLevel({
      shards: 2,
      seconds: 60,
      recordsPerSecond: 3000,
      dataBytes: 500,
      keys: { kind: 'uniform', keyBytes: 16 },
    });
    expect(rate.totals.putAttempts).toBe(180_000);
    expect(record.accepted + record.throttled).toBe(180_000);
    expect(relative(rate.totals.recordsAccepted, record.accepted)).toBeLessThan(0.005);
    expect(relative(rate.totals.attemptsThrottled, record.throttled)).toBeLessThan(0.005);
    rate.streams[0]!.shards.forEach((shard, i) => {
      expect(relative(shard.incomingRecords, record.perShardAccepted[i]!)).toBeLessThan(0.005);
    });
  });

  it('the same load on one hot partition key: the same shard takes it all, within 0.5 %', () => {
    const record = recordLevel({
      shards: 2,
      seconds: 60,
      recordsPerSecond: 3000,
      dataBytes: 500,
      key: () => 'hot',
    });
    const rate = rateLevel({
      shards: 2,
      seconds: 60,
      recordsPerSecond: 3000,
      dataBytes: 500,
      keys: { kind: 'fixed', partitionKey: 'hot' },
    });
    const hot = record.perShardAccepted.findIndex((n) => n > 0);
    expect(rate.streams[0]!.shards[1 - hot]!.incomingRecords).toBe(0);
    expect(
      relative(rate.streams[0]!.shards[hot]!.incomingRecords, record.perShardAccepted[hot]!),
    ).toBeLessThan(0.005);
    expect(relative(rate.totals.attemptsThrottled, record.throttled)).toBeLessThan(0.005);
  });

  it('bytes bind before records (1 shard, 300 records/s × 5,000 B): accepted within 0.5 %', () => {
    const record = recordLevel({
      shards: 1,
      seconds: 60,
      recordsPerSecond: 300,
      dataBytes: 5000,
      key: () => 'k',
    });
    const rate = rateLevel({
      shards: 1,
      seconds: 60,
      recordsPerSecond: 300,
      dataBytes: 5000,
      keys: { kind: 'fixed', partitionKey: 'k' },
    });
    expect(relative(rate.totals.recordsAccepted, record.accepted)).toBeLessThan(0.005);
  });

  it('3 consumers polling twice a second share 5 GetRecords calls/s: the same throttled calls, exactly', () => {
    const options = { shards: 1, seconds: 30, recordsPerSecond: 200, dataBytes: 100, consumers: 3, polls: 2 };
    const record = recordLevel({ ...options, key: () => 'k' });
    const rate = rateLevel({ ...options, keys: { kind: 'fixed', partitionKey: 'k' } });
    const shard = rate.streams[0]!.shards[0]!;
    expect(shard.getRecordsCalls).toBe(record.readCalls);
    expect(shard.throttledGetRecordsCalls).toBe(record.throttledReadCalls);
    expect(record.throttledReadCalls).toBeGreaterThan(0);
  });

  it('3 consumers of a shard written near 1 MiB/s share 2 MiB/s: bytes read within 2 %', () => {
    const options = {
      shards: 1,
      seconds: 60,
      recordsPerSecond: 900,
      dataBytes: 1100,
      consumers: 3,
      polls: 1,
    };
    const record = recordLevel({ ...options, key: () => 'k' });
    const rate = rateLevel({ ...options, keys: { kind: 'fixed', partitionKey: 'k' } });
    const recordTotal = record.bytesRead.reduce((a, b) => a + b, 0);
    const rateTotal = rate.streams[0]!.consumers.reduce((sum, c) => sum + c.bytesRead, 0);
    expect(relative(rateTotal, recordTotal)).toBeLessThan(0.02);
  });

  it('a consumer limited to 100 records per call falls behind 200 records/s: iterator age within 2 %', () => {
    const options = {
      shards: 1,
      seconds: 60,
      recordsPerSecond: 200,
      dataBytes: 100,
      consumers: 1,
      limit: 100,
    };
    const record = recordLevel({ ...options, key: () => 'k' });
    const rate = rateLevel({ ...options, keys: { kind: 'fixed', partitionKey: 'k' } });
    const age = rate.streams[0]!.consumers[0]!.maxIteratorAgeMs;
    expect(record.maxIteratorAgeMs).toBeGreaterThan(25_000);
    expect(relative(age, record.maxIteratorAgeMs)).toBeLessThan(0.02);
  });
});
