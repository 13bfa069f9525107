import { describe, expect, it } from 'vitest';
import { usd } from '../core/index.ts';
import { PRICE_BOOKS, type PriceBook, type PriceRecord } from '../pricing/index.ts';
import { billedDurationMs, gbSecondsOf, LAMBDA_PRICE_IDS, lambdaCost } from './billing.ts';

const price = (id: string, per: string, value: number): PriceRecord => ({
  kind: 'price',
  id,
  label: id,
  per,
  value: usd(value),
  sources: ['USER'],
  confidence: 'override',
});

/** The 2016 book with Lambda prices a learner typed in (test values, not AWS figures). */
function bookWith(prices: readonly PriceRecord[]): PriceBook {
  const book = PRICE_BOOKS['2016'];
  return { ...book, prices: { ...book.prices, ...Object.fromEntries(prices.map((p) => [p.id, p])) } };
}

describe('billed duration', () => {
  it('rounds up to 100 ms in 2016 and to 1 ms today', () => {
    expect(billedDurationMs(70, '2016')).toBe(100);
    expect(billedDurationMs(100, '2016')).toBe(100);
    expect(billedDurationMs(100.5, '2016')).toBe(200);
    expect(billedDurationMs(70.2, 'current')).toBe(71);
    expect(billedDurationMs(0.3, 'current')).toBe(1);
  });

  it('counts GB-seconds from billed time and memory (1 GB = 1,024 MB)', () => {
    expect(gbSecondsOf(1000, 1024)).toBe(1);
    expect(gbSecondsOf(200, 128)).toBe(0.025);
  });
});

describe('lambdaCost', () => {
  it('refuses when the book has no sourced Lambda price', () => {
    const cost = lambdaCost({ invocations: 1_000_000, gbSeconds: 10 }, PRICE_BOOKS['2016']);
    expect(!cost.ok && cost.error.code).toBe('PriceNotInBook');
    expect(!cost.ok && cost.error.path).toBe(LAMBDA_PRICE_IDS.requests);
  });

  it('prices requests per million and compute per GB-second from the book', () => {
    const book = bookWith([
      price(LAMBDA_PRICE_IDS.requests, '1,000,000 requests', 2),
      price(LAMBDA_PRICE_IDS.gbSecond, 'GB-second', 0.5),
    ]);
    const cost = lambdaCost({ invocations: 3_000_000, gbSeconds: 10 }, book);
    expect(cost.ok && cost.value.map((l) => [l.quantity, l.usd])).toEqual([
      [3, 6],
      [10, 5],
    ]);
  });

  it('refuses a price quoted per another unit instead of guessing a conversion', () => {
    const book = bookWith([
      price(LAMBDA_PRICE_IDS.requests, 'request', 0.0000002),
      price(LAMBDA_PRICE_IDS.gbSecond, 'GB-second', 0.5),
    ]);
    const cost = lambdaCost({ invocations: 1, gbSeconds: 1 }, book);
    expect(!cost.ok && cost.error.code).toBe('PriceUnitMismatch');
  });
});
