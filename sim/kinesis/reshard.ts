import { MILLIS_PER_HOUR, ok, type Result } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import { checkNewStartingHashKey, checkNewStartingHashKeyPattern, closedShardError } from './checks.ts';
import { kinesisFail } from './errors.ts';
import { evenSplit, hashKeyHex, type HashKeyRange } from './hash-key.ts';
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

const DAY_MILLIS = 24 * MILLIS_PER_HOUR;

type Empty = Record<string, never>;

/**
 * A reshard needs an ACTIVE stream (ResourceInUseException while it is UPDATING). Checked before the shards
 * named in the call, as AWS does: a second split of a just-split shard is refused as "not ACTIVE" first.
 */
function requireActive(state: KinesisState, stream: StreamState, now: number): Result<Empty, KinesisError> {
  if (streamStatus(stream, now) === 'ACTIVE') return ok({});
  return kinesisFail(
    'ResourceInUseException',
    `Stream ${stream.StreamName} under account ${state.accountId} is UPDATING after a reshard until ${stream.updatingUntil} ms; wait until it is ACTIVE again.`,
    'StreamName',
  );
}

/** Checks shared by every reshard call: ACTIVE stream, account call rate, account shard limit. */
function admitReshard(
  state: KinesisState,
  stream: StreamState,
  now: number,
  addedShards: number,
): Result<Empty, KinesisError> {
  const active = requireActive(state, stream, now);
  if (!active.ok) return active;
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
  state: KinesisState,
  stream: StreamState,
  shardId: unknown,
  path: string,
): Result<ShardState, KinesisError> {
  const found = findShard(stream, shardId, path);
  if (found.ok && !isOpen(found.value)) {
    return closedShardError(found.value.ShardId, stream.StreamName, state.accountId, path);
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
 * NewStartingHashKey must fit the model's pattern (ValidationException, checked first) and lie from the
 * parent's start + 2 to its end − 1 (InvalidArgumentException; see `checkNewStartingHashKey`); a parent that
 * is already closed is an InvalidArgumentException.
 */
export function splitShard(
  state: KinesisState,
  request: SplitShardRequest,
  now: Millis,
): Result<Empty, KinesisError> {
  const pattern = checkNewStartingHashKeyPattern(request.NewStartingHashKey);
  if (!pattern.ok) return pattern;
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const active = requireActive(state, stream, now);
  if (!active.ok) return active;
  const parent = openShardNamed(state, stream, request.ShardToSplit, 'ShardToSplit');
  if (!parent.ok) return parent;
  const checked = checkNewStartingHashKey(parent.value, request.NewStartingHashKey);
  if (!checked.ok) return checked;
  const cut = checked.value;
  const start = BigInt(parent.value.HashKeyRange.StartingHashKey);
  const end = BigInt(parent.value.HashKeyRange.EndingHashKey);
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

/** MergeShards request: two open shards, the adjacent one's range starting just after the first one's. */
export interface MergeShardsRequest {
  readonly StreamName: string;
  readonly ShardToMerge: string;
  readonly AdjacentShardToMerge: string;
}

/**
 * MergeShards: both parents close; one child with the union of their ranges opens (ParentShardId the
 * ShardToMerge, AdjacentParentShardId the other). The order matters: AdjacentShardToMerge's range must start
 * just after ShardToMerge's ends — the same pair named the other way round is refused (kinesalite's
 * MergeShards tests, run against AWS). A closed shard is an InvalidArgumentException.
 */
export function mergeShards(
  state: KinesisState,
  request: MergeShardsRequest,
  now: Millis,
): Result<Empty, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const active = requireActive(state, stream, now);
  if (!active.ok) return active;
  const a = openShardNamed(state, stream, request.ShardToMerge, 'ShardToMerge');
  if (!a.ok) return a;
  const b = openShardNamed(state, stream, request.AdjacentShardToMerge, 'AdjacentShardToMerge');
  if (!b.ok) return b;
  const [lower, upper] = [a.value, b.value];
  if (BigInt(lower.HashKeyRange.EndingHashKey) + 1n !== BigInt(upper.HashKeyRange.StartingHashKey)) {
    const inverted =
      BigInt(upper.HashKeyRange.EndingHashKey) + 1n === BigInt(lower.HashKeyRange.StartingHashKey);
    return kinesisFail(
      'InvalidArgumentException',
      `Shards ${a.value.ShardId} and ${b.value.ShardId} in stream ${stream.StreamName} under account ${state.accountId} are not an adjacent pair of shards eligible for merging. ` +
        (inverted
          ? `Their ranges touch, but the wrong way round: name ${b.value.ShardId} as ShardToMerge and ${a.value.ShardId} as AdjacentShardToMerge (the adjacent shard's range must start just after ShardToMerge's ends).`
          : 'Their hash key ranges must touch: AdjacentShardToMerge must start just after ShardToMerge ends.'),
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
 * Each child range with the parents (sorted by starting key, contiguous) whose ranges it overlaps, in one
 * sweep over both sorted lists: linear in parents + children. (Filtering every parent for every child made
 * 50,000 → 100,000 shards take minutes.)
 */
function overlappingParents(
  parents: readonly ShardState[],
  children: readonly HashKeyRange[],
): { readonly range: HashKeyRange; readonly parentShardIds: string[] }[] {
  let first = 0;
  return children.map((range) => {
    const startHex = hashKeyHex(BigInt(range.StartingHashKey));
    const endHex = hashKeyHex(BigInt(range.EndingHashKey));
    while (first < parents.length - 1 && parents[first]!.endingHex < startHex) first++;
    const parentShardIds: string[] = [];
    for (let p = first; p < parents.length && parents[p]!.startingHex <= endHex; p++) {
      parentShardIds.push(parents[p]!.ShardId);
    }
    return { range, parentShardIds };
  });
}

/**
 * UpdateShardCount's per-stream shard cap (200 at launch, 10,000 today): no scaling up past it, and a stream
 * above it may only scale down to fewer than the cap.
 */
function perStreamCapProblem(current: number, target: number, cap: number): string | undefined {
  if (target > current && target > cap) {
    return `UpdateShardCount may not scale a stream up to more than ${cap.toLocaleString('en-US')} shards (asked for ${target.toLocaleString('en-US')}).`;
  }
  if (target < current && current > cap && target >= cap) {
    return `A stream with more than ${cap.toLocaleString('en-US')} shards may scale down only to fewer than ${cap.toLocaleString('en-US')} (asked for ${target.toLocaleString('en-US')}).`;
  }
  return undefined;
}

/**
 * UpdateShardCount (UNIFORM_SCALING): every open shard closes and `TargetShardCount` children split the key
 * space evenly; each child lists every parent whose range it overlaps. AWS reaches the same end state
 * through a series of splits and merges with transient shards; the model goes there directly. Rules
 * (AWS-FACTS §1.6, rows 18–19): the target is ½×–2× the open shard count; no scaling past the per-stream
 * cap (200 shards at launch, 10,000 today; LimitExceededException); at most 2 calls per rolling 24 h per
 * account (Nov 2016) or 10 per stream (today); within the account's shard limit. Refused in the 2016 era
 * unless the state allows it.
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
  const limits = limitsOf(state);
  const capProblem = perStreamCapProblem(current, target, limits.updateShardCountMaxShardsPerStream);
  if (capProblem !== undefined) {
    return kinesisFail(
      'LimitExceededException',
      `${capProblem} This is a default limit of UpdateShardCount (AWS raises it on request); split and merge shards individually to go further.`,
      'TargetShardCount',
    );
  }
  const perStream = state.era === 'current';
  const calls = recentCalls(perStream ? stream.updateShardCountCalls : state.updateShardCountCalls, now);
  const allowed = limits.updateShardCountCallsPer24Hours;
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
  for (const { range, parentShardIds } of overlappingParents(parents, evenSplit(target))) {
    stream.shards.push(openShard(stream, range, { parentShardIds }, now, limits));
  }
  finishReshard(stream, now);
  return ok({ StreamName: stream.StreamName, CurrentShardCount: current, TargetShardCount: target });
}
