import { SimException } from '../core/index.ts';
import type { ShardState } from '../kinesis/index.ts';
import { aggregateShape, kinesisRecordBytes, kinesisRecordsPerSecond } from './aggregation.ts';
import { landKeys, prepareKeys, type PreparedKeys } from './key-distribution.ts';
import type { RateProducerInput } from './types.ts';

/**
 * A producer at the rate level: each step it offers its user records to the open shards of its stream in
 * proportion to where its keys land, turns them into Kinesis records (KPL aggregation when configured),
 * and afterwards learns which fraction each shard accepted.
 *
 * Retries: a throttled record is sent again in the next step, together with that step's new records, until
 * it has had `maxAttempts` attempts; then it is dropped. A shard accepts the same fraction of everything
 * offered to it in a step (new and retried alike), so the attempts of a record are tracked as classes per
 * shard (records on their 2nd attempt, 3rd, …) rather than one by one. Back-off shorter than a step is
 * rounded up to one step; a longer exponential back-off is not modelled (retries come sooner).
 */

/** What a producer needs while the run goes. */
export interface ProducerPlan {
  readonly name: string;
  readonly index: number;
  readonly streamIndex: number;
  readonly input: RateProducerInput;
  readonly keys: PreparedKeys;
  readonly maxAttempts: number;
  readonly aggregated: boolean;
  /** Neither aggregation nor retries: every user record is one Kinesis record of one size per slot. */
  readonly plain: boolean;
  readonly factor: number | undefined;
  readonly bufferedMs: number;
  readonly maxAggregateBytes: number;
  readonly distinctKeys: number;
  /** Per slot: share of the producer's records, mean key bytes, aggregate shape. */
  readonly weight: Float64Array;
  readonly keyBytes: Float64Array;
  readonly perUserRecordBytes: Float64Array;
  readonly fixedAggregateBytes: Float64Array;
  readonly maxUserRecords: Float64Array;
  /** Per slot, for a producer without aggregation: bytes and PUT payload units of one record. */
  readonly plainRecordBytes: Float64Array;
  readonly plainRecordUnits: Float64Array;
  /**
   * The stream's only producer, without aggregation or retries: the shards' own totals are then its totals,
   * so the per-step settling is skipped and `settleFromTotals` fills them in at the end.
   */
  readonly settlesFromTotals: boolean;
  readonly unitBytes: number;
  /** Per slot, this step: user records offered (new + retried) and the new ones alone. */
  readonly offeredUser: Float64Array;
  readonly newUser: Float64Array;
  /** Retry classes: pending[(k − 1) × slots + s] records waiting for attempt k + 1 on slot s. */
  readonly pending: Float64Array;
  userRecordsProduced: number;
  userRecordsAccepted: number;
  userRecordsDropped: number;
  /** Distinct user records refused at least once: the refused share of each step's new records. */
  userRecordsThrottled: number;
  /** User-record attempts refused: the refused share of everything offered, retries included. */
  userRecordAttemptsThrottled: number;
}

function distinctKeysOf(input: RateProducerInput): number {
  if (input.keys.kind === 'fixed') return 1;
  if (input.keys.kind === 'weighted') return input.keys.keys.length;
  return Number.POSITIVE_INFINITY;
}

/** Prepares a producer: hashes its keys once and sizes its per-slot arrays. */
export function planProducer(
  input: RateProducerInput,
  index: number,
  streamIndex: number,
  slots: number,
  defaultMaxAggregateBytes: number,
  defaultBufferedMs: number,
  unitBytes: number,
  soleProducerOfStream: boolean,
): ProducerPlan {
  const maxAttempts = input.maxAttempts ?? 1;
  const aggregated = input.aggregation !== undefined;
  return {
    name: input.name ?? `producer-${index + 1}`,
    index,
    streamIndex,
    input,
    keys: prepareKeys(input.keys),
    maxAttempts,
    aggregated,
    plain: !aggregated && maxAttempts === 1,
    factor: input.aggregation?.userRecordsPerKinesisRecord,
    bufferedMs: input.aggregation?.recordMaxBufferedTimeMs ?? defaultBufferedMs,
    maxAggregateBytes: input.aggregation?.maxAggregateBytes ?? defaultMaxAggregateBytes,
    distinctKeys: distinctKeysOf(input),
    weight: new Float64Array(slots),
    keyBytes: new Float64Array(slots),
    perUserRecordBytes: new Float64Array(slots),
    fixedAggregateBytes: new Float64Array(slots),
    maxUserRecords: new Float64Array(slots),
    plainRecordBytes: new Float64Array(slots),
    plainRecordUnits: new Float64Array(slots),
    settlesFromTotals: soleProducerOfStream && !aggregated && maxAttempts === 1,
    unitBytes,
    offeredUser: new Float64Array(slots),
    newUser: new Float64Array(slots),
    pending: new Float64Array(Math.max(0, maxAttempts - 1) * slots),
    userRecordsProduced: 0,
    userRecordsAccepted: 0,
    userRecordsDropped: 0,
    userRecordsThrottled: 0,
    userRecordAttemptsThrottled: 0,
  };
}

/** Lands the producer's keys on the stream's open shards (at the start and after every reshard). */
export function relandProducer(
  plan: ProducerPlan,
  open: readonly { readonly slot: number; readonly shard: ShardState }[],
): void {
  landKeys(plan.keys, open, plan.weight, plan.keyBytes);
  for (const { slot } of open) {
    const bytes = plan.input.recordBytes + plan.keyBytes[slot]!;
    plan.plainRecordBytes[slot] = bytes;
    plan.plainRecordUnits[slot] = Math.max(1, Math.ceil(bytes / plan.unitBytes));
  }
  if (!plan.aggregated) return;
  for (const { slot } of open) {
    const shape = aggregateShape(
      plan.input.recordBytes,
      plan.keyBytes[slot]!,
      plan.distinctKeys,
      plan.maxAggregateBytes,
    );
    plan.perUserRecordBytes[slot] = shape.perUserRecordBytes;
    plan.fixedAggregateBytes[slot] = shape.fixedBytes;
    plan.maxUserRecords[slot] = shape.maxUserRecords;
  }
}

/**
 * The producer's user records for the step starting at `t` seconds (rate × step), counted as produced.
 * Throws when `ratePerSecond` returns something that is not a rate.
 */
export function produceStep(plan: ProducerPlan, t: number, dt: number): number {
  const rate = plan.input.ratePerSecond(t);
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    throw new SimException({
      code: 'InvalidRateLevelInput',
      message: `ratePerSecond of producer ${plan.name} returned ${String(rate)} at ${t} s; it must return a number of records per second ≥ 0.`,
      path: `producers[${plan.index}].ratePerSecond`,
    });
  }
  const produced = rate * dt;
  plan.userRecordsProduced += produced;
  return produced;
}

/**
 * The offer of a producer with aggregation or retries to slot `s` in a step where it produced `produced`
 * user records: writes Kinesis records, bytes and PUT payload units into `out[0..2]` (zeros when it has
 * nothing for the slot). A plain producer's offer — `produced × weight` records of one size — is worked
 * out inline by the step loop (step.ts) instead.
 */
export function offerToSlot(
  plan: ProducerPlan,
  s: number,
  produced: number,
  dt: number,
  slots: number,
  out: Float64Array,
): void {
  const classes = plan.maxAttempts - 1;
  const pending = plan.pending;
  const fresh = produced * plan.weight[s]!;
  let total = fresh;
  for (let k = 0; k < classes; k++) total += pending[k * slots + s]!;
  plan.newUser[s] = fresh;
  plan.offeredUser[s] = total;
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  if (total <= 0) return;
  const dataBytes = plan.input.recordBytes;
  let kinesisRecords = total;
  let recordBytes = dataBytes + plan.keyBytes[s]!;
  if (plan.aggregated) {
    const shape = {
      perUserRecordBytes: plan.perUserRecordBytes[s]!,
      fixedBytes: plan.fixedAggregateBytes[s]!,
      maxUserRecords: plan.maxUserRecords[s]!,
    };
    kinesisRecords = kinesisRecordsPerSecond(total / dt, shape, plan.factor, plan.bufferedMs) * dt;
    recordBytes = kinesisRecordBytes(total / kinesisRecords, shape, dataBytes, plan.keyBytes[s]!);
  }
  out[0] = kinesisRecords;
  out[1] = kinesisRecords * recordBytes;
  out[2] = kinesisRecords * Math.max(1, Math.ceil(recordBytes / plan.unitBytes));
}

/**
 * After slot `s` accepted the fraction `a` of this step's offer: counts the producer's accepted user records
 * there and moves its throttled ones to their next attempt (or drops them after the last).
 */
export function settleSlot(plan: ProducerPlan, a: number, s: number, slots: number): void {
  const total = plan.offeredUser[s]!;
  if (total <= 0) return;
  const classes = plan.maxAttempts - 1;
  const pending = plan.pending;
  plan.userRecordsAccepted += a * total;
  const refused = 1 - a;
  // Without retries everything offered is new (a plain producer's offer sets only offeredUser).
  plan.userRecordsThrottled += refused * (classes === 0 ? total : plan.newUser[s]!);
  plan.userRecordAttemptsThrottled += refused * total;
  if (classes === 0) {
    plan.userRecordsDropped += refused * total;
    return;
  }
  plan.userRecordsDropped += refused * pending[(classes - 1) * slots + s]!;
  for (let k = classes - 1; k >= 1; k--) pending[k * slots + s] = refused * pending[(k - 1) * slots + s]!;
  pending[s] = refused * plan.newUser[s]!;
}

/**
 * When a shard closes, records waiting to be retried on it go, on their next attempt, to the children that
 * now hold the same keys: the model moves them in proportion to the producer's weights on those children.
 */
export function movePendingToChildren(
  plan: ProducerPlan,
  closed: number,
  children: readonly number[],
  slots: number,
): void {
  const classes = plan.maxAttempts - 1;
  let total = 0;
  for (const c of children) total += plan.weight[c]!;
  for (let k = 0; k < classes; k++) {
    const orphaned = plan.pending[k * slots + closed]!;
    if (orphaned === 0) continue;
    plan.pending[k * slots + closed] = 0;
    for (const c of children) {
      const share = total > 0 ? plan.weight[c]! / total : 1 / children.length;
      plan.pending[k * slots + c]! += orphaned * share;
    }
  }
}

/** Accepted and dropped user records of a producer that `settlesFromTotals`, from its stream's totals. */
export function settleFromTotals(plan: ProducerPlan, acceptedRecords: number): void {
  if (!plan.settlesFromTotals) return;
  plan.userRecordsAccepted = acceptedRecords;
  plan.userRecordsDropped = plan.userRecordsProduced - acceptedRecords;
  // One attempt per record: every refused record was refused once and dropped.
  plan.userRecordsThrottled = plan.userRecordsDropped;
  plan.userRecordAttemptsThrottled = plan.userRecordsDropped;
}
