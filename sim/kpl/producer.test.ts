import { describe, expect, expectTypeOf, it } from 'vitest';
import { millis, type Bytes, type Millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { bytesReplacer, bytesReviver } from '../s3/index.ts';
import { defaultKplConfig, validateKplConfig, type KplConfig } from './config.ts';
import { deaggregate } from './deaggregate.ts';
import { evenShardRanges, partitionKeyHash, shardIndexForHashKey } from './hash-key.ts';
import { addUserRecord, flushDue, onPutRecordsResult, retryBackoffMs } from './producer.ts';
import { createKplProducer, type KplProducerState } from './producer-state.ts';
import { bufferSummary, nextDueAt } from './schedule.ts';

const book = PRICE_BOOKS['2016'];
const bytes = (n: number) => new Uint8Array(n).fill(97);

function producer(shards = 2, overrides: Partial<KplConfig> = {}): KplProducerState {
  return createKplProducer({
    StreamName: 'clicks',
    shards: evenShardRanges(shards),
    config: { ...defaultKplConfig(book), ...overrides },
    book,
    now: 0,
  });
}

describe('KPL producer', () => {
  it('buffers user records until RecordMaxBufferedTime, then sends one aggregate per shard', () => {
    const state = producer(2);
    for (let i = 0; i < 40; i++) addUserRecord(state, { PartitionKey: `k${i}`, Data: bytes(10) }, 0);
    expect(flushDue(state, 99)).toEqual([]);
    expect(nextDueAt(state, 0)).toBe(100);
    const calls = flushDue(state, 100);
    expect(calls).toHaveLength(1);
    const records = calls[0]!.input.Records;
    expect(records).toHaveLength(2);
    const shards = evenShardRanges(2);
    let total = 0;
    for (const record of records) {
      const unpacked = deaggregate({ ...record, SequenceNumber: '1' });
      if (!unpacked.ok) throw new Error(unpacked.error.message);
      total += unpacked.value.length;
      const target = shardIndexForHashKey(shards, BigInt(record.ExplicitHashKey!));
      for (const user of unpacked.value) {
        expect(shardIndexForHashKey(shards, partitionKeyHash(user.PartitionKey))).toBe(target);
      }
    }
    expect(total).toBe(40);
  });

  it('seals an aggregate before it would exceed AggregationMaxSize', () => {
    const state = producer(1);
    for (let i = 0; i < 1000; i++) addUserRecord(state, { PartitionKey: 'same', Data: bytes(100) }, 0);
    const calls = flushDue(state, 100);
    const sizes = calls.flatMap((c) => c.input.Records.map((r) => r.Data.length));
    expect(sizes.every((size) => size <= 51_200)).toBe(true);
    expect(sizes.length).toBe(3);
  });

  it('sends a lone user record as it is, and one larger than AggregationMaxSize bypasses aggregation', () => {
    const state = producer(1);
    addUserRecord(state, { PartitionKey: 'big', Data: bytes(60_000) }, 0);
    addUserRecord(state, { PartitionKey: 'small', Data: bytes(5) }, 0);
    const records = flushDue(state, 100).flatMap((c) => c.input.Records);
    expect(records.map((r) => r.Data.length).sort((a, b) => a - b)).toEqual([5, 60_000]);
  });

  it('with aggregation off, sends every user record as its own Kinesis record', () => {
    const state = producer(1, { AggregationEnabled: false });
    for (let i = 0; i < 10; i++) addUserRecord(state, { PartitionKey: `k${i}`, Data: bytes(10) }, 0);
    expect(flushDue(state, 100)[0]!.input.Records).toHaveLength(10);
  });

  it('collects at most CollectionMaxCount records per PutRecords call', () => {
    const state = producer(1, { AggregationEnabled: false, RateLimit: 1000 });
    for (let i = 0; i < 1200; i++) addUserRecord(state, { PartitionKey: `k${i}`, Data: bytes(1) }, 0);
    expect(flushDue(state, 100).map((c) => c.input.Records.length)).toEqual([500, 500, 200]);
  });

  it('holds records over the RateLimit (150 % of 1,000 records/s) for later', () => {
    const state = producer(1, { AggregationEnabled: false });
    for (let i = 0; i < 2000; i++) addUserRecord(state, { PartitionKey: `k${i}`, Data: bytes(1) }, 0);
    const sent = flushDue(state, 100).reduce((n, c) => n + c.input.Records.length, 0);
    expect(sent).toBe(1500);
    expect(bufferSummary(state).readyToSend).toBe(500);
    expect(nextDueAt(state, 100)).toBeGreaterThan(100);
  });

  it('retries failed records after a back-off and fails them once RecordTtl has passed', () => {
    const state = producer(1, { AggregationEnabled: false });
    addUserRecord(state, { PartitionKey: 'k', Data: bytes(1) }, 0);
    const throttled = {
      FailedRecordCount: 1,
      Records: [{ ErrorCode: 'ProvisionedThroughputExceededException' }],
    };
    let now = 100;
    let call = flushDue(state, now)[0]!;
    expect(onPutRecordsResult(state, call.requestId, throttled, now).ok).toBe(true);
    expect(bufferSummary(state).retrying).toBe(1);
    expect(nextDueAt(state, now)).toBe(now + retryBackoffMs(1));
    while (state.stats.userRecordsExpired === 0) {
      now = nextDueAt(state, now)!;
      for (call of flushDue(state, now)) onPutRecordsResult(state, call.requestId, throttled, now);
    }
    expect(now).toBeGreaterThanOrEqual(30_000);
    expect(state.failures[0]!.reason).toContain('RecordTtlExpired');
    expect(state.stats.kinesisRecordsThrottled).toBeGreaterThan(5);
  });

  it('refuses bad user records with the Kinesis error and a clear message', () => {
    const state = producer(1);
    const longKey = addUserRecord(state, { PartitionKey: 'x'.repeat(257), Data: bytes(1) }, 0);
    expect(longKey.ok ? '' : longKey.error.message).toContain('1 to 256');
    const huge = addUserRecord(state, { PartitionKey: 'k', Data: bytes(1_048_576) }, 0);
    expect(huge.ok ? '' : huge.error.code).toBe('InvalidArgumentException');
    const hash = addUserRecord(state, { PartitionKey: 'k', ExplicitHashKey: '-1', Data: bytes(1) }, 0);
    expect(hash.ok ? '' : hash.error.path).toBe('ExplicitHashKey');
    const unknown = onPutRecordsResult(state, 99, { FailedRecordCount: 0, Records: [] }, 0);
    expect(unknown.ok ? '' : unknown.error.code).toBe('UnknownRequest');
  });

  it('refuses settings outside the KPL ranges', () => {
    const bad = validateKplConfig({ ...defaultKplConfig(book), CollectionMaxCount: 501 });
    expect(bad.ok ? '' : bad.error.message).toContain('CollectionMaxCount');
    expect(validateKplConfig(defaultKplConfig(book)).ok).toBe(true);
  });

  it('takes its sizes in bytes and its times in milliseconds, as default_config.properties states them', () => {
    const config = defaultKplConfig(book);
    expectTypeOf(config.AggregationMaxSize).toEqualTypeOf<Bytes>();
    expectTypeOf(config.RecordMaxBufferedTime).toEqualTypeOf<Millis>();
    expect([config.AggregationMaxSize, config.RecordMaxBufferedTime]).toEqual([51_200, 100]);
    const buffered = (RecordMaxBufferedTime: Millis): KplConfig => ({ ...config, RecordMaxBufferedTime });
    expect(buffered(millis(500)).RecordMaxBufferedTime).toBe(500);
    // @ts-expect-error a plain number has no unit: say millis(…)
    buffered(500);
    // @ts-expect-error bytes are not milliseconds
    buffered(config.AggregationMaxSize);
  });

  it('survives a JSON round trip of its counters and shard map', () => {
    const state = producer(4);
    const copy = JSON.parse(JSON.stringify(state)) as KplProducerState;
    expect(shardIndexForHashKey(copy.shards, partitionKeyHash('abc'))).toBe(
      shardIndexForHashKey(state.shards, partitionKeyHash('abc')),
    );
    expect(copy.stats).toEqual(state.stats);
  });
});

describe('shard prediction', () => {
  it('routes by MD5 of the partition key, and the hex form agrees with the BigInt form', () => {
    const shards = evenShardRanges(3);
    for (const key of ['a', 'user-1', 'ünïcødé', 'x'.repeat(256)]) {
      const hash = partitionKeyHash(key);
      expect(hash).toBeLessThanOrEqual((1n << 128n) - 1n);
      const index = shardIndexForHashKey(shards, hash);
      const range = shards[index]!.HashKeyRange;
      expect(hash >= BigInt(range.StartingHashKey) && hash <= BigInt(range.EndingHashKey)).toBe(true);
    }
    // MD5("") = d41d8cd98f00b204e9800998ecf8427e, which is above 2/3 of 2^128: the third shard.
    expect(shardIndexForHashKey(shards, partitionKeyHash(''))).toBe(2);
  });
});

describe('saving a producer', () => {
  it('round-trips buffered bytes through JSON with the S3 bytes replacer and reviver', () => {
    const state = producer(2);
    for (let i = 0; i < 5; i++)
      addUserRecord(state, { PartitionKey: `k${i}`, Data: new Uint8Array([i, 255]) }, 0);
    const copy = JSON.parse(JSON.stringify(state, bytesReplacer), bytesReviver) as KplProducerState;
    const calls = (s: KplProducerState) =>
      flushDue(s, 100).map((c) => c.input.Records.map((r) => [...r.Data]));
    expect(calls(copy)).toEqual(calls(state));
  });
});
