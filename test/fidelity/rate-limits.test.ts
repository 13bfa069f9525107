/**
 * Fidelity of the rate level: each limit it enforces, against the AWS-FACTS row it comes from
 * (/work/shared/reference/AWS-FACTS.md, "Numbers the simulator must reproduce").
 */
import { describe, expect, it } from 'vitest';
import { SimException } from '../../sim/core/index.ts';
import { evenSplit, partitionKeyHashKey } from '../../sim/kinesis/index.ts';
import { simulateRateLevel, type RateLevelInput } from '../../sim/rate/index.ts';

const MIB = 1_048_576;

function oneShard(
  recordsPerSecond: number,
  recordBytes: number,
  extra: Partial<RateLevelInput> = {},
  consumers: NonNullable<RateLevelInput['streams'][number]['consumers']> = [],
) {
  return simulateRateLevel({
    durationSeconds: 60,
    streams: [{ name: 's', shards: 1, consumers }],
    producers: [
      {
        stream: 's',
        ratePerSecond: () => recordsPerSecond,
        recordBytes,
        keys: { kind: 'fixed', partitionKey: 'k' },
      },
    ],
    ...extra,
  });
}

describe('write limits per shard', () => {
  it('AWS-FACTS Numbers #2: 1,000 records/s (one second of burst, then 1,000/s)', () => {
    const result = oneShard(5000, 10);
    expect(result.totals.recordsAccepted).toBe(1000 + 60 * 1000);
    expect(result.streams[0]!.shards[0]!.series.IncomingRecords[59]).toBe(1000);
  });

  it('AWS-FACTS Numbers #1: 1 MiB/s including the partition key', () => {
    const result = oneShard(500, 25_599);
    expect(result.totals.bytesAccepted).toBe(MIB + 60 * MIB);
    expect(result.streams[0]!.shards[0]!.series.IncomingBytes[59]).toBe(MIB);
  });

  it('AWS-FACTS §1.3: throttled records are counted per attempt as WriteProvisionedThroughputExceeded', () => {
    const result = oneShard(1500, 10, {
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 1500,
          recordBytes: 10,
          keys: { kind: 'fixed', partitionKey: 'k' },
          maxAttempts: 3,
        },
      ],
    });
    const shard = result.streams[0]!.shards[0]!;
    const throttledSeries = shard.series.WriteProvisionedThroughputExceeded.reduce((a, b) => a + b, 0);
    expect(Math.round(throttledSeries)).toBe(shard.attemptsThrottled);
    expect(result.totals.putAttempts).toBe(result.totals.recordsAccepted + result.totals.attemptsThrottled);
  });
});

describe('read limits per shard, shared by consumers', () => {
  it('AWS-FACTS Numbers #4: 5 GetRecords calls/s shared — 6 calls/s leave 1 throttled per second', () => {
    const apps = [1, 2, 3].map((n) => ({ name: `app-${n}`, pollsPerSecond: 2 }));
    const shard = oneShard(100, 10, {}, apps).streams[0]!.shards[0]!;
    expect(shard.getRecordsCalls).toBe(360);
    // Once the starting bucket of 5 calls is spent, exactly one call in six is refused every second.
    const lastHalfMinute = shard.series.ReadProvisionedThroughputExceeded.slice(30);
    expect(lastHalfMinute.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('AWS-FACTS Numbers #3: 2 MiB/s read, shared by every consumer application', () => {
    const apps = [1, 2, 3].map((n) => ({ name: `app-${n}` }));
    const result = oneShard(900, 1100, {}, apps);
    const read = result.streams[0]!.consumers.reduce((sum, c) => sum + c.bytesRead, 0);
    // Three applications want 3 × ~0.94 MiB/s; together they get at most 2 MiB/s plus one call's overdraft.
    expect(read).toBeLessThanOrEqual(60 * 2 * MIB + 10 * MIB);
    expect(read).toBeGreaterThan(55 * 2 * MIB);
  });

  it('AWS-FACTS Numbers #5: a GetRecords call returns at most its Limit (≤ 10,000 records)', () => {
    const result = oneShard(200, 10, {}, [{ name: 'lambda', maxRecordsPerCall: 100 }]);
    expect(result.streams[0]!.consumers[0]!.recordsRead).toBe(60 * 100);
  });

  it('AWS-FACTS Numbers #6: a GetRecords call returns at most 10 MiB', () => {
    const result = simulateRateLevel({
      durationSeconds: 40,
      streams: [{ name: 's', shards: 1, consumers: [{ name: 'late', pollsPerSecond: 0.05 }] }],
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 500,
          recordBytes: 2000,
          keys: { kind: 'fixed', partitionKey: 'k' },
        },
      ],
    });
    // Polls at 20 s and 40 s; each finds about 20 MB (fewer than 10,000 records) and takes exactly 10 MiB.
    expect(result.streams[0]!.consumers[0]!.bytesRead).toBe(2 * 10 * MIB);
  });

  it('AWS-FACTS Numbers #7: after a 10 MiB read the shard refuses GetRecords for 5 s', () => {
    const result = simulateRateLevel({
      durationSeconds: 22,
      streams: [
        {
          name: 's',
          shards: 1,
          consumers: [
            { name: 'late', pollsPerSecond: 0.05 },
            { name: 'eager', pollsPerSecond: 5 },
          ],
        },
      ],
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 500,
          recordBytes: 2000,
          keys: { kind: 'fixed', partitionKey: 'k' },
        },
      ],
    });
    const refused = result.streams[0]!.shards[0]!.series.ReadProvisionedThroughputExceeded;
    // 'late' takes 10 MiB at the end of second 19; all of 'eager''s calls in the next two seconds are refused.
    expect(refused[20]! + refused[21]!).toBe(10);
    expect(refused.slice(1, 19).reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('records, keys and the hash key space', () => {
  it('AWS-FACTS Numbers #8: a record over 1 MiB with its key is refused with the AWS error', () => {
    expect(() => oneShard(1, MIB)).toThrow(SimException);
    try {
      oneShard(1, MIB);
    } catch (error) {
      expect((error as SimException).code).toBe('ValidationException');
      expect((error as SimException).path).toBe('producers[0].recordBytes');
    }
  });

  it('AWS-FACTS Numbers #11: a partition key has 1–256 characters', () => {
    const input: RateLevelInput = {
      durationSeconds: 1,
      streams: [{ name: 's', shards: 1 }],
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 1,
          recordBytes: 1,
          keys: { kind: 'fixed', partitionKey: 'x'.repeat(257) },
        },
      ],
    };
    expect(() => simulateRateLevel(input)).toThrow(/1–256 characters/);
  });

  it('AWS-FACTS Numbers #12 and §1.2: shards split 0…2^128 − 1 evenly and an MD5 hot key lands by range', () => {
    const result = simulateRateLevel({
      durationSeconds: 1,
      streams: [{ name: 's', shards: 4 }],
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 100,
          recordBytes: 1,
          keys: { kind: 'fixed', partitionKey: 'user-42' },
        },
      ],
    });
    const shards = result.streams[0]!.shards;
    expect(shards.map((s) => [s.startingHashKey, s.endingHashKey])).toEqual(
      evenSplit(4).map((r) => [r.StartingHashKey, r.EndingHashKey]),
    );
    const hash = BigInt(partitionKeyHashKey('user-42'));
    const hot = shards.find((s) => BigInt(s.startingHashKey) <= hash && hash <= BigInt(s.endingHashKey))!;
    expect(hot.incomingRecords).toBe(100);
  });
});

describe('resharding and retention', () => {
  it('AWS-FACTS Numbers #18: UpdateShardCount is refused in the 2016 era (it arrived in November 2016)', () => {
    const result = simulateRateLevel({
      durationSeconds: 10,
      streams: [{ name: 's', shards: 2 }],
      producers: [],
      actions: [{ atSeconds: 5, stream: 's', action: 'updateShardCount', targetShardCount: 4 }],
    });
    expect(result.actions[0]).toMatchObject({ ok: false, error: { code: 'ValidationException' } });
    expect(result.streams[0]!.shards).toHaveLength(2);
  });

  it('AWS-FACTS Numbers #19: UpdateShardCount targets ½× to 2× the open shards', () => {
    const result = simulateRateLevel({
      era: 'current',
      durationSeconds: 10,
      streams: [{ name: 's', shards: 2 }],
      producers: [],
      actions: [{ atSeconds: 5, stream: 's', action: 'updateShardCount', targetShardCount: 5 }],
    });
    expect(result.actions[0]).toMatchObject({ ok: false, error: { code: 'InvalidArgumentException' } });
  });

  it('AWS-FACTS Numbers #15: records older than 24 h are lost to a reader that has not read them', () => {
    const result = simulateRateLevel({
      durationSeconds: 30 * 3600,
      resolutionSeconds: 60,
      streams: [{ name: 's', shards: 1, consumers: [{ name: 'slow', maxRecordsPerSecond: 10 }] }],
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 100,
          recordBytes: 10,
          keys: { kind: 'fixed', partitionKey: 'k' },
        },
      ],
    });
    const consumer = result.streams[0]!.consumers[0]!;
    // It reads 10 of every 100 records per second, so it falls 0.9 s behind per second: 24 h behind at 26.7 h.
    expect(consumer.recordsExpiredUnread).toBeGreaterThan(0);
    expect(consumer.maxIteratorAgeMs).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);
  });
});

describe('prices', () => {
  it('AWS-FACTS Numbers #22: shard-hours are counted while a shard is open', () => {
    const result = simulateRateLevel({
      durationSeconds: 7200,
      resolutionSeconds: 60,
      streams: [{ name: 's', shards: 2 }],
      producers: [],
      actions: [{ atSeconds: 3600, stream: 's', action: 'splitShard', shardId: 'shardId-000000000000' }],
    });
    // Two shards for 2 h, the parent closed after 1 h, two children open for 1 h: 2 + 1 + 1 + 1 = 5.
    expect(result.totals.shardHours).toBeCloseTo(5, 9);
  });

  it('AWS-FACTS Numbers #23: PUT payload units are 25 KiB chunks of each record, rounded up', () => {
    expect(oneShard(10, 25_599).totals.putPayloadUnits).toBe(600);
    expect(oneShard(10, 25_600).totals.putPayloadUnits).toBe(1200);
  });

  it('AWS-FACTS Numbers #31: KPL aggregates stay within 51,200 bytes and cut Kinesis records and units', () => {
    const plain = oneShard(3000, 100);
    const aggregated = oneShard(3000, 100, {
      producers: [
        {
          stream: 's',
          ratePerSecond: () => 3000,
          recordBytes: 100,
          keys: { kind: 'uniform', keyBytes: 16 },
          aggregation: {},
        },
      ],
    });
    expect(plain.totals.attemptsThrottled).toBeGreaterThan(0);
    expect(aggregated.totals.attemptsThrottled).toBe(0);
    expect(aggregated.totals.userRecordsAccepted).toBe(180_000);
    const bytesPerRecord = aggregated.totals.bytesAccepted / aggregated.totals.recordsAccepted;
    expect(bytesPerRecord).toBeLessThanOrEqual(51_200 + 16);
    expect(aggregated.totals.putPayloadUnits).toBeLessThan(plain.totals.putPayloadUnits);
  });
});
