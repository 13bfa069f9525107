import type { ProducerPlan } from './producers.ts';
import type { ReadModel } from './reads.ts';
import type { WriteModel } from './writes.ts';

/**
 * Fast-forward of a steady stream. A stream is steady in a step when none of its shards is near a limit:
 * every shard's write buckets are full and its offer fits in one step's refill (so it accepts everything
 * and its buckets stay full), and every consumer makes one GetRecords call, having caught up, that the
 * read buckets admit and that returns the whole step (under its Limit and 10 MiB, with the shared 2 MiB/s
 * refilled in full by the next step). In such a step each shard's totals grow by the producer's records
 * times the shard's share, and every other quantity returns to the same state: the step is linear in the
 * records produced. So steady steps are not simulated shard by shard; the stream keeps the sum of what
 * was produced, and `catchUp` applies it to every shard in one pass — before each series sample is cut,
 * and before any step that is not steady — leaving the state a step-by-step run would have reached, up to
 * floating-point rounding (a total is summed per period instead of per step).
 *
 * Only the simple shape is fast-forwarded: one producer without KPL aggregation or retries, a stream that
 * is never resharded, at most five consumers. Which steps qualify is decided from the stream's largest
 * shard share, so one hot shard makes every step of its stream go through the fused loop (step.ts), as
 * does a throttled write, a lagging or throttled consumer, or a consumer that skips a step.
 */

/** Relative margin on byte bounds: the bound is checked on p × max(w·b), each shard computes (p·w)·b. */
const ROUNDING_MARGIN = 1 + 1e-12;

/** Steps to wait before checking a stream's shards again after they were not all in steady shape. */
const MAX_RETRY_STEPS = 64;

/** The fast-forward state of one stream. */
export class SteadyStream {
  private readonly writes: WriteModel;
  private readonly reads: ReadModel;
  private readonly plan: ProducerPlan;
  private readonly slots: Int32Array;
  private readonly consumers: readonly number[];
  private readonly dt: number;
  /** Largest share of the producer's records, and of its bytes, any shard gets. */
  private readonly maxShare: number;
  private readonly maxByteShare: number;
  private readonly fewestRecordsPerCall: number;
  private active = false;
  private retryAt = 0;
  private retryWait = 1;
  /** Steps fast-forwarded but not yet applied: their count, records produced, the last one's records. */
  private pendingSteps = 0;
  private pendingProduced = 0;
  private lastProduced = 0;
  private lastAt = 0;

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
    let maxShare = 0;
    let maxByteShare = 0;
    for (const s of slots) {
      maxShare = Math.max(maxShare, plan.weight[s]!);
      maxByteShare = Math.max(maxByteShare, plan.weight[s]! * plan.plainRecordBytes[s]!);
    }
    this.maxShare = maxShare;
    this.maxByteShare = maxByteShare;
    this.fewestRecordsPerCall = Math.min(Infinity, ...consumers.map((g) => reads.recordsPerCall[g]!));
  }

  /**
   * Whether a stream's producers and consumers have the shape this class fast-forwards (the stream's
   * shards must also never change).
   */
  static fits(plans: readonly ProducerPlan[], consumers: readonly number[], callsPerSecond: number): boolean {
    return plans.length === 1 && plans[0]!.plain && consumers.length <= callsPerSecond;
  }

  /**
   * Takes step `step`, in which the producer made `produced` user records, without simulating its shards
   * when the stream is steady (true). Otherwise applies what was pending and returns false: the caller
   * simulates the step.
   */
  advance(step: number, produced: number): boolean {
    if (!this.qualifies(produced) || (!this.active && !this.enter(step))) {
      if (this.active) {
        this.catchUp();
        this.active = false;
      }
      return false;
    }
    this.pendingSteps++;
    this.pendingProduced += produced;
    this.lastProduced = produced;
    this.lastAt = step * this.dt + this.dt;
    return true;
  }

  /** The step-level conditions: one call per consumer, and the busiest shard far enough from every limit. */
  private qualifies(produced: number): boolean {
    const calls = this.reads.callsThisStep;
    for (const g of this.consumers) if (calls[g] !== 1) return false;
    const limits = this.reads.limits;
    const dt = this.dt;
    const records = produced * this.maxShare;
    const bytes = produced * this.maxByteShare * ROUNDING_MARGIN;
    const k = this.consumers.length;
    return (
      records <= this.writes.recordsRate * dt &&
      bytes <= this.writes.bytesRate * dt &&
      records <= this.fewestRecordsPerCall &&
      bytes <= limits.getRecordsMaxBytes &&
      (k - 1) * bytes <= limits.shardReadBytesPerSecond &&
      k * bytes <= limits.shardReadBytesPerSecond * dt
    );
  }

  /**
   * Whether every shard is in steady shape at the start of `step`: write buckets full, each consumer at
   * the shard's tip, no kept arrival curve, and read buckets that refill in full by this step's calls.
   */
  private enter(step: number): boolean {
    if (step < this.retryAt) return false;
    const {
      recordTokens,
      byteTokens: writeTokens,
      recordsRate,
      bytesRate,
      cumRecords,
      cumBytes,
    } = this.writes;
    const reads = this.reads;
    const { position, positionBytes, callTokens, byteTokens, refilledAt, blockedUntil } = reads;
    const { behind, hasHistory } = reads;
    const readCallsRate = reads.limits.shardReadCallsPerSecond;
    const readBytesRate = reads.limits.shardReadBytesPerSecond;
    const at = step * this.dt + this.dt;
    const slots = reads.slots;
    let steady = true;
    for (let j = 0; j < this.slots.length && steady; j++) {
      const s = this.slots[j]!;
      steady =
        recordTokens[s] === recordsRate &&
        writeTokens[s] === bytesRate &&
        behind[s] === 0 &&
        hasHistory[s] === 0;
      if (!steady || this.consumers.length === 0) continue;
      const elapsed = at - refilledAt[s]!;
      steady =
        elapsed > 0 &&
        blockedUntil[s]! <= at &&
        callTokens[s]! + elapsed * readCallsRate >= readCallsRate &&
        byteTokens[s]! + elapsed * readBytesRate >= readBytesRate;
      for (const g of this.consumers) {
        const i = g * slots + s;
        steady = steady && position[i] === cumRecords[s] && positionBytes[i] === cumBytes[s];
      }
    }
    if (!steady) {
      this.retryAt = step + this.retryWait;
      this.retryWait = Math.min(MAX_RETRY_STEPS, this.retryWait * 2);
      return false;
    }
    this.retryWait = 1;
    this.active = true;
    return true;
  }

  /**
   * Applies the pending steady steps to every shard: totals, the last step's flows, the read buckets after
   * its calls, and the consumers' positions at the shards' tips.
   */
  catchUp(): void {
    if (this.pendingSteps === 0) return;
    const plan = this.plan;
    const { weight, plainRecordBytes, plainRecordUnits } = plan;
    const { cumRecords, cumBytes, acceptedUnits, stepRecords, stepBytes } = this.writes;
    const reads = this.reads;
    const { position, positionBytes, callTokens, byteTokens, refilledAt, getRecordsCalls } = reads;
    const readCallsRate = reads.limits.shardReadCallsPerSecond;
    const readBytesRate = reads.limits.shardReadBytesPerSecond;
    const consumers = this.consumers;
    const k = consumers.length;
    const slots = reads.slots;
    const produced = this.pendingProduced;
    const last = this.lastProduced;
    const calls = this.pendingSteps * k;
    let readRecords = 0;
    let readBytes = 0;
    for (let j = 0; j < this.slots.length; j++) {
      const s = this.slots[j]!;
      const share = weight[s]!;
      const records = produced * share;
      const bytes = records * plainRecordBytes[s]!;
      cumRecords[s]! += records;
      cumBytes[s]! += bytes;
      acceptedUnits[s]! += records * plainRecordUnits[s]!;
      const lastRecords = last * share;
      const lastBytes = lastRecords * plainRecordBytes[s]!;
      stepRecords[s] = lastRecords;
      stepBytes[s] = lastBytes;
      if (k === 0) continue;
      getRecordsCalls[s]! += calls;
      refilledAt[s] = this.lastAt;
      let callsLeft = readCallsRate;
      let bytesLeft = readBytesRate;
      for (let n = 0; n < k; n++) {
        callsLeft -= 1;
        if (lastRecords > 0) bytesLeft -= lastBytes;
        const i = consumers[n]! * slots + s;
        position[i] = cumRecords[s]!;
        positionBytes[i] = cumBytes[s]!;
      }
      callTokens[s] = callsLeft;
      byteTokens[s] = bytesLeft;
      readRecords += records;
      readBytes += bytes;
    }
    for (const g of consumers) {
      reads.recordsRead[g]! += readRecords;
      reads.bytesRead[g]! += readBytes;
    }
    this.pendingSteps = 0;
    this.pendingProduced = 0;
  }
}
