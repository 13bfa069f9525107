import { describe, expect, it } from 'vitest';
import type { SimException } from '../core/index.ts';
import { simulateRateLevel, type RateLevelInput } from './index.ts';

const constant = (rate: number) => () => rate;

function input(overrides: Partial<RateLevelInput> = {}): RateLevelInput {
  return {
    durationSeconds: 60,
    streams: [{ name: 's', shards: 2 }],
    producers: [
      {
        stream: 's',
        ratePerSecond: constant(1000),
        recordBytes: 100,
        keys: { kind: 'uniform', keyBytes: 16 },
      },
    ],
    ...overrides,
  };
}

describe('simulateRateLevel', () => {
  it('reports the record level’s totals, adding up', () => {
    const result = simulateRateLevel(input());
    expect(result.level).toBe('rate');
    expect(result.totals.recordsAccepted).toBe(60_000);
    expect(result.totals.attemptsThrottled).toBe(0);
    expect(result.totals.bytesAccepted).toBe(60_000 * 116);
    expect(result.totals.shardHours).toBeCloseTo(2 / 60, 12);
    expect(result.producers[0]).toMatchObject({ name: 'producer-1', userRecordsProduced: 60_000 });
  });

  it('retries throttled records in the next step until their attempts are used', () => {
    const hot = { kind: 'fixed', partitionKey: 'k' } as const;
    const once = simulateRateLevel(
      input({ producers: [{ stream: 's', ratePerSecond: constant(1200), recordBytes: 10, keys: hot }] }),
    );
    const thrice = simulateRateLevel(
      input({
        producers: [
          { stream: 's', ratePerSecond: constant(1200), recordBytes: 10, keys: hot, maxAttempts: 3 },
        ],
      }),
    );
    expect(thrice.totals.userRecordsDropped).toBeLessThan(once.totals.userRecordsDropped);
    expect(thrice.totals.putAttempts).toBeGreaterThan(once.totals.putAttempts);
    expect(thrice.totals.recordsAccepted).toBe(once.totals.recordsAccepted);
  });

  it('splits a shard at its midpoint: the parent closes, two children take its keys', () => {
    const result = simulateRateLevel(
      input({
        actions: [{ atSeconds: 30, stream: 's', action: 'splitShard', shardId: 'shardId-000000000000' }],
      }),
    );
    const [parent, , low, high] = result.streams[0]!.shards;
    expect(result.actions[0]!.ok).toBe(true);
    expect(parent).toMatchObject({ closedAtSeconds: 30, incomingRecords: 15_000 });
    expect(low).toMatchObject({
      parentShardId: 'shardId-000000000000',
      openedAtSeconds: 30,
      incomingRecords: 7500,
    });
    expect(high!.incomingRecords).toBe(7500);
    expect(BigInt(low!.endingHashKey) + 1n).toBe(BigInt(high!.startingHashKey));
  });

  it('lets a consumer read children only after it has drained their parent', () => {
    const result = simulateRateLevel(
      input({
        streams: [{ name: 's', shards: 1, consumers: [{ name: 'app', maxRecordsPerCall: 600 }] }],
        producers: [
          {
            stream: 's',
            ratePerSecond: constant(900),
            recordBytes: 10,
            keys: { kind: 'uniform', keyBytes: 16 },
          },
        ],
        actions: [{ atSeconds: 20, stream: 's', action: 'splitShard', shardId: 'shardId-000000000000' }],
      }),
    );
    const [parent, low] = result.streams[0]!.shards;
    // 18,000 records in the parent at 600 per call: its 30th call, at 30 s, drains it; the children's first
    // call follows at once, and their first records have waited since 20 s.
    expect(parent!.getRecordsCalls).toBe(30);
    expect(low!.getRecordsCalls).toBe(31);
    expect(result.streams[0]!.consumers[0]!.maxIteratorAgeMs).toBe(10_000);
  });

  it('reports a refused reshard with the record level’s error and carries on', () => {
    const result = simulateRateLevel(
      input({
        actions: [
          { atSeconds: 10, stream: 's', action: 'splitShard', shardId: 'shardId-000000000000' },
          { atSeconds: 20, stream: 's', action: 'splitShard', shardId: 'shardId-000000000001' },
        ],
      }),
    );
    expect(result.actions[1]).toMatchObject({ ok: false, error: { code: 'ResourceInUseException' } });
    expect(result.totals.recordsAccepted).toBe(60_000);
  });

  it('coarsens series to whole minutes when per-second series would be too large', () => {
    const result = simulateRateLevel(
      input({ durationSeconds: 3 * 86_400, streams: [{ name: 's', shards: 20 }] }),
    );
    expect(result.seriesPeriodSeconds).toBe(60);
    expect(result.seriesLength).toBe(3 * 1440);
    expect(result.streams[0]!.shards[0]!.series.IncomingRecords[10]).toBeCloseTo(3000, 3);
  });

  it('names the field of bad input', () => {
    const bad = (overrides: Partial<RateLevelInput>) => {
      try {
        simulateRateLevel(input(overrides));
      } catch (error) {
        return (error as SimException).path;
      }
      return undefined;
    };
    expect(bad({ durationSeconds: -1 })).toBe('durationSeconds');
    expect(bad({ streams: [{ name: 's', shards: 0 }] })).toBe('streams[0].shards');
    expect(
      bad({
        producers: [
          {
            stream: 'nope',
            ratePerSecond: constant(1),
            recordBytes: 1,
            keys: { kind: 'uniform', keyBytes: 16 },
          },
        ],
      }),
    ).toBe('producers[0].stream');
    expect(
      bad({
        producers: [
          {
            stream: 's',
            ratePerSecond: constant(-5),
            recordBytes: 1,
            keys: { kind: 'uniform', keyBytes: 16 },
          },
        ],
      }),
    ).toBe('producers[0].ratePerSecond');
  });
});
