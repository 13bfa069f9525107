import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { calculateMl } from './ml.ts';

const book2016 = PRICE_BOOKS['2016'];

describe('calculateMl', () => {
  it('adds compute, batch, real-time and endpoint capacity', () => {
    // AWS-FACTS row 80 / SEED-FIGURES Amazon ML pricing:
    // 10 h × $0.42 = $4.20; 100,000 ÷ 1,000 × $0.10 = $10; 1,000,000 × $0.0001 = $100;
    // 100 MB ÷ 10 × 730 h × $0.001 = $7.30 → $121.50
    const result = calculateMl(
      { computeHours: 10, batchPredictions: 100_000, realtimePredictions: 1_000_000, endpointModelMb: 100 },
      book2016,
    );
    expect(result.ok && result.value.totalUsd).toBeCloseTo(121.5, 9);
    expect(result.ok && result.value.notes.some((note) => note.text.includes('unconfirmed'))).toBe(true);
  });

  it('needs an endpoint for real-time predictions', () => {
    const result = calculateMl({ computeHours: 0, batchPredictions: 0, realtimePredictions: 5 }, book2016);
    expect(result.ok || result.errors[0]?.path).toBe('endpointModelMb');
  });

  it('warns above 200 real-time requests per second per endpoint', () => {
    // 1,000,000,000 ÷ (730 × 3,600) = 380.5 requests/s > 200 (row 79)
    const result = calculateMl(
      { computeHours: 0, batchPredictions: 0, realtimePredictions: 1_000_000_000, endpointModelMb: 10 },
      book2016,
    );
    expect(result.ok && result.value.realtimeRequestsPerSecond).toBeCloseTo(380.518, 3);
    expect(
      result.ok && result.value.notes.some((note) => note.uses?.includes('ml.realtimeRequestsPerSecond')),
    ).toBe(true);
  });

  it('has no current prices: the service takes no new users', () => {
    const result = calculateMl(
      { computeHours: 1, batchPredictions: 0, realtimePredictions: 0 },
      PRICE_BOOKS.current,
    );
    expect(result.ok || result.errors[0]?.message).toContain('no longer accepts new users');
  });
});
