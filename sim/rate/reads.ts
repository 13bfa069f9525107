import type { KinesisLimits } from '../kinesis/index.ts';
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
}

/** When a shard is open, in steps, and its parents' slots. */
export interface ReadShard {
  readonly openedStep: number;
  readonly closedStep: number;
  readonly parentSlots: readonly number[];
}

/** What each shard wrote: totals at the start of the step and this step's records and bytes, per slot. */
export interface WrittenFlows {
  readonly cumRecords: Float64Array;
  readonly cumBytes: Float64Array;
  readonly stepRecords: Float64Array;
  readonly stepBytes: Float64Array;
}

/**
 * Per-shard read state and per consumer-and-shard positions, in typed arrays over all slots. The usual
 * call — one per step by a consumer that had caught up, reading the whole step — is simulated inline by the
 * fused step loop (step.ts) on these arrays; `oneCall` handles every case. The methods take only slot and
 * consumer indexes: doubles passed to a call that is not inlined are boxed, and a day of a thousand shards
 * makes a hundred million calls.
 */
export class ReadModel {
  readonly consumers: readonly ReadConsumer[];
  readonly slots: number;
  readonly limits: KinesisLimits;
  private readonly flows: WrittenFlows;
  readonly position: Float64Array;
  readonly positionBytes: Float64Array;
  /** The shared read buckets of each slot: GetRecords calls and bytes left, when last refilled, penalty end. */
  readonly callTokens: Float64Array;
  readonly byteTokens: Float64Array;
  readonly refilledAt: Float64Array;
  readonly blockedUntil: Float64Array;
  readonly getRecordsCalls: Float64Array;
  readonly throttledCalls: Float64Array;
  /** Highest iterator age of each slot in the open series period (owned by the series store). */
  private readonly periodMaxAgeMs: Float64Array;
  /** Per consumer: records and bytes read, records lost to retention, highest iterator age. */
  readonly recordsRead: Float64Array;
  readonly bytesRead: Float64Array;
  readonly recordsExpiredUnread: Float64Array;
  readonly maxIteratorAgeMs: Float64Array;
  private readonly credit: Float64Array;
  /** GetRecords calls each consumer makes per shard in the current step. */
  readonly callsThisStep: Int32Array;
  readonly recordsPerCall: Float64Array;
  private readonly nextCall: Int32Array;
  private readonly histories: (ShardHistory | undefined)[];
  private readonly now: CurrentStep = { cumRecords: 0, cumBytes: 0, stepRecords: 0, stepBytes: 0 };
  readonly openedStep: Float64Array;
  readonly closedStep: Float64Array;
  private readonly parents: readonly (readonly number[])[];
  /** 1 where a shard has parents / keeps an arrival curve: typed flags for the hot loops. */
  readonly hasParents: Uint8Array;
  readonly hasHistory: Uint8Array;
  /** Slots where a consumer may have ended the step behind the shard's tip (their curve is kept). */
  readonly behind: Uint8Array;
  private step = 0;
  private t = 0;
  private dt = 1;

  constructor(
    consumers: readonly ReadConsumer[],
    limits: KinesisLimits,
    flows: WrittenFlows,
    shards: readonly ReadShard[],
    periodMaxAgeMs: Float64Array,
    throttledCalls: Float64Array,
  ) {
    const slots = shards.length;
    this.consumers = consumers;
    this.openedStep = Float64Array.from(shards.map((x) => x.openedStep));
    this.closedStep = Float64Array.from(shards.map((x) => x.closedStep));
    this.parents = shards.map((x) => x.parentSlots);
    this.hasParents = Uint8Array.from(shards.map((x) => (x.parentSlots.length > 0 ? 1 : 0)));
    this.hasHistory = new Uint8Array(slots);
    this.behind = new Uint8Array(slots);
    this.slots = slots;
    this.limits = limits;
    this.flows = flows;
    this.position = new Float64Array(consumers.length * slots);
    this.positionBytes = new Float64Array(consumers.length * slots);
    this.callTokens = new Float64Array(slots).fill(limits.shardReadCallsPerSecond);
    this.byteTokens = new Float64Array(slots).fill(limits.shardReadBytesPerSecond);
    this.refilledAt = new Float64Array(slots);
    this.blockedUntil = new Float64Array(slots);
    this.getRecordsCalls = new Float64Array(slots);
    this.throttledCalls = throttledCalls;
    this.periodMaxAgeMs = periodMaxAgeMs;
    this.recordsRead = new Float64Array(consumers.length);
    this.bytesRead = new Float64Array(consumers.length);
    this.recordsExpiredUnread = new Float64Array(consumers.length);
    this.maxIteratorAgeMs = new Float64Array(consumers.length);
    this.credit = new Float64Array(consumers.length);
    this.callsThisStep = new Int32Array(consumers.length);
    this.recordsPerCall = Float64Array.from(consumers.map((c) => c.recordsPerCall));
    this.nextCall = new Int32Array(consumers.length);
    this.histories = new Array<ShardHistory | undefined>(slots).fill(undefined);
  }

  /** Starts step `step` (at `t` seconds, `dt` long): how many calls each consumer makes per shard. */
  beginStep(step: number, t: number, dt: number): void {
    this.step = step;
    this.t = t;
    this.dt = dt;
    for (let g = 0; g < this.consumers.length; g++) {
      const credit = this.credit[g]! + this.consumers[g]!.pollsPerSecond * dt;
      const calls = Math.floor(credit + 1e-9);
      this.callsThisStep[g] = calls;
      this.credit[g] = credit - calls;
    }
  }

  /** True when consumer `g` has read every parent of a shard to its end (closed parents' totals are final). */
  private parentsDrained(g: number, parents: readonly number[]): boolean {
    const cumRecords = this.flows.cumRecords;
    for (const p of parents) if (this.position[g * this.slots + p]! < cumRecords[p]!) return false;
    return true;
  }

  /**
   * Every consumer's calls on slot `s` in time order (ties in consumer order, as the record level would
   * see them when each consumer polls at the same instants).
   */
  callsInTimeOrder(s: number, consumers: readonly number[]): void {
    const nextCall = this.nextCall;
    for (let n = 0; n < consumers.length; n++) nextCall[n] = 1;
    for (;;) {
      let pick = -1;
      for (let n = 0; n < consumers.length; n++) {
        const calls = this.callsThisStep[consumers[n]!]!;
        if (nextCall[n]! > calls) continue;
        if (pick < 0) {
          pick = n;
          continue;
        }
        const best = this.callsThisStep[consumers[pick]!]!;
        if (nextCall[n]! * best < nextCall[pick]! * calls) pick = n;
      }
      if (pick < 0) return;
      const g = consumers[pick]!;
      this.oneCall(g, s, nextCall[pick]!, this.callsThisStep[g]!);
      nextCall[pick]!++;
    }
  }

  /** Call number `c` of `calls` by consumer `g` on slot `s` in the current step, in every case. */
  oneCall(g: number, s: number, c: number, calls: number): void {
    const step = this.step;
    if (this.openedStep[s]! > step) return;
    const flows = this.flows;
    const cumStart = flows.cumRecords[s]!;
    const stepRecords = flows.stepRecords[s]!;
    const position = this.position;
    const i = g * this.slots + s;
    if (step >= this.closedStep[s]! && position[i]! >= cumStart) return;
    const parents = this.parents[s]!;
    if (parents.length > 0 && !this.parentsDrained(g, parents)) {
      if (stepRecords > 0) this.behind[s] = 1;
      return;
    }
    const bytesStart = flows.cumBytes[s]!;
    const stepBytes = flows.stepBytes[s]!;
    const limits = this.limits;
    const maxCallBytes = limits.getRecordsMaxBytes;
    const penalty = limits.getRecordsPenaltyMillis / 1000;
    const bytesRate = limits.shardReadBytesPerSecond;
    const callsRate = limits.shardReadCallsPerSecond;
    const dt = this.dt;
    const positionBytes = this.positionBytes;
    const at = c === calls ? this.t + dt : this.t + (c / calls) * dt;
    this.getRecordsCalls[s]!++;
    // The shared read buckets of throughput.ts (admitRead), refilled to the call's time.
    const elapsed = at - this.refilledAt[s]!;
    if (elapsed > 0) {
      this.byteTokens[s] = Math.min(bytesRate, this.byteTokens[s]! + elapsed * bytesRate);
      this.callTokens[s] = Math.min(callsRate, this.callTokens[s]! + elapsed * callsRate);
      this.refilledAt[s] = at;
    }
    if (at < this.blockedUntil[s]! || this.callTokens[s]! < 1 || this.byteTokens[s]! < 0) {
      this.throttledCalls[s]!++;
      if (position[i]! < cumStart + stepRecords) this.behind[s] = 1;
      return;
    }
    this.callTokens[s]! -= 1;
    const pos = position[i]!;
    const available = c === calls ? cumStart + stepRecords : cumStart + (stepRecords * c) / calls;
    const want = Math.min(available - pos, this.recordsPerCall[g]!);
    if (want > 0) {
      let next = want === available - pos ? available : pos + want;
      const fromBytes = positionBytes[i]!;
      let toBytes: number;
      let arrival: number;
      if (pos >= cumStart) {
        const perRecord = stepBytes / stepRecords;
        toBytes =
          next === available && c === calls
            ? bytesStart + stepBytes
            : bytesStart + (next - cumStart) * perRecord;
        if (toBytes - fromBytes > maxCallBytes) {
          toBytes = fromBytes + maxCallBytes;
          next = cumStart + (toBytes - bytesStart) / perRecord;
          this.blockedUntil[s] = at + penalty;
        }
        arrival = step + (next - cumStart) / stepRecords;
      } else {
        const now = this.now;
        now.cumRecords = cumStart;
        now.cumBytes = bytesStart;
        now.stepRecords = stepRecords;
        now.stepBytes = stepBytes;
        const history = this.histories[s];
        toBytes = bytesAtPosition(history, now, next);
        if (toBytes - fromBytes > maxCallBytes) {
          toBytes = fromBytes + maxCallBytes;
          next = positionAtBytes(history, now, toBytes);
          this.blockedUntil[s] = at + penalty;
        }
        arrival = arrivalStep(history, now, next, step);
      }
      this.byteTokens[s]! -= toBytes - fromBytes;
      this.recordsRead[g]! += next - pos;
      this.bytesRead[g]! += toBytes - fromBytes;
      position[i] = next;
      positionBytes[i] = toBytes;
      const ageMs = at > arrival * dt ? (at - arrival * dt) * 1000 : 0;
      if (ageMs > this.periodMaxAgeMs[s]!) this.periodMaxAgeMs[s] = ageMs;
      if (ageMs > this.maxIteratorAgeMs[g]!) this.maxIteratorAgeMs[g] = ageMs;
    }
    if (position[i]! < cumStart + stepRecords) this.behind[s] = 1;
  }

  /**
   * After the step's reads: keeps slot `s`'s arrival curve while a consumer of `consumers` is behind the
   * step's end, drops what nobody needs, and trims records older than `retentionSteps` steps.
   */
  endSlot(s: number, consumers: readonly number[], retentionSteps: number): void {
    const flows = this.flows;
    const cumStart = flows.cumRecords[s]!;
    const bytesStart = flows.cumBytes[s]!;
    const cumEnd = cumStart + flows.stepRecords[s]!;
    const bytesEnd = bytesStart + flows.stepBytes[s]!;
    const step = this.step;
    let minPosition = Infinity;
    for (const g of consumers) minPosition = Math.min(minPosition, this.position[g * this.slots + s]!);
    let history = this.histories[s];
    if (minPosition >= cumEnd) {
      if (history !== undefined) this.histories[s] = undefined;
      this.hasHistory[s] = 0;
      return;
    }
    if (history === undefined) {
      history = new ShardHistory(step);
      this.histories[s] = history;
      this.hasHistory[s] = 1;
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
          this.recordsExpiredUnread[g]! += trimmedTo - this.position[i]!;
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
    if (drop >= history.length) {
      this.histories[s] = undefined;
      this.hasHistory[s] = 0;
    } else if (drop > 0) history.dropFront(drop);
  }
}
