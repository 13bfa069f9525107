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
  let next = Infinity;
  for (const aggregator of state.aggregators) {
    for (const record of aggregator.records) {
      next = Math.min(next, record.addedAtMs + config.RecordMaxBufferedTime);
    }
  }
  for (const retry of state.retries) next = Math.min(next, retry.retryAtMs);
  if (state.outbox.length > 0) {
    let bytes = 0;
    let sendable = Infinity;
    for (const ready of state.outbox) {
      bytes += ready.bytes;
      const tokens = tokensReadyAt(state, ready.shardIndex, ready.bytes);
      sendable = Math.min(sendable, tokens);
      next = Math.min(next, Math.max(ready.deadlineMs, tokens));
    }
    // A full call's worth is due at once, but only once the RateLimit lets at least one record go.
    if (state.outbox.length >= config.CollectionMaxCount || bytes >= config.CollectionMaxSize) {
      next = Math.min(next, sendable);
    }
  }
  return next === Infinity ? undefined : Math.max(next, now);
}

/** When shard `shard`'s rate-limit buckets will hold one record and `bytes` bytes. */
function tokensReadyAt(state: KplProducerState, shard: number, bytes: number): number {
  const limiter = state.limiter;
  const share = state.config.RateLimit / 100;
  const recordRate = (state.shardRecordsPerSecond * share) / 1000;
  const byteRate = (state.shardBytesPerSecond * share) / 1000;
  const recordWait = Math.max(0, 1 - limiter.recordTokens[shard]!) / recordRate;
  const byteWait = Math.max(0, bytes - limiter.byteTokens[shard]!) / byteRate;
  return limiter.refilledAtMs + Math.ceil(Math.max(recordWait, byteWait));
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
    readyToSend: countUserRecords(state.outbox),
    inFlight: Object.values(state.inFlight).reduce((sum, calls) => sum + countUserRecords(calls), 0),
    retrying: state.retries.length,
  };
}
