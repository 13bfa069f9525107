import { fail, ok, type Result } from '../core/index.ts';
import { RETRY_BACKOFF_BASE_MS, RETRY_BACKOFF_MAX_MS } from './config.ts';
import { queueUserRecord, sealAggregator } from './aggregator.ts';
import { hashKeyHex, hashPartitionKey } from '../kinesis/index.ts';
import { parseExplicitHashKey, shardIndexForHashHex } from './hash-key.ts';
import { utf8Length, type PutRecordsInput, type PutRecordsOutput } from './kinesis-api.ts';
import {
  KEPT_FAILURES,
  type BufferedUserRecord,
  type KplProducerState,
  type ReadyKinesisRecord,
} from './producer-state.ts';

/**
 * The KPL's own partition key rule (KinesisProducer.addUserRecord in the KPL's Java front end): 1 to 256 as
 * Java's `String.length()` counts, in UTF-16 code units. Kinesis itself allows 256 Unicode characters (code
 * points), so the KPL is the stricter of the two: a key with characters outside the Basic Multilingual Plane
 * (emoji) can be refused here although PutRecords would take it, never the other way round — and a key the
 * stream would refuse never reaches an aggregate, where it would fail its neighbours' records with it.
 */
const KPL_PARTITION_KEY_MAX_UTF16_UNITS = 256;

/** A user record as the application adds it (KinesisProducer.addUserRecord). */
export interface AddUserRecordInput {
  readonly PartitionKey: string;
  readonly ExplicitHashKey?: string;
  readonly Data: Uint8Array;
}

/**
 * Accepts a user record at virtual time `now`: checks it as the KPL does (partition key 1–256 UTF-16 code
 * units) and as Kinesis would (data + key ≤ the stream's record limit, ExplicitHashKey by Kinesis's own
 * check), predicts its shard from the shard map and buffers it. Nothing is sent here: call
 * {@link flushDue} at {@link nextDueAt}. Returns the user record's producer-local id.
 */
export function addUserRecord(
  state: KplProducerState,
  input: AddUserRecordInput,
  now: number,
): Result<number> {
  const key = input.PartitionKey;
  if (typeof key !== 'string' || key.length < 1 || key.length > KPL_PARTITION_KEY_MAX_UTF16_UNITS) {
    const got = typeof key === 'string' ? key.length : 'no key';
    return fail({
      code: 'IllegalArgumentException',
      message: `Invalid partition key. Length must be at least 1 and at most ${KPL_PARTITION_KEY_MAX_UTF16_UNITS}, got ${got}. The KPL counts UTF-16 code units, as Java does: a character outside the Basic Multilingual Plane (an emoji, say) counts as 2. Use a key of 1 to ${KPL_PARTITION_KEY_MAX_UTF16_UNITS} such units.`,
      path: 'PartitionKey',
    });
  }
  const size = input.Data.length + utf8Length(input.PartitionKey);
  if (size > state.maxRecordBytes) {
    return fail({
      code: 'InvalidArgumentException',
      message: `The record is ${size.toLocaleString('en-US')} bytes (data + partition key); a Kinesis record may be at most ${state.maxRecordBytes.toLocaleString('en-US')} bytes (1 MB).`,
      path: 'Data',
    });
  }
  let hashKey: string;
  if (input.ExplicitHashKey !== undefined) {
    const parsed = parseExplicitHashKey(input.ExplicitHashKey);
    if (!parsed.ok) return parsed;
    hashKey = hashKeyHex(parsed.value);
  } else {
    hashKey = hashPartitionKey(input.PartitionKey).hex;
  }
  const shardIndex = shardIndexForHashHex(state.shards, hashKey);
  if (shardIndex < 0) {
    return fail({
      code: 'ShardMapIncomplete',
      message: `No shard in the producer's shard map covers hash key 0x${hashKey}: give the producer the stream's current shards.`,
      path: 'shards',
    });
  }
  const id = state.nextUserRecordId++;
  const record: BufferedUserRecord = {
    id,
    PartitionKey: input.PartitionKey,
    ...(input.ExplicitHashKey === undefined ? {} : { ExplicitHashKey: input.ExplicitHashKey }),
    Data: input.Data,
    shardIndex,
    shardMapVersion: state.shardMapVersion,
    addedAtMs: now,
    attempts: 0,
  };
  state.stats.userRecordsAdded++;
  queueUserRecord(state, record);
  return ok(id);
}

/** One PutRecords call the producer wants made; pass `requestId` back with the response. */
export interface PutRecordsCall {
  readonly requestId: number;
  readonly input: PutRecordsInput;
}

function refillLimiter(state: KplProducerState, now: number): void {
  const limiter = state.limiter;
  const elapsed = now - limiter.refilledAtMs;
  if (elapsed <= 0) return;
  const share = state.config.RateLimit / 100;
  const recordRate = state.shardRecordsPerSecond * share;
  const byteRate = state.shardBytesPerSecond * share;
  for (let i = 0; i < limiter.recordTokens.length; i++) {
    limiter.recordTokens[i] = Math.min(recordRate, limiter.recordTokens[i]! + (recordRate * elapsed) / 1000);
    limiter.byteTokens[i] = Math.min(byteRate, limiter.byteTokens[i]! + (byteRate * elapsed) / 1000);
  }
  limiter.refilledAtMs = now;
}

function giveUp(state: KplProducerState, record: BufferedUserRecord, reason: string, now: number): void {
  state.stats.userRecordsExpired++;
  state.failures.push({ id: record.id, PartitionKey: record.PartitionKey, reason, atMs: now });
  if (state.failures.length > KEPT_FAILURES) state.failures.splice(0, state.failures.length - KEPT_FAILURES);
}

function expired(state: KplProducerState, record: BufferedUserRecord, now: number): boolean {
  return now - record.addedAtMs >= state.config.RecordTtl;
}

/** Fails the expired user records of a ready record that is past its RecordTtl and re-queues the rest. */
function expireUserRecords(state: KplProducerState, ready: ReadyKinesisRecord, now: number): void {
  for (const record of ready.userRecords) {
    if (expired(state, record, now)) giveUp(state, record, 'RecordTtlExpired', now);
    else queueUserRecord(state, record);
  }
}

function requeueDueRetries(state: KplProducerState, now: number): void {
  if (state.nextRetryAtMs === null || state.nextRetryAtMs > now) return;
  const waiting = [];
  let next: number | null = null;
  for (const retry of state.retries) {
    if (retry.retryAtMs > now) {
      waiting.push(retry);
      next = next === null ? retry.retryAtMs : Math.min(next, retry.retryAtMs);
    } else if (expired(state, retry.record, now)) giveUp(state, retry.record, 'RecordTtlExpired', now);
    else queueUserRecord(state, retry.record);
  }
  state.retries = waiting;
  state.nextRetryAtMs = next;
}

/** True when a ready record's deadline has come or a full PutRecords call's worth is waiting. */
function collectionDue(state: KplProducerState, now: number): boolean {
  const config = state.config;
  if (state.outboxCount >= config.CollectionMaxCount || state.outboxBytes >= config.CollectionMaxSize)
    return true;
  for (const queue of state.outbox) {
    // Queues are in arrival order, except re-aggregated retries at the tail, which carry old deadlines.
    if (queue.length > 0 && (queue[0]!.deadlineMs <= now || queue[queue.length - 1]!.deadlineMs <= now)) {
      return true;
    }
  }
  return false;
}

/**
 * Takes from each shard's queue, oldest first, the records the RateLimit lets go now; records past RecordTtl
 * are failed instead of sent.
 */
function takeSendable(state: KplProducerState, now: number): ReadyKinesisRecord[] {
  const limiter = state.limiter;
  const ttl = state.config.RecordTtl;
  const buffered = state.config.RecordMaxBufferedTime;
  const taken: ReadyKinesisRecord[] = [];
  let held = false;
  state.outbox.forEach((queue, shard) => {
    let k = 0;
    for (; k < queue.length; k++) {
      const ready = queue[k]!;
      // deadlineMs − RecordMaxBufferedTime is the oldest user record's arrival.
      if (now - (ready.deadlineMs - buffered) >= ttl) {
        state.outboxCount--;
        state.outboxBytes -= ready.bytes;
        expireUserRecords(state, ready, now);
        continue;
      }
      if (limiter.recordTokens[shard]! < 1 || limiter.byteTokens[shard]! < ready.bytes) {
        held = true;
        break;
      }
      limiter.recordTokens[shard]! -= 1;
      limiter.byteTokens[shard]! -= ready.bytes;
      state.outboxCount--;
      state.outboxBytes -= ready.bytes;
      taken.push(ready);
    }
    if (k > 0) queue.splice(0, k);
  });
  if (held) state.stats.rateLimitedFlushes++;
  return taken;
}

/**
 * Does everything due at `now`: re-queues user records whose back-off ended, seals aggregates whose oldest
 * record has waited RecordMaxBufferedTime, and — when a ready record's deadline has come or a full
 * PutRecords call's worth is waiting — collects ready records into PutRecords calls of at most
 * CollectionMaxCount records and CollectionMaxSize bytes. The per-shard RateLimit holds back records over
 * 150 % (by default) of the shard's write limits until its buckets refill; records past RecordTtl fail.
 */
export function flushDue(state: KplProducerState, now: number): PutRecordsCall[] {
  const config = state.config;
  refillLimiter(state, now);
  requeueDueRetries(state, now);
  for (let shard = 0; shard < state.aggregators.length; shard++) {
    const aggregator = state.aggregators[shard]!;
    if (aggregator.records.length > 0 && aggregator.oldestAddedAtMs + config.RecordMaxBufferedTime <= now) {
      sealAggregator(state, shard);
    }
  }
  if (state.outboxCount === 0 || !collectionDue(state, now)) return [];
  const calls: PutRecordsCall[] = [];
  let batch: ReadyKinesisRecord[] = [];
  let batchBytes = 0;
  const send = () => {
    if (batch.length === 0) return;
    const requestId = state.nextRequestId++;
    state.inFlight[String(requestId)] = batch;
    state.stats.putRecordsCalls++;
    state.stats.kinesisRecordsSent += batch.length;
    state.stats.bytesSent += batchBytes;
    for (const ready of batch) if (ready.userRecords.length > 1) state.stats.aggregatedKinesisRecordsSent++;
    calls.push({
      requestId,
      input: {
        StreamName: state.StreamName,
        Records: batch.map((ready) => ({
          Data: ready.Data,
          PartitionKey: ready.PartitionKey,
          ...(ready.ExplicitHashKey === undefined ? {} : { ExplicitHashKey: ready.ExplicitHashKey }),
        })),
      },
    });
    batch = [];
    batchBytes = 0;
  };
  for (const ready of takeSendable(state, now)) {
    if (batch.length >= config.CollectionMaxCount || batchBytes + ready.bytes > config.CollectionMaxSize)
      send();
    batch.push(ready);
    batchBytes += ready.bytes;
  }
  send();
  return calls;
}

/** Back-off before retry number `attempts` (1, 2, …): 100 ms doubled each time, at most 3,200 ms. */
export function retryBackoffMs(attempts: number): number {
  return Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_BASE_MS * 2 ** (attempts - 1));
}

/** True when Kinesis put a record on another shard than the current map predicted: the stream was resharded. */
function landedElsewhere(state: KplProducerState, ready: ReadyKinesisRecord, shardId?: string): boolean {
  const predictedWith = ready.userRecords[0]?.shardMapVersion;
  if (shardId === undefined || predictedWith !== state.shardMapVersion) return false;
  return state.shards[ready.shardIndex]?.ShardId !== shardId;
}

/**
 * Takes the PutRecords response for call `requestId`: successes count their user records as delivered and
 * their PUT payload units; each failed entry's user records wait a back-off and are aggregated again, or
 * fail for good once RecordTtl has passed.
 */
export function onPutRecordsResult(
  state: KplProducerState,
  requestId: number,
  output: PutRecordsOutput,
  now: number,
): Result<true> {
  const sent = state.inFlight[String(requestId)];
  if (!sent) {
    return fail({
      code: 'UnknownRequest',
      message: `The producer has no PutRecords call ${requestId} in flight (already answered, or from another producer).`,
      path: 'requestId',
    });
  }
  if (output.Records.length !== sent.length) {
    return fail({
      code: 'InvalidArgument',
      message: `PutRecords call ${requestId} sent ${sent.length} records but the response lists ${output.Records.length}.`,
      path: 'Records',
    });
  }
  delete state.inFlight[String(requestId)];
  const stats = state.stats;
  sent.forEach((ready, i) => {
    const entry = output.Records[i]!;
    if (entry.ErrorCode === undefined) {
      stats.kinesisRecordsSucceeded++;
      if (landedElsewhere(state, ready, entry.ShardId)) state.shardMapStale = true;
      stats.putPayloadUnits += Math.max(1, Math.ceil(ready.Data.length / state.payloadUnitBytes));
      for (const record of ready.userRecords) {
        stats.userRecordsSucceeded++;
        stats.userRecordLatencyMsSum += now - record.addedAtMs;
      }
      return;
    }
    const throttled = entry.ErrorCode === 'ProvisionedThroughputExceededException';
    if (throttled) stats.kinesisRecordsThrottled++;
    else stats.kinesisRecordsFailedOther++;
    for (const record of ready.userRecords) {
      if (throttled) {
        stats.userRecordAttemptsThrottled++;
        if (record.throttled !== true) stats.userRecordsThrottled++;
      }
      const again: BufferedUserRecord = {
        ...record,
        attempts: record.attempts + 1,
        ...(throttled ? { throttled: true as const } : {}),
      };
      if (expired(state, again, now)) giveUp(state, again, `RecordTtlExpired after ${entry.ErrorCode}`, now);
      else {
        stats.userRecordRetries++;
        const retryAtMs = now + retryBackoffMs(again.attempts);
        state.retries.push({ record: again, retryAtMs });
        if (state.nextRetryAtMs === null || retryAtMs < state.nextRetryAtMs) state.nextRetryAtMs = retryAtMs;
      }
    }
  });
  return ok(true);
}
