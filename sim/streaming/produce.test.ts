import { describe, expect, it } from 'vitest';
import { bytes, recordsPerSecond, Rng } from '../core/index.ts';
import { recordsForTick } from './produce.ts';
import { createProducer, kplTickMs, PRODUCER_TICK_MS } from './producer-state.ts';

const producer = (rate: number) =>
  createProducer(
    {
      name: undefined,
      stream: 's',
      deliveryStream: undefined,
      recordsPerSecond: recordsPerSecond(rate),
      recordBytes: bytes(100),
      rate: { pattern: 'constant' },
      partitionKeys: { strategy: 'random' },
      kpl: undefined,
      retries: undefined,
    },
    0,
  );

describe('load generator ticks', () => {
  it('makes exactly rate × time records, carrying fractions between ticks', () => {
    const rng = Rng.fromSeed(1);
    for (const rate of [1, 3, 2.5, 3000]) {
      const p = producer(rate);
      let made = 0;
      for (let t = PRODUCER_TICK_MS; t <= 10_000; t += PRODUCER_TICK_MS)
        made += recordsForTick(p, rng, t).data.length;
      expect(made).toBe(rate * 10);
    }
  });

  it('sends throttled records again once their back-off has passed, before the new ones', () => {
    const rng = Rng.fromSeed(1);
    const p = producer(10);
    const data = new Uint8Array(3);
    p.retrying.push({ data, key: 'k', attempts: 1, dueAtMs: 250 });
    expect(recordsForTick(p, rng, 200).keys).not.toContain('k');
    const due = recordsForTick(p, rng, 300);
    expect(due.keys[0]).toBe('k');
    expect(due.attempts[0]).toBe(1);
    expect(p.retrying).toEqual([]);
  });
});

describe('KPL producer ticks', () => {
  it('are a tenth of RecordMaxBufferedTime, rounded down to a divisor of 100 ms, between 1 and 100 ms', () => {
    expect(kplTickMs(100)).toBe(10);
    expect(kplTickMs(50)).toBe(5);
    expect(kplTickMs(30)).toBe(2);
    expect(kplTickMs(19)).toBe(1);
    expect(kplTickMs(1)).toBe(1);
    expect(kplTickMs(1000)).toBe(100);
    expect(kplTickMs(60_000)).toBe(100);
    expect(kplTickMs(260)).toBe(25);
  });

  it('a tick of any length makes exactly rate × time records', () => {
    const rng = Rng.fromSeed(1);
    const p = producer(3000);
    let made = 0;
    for (let t = 5; t <= 10_000; t += 5) made += recordsForTick(p, rng, t, 5).data.length;
    expect(made).toBe(30_000);
  });
});
