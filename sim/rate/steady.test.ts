import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulateRateLevel, type RateLevelInput, type RateProducerInput } from './index.ts';
import { SteadyStream } from './steady.ts';

/** 1,500 records/s on average over 2 shards, peaking at 2,700/s: throttled around the peak only. */
const rate = (t: number) => 1500 * (1 + 0.8 * Math.sin((2 * Math.PI * t) / 600));

function input(producers: readonly RateProducerInput[]): RateLevelInput {
  return {
    durationSeconds: 1200,
    seriesPeriodSeconds: 60,
    streams: [{ name: 's', shards: 2, consumers: [{ name: 'a' }, { name: 'b', maxRecordsPerCall: 1200 }] }],
    producers,
  };
}

const keys = { kind: 'uniform', keyBytes: 16 } as const;
const oneProducer = input([{ stream: 's', ratePerSecond: rate, recordBytes: 400, keys }]);
/** The same load from two producers: a shape steady.ts does not fast-forward, so every step is simulated. */
const twoProducers = input([
  { stream: 's', ratePerSecond: (t) => rate(t) / 2, recordBytes: 400, keys },
  { stream: 's', ratePerSecond: (t) => rate(t) / 2, recordBytes: 400, keys },
]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('steady streams', () => {
  it('are fast-forwarded between series samples; shards near a limit are simulated step by step', () => {
    const catchUp = vi.spyOn(SteadyStream.prototype, 'catchUp');
    simulateRateLevel(oneProducer);
    const skipped = catchUp.mock.results.reduce((sum, r) => sum + (r.value as number), 0);
    // 2 shards × 1,200 steps: most are fast-forwarded, not those near the peak of the load.
    expect(skipped).toBeGreaterThan(600);
    expect(skipped).toBeLessThan(2400);
  });

  it('end in the state a step-by-step run reaches: totals, calls, series, consumers', () => {
    const fast = simulateRateLevel(oneProducer);
    const slow = simulateRateLevel(twoProducers);
    expect(fast.totals.attemptsThrottled).toBeGreaterThan(0);
    expect(fast.totals).toEqual(slow.totals);
    expect(fast.streams[0]!.consumers).toEqual(slow.streams[0]!.consumers);
    fast.streams[0]!.shards.forEach((shard, i) => {
      const other = slow.streams[0]!.shards[i]!;
      expect(shard.incomingRecords).toBe(other.incomingRecords);
      expect(shard.getRecordsCalls).toBe(other.getRecordsCalls);
      expect(shard.throttledGetRecordsCalls).toBe(other.throttledGetRecordsCalls);
      shard.series.IncomingBytes.forEach((bytes, k) => {
        expect(bytes).toBeCloseTo(other.series.IncomingBytes[k]!, -1);
      });
    });
  });
});

describe('a hot shard', () => {
  const hot = {
    kind: 'weighted',
    keys: [
      { partitionKey: 'hot', weight: 6 },
      { partitionKey: 'cool-1', weight: 1 },
      { partitionKey: 'cool-2', weight: 1 },
      { partitionKey: 'cool-3', weight: 1 },
    ],
  } as const;
  const streams = [{ name: 's', shards: 4, consumers: [{ name: 'a' }] }];
  const one = {
    ...oneProducer,
    streams,
    producers: [{ stream: 's', ratePerSecond: rate, recordBytes: 400, keys: hot }],
  };
  const two = {
    ...one,
    producers: [0, 1].map(() => ({
      stream: 's',
      ratePerSecond: (t: number) => rate(t) / 2,
      recordBytes: 400,
      keys: hot,
    })),
  };

  it('is simulated step by step while the cooler shards of its stream are fast-forwarded', () => {
    const catchUp = vi.spyOn(SteadyStream.prototype, 'catchUp');
    const result = simulateRateLevel(one);
    const skipped = new Map<number, number>();
    catchUp.mock.calls.forEach(([slot], n) => {
      skipped.set(slot, (skipped.get(slot) ?? 0) + (catchUp.mock.results[n]!.value as number));
    });
    const shards = result.streams[0]!.shards;
    const hottest = shards.reduce(
      (best, shard, i) => (shard.incomingRecords > shards[best]!.incomingRecords ? i : best),
      0,
    );
    expect(shards[hottest]!.attemptsThrottled).toBeGreaterThan(0);
    shards.forEach((_, i) => {
      if (i !== hottest) expect(skipped.get(i) ?? 0).toBeGreaterThan((skipped.get(hottest) ?? 0) + 200);
    });
  });

  it('leaves the same totals and calls as the run simulated step by step', () => {
    const fast = simulateRateLevel(one);
    const slow = simulateRateLevel(two);
    expect(fast.totals).toEqual(slow.totals);
    expect(fast.streams[0]!.consumers).toEqual(slow.streams[0]!.consumers);
    fast.streams[0]!.shards.forEach((shard, i) => {
      expect(shard.incomingRecords).toBe(slow.streams[0]!.shards[i]!.incomingRecords);
      expect(shard.getRecordsCalls).toBe(slow.streams[0]!.shards[i]!.getRecordsCalls);
    });
  });
});
