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
    expect(fast.totals.recordsThrottled).toBeGreaterThan(0);
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
