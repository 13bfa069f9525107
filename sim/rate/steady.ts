import type { ProducerPlan } from './producers.ts';
import type { ReadModel } from './reads.ts';
import type { WriteModel } from './writes.ts';

/**
 * Fast-forward of steady shards. A shard is steady in a step when it is far from every limit: its write
 * buckets are full and its share of the producer's records fits in one step's refill (so it accepts
 * everything and its buckets stay full), and every consumer of the stream makes one GetRecords call that
 * finds it caught up, that the read buckets admit and that returns the whole step (under its Limit and
 * 10 MiB, with the shared 2 MiB/s refilled in full by the next step). In such a step the shard's totals
 * grow by its share of the records produced and everything else returns to the same state: the step is
 * linear in the records produced. So a steady shard sits out the fused loop (step.ts); the stream keeps
 * the sum of what was produced, and `catchUp` applies a shard's part in one go — when the shard stops
 * being steady, and for every shard before each series sample is cut — leaving the state a step-by-step
 * run would have reached, up to floating-point rounding (a total is summed per period instead of per step).
 *
 * Whether a shard stays steady depends on the step's production through one number per shard, the most
 * records per step that keep it clear of every limit (`threshold`); shards sorted by it leave in order as
 * production rises, so a hot shard is simulated step by step while the others are not. A shard enters
 * when it has ended a step in steady shape (full write buckets, consumers at its tip, read buckets that
 * refill in full). Only the simple shape is fast-forwarded: one producer without KPL aggregation or
 * retries, a stream that is never resharded, at most five consumers each polling once per step.
 */

/** Relative margin on the thresholds: each shard computes (p·w)·b, the threshold bounds p by division. */
const ROUNDING_MARGIN = 1 + 1e-12;

/** Steps before a shard that was not in steady shape is looked at again. */
const RETRY_STEPS = 4;

/** The fast-forward state of one stream's shards. */
export class SteadyStream {
  private readonly writes: WriteModel;
  private readonly reads: ReadModel;
  private readonly plan: ProducerPlan;
  private readonly slots: Int32Array;
  private readonly consumers: readonly number[];
  private readonly dt: number;
  /** Per slot: the most user records a step may produce for the shard to stay steady. */
  private readonly threshold: Float64Array;
  /** The stream's slots by threshold, lowest first: the order in which they leave as production rises. */
  private readonly order: Int32Array;
  /** Per slot: 1 while fast-forwarded; the production sum and the step it has been fast-forwarded from. */
  private readonly lazy: Uint8Array;
  private readonly lazyFrom: Float64Array;
  private readonly lazySince: Float64Array;
  private readonly retryAt: Float64Array;
  /** How many of the stream's slots are fast-forwarded now, and the highest threshold of any. */
  private lazyCount = 0;
  private readonly highestThreshold: number;
  /** The slots the fused loop simulates this step. */
  readonly busy: Int32Array;
  busyCount: number;
  private consumersCalledOnce = false;
  /** Records produced since the last series sample, and the last fast-forwarded step's production. */
  private producedSum = 0;
  private lastProduced = 0;
  private lastStep = -1;

  constructor(
    writes: WriteModel,
    reads: ReadModel,
    plan: ProducerPlan,
    slots: Int32Array,
    consumers: readonly number[],
    dt: number,
  ) {
    this.writes = writes;
    this.reads = reads;
    this.plan = plan;
    this.slots = slots;
    this.consumers = consumers;
    this.dt = dt;
    const all = reads.slots;
    this.threshold = new Float64Array(all);
    this.lazy = new Uint8Array(all);
    this.lazyFrom = new Float64Array(all);
    this.lazySince = new Float64Array(all);
    this.retryAt = new Float64Array(all);
    const limits = reads.limits;
    const k = consumers.length;
    const fewestPerCall = Math.min(Infinity, ...consumers.map((g) => reads.recordsPerCall[g]!));
    for (const s of slots) {
      const records = plan.weight[s]! * ROUNDING_MARGIN;
      const bytes = records * plan.plainRecordBytes[s]!;
      this.threshold[s] = Math.min(
        (writes.recordsRate * dt) / records,
        (writes.bytesRate * dt) / bytes,
        k > 0 ? fewestPerCall / records : Infinity,
        k > 0 ? limits.getRecordsMaxBytes / bytes : Infinity,
        k > 1 ? limits.shardReadBytesPerSecond / ((k - 1) * bytes) : Infinity,
        k > 0 ? (limits.shardReadBytesPerSecond * dt) / (k * bytes) : Infinity,
      );
    }
    this.order = Int32Array.from([...slots].sort((a, b) => this.threshold[a]! - this.threshold[b]!));
    this.highestThreshold = this.threshold[this.order[this.order.length - 1]!]!;
    this.busy = Int32Array.from(slots);
    this.busyCount = slots.length;
  }

  /**
   * Whether a stream's producers and consumers have the shape this class fast-forwards (the stream's
   * shards must also never change).
   */
  static fits(plans: readonly ProducerPlan[], consumers: readonly number[], callsPerSecond: number): boolean {
    return plans.length === 1 && plans[0]!.plain && consumers.length <= callsPerSecond;
  }

  /**
   * Decides which shards sit out step `step`, in which the producer made `produced` user records: shards
   * the production takes past their threshold leave (their pending steps applied), shards in steady shape
   * under it enter. `busy[0 … busyCount)` are then the slots to simulate.
   */
  prepare(step: number, produced: number): void {
    const calls = this.reads.callsThisStep;
    let callOnce = true;
    for (const g of this.consumers) if (calls[g] !== 1) callOnce = false;
    const { lazy, threshold, order } = this;
    if (!callOnce) {
      for (let j = 0; j < this.slots.length && this.lazyCount > 0; j++) {
        if (lazy[this.slots[j]!] === 1) this.leave(this.slots[j]!);
      }
    } else {
      for (let i = 0; i < order.length && this.lazyCount > 0 && threshold[order[i]!]! < produced; i++) {
        if (lazy[order[i]!] === 1) this.leave(order[i]!);
      }
      if (this.consumersCalledOnce && produced <= this.highestThreshold) this.enter(step, produced);
    }
    this.consumersCalledOnce = callOnce;
    this.producedSum += produced;
    this.lastProduced = produced;
    this.lastStep = step;
  }

  private leave(s: number): void {
    this.catchUp(s);
    this.lazy[s] = 0;
    this.lazyCount--;
    this.busy[this.busyCount++] = s;
  }

  /** Moves the busy shards that are in steady shape and under their threshold out of the loop. */
  private enter(step: number, produced: number): void {
    const { busy, lazy, threshold, retryAt } = this;
    let kept = 0;
    for (let j = 0; j < this.busyCount; j++) {
      const s = busy[j]!;
      if (threshold[s]! >= produced && retryAt[s]! <= step) {
        if (this.inSteadyShape(s, step)) {
          lazy[s] = 1;
          this.lazyCount++;
          this.lazyFrom[s] = this.producedSum;
          this.lazySince[s] = step;
          continue;
        }
        retryAt[s] = step + RETRY_STEPS;
      }
      busy[kept++] = s;
    }
    this.busyCount = kept;
  }

  /**
   * Whether slot `s` starts `step` in steady shape: write buckets full, each consumer at the shard's tip
   * with no kept arrival curve, and read buckets that refill in full by this step's calls.
   */
  private inSteadyShape(s: number, step: number): boolean {
    const writes = this.writes;
    if (writes.recordTokens[s] !== writes.recordsRate || writes.byteTokens[s] !== writes.bytesRate) {
      return false;
    }
    const reads = this.reads;
    if (reads.behind[s] === 1 || reads.hasHistory[s] === 1) return false;
    if (this.consumers.length === 0) return true;
    const at = step * this.dt + this.dt;
    const elapsed = at - reads.refilledAt[s]!;
    const callsRate = reads.limits.shardReadCallsPerSecond;
    const bytesRate = reads.limits.shardReadBytesPerSecond;
    if (
      !(elapsed > 0) ||
      reads.blockedUntil[s]! > at ||
      reads.callTokens[s]! + elapsed * callsRate < callsRate ||
      reads.byteTokens[s]! + elapsed * bytesRate < bytesRate
    ) {
      return false;
    }
    for (const g of this.consumers) {
      const i = g * reads.slots + s;
      if (reads.position[i] !== writes.cumRecords[s] || reads.positionBytes[i] !== writes.cumBytes[s]) {
        return false;
      }
    }
    return true;
  }

  /** Applies every fast-forwarded shard's pending steps (before a series sample is cut). */
  catchUpAll(): void {
    for (const s of this.slots) {
      if (this.lazy[s] === 1) {
        this.catchUp(s);
        this.lazyFrom[s] = 0;
      }
    }
    this.producedSum = 0;
  }

  /**
   * Applies slot `s`'s pending steady steps: totals, the last step's flows, the read buckets after its
   * calls, and the consumers' positions at the shard's tip. Returns how many steps it applied.
   */
  catchUp(s: number): number {
    const steps = this.lastStep - this.lazySince[s]! + 1;
    if (steps <= 0) return 0;
    const { weight, plainRecordBytes, plainRecordUnits } = this.plan;
    const { cumRecords, cumBytes, acceptedUnits, stepRecords, stepBytes } = this.writes;
    const reads = this.reads;
    const share = weight[s]!;
    const records = (this.producedSum - this.lazyFrom[s]!) * share;
    const bytes = records * plainRecordBytes[s]!;
    cumRecords[s]! += records;
    cumBytes[s]! += bytes;
    acceptedUnits[s]! += records * plainRecordUnits[s]!;
    const lastRecords = this.lastProduced * share;
    const lastBytes = lastRecords * plainRecordBytes[s]!;
    stepRecords[s] = lastRecords;
    stepBytes[s] = lastBytes;
    this.lazyFrom[s] = this.producedSum;
    this.lazySince[s] = this.lastStep + 1;
    const k = this.consumers.length;
    if (k === 0) return steps;
    reads.getRecordsCalls[s]! += steps * k;
    reads.refilledAt[s] = this.lastStep * this.dt + this.dt;
    let callsLeft: number = reads.limits.shardReadCallsPerSecond;
    let bytesLeft: number = reads.limits.shardReadBytesPerSecond;
    for (const g of this.consumers) {
      callsLeft -= 1;
      if (lastRecords > 0) bytesLeft -= lastBytes;
      const i = g * reads.slots + s;
      reads.position[i] = cumRecords[s]!;
      reads.positionBytes[i] = cumBytes[s]!;
      reads.recordsRead[g]! += records;
      reads.bytesRead[g]! += bytes;
    }
    reads.callTokens[s] = callsLeft;
    reads.byteTokens[s] = bytesLeft;
    return steps;
  }
}
