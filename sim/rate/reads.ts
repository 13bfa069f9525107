import type { KinesisLimits } from '../kinesis/limits.ts';
import { arrivalStep, bytesAtPosition, positionAtBytes, ShardHistory, type CurrentStep } from './history.ts';

/**
 * GetRecords at the rate level. Each consumer application makes `pollsPerSecond` calls per shard per
 * second, spread evenly over the step, and every call goes through the same shared read buckets as the
 * record level (throughput.ts): 5 calls/s and 2 MiB/s per shard, refilled continuously and holding one
 * second's quota; a call needs a call token and a byte balance that is not in debt, then takes what it
 * finds (up to its Limit of records and 10 MiB) and may push the byte balance into debt; a call that hit
 * 10 MiB blocks the shard's reads for 5 s. So read throttling is not approximated: calls are simulated one
 * by one. What is fluid is what a call finds: records arrive uniformly within a step, so a call a third
 * of the way through a step sees a third of that step's records.
 *
 * A consumer drains a closed parent before it reads a child (the KCL's rule, AWS-FACTS §1.6), and records
 * older than the retention period are lost to a consumer that has not read them.
 */

/** A consumer application as the read model needs it. */
export interface ReadConsumer {
  readonly name: string;
  readonly streamIndex: number;
  readonly pollsPerSecond: number;
  /** Records one call may return: min(Limit, processing capacity per call). */
  readonly recordsPerCall: number;
  /** Fractional calls carried to the next step (for poll rates that are not whole per step). */
  credit: number;
  callsThisStep: number;
  recordsRead: number;
  bytesRead: number;
  recordsExpiredUnread: number;
  maxIteratorAgeMs: number;
}

/** Per-shard read state and per consumer-and-shard positions, in typed arrays over all slots. */
export class ReadModel {
  readonly consumers: readonly ReadConsumer[];
  private readonly slots: number;
  private readonly limits: KinesisLimits;
  readonly position: Float64Array;
  readonly positionBytes: Float64Array;
  private readonly callTokens: Float64Array;
  private readonly byteTokens: Float64Array;
  private readonly refilledAt: Float64Array;
  private readonly blockedUntil: Float64Array;
  readonly getRecordsCalls: Float64Array;
  readonly throttledCalls: Float64Array;
  /** Throttled calls and highest iterator age of each slot in the current step (read by the series). */
  readonly stepThrottled: Float64Array;
  readonly stepMaxAgeMs: Float64Array;
  private readonly histories: (ShardHistory | undefined)[];
  private readonly now: CurrentStep = { cumRecords: 0, cumBytes: 0, stepRecords: 0, stepBytes: 0 };

  constructor(consumers: readonly ReadConsumer[], slots: number, limits: KinesisLimits) {
    this.consumers = consumers;
    this.slots = slots;
    this.limits = limits;
    this.position = new Float64Array(consumers.length * slots);
    this.positionBytes = new Float64Array(consumers.length * slots);
    this.callTokens = new Float64Array(slots).fill(limits.shardReadCallsPerSecond);
    this.byteTokens = new Float64Array(slots).fill(limits.shardReadBytesPerSecond);
    this.refilledAt = new Float64Array(slots);
    this.blockedUntil = new Float64Array(slots);
    this.getRecordsCalls = new Float64Array(slots);
    this.throttledCalls = new Float64Array(slots);
    this.stepThrottled = new Float64Array(slots);
    this.stepMaxAgeMs = new Float64Array(slots);
    this.histories = new Array<ShardHistory | undefined>(slots).fill(undefined);
  }

  /** Works out how many calls each consumer makes per shard this step. */
  startStep(resolutionSeconds: number): void {
    for (const c of this.consumers) {
      c.credit += c.pollsPerSecond * resolutionSeconds;
      c.callsThisStep = Math.floor(c.credit + 1e-9);
      c.credit -= c.callsThisStep;
    }
  }

  /** Refills slot `s`'s read buckets to time `t` (seconds) and admits a call, or says it is throttled. */
  private admit(s: number, t: number): boolean {
    const elapsed = t - this.refilledAt[s]!;
    if (elapsed > 0) {
      const bytesRate = this.limits.shardReadBytesPerSecond;
      const callsRate = this.limits.shardReadCallsPerSecond;
      this.byteTokens[s] = Math.min(bytesRate, this.byteTokens[s]! + elapsed * bytesRate);
      this.callTokens[s] = Math.min(callsRate, this.callTokens[s]! + elapsed * callsRate);
      this.refilledAt[s] = t;
    }
    if (t < this.blockedUntil[s]! || this.callTokens[s]! < 1 || this.byteTokens[s]! < 0) return false;
    this.callTokens[s]! -= 1;
    return true;
  }

  /** True when consumer `g` has read every parent of a shard to its end (closed parents' totals are final). */
  private parentsDrained(g: number, parents: readonly number[], cumRecords: Float64Array): boolean {
    for (const p of parents) if (this.position[g * this.slots + p]! < cumRecords[p]! - 1e-9) return false;
    return true;
  }

  /**
   * Runs every consumer's calls on slot `s` during step `step` (starting at `t` seconds). `cumRecords` and
   * `cumBytes` hold the totals at the start of the step; `stepRecords`/`stepBytes` what the step wrote.
   */
  readSlot(
    s: number,
    step: number,
    t: number,
    dt: number,
    consumers: readonly number[],
    parents: readonly number[],
    open: boolean,
    cumRecords: Float64Array,
    cumBytes: Float64Array,
    stepRecords: number,
    stepBytes: number,
  ): void {
    const now = this.now;
    now.cumRecords = cumRecords[s]!;
    now.cumBytes = cumBytes[s]!;
    now.stepRecords = stepRecords;
    now.stepBytes = stepBytes;
    const history = this.histories[s];
    const maxCallBytes = this.limits.getRecordsMaxBytes;
    const penalty = this.limits.getRecordsPenaltyMillis / 1000;
    let throttled = 0;
    let maxAge = 0;
    for (const g of consumers) {
      const consumer = this.consumers[g]!;
      const calls = consumer.callsThisStep;
      const i = g * this.slots + s;
      if (calls === 0) continue;
      if (!open && this.position[i]! >= now.cumRecords - 1e-9) continue;
      if (parents.length > 0 && !this.parentsDrained(g, parents, cumRecords)) continue;
      for (let c = 1; c <= calls; c++) {
        const at = t + (c / calls) * dt;
        this.getRecordsCalls[s]!++;
        if (!this.admit(s, at)) {
          this.throttledCalls[s]!++;
          throttled++;
          continue;
        }
        const pos = this.position[i]!;
        const available = now.cumRecords + (stepRecords * c) / calls;
        const want = Math.min(available - pos, consumer.recordsPerCall);
        if (want <= 1e-9) continue;
        let next = pos + want;
        const fromBytes = this.positionBytes[i]!;
        let toBytes: number;
        let arrival: number;
        if (pos >= now.cumRecords) {
          const perRecord = stepRecords > 0 ? stepBytes / stepRecords : 0;
          toBytes = now.cumBytes + (next - now.cumRecords) * perRecord;
          if (toBytes - fromBytes > maxCallBytes) {
            toBytes = fromBytes + maxCallBytes;
            next = now.cumRecords + (toBytes - now.cumBytes) / perRecord;
            this.blockedUntil[s] = at + penalty;
          }
          arrival = step + (next - now.cumRecords) / stepRecords;
        } else {
          toBytes = bytesAtPosition(history, now, next);
          if (toBytes - fromBytes > maxCallBytes) {
            toBytes = fromBytes + maxCallBytes;
            next = positionAtBytes(history, now, toBytes);
            this.blockedUntil[s] = at + penalty;
          }
          arrival = arrivalStep(history, now, next, step);
        }
        this.byteTokens[s]! -= toBytes - fromBytes;
        consumer.recordsRead += next - pos;
        consumer.bytesRead += toBytes - fromBytes;
        this.position[i] = next;
        this.positionBytes[i] = toBytes;
        const ageMs = Math.max(0, (at - arrival * dt) * 1000);
        if (ageMs > maxAge) maxAge = ageMs;
        if (ageMs > consumer.maxIteratorAgeMs) consumer.maxIteratorAgeMs = ageMs;
      }
    }
    this.stepThrottled[s] = throttled;
    this.stepMaxAgeMs[s] = maxAge;
  }

  /**
   * After the step: keeps slot `s`'s arrival curve while a consumer of `consumers` is behind the step's
   * end, drops what nobody needs, and trims records older than `retentionSteps` steps.
   */
  endSlot(
    s: number,
    step: number,
    consumers: readonly number[],
    cumStart: number,
    bytesStart: number,
    cumEnd: number,
    bytesEnd: number,
    retentionSteps: number,
  ): void {
    let minPosition = Infinity;
    for (const g of consumers) minPosition = Math.min(minPosition, this.position[g * this.slots + s]!);
    let history = this.histories[s];
    if (minPosition >= cumEnd - 1e-9) {
      if (history !== undefined) this.histories[s] = undefined;
      return;
    }
    if (history === undefined) {
      history = new ShardHistory(step);
      this.histories[s] = history;
    }
    history.push(cumStart, bytesStart);
    const cutoffStep = step + 1 - retentionSteps;
    if (history.startStep < cutoffStep) {
      const k = cutoffStep - history.startStep;
      const trimmedTo = k < history.length ? history.recordsAt(k) : cumEnd;
      const trimmedBytes = k < history.length ? history.bytesAt(k) : bytesEnd;
      for (const g of consumers) {
        const i = g * this.slots + s;
        if (this.position[i]! < trimmedTo) {
          this.consumers[g]!.recordsExpiredUnread += trimmedTo - this.position[i]!;
          this.position[i] = trimmedTo;
          this.positionBytes[i] = trimmedBytes;
        }
      }
      minPosition = Math.max(minPosition, trimmedTo);
    }
    let drop = 0;
    while (
      drop < history.length &&
      (drop + 1 < history.length ? history.recordsAt(drop + 1) : cumEnd) <= minPosition
    ) {
      drop++;
    }
    if (drop >= history.length) this.histories[s] = undefined;
    else if (drop > 0) history.dropFront(drop);
  }
}
