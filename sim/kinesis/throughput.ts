import type { KinesisLimits } from './limits.ts';
import type { ShardState } from './types.ts';

/**
 * How the per-shard, per-second limits are accounted — the text the console quotes.
 *
 * Each shard has token buckets that refill continuously with the virtual clock, at the shard's rate, up to
 * one second's worth:
 *  - writes: 1,048,576 bytes/s and 1,000 records/s; a record needs one record token and as many byte tokens
 *    as its data blob plus its partition key (UTF-8). If either bucket is short, that record is throttled
 *    (`ProvisionedThroughputExceededException` in its PutRecords entry) and takes no tokens.
 *  - reads: 5 GetRecords calls/s and 2,097,152 bytes/s, shared by every consumer of the shard. A call needs
 *    a call token and a bytes bucket that is not in debt; it then returns what it finds (up to 10,000
 *    records or 10 MiB) and its bytes are taken from the bucket, which may go negative: the debt is paid
 *    back at 2 MiB/s before the next call succeeds. A call that returned the full 10 MiB also blocks the
 *    shard's reads for 5 s, as AWS documents.
 *
 * Why a continuously refilled bucket rather than fixed one-second windows on the virtual clock: AWS
 * documents the limits "per second" without saying where a second starts, and a window aligned to the
 * clock lets a producer write a full second's quota at 0.999 s and another at 1.000 s — twice the limit
 * within a millisecond — and makes the outcome depend on where a burst falls relative to the boundary. The
 * bucket gives the same long-run rate wherever the burst falls. What it means for bursts: an idle shard
 * absorbs at most one second's quota at once (1 MiB or 1,000 records); after that it accepts exactly the
 * sustained rate. Real Kinesis also tolerates short bursts from a shard's unused capacity, but AWS does not
 * publish how much, so this is an approximation: throttling in the simulator happens when a producer
 * exceeds the documented per-second rate sustained over about a second, and a learner's exact throttle
 * counts would differ somewhat on AWS.
 */
export const THROUGHPUT_ACCOUNTING =
  'Each shard has token buckets refilled continuously with simulated time, holding at most one second of ' +
  'quota: 1 MiB and 1,000 records for writes (partition-key bytes count), 2 MiB and 5 GetRecords calls for ' +
  'reads shared by all consumers. A burst can use up to one second of quota at once; after that only the ' +
  'sustained rate is accepted. A GetRecords call may return more than the bucket holds (up to 10 MiB); the ' +
  'debt is paid back before the next call succeeds, and a full 10 MiB read blocks reads for 5 seconds. This ' +
  'approximates AWS, which enforces the documented per-second limits but does not publish its burst allowance.';

/** Brings a shard's write buckets up to `now`. */
export function refillWrite(shard: ShardState, now: number, limits: KinesisLimits): void {
  const elapsed = now - shard.writeRefilledAt;
  if (elapsed <= 0) return;
  const bytesRate = limits.shardWriteBytesPerSecond;
  const recordsRate = limits.shardWriteRecordsPerSecond;
  shard.writeBytesTokens = Math.min(bytesRate, shard.writeBytesTokens + (elapsed * bytesRate) / 1000);
  shard.writeRecordTokens = Math.min(recordsRate, shard.writeRecordTokens + (elapsed * recordsRate) / 1000);
  shard.writeRefilledAt = now;
}

/** Takes the tokens for one record of `size` bytes (call `refillWrite` first); false when throttled. */
export function takeWrite(shard: ShardState, size: number): boolean {
  if (shard.writeRecordTokens < 1 || shard.writeBytesTokens < size) return false;
  shard.writeRecordTokens -= 1;
  shard.writeBytesTokens -= size;
  return true;
}

function refillRead(shard: ShardState, now: number, limits: KinesisLimits): void {
  const elapsed = now - shard.readRefilledAt;
  if (elapsed <= 0) return;
  const bytesRate = limits.shardReadBytesPerSecond;
  const callsRate = limits.shardReadCallsPerSecond;
  shard.readBytesTokens = Math.min(bytesRate, shard.readBytesTokens + (elapsed * bytesRate) / 1000);
  shard.readCallTokens = Math.min(callsRate, shard.readCallTokens + (elapsed * callsRate) / 1000);
  shard.readRefilledAt = now;
}

/** Why a GetRecords call is refused, or undefined when it may proceed (its call token is then taken). */
export type ReadRefusal = 'calls' | 'bytes' | 'penalty';

/** Admits one GetRecords call on a shard, or says which read limit refuses it. */
export function admitRead(shard: ShardState, now: number, limits: KinesisLimits): ReadRefusal | undefined {
  refillRead(shard, now, limits);
  if (now < shard.readBlockedUntil) return 'penalty';
  if (shard.readCallTokens < 1) return 'calls';
  if (shard.readBytesTokens < 0) return 'bytes';
  shard.readCallTokens -= 1;
  return undefined;
}

/**
 * Charges the bytes a GetRecords call returned; `fullRead` (the call stopped at the 10 MiB cap) starts the
 * 5-second penalty.
 */
export function chargeRead(
  shard: ShardState,
  bytesRead: number,
  fullRead: boolean,
  now: number,
  limits: KinesisLimits,
): void {
  shard.readBytesTokens -= bytesRead;
  if (fullRead) shard.readBlockedUntil = now + limits.getRecordsPenaltyMillis;
}

/** Admits one GetShardIterator call on a shard (5 per second); false when throttled. */
export function admitIteratorCall(shard: ShardState, now: number, limits: KinesisLimits): boolean {
  const rate = limits.getShardIteratorCallsPerSecond;
  const elapsed = now - shard.iteratorRefilledAt;
  if (elapsed > 0) {
    shard.iteratorCallTokens = Math.min(rate, shard.iteratorCallTokens + (elapsed * rate) / 1000);
    shard.iteratorRefilledAt = now;
  }
  if (shard.iteratorCallTokens < 1) return false;
  shard.iteratorCallTokens -= 1;
  return true;
}
