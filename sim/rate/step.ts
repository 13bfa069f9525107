import { offerToSlot, produceStep, settleSlot, type ProducerPlan } from './producers.ts';
import type { ReadModel } from './reads.ts';
import type { SteadyStream } from './steady.ts';
import type { WriteModel } from './writes.ts';

/**
 * One step of one stream, fused into a single pass over its shards: for each shard the producers' offers,
 * the write buckets' decision (writes.ts), the producers' settling, the consumers' GetRecords calls
 * (reads.ts) and the move of the shard's totals to the step's end. A day of a thousand shards is 86.4
 * million shard-steps, so the usual case — plain producers, consumers making one call per step on a shard
 * they have caught up with — is worked out inline on typed arrays, with no call and no allocation per
 * shard; everything else goes through the general functions (`offerToSlot`, `settleSlot`, `oneCall`,
 * `callsInTimeOrder`, `endSlot`), which handle every case. Shards far from every limit are not visited
 * at all while they stay so: steady.ts fast-forwards them.
 *
 * Shards are visited in slot order, which puts every parent before its children: a consumer that drains a
 * parent in a step may read its children in the same step, as it would at the record level. (The steady
 * shards' list has its own order, but steady.ts only takes streams that are never resharded.)
 */

/** A stream as the step loop sees it. */
export interface StepStream {
  /** Every slot the stream ever has, in slot order. */
  readonly slots: Int32Array;
  /** Its producers, in input order. */
  readonly plans: readonly ProducerPlan[];
  /** Indexes of its consumer applications in the read model, in input order. */
  readonly consumers: readonly number[];
  readonly retentionSteps: number;
  /** Fast-forward of its steady shards, for a stream of the shape steady.ts handles. */
  readonly steady?: SteadyStream;
}

const NO_VALUES = new Float64Array(0);

/** The fused loop over a stream's shards, with the scratch space it reuses every step. */
export class StepLoop {
  private readonly writes: WriteModel;
  private readonly reads: ReadModel;
  private readonly slots: number;
  private readonly dt: number;
  /** User records each producer of the stream produced in this step. */
  private readonly produced: Float64Array;
  /** Records and bytes each consumer of the stream read in this step through the inline path. */
  private readonly readRecords: Float64Array;
  private readonly readBytes: Float64Array;
  /** A general producer's offer to one slot: Kinesis records, bytes, PUT payload units. */
  private readonly offer = new Float64Array(3);

  constructor(writes: WriteModel, reads: ReadModel, dt: number, mostPlans: number) {
    this.writes = writes;
    this.reads = reads;
    this.slots = reads.slots;
    this.dt = dt;
    this.produced = new Float64Array(mostPlans);
    this.readRecords = new Float64Array(reads.consumers.length);
    this.readBytes = new Float64Array(reads.consumers.length);
  }

  /** Runs step `step` of `stream` (the read model's `beginStep` has been called for it). */
  run(stream: StepStream, step: number): void {
    const dt = this.dt;
    const t = step * dt;
    const slots = this.slots;
    const plans = stream.plans;
    const planCount = plans.length;
    const produced = this.produced;
    for (let p = 0; p < planCount; p++) produced[p] = produceStep(plans[p]!, t, dt);
    const steady = stream.steady;
    steady?.prepare(step, produced[0]!);
    const visit = steady !== undefined ? steady.busy : stream.slots;
    const visitCount = steady !== undefined ? steady.busyCount : stream.slots.length;
    if (visitCount === 0) return;
    const single = planCount === 1 && plans[0]!.plain;
    const only = plans[0];
    const onlyProduced = produced[0] ?? 0;
    const onlyWeight = single ? only!.weight : NO_VALUES;
    const onlyBytes = single ? only!.plainRecordBytes : NO_VALUES;
    const onlyUnits = single ? only!.plainRecordUnits : NO_VALUES;
    const onlyOffered = single ? only!.offeredUser : NO_VALUES;
    const onlySettles = single && !only!.settlesFromTotals;
    const offer = this.offer;

    const writes = this.writes;
    const { stepRecords, stepBytes, cumRecords, cumBytes, throttled, acceptedUnits } = writes;
    const { recordTokens, byteTokens: writeTokens, recordsRate, bytesRate } = writes;
    const recordsRefill = recordsRate * dt;
    const bytesRefill = bytesRate * dt;

    const reads = this.reads;
    const { openedStep, closedStep, hasParents, hasHistory, behind, callsThisStep } = reads;
    const { position, positionBytes, callTokens, byteTokens, refilledAt, blockedUntil } = reads;
    const { getRecordsCalls, throttledCalls, recordsPerCall } = reads;
    const consumers = stream.consumers;
    const consumerCount = consumers.length;
    const maxCallBytes = reads.limits.getRecordsMaxBytes;
    const readBytesRate = reads.limits.shardReadBytesPerSecond;
    const readCallsRate = reads.limits.shardReadCallsPerSecond;
    const at = t + dt;
    const readRecords = this.readRecords;
    const readBytes = this.readBytes;
    let anyIdle = false;
    let mostCalls = 0;
    for (let n = 0; n < consumerCount; n++) {
      const calls = callsThisStep[consumers[n]!]!;
      if (calls === 0) anyIdle = true;
      if (calls > mostCalls) mostCalls = calls;
      readRecords[n] = 0;
      readBytes[n] = 0;
    }

    for (let j = 0; j < visitCount; j++) {
      const s = visit[j]!;
      if (openedStep[s]! > step) continue;
      if (step < closedStep[s]!) {
        let wantRecords = 0;
        let wantBytes = 0;
        let wantUnits = 0;
        if (single) {
          const fresh = onlyProduced * onlyWeight[s]!;
          if (onlySettles) onlyOffered[s] = fresh;
          wantRecords = fresh;
          wantBytes = fresh * onlyBytes[s]!;
          wantUnits = fresh * onlyUnits[s]!;
        } else {
          for (let p = 0; p < planCount; p++) {
            const plan = plans[p]!;
            if (plan.plain) {
              const fresh = produced[p]! * plan.weight[s]!;
              if (!plan.settlesFromTotals) plan.offeredUser[s] = fresh;
              wantRecords += fresh;
              wantBytes += fresh * plan.plainRecordBytes[s]!;
              wantUnits += fresh * plan.plainRecordUnits[s]!;
            } else {
              offerToSlot(plan, s, produced[p]!, dt, slots, offer);
              wantRecords += offer[0]!;
              wantBytes += offer[1]!;
              wantUnits += offer[2]!;
            }
          }
        }
        const availableRecords = recordTokens[s]! + recordsRefill;
        const availableBytes = writeTokens[s]! + bytesRefill;
        let a = 1;
        if (wantRecords > availableRecords) a = availableRecords / wantRecords;
        if (wantBytes * a > availableBytes) a = availableBytes / wantBytes;
        const records = a * wantRecords;
        const bytes = a * wantBytes;
        recordTokens[s] = Math.min(recordsRate, availableRecords - records);
        writeTokens[s] = Math.min(bytesRate, availableBytes - bytes);
        stepRecords[s] = records;
        stepBytes[s] = bytes;
        throttled[s]! += wantRecords - records;
        acceptedUnits[s]! += a * wantUnits;
        if (single) {
          if (onlySettles) settleSlot(only!, a, s, slots);
        } else {
          for (let p = 0; p < planCount; p++) {
            const plan = plans[p]!;
            if (!plan.settlesFromTotals) settleSlot(plan, a, s, slots);
          }
        }
      }

      if (consumerCount > 0) {
        if (mostCalls === 1) {
          const cumStart = cumRecords[s]!;
          const records = stepRecords[s]!;
          const bytes = stepBytes[s]!;
          for (let n = 0; n < consumerCount; n++) {
            const g = consumers[n]!;
            if (callsThisStep[g] !== 1) continue;
            const i = g * slots + s;
            if (
              position[i] !== cumStart ||
              records > recordsPerCall[g]! ||
              bytes > maxCallBytes ||
              hasParents[s] === 1
            ) {
              reads.oneCall(g, s, 1, 1);
              continue;
            }
            if (closedStep[s]! <= step) continue;
            getRecordsCalls[s]!++;
            const elapsed = at - refilledAt[s]!;
            if (elapsed > 0) {
              byteTokens[s] = Math.min(readBytesRate, byteTokens[s]! + elapsed * readBytesRate);
              callTokens[s] = Math.min(readCallsRate, callTokens[s]! + elapsed * readCallsRate);
              refilledAt[s] = at;
            }
            if (at < blockedUntil[s]! || callTokens[s]! < 1 || byteTokens[s]! < 0) {
              throttledCalls[s]!++;
              if (records > 0) behind[s] = 1;
              continue;
            }
            callTokens[s]! -= 1;
            if (records <= 0) continue;
            // Caught up before the call and it reads the whole step: the last record arrived just now (age 0).
            byteTokens[s]! -= bytes;
            position[i] = cumStart + records;
            positionBytes[i] = cumBytes[s]! + bytes;
            readRecords[n]! += records;
            readBytes[n]! += bytes;
          }
        } else if (mostCalls > 1) {
          reads.callsInTimeOrder(s, consumers);
        }
        if (anyIdle || behind[s] === 1 || hasHistory[s] === 1) {
          behind[s] = 0;
          reads.endSlot(s, consumers, stream.retentionSteps);
        }
      }
      cumRecords[s]! += stepRecords[s]!;
      cumBytes[s]! += stepBytes[s]!;
    }

    for (let n = 0; n < consumerCount; n++) {
      const g = consumers[n]!;
      reads.recordsRead[g]! += readRecords[n]!;
      reads.bytesRead[g]! += readBytes[n]!;
    }
  }
}
