/** Fidelity: KPL RateLimit (row 33), RecordTtl (row 34) and collection limits (row 32), AWS-FACTS §2.1. */
import { describe, expect, it } from 'vitest';
import {
  addUserRecord,
  createKplProducer,
  defaultKplConfig,
  evenShardRanges,
  flushDue,
  nextDueAt,
  onPutRecordsResult,
  type KplConfig,
} from '../../sim/kpl/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

const book = PRICE_BOOKS['2016'];

function producer(overrides: Partial<KplConfig> = {}) {
  return createKplProducer({
    StreamName: 'clicks',
    shards: evenShardRanges(1),
    config: { ...defaultKplConfig(book), ...overrides },
    book,
    now: 0,
  });
}

describe('#33 RateLimit 150 %: one producer sends at most 1,500 records/s to a 1,000 records/s shard', () => {
  it('10,000 small unaggregated records in one instant leave at 1,500 per second', () => {
    const state = producer({ AggregationEnabled: false });
    for (let i = 0; i < 10_000; i++)
      addUserRecord(state, { PartitionKey: `k${i}`, Data: new Uint8Array(10) }, 0);
    const sentBy = new Map<number, number>();
    for (let now: number | undefined = 0; now !== undefined && now <= 5000; now = nextDueAt(state, now)) {
      for (const call of flushDue(state, now)) {
        const second = Math.floor(now / 1000);
        sentBy.set(second, (sentBy.get(second) ?? 0) + call.input.Records.length);
        const ok = {
          FailedRecordCount: 0,
          Records: call.input.Records.map(() => ({ ShardId: 's', SequenceNumber: '1' })),
        };
        onPutRecordsResult(state, call.requestId, ok, now);
      }
    }
    // The buckets start full (one second's worth) and refill at 1,500 records/s.
    expect(sentBy.get(0)).toBeLessThanOrEqual(1500 + 1500);
    for (const second of [1, 2, 3, 4]) {
      expect(sentBy.get(second)).toBeGreaterThanOrEqual(1490);
      expect(sentBy.get(second)).toBeLessThanOrEqual(1510);
    }
  });
});

describe('#34 RecordTtl 30,000 ms: records not put successfully in time fail', () => {
  it('a record throttled on every attempt fails once 30 s have passed, not before', () => {
    const state = producer({ AggregationEnabled: false });
    addUserRecord(state, { PartitionKey: 'k', Data: new Uint8Array(1) }, 0);
    const throttled = {
      FailedRecordCount: 1,
      Records: [{ ErrorCode: 'ProvisionedThroughputExceededException' }],
    };
    let now = 0;
    let lastAttempt = 0;
    while (state.stats.userRecordsExpired === 0) {
      now = nextDueAt(state, now)!;
      for (const call of flushDue(state, now)) {
        lastAttempt = now;
        onPutRecordsResult(state, call.requestId, throttled, now);
      }
    }
    expect(lastAttempt).toBeLessThan(30_000);
    expect(state.failures[0]!.atMs).toBeGreaterThanOrEqual(30_000);
    expect(state.stats.userRecordsSucceeded).toBe(0);
  });
});

describe('#32 CollectionMaxSize 5,242,880 bytes per PutRecords call', () => {
  it('splits 8 MB of ready records into calls of at most 5 MiB', () => {
    const state = producer({ AggregationEnabled: false, RateLimit: 100_000 });
    for (let i = 0; i < 8; i++)
      addUserRecord(state, { PartitionKey: `k${i}`, Data: new Uint8Array(1_000_000) }, 0);
    const calls = flushDue(state, 100);
    const sizes = calls.map((c) =>
      c.input.Records.reduce((n, r) => n + r.Data.length + r.PartitionKey.length, 0),
    );
    expect(sizes.every((size) => size <= 5_242_880)).toBe(true);
    expect(calls.map((c) => c.input.Records.length)).toEqual([5, 3]);
  });
});
