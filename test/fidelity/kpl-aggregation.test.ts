/** Fidelity: the KPL model against AWS-FACTS §2.1 (rows 30–35) and the PUT payload unit of §1.9 (row 23). */
import { describe, expect, it } from 'vitest';
import {
  AGGREGATED_RECORD_MAGIC,
  createKplProducer,
  deaggregate,
  defaultKplConfig,
  encodeAggregatedRecord,
  evenShardRanges,
  flushDue,
  addUserRecord,
  type KplConfig,
} from '../../sim/kpl/index.ts';
import { driveProducer, TestShardSink } from '../../sim/kpl/test-shard-sink.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

const book = PRICE_BOOKS['2016'];

describe('KPL defaults (AWS-FACTS §2.1)', () => {
  const config = defaultKplConfig(book);
  it('#30 RecordMaxBufferedTime 100 ms', () => expect(config.RecordMaxBufferedTime).toBe(100));
  it('#31 AggregationMaxSize 51,200 bytes', () => expect(config.AggregationMaxSize).toBe(51_200));
  it('#32 CollectionMaxCount 500 / CollectionMaxSize 5,242,880 bytes', () => {
    expect(config.CollectionMaxCount).toBe(500);
    expect(config.CollectionMaxSize).toBe(5_242_880);
  });
  it('#33 RateLimit 150 % of the shard limit', () => expect(config.RateLimit).toBe(150));
  it('#34 RecordTtl 30,000 ms', () => expect(config.RecordTtl).toBe(30_000));
  it('#35 magic bytes F3 89 9A C2 open every aggregated record', () => {
    expect([...AGGREGATED_RECORD_MAGIC]).toEqual([0xf3, 0x89, 0x9a, 0xc2]);
    const record = encodeAggregatedRecord([{ PartitionKey: 'a', Data: new Uint8Array(1) }]);
    expect([...record.subarray(0, 4)]).toEqual([0xf3, 0x89, 0x9a, 0xc2]);
  });
});

describe('#30 RecordMaxBufferedTime on the virtual clock', () => {
  it('a user record waits at most 100 ms before it is sent', () => {
    const state = createKplProducer({
      StreamName: 's',
      shards: evenShardRanges(1),
      config: defaultKplConfig(book),
      book,
      now: 0,
    });
    addUserRecord(state, { PartitionKey: 'k', Data: new Uint8Array(10) }, 1000);
    expect(flushDue(state, 1099)).toHaveLength(0);
    expect(flushDue(state, 1100)).toHaveLength(1);
  });
});

/** 5,000 user records/s of 100 bytes into one shard for 10 s (AWS-FACTS §1.1 rows 1–2, §2.1). */
function run(aggregation: boolean) {
  const shards = evenShardRanges(1);
  const config: KplConfig = { ...defaultKplConfig(book), AggregationEnabled: aggregation };
  const state = createKplProducer({ StreamName: 'clicks', shards, config, book, now: 0 });
  const sink = new TestShardSink(shards);
  driveProducer(state, sink, {
    recordsPerSecond: 5000,
    seconds: 10,
    recordBytes: 100,
    keys: 1000,
    drainMs: 1000,
  });
  return { state, sink };
}

describe('aggregation turns 5,000 records/s into one shard from throttled to accepted', () => {
  const without = run(false);
  const withAggregation = run(true);

  it('without aggregation the shard throttles (rows 2 and 33: 1,000 records/s, KPL sends up to 1,500/s)', () => {
    expect(without.sink.throttledRecords).toBeGreaterThan(2000);
    expect(without.state.stats.userRecordsSucceeded).toBeLessThan(12_000);
    expect(without.state.stats.kinesisRecordsThrottled).toBe(without.sink.throttledRecords);
  });

  it('with aggregation nothing is throttled and every user record is delivered within the run', () => {
    expect(withAggregation.sink.throttledRecords).toBe(0);
    expect(withAggregation.state.stats.userRecordsSucceeded).toBe(50_000);
    expect(withAggregation.state.stats.userRecordsExpired).toBe(0);
  });

  it('aggregates stay within #31 AggregationMaxSize and de-aggregate back to all 50,000 user records', () => {
    let userRecords = 0;
    for (const data of withAggregation.sink.accepted[0]!) {
      expect(data.length).toBeLessThanOrEqual(51_200);
      const unpacked = deaggregate({ Data: data, PartitionKey: 'p', SequenceNumber: '1' });
      if (!unpacked.ok) throw new Error(unpacked.error.message);
      userRecords += unpacked.value.length;
    }
    expect(userRecords).toBe(50_000);
  });

  it('PUT payload units drop: 1 unit per 100-byte record, 2 per ~50 KB aggregate (row 23, 25 KB units)', () => {
    expect(without.state.stats.putPayloadUnits).toBe(without.state.stats.kinesisRecordsSucceeded);
    const aggregated = withAggregation.state.stats;
    expect(aggregated.putPayloadUnits).toBeLessThanOrEqual(2 * aggregated.kinesisRecordsSucceeded);
    // 50,000 records delivered with aggregation cost under 1,000 units; without, each delivered record is one.
    expect(aggregated.putPayloadUnits).toBeLessThan(1000);
    expect(aggregated.putPayloadUnits * 20).toBeLessThan(without.state.stats.putPayloadUnits);
  });
});
