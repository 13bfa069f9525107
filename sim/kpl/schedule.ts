import type { BufferedUserRecord, KplProducerState } from './producer-state.ts';

/**
 * The next virtual time at which {@link flushDue} has work, or undefined when nothing is buffered: the
 * earliest of an aggregate's RecordMaxBufferedTime deadline, a ready record's collection deadline (or
 * `now` when a full PutRecords call is waiting), a retry's back-off end, and — for records the RateLimit
 * holds back — the moment their shard's buckets hold enough tokens again. A simulation handler schedules
 * its flush event at this time after every addUserRecord, flushDue and onPutRecordsResult.
 */
export function nextDueAt(state: KplProducerState, now: number): number | undefined {
  const config = state.config;
  let next = state.nextRetryAtMs ?? Infinity;
  for (const aggregator of state.aggregators) {
    if (aggregator.records.length > 0) {
      next = Math.min(next, aggregator.oldestAddedAtMs + config.RecordMaxBufferedTime);
    }
  }
  if (state.outboxCount > 0) {
    let sendable = Infinity;
    state.outbox.forEach((queue, shard) => {
      if (queue.length === 0) return;
      const head = queue[0]!;
      const tokens = tokensReadyAt(state, shard, head.bytes);
      sendable = Math.min(sendable, tokens);
      const deadline = Math.min(head.deadlineMs, queue[queue.length - 1]!.deadlineMs);
      next = Math.min(next, Math.max(deadline, tokens));
    });
    // A full call's worth is due at once, but only once the RateLimit lets at least one record go.
    if (state.outboxCount >= config.CollectionMaxCount || state.outboxBytes >= config.CollectionMaxSize) {
      next = Math.min(next, sendable);
    }
  }
  return next === Infinity ? undefined : Math.max(next, now);
}

/**
 * Shortest wait for the RateLimit's buckets: the KPL meets its deadlines to within about 10 ms (AWS-FACTS
 * §2.1), so a held-back shard is looked at again every 10 ms at most, not once per token.
 */
export const RATE_LIMIT_WAKE_MS = 10;

/** When shard `shard`'s rate-limit buckets will hold one record and `bytes` bytes. */
function tokensReadyAt(state: KplProducerState, shard: number, bytes: number): number {
  const limiter = state.limiter;
  const share = state.config.RateLimit / 100;
  const recordRate = (state.shardRecordsPerSecond * share) / 1000;
  const byteRate = (state.shardBytesPerSecond * share) / 1000;
  const recordWait = Math.max(0, 1 - limiter.recordTokens[shard]!) / recordRate;
  const byteWait = Math.max(0, bytes - limiter.byteTokens[shard]!) / byteRate;
  const wait = Math.max(recordWait, byteWait);
  return limiter.refilledAtMs + (wait > 0 ? Math.max(RATE_LIMIT_WAKE_MS, Math.ceil(wait)) : 0);
}

/** Where the producer's user records are right now, for the UI. */
export interface KplBufferSummary {
  /** In per-shard aggregates still filling. */
  readonly aggregating: number;
  /** In Kinesis records waiting to be collected (or held by the RateLimit). */
  readonly readyToSend: number;
  /** In PutRecords calls not yet answered. */
  readonly inFlight: number;
  /** Waiting out a back-off after a failed put. */
  readonly retrying: number;
}

const countUserRecords = (ready: readonly { readonly userRecords: readonly BufferedUserRecord[] }[]) =>
  ready.reduce((sum, r) => sum + r.userRecords.length, 0);

/** Counts the user records in each stage of the producer. */
export function bufferSummary(state: KplProducerState): KplBufferSummary {
  return {
    aggregating: state.aggregators.reduce((sum, a) => sum + a.records.length, 0),
    readyToSend: state.outbox.reduce((sum, queue) => sum + countUserRecords(queue), 0),
    inFlight: Object.values(state.inFlight).reduce((sum, calls) => sum + countUserRecords(calls), 0),
    retrying: state.retries.length,
  };
}
