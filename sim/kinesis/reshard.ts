import { ok, type Result } from '../core/errors.ts';
import type { Millis } from '../core/units.ts';
import { kinesisFail } from './errors.ts';
import { evenSplit, hashKeyHex, parseHashKey, type HashKeyRange } from './hash-key.ts';
import { closeShard, isOpen, openShard } from './shard.ts';
import { findShard, findStream, limitsOf, openShardCount, streamStatus } from './stream.ts';
import type { KinesisError, KinesisState, ShardState, StreamState } from './types.ts';

/**
 * How long a stream stays UPDATING after SplitShard, MergeShards or UpdateShardCount. An approximation:
 * AWS says resharding is asynchronous and takes "a few seconds" to minutes depending on the stream; the
 * model applies the new shards at once (writes go to the children immediately, as on AWS) and refuses
 * another reshard until this delay has passed.
 */
export const RESHARD_UPDATING_MILLIS = 30_000;

const DAY_MILLIS = 24 * 3_600_000;

type Empty = Record<string, never>;

/** Checks shared by every reshard call: ACTIVE stream, account call rate, account shard limit. */
function admitReshard(
  state: KinesisState,
  stream: StreamState,
  now: number,
  addedShards: number,
): Result<Empty, KinesisError> {
  if (streamStatus(stream, now) !== 'ACTIVE') {
    return kinesisFail(
      'ResourceInUseException',
      `Stream ${stream.StreamName} under account ${state.accountId} is UPDATING after a reshard until ${stream.updatingUntil} ms; wait until it is ACTIVE again.`,
      'StreamName',
    );
  }
  const limits = limitsOf(state);
  const rate = limits.reshardCallsPerSecond;
  state.reshardTokens = Math.min(rate, state.reshardTokens + ((now - state.reshardRefilledAt) * rate) / 1000);
  state.reshardRefilledAt = now;
  if (state.reshardTokens < 1) {
    return kinesisFail(
      'LimitExceededException',
      `Rate exceeded: SplitShard and MergeShards allow ${rate} calls per second per account.`,
    );
  }
  const open = openShardCount(state);
  if (open + addedShards > state.shardLimit) {
    return kinesisFail(
      'LimitExceededException',
      `This would bring account ${state.accountId} to ${open + addedShards} open shards; its limit is ${state.shardLimit}.`,
    );
  }
  state.reshardTokens -= 1;
  return ok({});
}

function openShardNamed(
  stream: StreamState,
  shardId: unknown,
  path: string,
): Result<ShardState, KinesisError> {
  const found = findShard(stream, shardId, path);
  if (found.ok && !isOpen(found.value)) {
    return kinesisFail(
      'ResourceInUseException',
      `Shard ${found.value.ShardId} is CLOSED: only open shards can be split or merged.`,
      path,
    );
  }
  return found;
}

function finishReshard(stream: StreamState, now: number): void {
  stream.routeVersion++;
  stream.updatingUntil = now + RESHARD_UPDATING_MILLIS;
}

/** SplitShard request: the parent's range is cut at `NewStartingHashKey` (decimal). */
export interface SplitShardRequest {
  readonly StreamName: string;
  readonly ShardToSplit: string;
  readonly NewStartingHashKey: string;
}

/**
 * SplitShard: the parent closes (with its EndingSequenceNumber) and two children open with ranges
 * [start, NewStartingHashKey − 1] and [NewStartingHashKey, end]; writes go to the children at once.
 */
export function splitShard(
  state: KinesisState,
  request: SplitShardRequest,
  now: Millis,
): Result<Empty, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const parent = openShardNamed(stream, request.ShardToSplit, 'ShardToSplit');
  if (!parent.ok) return parent;
  const start = BigInt(parent.value.HashKeyRange.StartingHashKey);
  const end = BigInt(parent.value.HashKeyRange.EndingHashKey);
  const cut =
    typeof request.NewStartingHashKey === 'string' ? parseHashKey(request.NewStartingHashKey) : undefined;
  if (cut === undefined || cut <= start || cut > end) {
    return kinesisFail(
      'InvalidArgumentException',
      `NewStartingHashKey ${JSON.stringify(request.NewStartingHashKey)} must be a decimal hash key greater than ${start} and at most ${end} (the range of ${parent.value.ShardId}); the midpoint is ${(start + end + 1n) / 2n}.`,
      'NewStartingHashKey',
    );
  }
  const admitted = admitReshard(state, stream, now, 1);
  if (!admitted.ok) return admitted;
  const lineage = { parentShardIds: [parent.value.ShardId] };
  const limits = limitsOf(state);
  closeShard(parent.value, now);
  const low: HashKeyRange = { StartingHashKey: start.toString(), EndingHashKey: (cut - 1n).toString() };
  const high: HashKeyRange = { StartingHashKey: cut.toString(), EndingHashKey: end.toString() };
  stream.shards.push(
    openShard(stream, low, lineage, now, limits),
    openShard(stream, high, lineage, now, limits),
  );
  finishReshard(stream, now);
  return ok({});
}

/** MergeShards request: two open shards whose ranges touch. */
export interface MergeShardsRequest {
  readonly StreamName: string;
  readonly ShardToMerge: string;
  readonly AdjacentShardToMerge: string;
}

/** MergeShards: both parents close; one child with the union of their ranges opens. */
export function mergeShards(
  state: KinesisState,
  request: MergeShardsRequest,
  now: Millis,
): Result<Empty, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const a = openShardNamed(stream, request.ShardToMerge, 'ShardToMerge');
  if (!a.ok) return a;
  const b = openShardNamed(stream, request.AdjacentShardToMerge, 'AdjacentShardToMerge');
  if (!b.ok) return b;
  const [lower, upper] = a.value.startingHex < b.value.startingHex ? [a.value, b.value] : [b.value, a.value];
  if (BigInt(lower.HashKeyRange.EndingHashKey) + 1n !== BigInt(upper.HashKeyRange.StartingHashKey)) {
    return kinesisFail(
      'InvalidArgumentException',
      `Shards ${a.value.ShardId} and ${b.value.ShardId} are not adjacent: their hash key ranges must touch to be merged (one must end just before the other starts).`,
      'AdjacentShardToMerge',
    );
  }
  const admitted = admitReshard(state, stream, now, -1);
  if (!admitted.ok) return admitted;
  closeShard(a.value, now);
  closeShard(b.value, now);
  const range = {
    StartingHashKey: lower.HashKeyRange.StartingHashKey,
    EndingHashKey: upper.HashKeyRange.EndingHashKey,
  };
  stream.shards.push(
    openShard(stream, range, { parentShardIds: [a.value.ShardId, b.value.ShardId] }, now, limitsOf(state)),
  );
  finishReshard(stream, now);
  return ok({});
}

/** UpdateShardCount request (the API arrived in November 2016). */
export interface UpdateShardCountRequest {
  readonly StreamName: string;
  readonly TargetShardCount: number;
  readonly ScalingType: 'UNIFORM_SCALING';
}

/** UpdateShardCount response. */
export interface UpdateShardCountResponse {
  readonly StreamName: string;
  readonly CurrentShardCount: number;
  readonly TargetShardCount: number;
}

function recentCalls(calls: number[], now: number): number[] {
  return calls.filter((t) => now - t < DAY_MILLIS);
}

/**
 * UpdateShardCount (UNIFORM_SCALING): every open shard closes and `TargetShardCount` children split the key
 * space evenly; each child lists every parent whose range it overlaps. AWS reaches the same end state
 * through a series of splits and merges with transient shards; the model goes there directly. Rules: the
 * target is ½×–2× the open shard count; at most 2 calls per rolling 24 h per account (Nov 2016) or 10 per
 * stream (today). Refused in the 2016 era unless the state allows it.
 */
export function updateShardCount(
  state: KinesisState,
  request: UpdateShardCountRequest,
  now: Millis,
): Result<UpdateShardCountResponse, KinesisError> {
  if (state.era === '2016' && !state.allowUpdateShardCount) {
    return kinesisFail(
      'ValidationException',
      'UpdateShardCount did not exist at the time of the workshop: AWS added it in November 2016. In mid-2016, reshard with SplitShard and MergeShards, or allow UpdateShardCount in the settings.',
    );
  }
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  if (request.ScalingType !== 'UNIFORM_SCALING') {
    return kinesisFail(
      'ValidationException',
      `ScalingType must be UNIFORM_SCALING (got ${JSON.stringify(request.ScalingType)}).`,
      'ScalingType',
    );
  }
  const parents = stream.shards.filter(isOpen).sort((x, y) => (x.startingHex < y.startingHex ? -1 : 1));
  const current = parents.length;
  const target = request.TargetShardCount;
  if (
    !Number.isInteger(target) ||
    target < Math.ceil(current / 2) ||
    target > current * 2 ||
    target === current
  ) {
    return kinesisFail(
      'InvalidArgumentException',
      `TargetShardCount must be a whole number from ${Math.ceil(current / 2)} to ${current * 2} other than ${current} (half to double the ${current} open shards); got ${String(target)}.`,
      'TargetShardCount',
    );
  }
  const perStream = state.era === 'current';
  const calls = recentCalls(perStream ? stream.updateShardCountCalls : state.updateShardCountCalls, now);
  const allowed = limitsOf(state).updateShardCountCallsPer24Hours;
  if (calls.length >= allowed) {
    return kinesisFail(
      'LimitExceededException',
      `UpdateShardCount may run ${allowed} times per rolling 24 hours ${perStream ? `per stream` : 'per account and region'}; the next call is allowed at ${calls[0]! + DAY_MILLIS} ms.`,
    );
  }
  const admitted = admitReshard(state, stream, now, target - current);
  if (!admitted.ok) return admitted;
  calls.push(now);
  if (perStream) stream.updateShardCountCalls = calls;
  else state.updateShardCountCalls = calls;
  for (const parent of parents) closeShard(parent, now);
  const limits = limitsOf(state);
  for (const range of evenSplit(target)) {
    const startHex = hashKeyHex(BigInt(range.StartingHashKey));
    const endHex = hashKeyHex(BigInt(range.EndingHashKey));
    const overlapping = parents.filter((p) => p.startingHex <= endHex && p.endingHex >= startHex);
    stream.shards.push(
      openShard(stream, range, { parentShardIds: overlapping.map((p) => p.ShardId) }, now, limits),
    );
  }
  finishReshard(stream, now);
  return ok({ StreamName: stream.StreamName, CurrentShardCount: current, TargetShardCount: target });
}
