import { runScenario, validateScenario } from '../../sim/run/index.ts';
import { describe, expect, it } from 'vitest';
import { type Scenario } from '../../sim/scenario/index.ts';
import type { ProducersReport } from '../../sim/streaming/index.ts';
import type { StreamReport } from '../../sim/streaming/index.ts';

/** Fidelity of the limits a streaming scenario shows, each test citing its AWS-FACTS "Numbers" row. */

function run(value: unknown) {
  const result = validateScenario(value);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return runScenario(result.value as Scenario);
}

const oneShard = (producer: object) => ({
  seed: 1,
  durationSeconds: 20,
  streams: [{ name: 's', shards: 1 }],
  producers: [{ stream: 's', partitionKeys: { strategy: 'random' }, ...producer }],
});

const shardOf = (report: ReturnType<typeof run>) =>
  (report.services['streams'] as unknown as StreamReport[])[0]!.shards[0]!;

describe('streaming scenarios enforce the Kinesis write limits', () => {
  it(
    'row 2: a shard takes 1,000 records/s of small records, throttling the rest',
    { timeout: 60_000 },
    () => {
      const shard = shardOf(run(oneShard({ recordsPerSecond: 2000, recordBytes: 100 })));
      // The shard starts with one second of quota (1,000 records), full until the producer's first batch at
      // 0.1 s, then refills at 1,000 records/s for the remaining 19.9 s.
      expect(shard.incomingRecords).toBe(1000 + 19_900);
      expect(shard.attemptsThrottled).toBe(40_000 - 20_900);
    },
  );

  it('row 1: a shard takes 1 MiB/s of data + partition key, throttling the rest', { timeout: 60_000 }, () => {
    // 500 records/s of 10,000 bytes + 16-byte key = 5,008,000 bytes/s offered, under 1,000 records/s.
    const shard = shardOf(run(oneShard({ recordsPerSecond: 500, recordBytes: 10_000 })));
    const perSecond = (shard.incomingBytes - 1_048_576) / 20;
    expect(perSecond).toBeLessThanOrEqual(1_048_576);
    expect(perSecond).toBeGreaterThan(1_048_576 - 10_016);
    expect(shard.attemptsThrottled).toBeGreaterThan(0);
  });

  it('row 11: a partition key may have 1 to 256 characters', () => {
    const base = oneShard({ recordsPerSecond: 1, recordBytes: 1 });
    const withKey = (key: string) => ({
      ...base,
      producers: [{ ...base.producers[0], partitionKeys: { strategy: 'fixed', key } }],
    });
    expect(validateScenario(withKey('k'.repeat(256))).ok).toBe(true);
    const refused = validateScenario(withKey('k'.repeat(257)));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors[0]).toMatchObject({ path: '$.producers[0].partitionKeys.key' });
      expect(refused.errors[0]!.message).toContain('expected a string of 1 to 256 characters');
    }
    expect(validateScenario(withKey('')).ok).toBe(false);
  });

  it('row 8: a record of data + key over 1 MiB is refused with ValidationException', () => {
    const report = run({
      ...oneShard({ recordsPerSecond: 10, recordBytes: 1_048_576 - 16 }),
      durationSeconds: 1,
    });
    expect((report.services['producers'] as unknown as ProducersReport).producers[0]!.errors).toEqual([]);
    const over = run({
      ...oneShard({ recordsPerSecond: 10, recordBytes: 1_048_576 - 15 }),
      durationSeconds: 1,
    });
    const errors = (over.services['producers'] as unknown as ProducersReport).producers[0]!.errors;
    expect(errors[0]).toMatchObject({ code: 'ValidationException' });
  });

  it('row 23: PUT payload units are 25 KB chunks of each record, rounded up', () => {
    const report = run({ ...oneShard({ recordsPerSecond: 10, recordBytes: 30_000 }), durationSeconds: 1 });
    const totals = (report.services['producers'] as unknown as ProducersReport).totals;
    expect(totals.putPayloadUnits).toBe(totals.recordsAccepted * 2);
  });

  it('row 12: the even split of two shards meets at 2^127', () => {
    const shards = (
      run({
        ...oneShard({ recordsPerSecond: 1, recordBytes: 1 }),
        streams: [{ name: 's', shards: 2 }],
        durationSeconds: 1,
      }).services['streams'] as unknown as StreamReport[]
    )[0]!.shards;
    expect(shards[0]!.endingHashKey).toBe(((1n << 127n) - 1n).toString());
    expect(shards[1]!.startingHashKey).toBe((1n << 127n).toString());
  });
});

describe('streaming producers batch and throttle as the APIs do', () => {
  it('rows 9 and 10: PutRecords calls carry at most 500 records and 5 MiB', () => {
    // 10,000 records/s = 1,000 records per 100 ms batch: two calls of 500.
    const many = run({ ...oneShard({ recordsPerSecond: 10_000, recordBytes: 10 }), durationSeconds: 1 });
    expect((many.services['producers'] as unknown as ProducersReport).producers[0]!.putCalls).toBe(10 * 2);
    // 100 records/s of 600,000 bytes = 10 records (6 MB) per batch: calls of 8 and 2 records (≤ 5 MiB each).
    const big = run({ ...oneShard({ recordsPerSecond: 100, recordBytes: 600_000 }), durationSeconds: 1 });
    expect((big.services['producers'] as unknown as ProducersReport).producers[0]!.putCalls).toBe(10 * 2);
  });

  it(
    'row 48: a 2016 Direct-PUT delivery stream takes 5,000 records/s and throttles the rest',
    { timeout: 60_000 },
    () => {
      const report = run({
        seed: 1,
        durationSeconds: 10,
        firehose: [{ name: 'logs' }],
        producers: [{ deliveryStream: 'logs', recordsPerSecond: 8000, recordBytes: 100 }],
      });
      const [delivery] = report.services['firehose'] as unknown as {
        incomingRecords: number;
        attemptsThrottled: number;
      }[];
      // Whole seconds 0–9 each take 5,000; the batch at exactly 10 s opens second 10 and is taken whole.
      expect(delivery!.incomingRecords).toBe(10 * 5000 + 800);
      expect(delivery!.attemptsThrottled).toBe(80_000 - delivery!.incomingRecords);
    },
  );

  it('row 47: PutRecordBatch calls carry at most 500 records', () => {
    const report = run({
      seed: 1,
      durationSeconds: 1,
      firehose: [{ name: 'logs' }],
      producers: [{ deliveryStream: 'logs', recordsPerSecond: 4000, recordBytes: 100 }],
    });
    expect((report.services['producers'] as unknown as ProducersReport).producers[0]!.putCalls).toBe(10 * 1);
  });
});
