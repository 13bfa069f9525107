import { openStreamingSession, runScenario, scenarioComponents } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../core/index.ts';
import { createSimulation, type SimEvent } from '../core/index.ts';
import { restore, snapshot } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { scenarioErrors, validScenario } from '../run/scenario-fixtures.ts';
import type { ProducersReport } from './producers-report.ts';
import type { StreamReport } from './report.ts';

const section6 = {
  seed: 1,
  durationSeconds: 60,
  streams: [{ name: 'clicks', shards: 2 }],
  producers: [
    { stream: 'clicks', recordsPerSecond: 3000, recordBytes: 500, partitionKeys: { strategy: 'random' } },
  ],
};

describe('streaming scenario validation', () => {
  it('names the path and what is allowed for a zero shard count, a negative rate and a long key', () => {
    const errors = scenarioErrors({
      ...section6,
      streams: [{ name: 'clicks', shards: 0 }],
      producers: [
        {
          stream: 'clicks',
          recordsPerSecond: -5,
          recordBytes: 500,
          partitionKeys: { strategy: 'fixed', key: 'k'.repeat(257) },
        },
      ],
    });
    expect(errors).toEqual([
      '$.streams[0].shards: 0 is not allowed; expected an integer from 1 to 100,000.',
      '$.producers[0].recordsPerSecond: -5 is not allowed; expected a number greater than 0 and at most 10,000,000.',
      `$.producers[0].partitionKeys.key: "${'k'.repeat(40)}…" is not allowed; expected a string of 1 to 256 characters.`,
    ]);
  });

  it('refuses an unknown field and an unknown strategy with a suggestion', () => {
    expect(scenarioErrors({ ...section6, streams: [{ name: 'clicks', shard: 2 }] })).toEqual([
      '$.streams[0].shard: unknown field; allowed fields are name, shards, retentionHours. Did you mean "shards"?',
      '$.streams[0].shards: missing; expected an integer from 1 to 100,000.',
    ]);
    const producers = [
      { stream: 'clicks', recordsPerSecond: 1, recordBytes: 1, partitionKeys: { strategy: 'zipff' } },
    ];
    expect(scenarioErrors({ ...section6, producers })).toEqual([
      '$.producers[0].partitionKeys.strategy: "zipff" is not allowed; expected one of "random", "fixed", "zipf", "sequential". Did you mean "zipf"?',
    ]);
  });

  it('refuses a producer naming a stream that does not exist, with a did-you-mean', () => {
    const producers = [{ stream: 'clikcs', recordsPerSecond: 1, recordBytes: 1 }];
    expect(scenarioErrors({ ...section6, producers })).toEqual([
      '$.producers[0].stream: no stream is named "clikcs"; the streams are "clicks". Did you mean "clicks"?',
    ]);
  });

  it('refuses more shards than the account limit, and Snappy with the Firehose model’s reason', () => {
    expect(scenarioErrors({ ...section6, streams: [{ name: 'clicks', shards: 60 }] })[0]).toMatch(
      /^\$\.streams: the streams have 60 shards in all; the account may have 50 open shards \(the 2016 default limit\)/,
    );
    expect(scenarioErrors({ ...section6, firehose: [{ name: 'logs', compression: 'Snappy' }] })[0]).toMatch(
      /^\$\.firehose\[0\]\.compression: InvalidArgumentException: Snappy is a real Firehose option/,
    );
  });
});

describe('streaming runs', () => {
  it(
    'runs the §6 scenario: two shards take 1,000 records/s each and throttle the rest',
    { timeout: 120_000 },
    () => {
      const report = runScenario(validScenario(section6));
      const [stream] = report.services['streams'] as unknown as StreamReport[];
      expect(stream!.shards.map((s) => [s.shardId, s.parentShardId, s.startingHashKey])).toEqual([
        ['shardId-000000000000', null, '0'],
        ['shardId-000000000001', null, '170141183460469231731687303715884105728'],
      ]);
      expect(stream!.shards[1]!.endingHashKey).toBe('340282366920938463463374607431768211455');
      const totals = (report.services['producers'] as unknown as ProducersReport).totals;
      expect(totals.recordsOffered).toBe(180_000);
      // Each shard: one second of quota at the start (its full bucket) plus 1,000 records per second.
      expect(stream!.shards.map((s) => s.incomingRecords)).toEqual([60_900, 60_900]);
      expect(totals.recordsAccepted).toBe(121_800);
      expect(totals.recordsThrottled).toBe(180_000 - 121_800);
      expect(report.services['level']).toMatchObject({ requested: 'auto', used: 'record' });
    },
  );

  it(
    'gives a byte-identical report for the same scenario and seed, another for another seed',
    { timeout: 120_000 },
    () => {
      const small = { ...section6, durationSeconds: 5 };
      const one = JSON.stringify(runScenario(validScenario(small)));
      expect(JSON.stringify(runScenario(validScenario(small)))).toBe(one);
      expect(JSON.stringify(runScenario(validScenario({ ...small, seed: 2 })))).not.toBe(one);
    },
  );

  it('a session advanced to the end reports exactly what runScenario does', { timeout: 120_000 }, () => {
    const scenario = validScenario({ ...section6, durationSeconds: 5 });
    const session = openStreamingSession(scenario);
    session.advanceTo(2000);
    expect(session.state.now).toBe(2000);
    session.advanceTo(99_000);
    expect(JSON.stringify(session.report())).toBe(JSON.stringify(runScenario(scenario)));
  });

  it('a session applies a split now and refuses a malformed action with its path', () => {
    const session = openStreamingSession(validScenario({ ...section6, durationSeconds: 5 }));
    session.advanceTo(1000);
    expect(
      session.apply({ action: 'splitShard', stream: 'clicks', shardId: 'shardId-000000000000' }),
    ).toEqual({
      ok: true,
      value: undefined,
    });
    const refused = session.apply({ action: 'mergeShards', stream: 'clicks' } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidAction', path: '$.shardId' } });
    const aws = session.apply({ action: 'splitShard', stream: 'clicks', shardId: 'shardId-000000000000' });
    expect(aws).toMatchObject({ ok: false, error: { code: 'ResourceInUseException' } });
  });

  it('a timed split closes the parent and routes to two children; re-keying moves a hot key off its shard', () => {
    const report = runScenario(
      validScenario({
        seed: 1,
        durationSeconds: 10,
        streams: [{ name: 'orders', shards: 2 }],
        producers: [
          {
            name: 'shop',
            stream: 'orders',
            recordsPerSecond: 500,
            recordBytes: 100,
            partitionKeys: { strategy: 'fixed', key: 'hot' },
          },
        ],
        actions: [
          { atSeconds: 3, action: 'splitShard', stream: 'orders', shardId: 'shardId-000000000000' },
          {
            atSeconds: 6,
            action: 'setProducerKeys',
            producer: 'shop',
            partitionKeys: { strategy: 'random' },
          },
        ],
      }),
    );
    const [stream] = report.services['streams'] as unknown as StreamReport[];
    expect(stream!.shards.map((s) => [s.shardId, s.parentShardId, s.closedAtMs])).toEqual([
      ['shardId-000000000000', null, 3000],
      ['shardId-000000000001', null, null],
      ['shardId-000000000002', 'shardId-000000000000', null],
      ['shardId-000000000003', 'shardId-000000000000', null],
    ]);
    expect(report.services['actions']).toMatchObject([
      { atMs: 3000, ok: true, result: { newStartingHashKey: '85070591730234615865843651857942052864' } },
      { atMs: 6000, ok: true },
    ]);
  });

  it(
    'a producer targeting a delivery stream gets objects in S3 under the Firehose keys',
    { timeout: 120_000 },
    () => {
      const report = runScenario(
        validScenario({
          seed: 4,
          durationSeconds: 70,
          firehose: [{ name: 'weblogs', bufferSeconds: 60, compression: 'GZIP', prefix: 'logs/' }],
          producers: [{ deliveryStream: 'weblogs', recordsPerSecond: 100, recordBytes: 200 }],
        }),
      );
      const [delivery] = report.services['firehose'] as unknown as {
        deliveries: {
          key: string;
          records: number;
          bytes: number;
          compressedBytes: number;
          deliveredAtMs: number;
        }[];
      }[];
      expect(delivery!.deliveries).toHaveLength(1);
      const object = delivery!.deliveries[0]!;
      expect(object.key).toMatch(/^logs\/2016\/06\/14\/14\/weblogs-1-2016-06-14-14-00-00-[0-9a-f-]{36}$/);
      // The first records arrive with the producer's first tick at 100 ms; the 60 s interval runs from there.
      expect(object.deliveredAtMs).toBe(60_100);
      expect(object.records).toBe(6000);
      expect(object.bytes).toBe(6000 * 200);
      expect(object.compressedBytes).toBeLessThan(object.bytes / 3);
      const cost = report.services['cost'] as unknown as {
        lines: { id: string; quantity: number; usd: number }[];
      };
      // 7,000 records, each billed as 5 KB (5,120 bytes): AWS-FACTS row 52.
      const ingested = cost.lines.find((l) => l.id === 'firehose.ingested')!;
      expect(ingested.quantity).toBeCloseTo((7000 * 5120) / 2 ** 30, 12);
      expect(ingested.usd).toBeCloseTo(ingested.quantity * 0.035, 12);
    },
  );

  it('a record over 1 MiB gets the Kinesis ValidationException, counted in the producer report', () => {
    const report = runScenario(
      validScenario({
        ...section6,
        durationSeconds: 1,
        producers: [{ stream: 'clicks', recordsPerSecond: 10, recordBytes: 1_048_577 }],
      }),
    );
    const producer = (report.services['producers'] as unknown as ProducersReport).producers[0]!;
    expect(producer.recordsAccepted).toBe(0);
    expect(producer.errors).toHaveLength(1);
    expect(producer.errors[0]).toMatchObject({ code: 'ValidationException', records: 10 });
    expect(producer.errors[0]!.message).toMatch(
      /a record may be at most 1,048,576 bytes including its partition key/,
    );
  });

  it('retries with back-off turn throttled attempts into accepted records', { timeout: 120_000 }, () => {
    const base = { seed: 1, durationSeconds: 20, streams: [{ name: 's', shards: 1 }] };
    const producer = {
      stream: 's',
      recordsPerSecond: 900,
      recordBytes: 100,
      rate: { pattern: 'burst', everySeconds: 10, lastingSeconds: 2, multiplier: 2 },
    };
    const without = runScenario(validScenario({ ...base, producers: [producer] }));
    const withRetries = runScenario(
      validScenario({
        ...base,
        producers: [{ ...producer, retries: { maxAttempts: 5, baseBackoffMs: 200 } }],
      }),
    );
    const a = (without.services['producers'] as unknown as ProducersReport).totals;
    const b = (withRetries.services['producers'] as unknown as ProducersReport).totals;
    expect(a.recordsDropped).toBeGreaterThan(0);
    expect(b.recordsDropped).toBe(0);
    expect(b.recordsAccepted).toBeGreaterThan(a.recordsAccepted);
    expect(b.retries).toBeGreaterThan(0);
  });

  it('chooses the rate level above a million records and writes the same report shape from sim/rate', () => {
    const report = runScenario(
      validScenario({
        seed: 1,
        durationSeconds: 600,
        streams: [{ name: 'clicks', shards: 4 }],
        producers: [{ stream: 'clicks', recordsPerSecond: 5000, recordBytes: 200 }],
        actions: [
          { atSeconds: 300, action: 'splitShard', stream: 'clicks', shardId: 'shardId-000000000000' },
        ],
      }),
    );
    expect(report.services['level']).toMatchObject({
      requested: 'auto',
      used: 'rate',
      expectedRecords: 3_000_000,
    });
    expect(report.eventsProcessed).toBe(0);
    const [stream] = report.services['streams'] as unknown as StreamReport[];
    expect(stream!.shards.map((s) => [s.shardId, s.parentShardId, s.closedAtMs])).toEqual([
      ['shardId-000000000000', null, 300_000],
      ['shardId-000000000001', null, null],
      ['shardId-000000000002', null, null],
      ['shardId-000000000003', null, null],
      ['shardId-000000000004', 'shardId-000000000000', null],
      ['shardId-000000000005', 'shardId-000000000000', null],
    ]);
    const totals = (report.services['producers'] as unknown as ProducersReport).totals;
    expect(totals.recordsOffered).toBe(3_000_000);
    // 5,000 records/s of random keys over 4 shards: 1,250/s each, above the 1,000/s limit.
    expect(totals.recordsThrottled).toBeGreaterThan(0);
    expect(totals.recordsAccepted + totals.recordsDropped).toBe(3_000_000);
    expect(stream!.totals.incomingRecords).toBe(totals.recordsAccepted);
    expect(report.services['actions']).toMatchObject([{ atMs: 300_000, ok: true }]);
  });

  it('refuses what the rate level does not model, with the path', () => {
    expect(
      scenarioErrors({
        seed: 1,
        durationSeconds: 600,
        level: 'rate',
        firehose: [{ name: 'logs' }],
        producers: [{ deliveryStream: 'logs', recordsPerSecond: 10, recordBytes: 10 }],
      }),
    ).toEqual([
      '$.producers[0].deliveryStream: Firehose is simulated at record level only; lower the rates or the duration (or set "level": "record").',
    ]);
  });

  it(
    'a run saved mid-way, restored and continued ends in the same state as one run straight through',
    { timeout: 120_000 },
    () => {
      const scenario = validScenario({
        seed: 1,
        durationSeconds: 5,
        streams: [{ name: 'clicks', shards: 2 }],
        firehose: [{ name: 'f', bufferSeconds: 60 }],
        producers: [
          { stream: 'clicks', recordsPerSecond: 3000, recordBytes: 300, retries: { maxAttempts: 3 } },
          { stream: 'clicks', recordsPerSecond: 500, recordBytes: 100, kpl: { aggregation: true } },
          { deliveryStream: 'f', recordsPerSecond: 100, recordBytes: 50 },
        ],
        actions: [{ atSeconds: 3, action: 'splitShard', stream: 'clicks', shardId: 'shardId-000000000000' }],
      });
      const straight = openStreamingSession(scenario);
      straight.advanceTo(5000);
      const paused = openStreamingSession(scenario);
      paused.advanceTo(2000);
      const saved = JSON.parse(JSON.stringify(snapshot(paused.state))) as ReturnType<
        typeof snapshot<SimEvent, Record<string, unknown>>
      >;
      const resumed = restore(saved);
      createSimulation(scenarioComponents.map((c) => c.module)).run(resumed, millis(5000));
      expect(digestOf(snapshot(resumed))).toBe(digestOf(snapshot(straight.state)));
    },
  );
});
