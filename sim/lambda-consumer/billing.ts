import type { Era } from '../core/index.ts';
import { fail, ok, type Result } from '../core/index.ts';
import { usd, type Usd } from '../core/index.ts';
import { priceOf, type PriceBook } from '../pricing/index.ts';

/**
 * How Lambda rounds an invocation's duration for billing. Not in AWS-FACTS, so sourced here:
 * 2016 — "the billed duration will be rounded up to the nearest 100 millisecond" (AWS Lambda CloudWatch
 * metric documentation for Duration, as quoted in the Pulumi AWSX reference for `lambda.metrics.duration`)
 * [S]; today — 1 ms since AWS re:Invent, December 2020 ("1ms billing granularity", [S] re:Invent 2020
 * session notes). Both are secondary sources: the UI should say so.
 */
export const LAMBDA_BILLING_INCREMENT_MS: Readonly<Record<Era, number>> = {
  '2016': 100,
  current: 1,
};

/** Price ids the Lambda cost reads from the price book (the lead adds them once sourced). */
export const LAMBDA_PRICE_IDS = {
  /** USD per 1,000,000 requests (invocations). */
  requests: 'lambda.requests',
  /** USD per GB-second of billed duration × configured memory. */
  gbSecond: 'lambda.gbSecond',
} as const;

/** The billed duration of one invocation: its duration rounded up to the era's increment. */
export function billedDurationMs(durationMs: number, era: Era): number {
  const increment = LAMBDA_BILLING_INCREMENT_MS[era];
  return Math.max(increment, Math.ceil(durationMs / increment) * increment);
}

/** GB-seconds of one invocation: billed seconds × memory in GB (1 GB = 1,024 MB, as Lambda counts). */
export function gbSecondsOf(billedMs: number, memoryMB: number): number {
  return (billedMs / 1000) * (memoryMB / 1024);
}

/** What a Lambda consumer used, for the bill. */
export interface LambdaUsage {
  readonly invocations: number;
  readonly gbSeconds: number;
}

/** One line of a bill: what, how much, at what price. */
export interface LambdaCostLine {
  readonly id: string;
  readonly label: string;
  readonly quantity: number;
  readonly unit: string;
  readonly usd: Usd;
}

const EXPECTED_UNITS: Readonly<Record<string, string>> = {
  [LAMBDA_PRICE_IDS.requests]: '1,000,000 requests',
  [LAMBDA_PRICE_IDS.gbSecond]: 'GB-second',
};

/**
 * The Lambda bill for `usage` from the price book: requests and compute (GB-seconds). Refuses with
 * `PriceNotInBook` when the book has no sourced price (never a made-up number), and with `PriceUnitMismatch`
 * when the book prices it per a different unit. The monthly free tier is not applied.
 */
export function lambdaCost(usage: LambdaUsage, book: PriceBook): Result<LambdaCostLine[]> {
  const lines: LambdaCostLine[] = [];
  const quantities: ReadonlyArray<readonly [string, number]> = [
    [LAMBDA_PRICE_IDS.requests, usage.invocations / 1_000_000],
    [LAMBDA_PRICE_IDS.gbSecond, usage.gbSeconds],
  ];
  for (const [id, quantity] of quantities) {
    const price = priceOf(book, id);
    if (!price.ok) return price;
    const expected = EXPECTED_UNITS[id]!;
    if (price.value.per !== expected) {
      return fail({
        code: 'PriceUnitMismatch',
        message: `The price ${id} in "${book.label}" is per ${price.value.per}; the Lambda bill needs it per ${expected}.`,
        path: id,
      });
    }
    lines.push({
      id,
      label: price.value.label,
      quantity,
      unit: expected,
      usd: usd(quantity * price.value.value),
    });
  }
  return ok(lines);
}
