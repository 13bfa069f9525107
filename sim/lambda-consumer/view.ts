import { millis, usd, type Count, type Millis, type Usd } from '../core/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import { lambdaCost, LAMBDA_BILLING_INCREMENT_MS, type LambdaCostLine } from './billing.ts';
import {
  lambdaTotals,
  type LambdaConsumerState,
  type LambdaPollSample,
  type LambdaShardStatus,
  type LambdaTotals,
} from './state.ts';

/** What the console shows for one shard of a Lambda consumer. */
export interface LambdaShardView {
  readonly shardId: string;
  readonly status: LambdaShardStatus;
  readonly lastPollAtMs: number | null;
  /** GetRecords.IteratorAgeMilliseconds as Lambda reports it: age of the newest record of the last batch. */
  readonly iteratorAgeMs: number;
  /** Sizes of the last batches handed to the function, oldest first (0 = empty poll). */
  readonly recentBatchSizes: readonly number[];
  readonly recentPolls: readonly LambdaPollSample[];
  /** Failed attempts of the current batch in a row (the shard is blocked meanwhile). */
  readonly consecutiveFailures: number;
  readonly checkpoint: string | null;
  readonly recordsProcessed: number;
  readonly recordsExpired: number;
}

/** The Lambda bill, or why it cannot be given. */
export type LambdaCostView =
  | { readonly status: 'priced'; readonly lines: readonly LambdaCostLine[]; readonly totalUsd: Usd }
  | { readonly status: 'refused'; readonly code: string; readonly message: string };

/** Plain-data view of a Lambda consumer for the console and the report. */
export interface LambdaConsumerView {
  readonly kind: 'lambda';
  readonly name: string;
  readonly stream: string;
  readonly batchSize: number;
  readonly startingPosition: string;
  /** The stated duration model, so the UI can show it next to the numbers it produced. */
  readonly durationModel: {
    readonly invocationOverheadMs: Millis;
    readonly perRecordMs: Millis;
    readonly billingIncrementMs: Millis;
    readonly note: string;
  };
  readonly shards: readonly LambdaShardView[];
  readonly totals: LambdaTotals;
  readonly error: string | null;
  /** What works differently on AWS today than in the 2016 model, for the console to say (AWS-FACTS §2.3). */
  readonly todayDiffers: readonly string[];
}

/** A Lambda consumer's `details` in the scenario report: its settings, its totals and its bill. */
export interface LambdaConsumerDetails {
  readonly batchSize: Count;
  readonly startingPosition: string;
  readonly invocations: number;
  readonly failedInvocations: number;
  readonly recordsProcessed: number;
  readonly recordsExpired: number;
  /** The largest GetRecords.IteratorAgeMilliseconds Lambda reported on any shard. */
  readonly maxIteratorAgeMs: Millis;
  readonly durationMs: Millis;
  /** Duration as billed: each invocation rounded up to the era's increment. */
  readonly billedDurationMs: Millis;
  readonly gbSeconds: number;
  readonly durationModel: {
    readonly invocationOverheadMs: Millis;
    readonly perRecordMs: Millis;
    readonly note: string;
  };
  readonly cost: LambdaCostView;
}

/** AWS-FACTS §2.3 "Today" column (LAM23, BLnow): what the 2016 model does not do. */
export const LAMBDA_TODAY_DIFFERS: readonly string[] = [
  'ParallelizationFactor (since Nov 2019) lets 1–10 batches of one shard run at once; 2016 allowed one (row 43).',
  'MaximumRetryAttempts, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError and an on-failure destination (since Nov 2019) stop a bad record from blocking a shard until it expires.',
  'A batching window of up to 300 s (since Aug 2019) and AT_TIMESTAMP starting positions (since Dec 2016).',
  'Enhanced fan-out consumers (since 2018) get their own 2 MiB/s per shard instead of sharing it.',
];

const MODEL_NOTE =
  'Invocation time = overhead + per-record cost × records: a model with assumed defaults, not an AWS ' +
  'figure. Billed duration is rounded up to 100 ms (2016) or 1 ms (today).';

/** The console's view of a Lambda consumer. */
export function lambdaConsumerView(state: LambdaConsumerState): LambdaConsumerView {
  const { config } = state;
  return {
    kind: 'lambda',
    name: config.name,
    stream: config.stream,
    batchSize: config.batchSize,
    startingPosition: config.startingPosition,
    durationModel: {
      invocationOverheadMs: config.invocationOverheadMs,
      perRecordMs: config.perRecordMs,
      billingIncrementMs: millis(LAMBDA_BILLING_INCREMENT_MS[state.era]),
      note: MODEL_NOTE,
    },
    shards: state.pollers.map((p) => ({
      shardId: p.shardId,
      status: p.status,
      lastPollAtMs: p.lastPollAtMs,
      iteratorAgeMs: p.iteratorAgeMs,
      recentBatchSizes: p.recent.map((s) => s.batchSize),
      recentPolls: [...p.recent],
      consecutiveFailures: p.consecutiveFailures,
      checkpoint: p.checkpoint,
      recordsProcessed: p.totals.recordsProcessed,
      recordsExpired: p.totals.recordsExpired,
    })),
    totals: lambdaTotals(state),
    error: state.error,
    todayDiffers: LAMBDA_TODAY_DIFFERS,
  };
}

/** The Lambda bill from the price book, or the refusal when the book has no sourced price. */
export function lambdaCostView(state: LambdaConsumerState, book: PriceBook): LambdaCostView {
  const totals = lambdaTotals(state);
  const cost = lambdaCost({ invocations: totals.invocations, gbSeconds: totals.gbSeconds }, book);
  if (!cost.ok) return { status: 'refused', code: cost.error.code, message: cost.error.message };
  const totalUsd = usd(cost.value.reduce((sum, line) => sum + line.usd, 0));
  return { status: 'priced', lines: cost.value, totalUsd };
}

/** The report's details of a Lambda consumer. */
export function lambdaConsumerDetails(state: LambdaConsumerState, book: PriceBook): LambdaConsumerDetails {
  const totals = lambdaTotals(state);
  const { config } = state;
  return {
    batchSize: config.batchSize,
    startingPosition: config.startingPosition,
    invocations: totals.invocations,
    failedInvocations: totals.failedInvocations,
    recordsProcessed: totals.recordsProcessed,
    recordsExpired: totals.recordsExpired,
    maxIteratorAgeMs: millis(totals.maxIteratorAgeMs),
    durationMs: millis(totals.durationMs),
    billedDurationMs: millis(totals.billedDurationMs),
    gbSeconds: totals.gbSeconds,
    durationModel: {
      invocationOverheadMs: config.invocationOverheadMs,
      perRecordMs: config.perRecordMs,
      note: 'Invocation time = overhead + per-record cost × records: a model with assumed defaults, not an AWS figure.',
    },
    cost: lambdaCostView(state, book),
  };
}
