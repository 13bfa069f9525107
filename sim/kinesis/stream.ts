import { ok, type Result } from '../core/index.ts';
import { bytes, KIB, type Millis } from '../core/index.ts';
import { shardNotFound } from './checks.ts';
import { kinesisFail } from './errors.ts';
import { evenSplit, type HashKeyRange } from './hash-key.ts';
import { kinesisLimits, MAX_CONFIGURABLE_RECORD_KIB, type KinesisEra, type KinesisLimits } from './limits.ts';
import { isExpired, isOpen, openShard } from './shard.ts';
import type { KinesisError, KinesisState, ShardState, StreamState } from './types.ts';

const LIMITS: Readonly<Record<KinesisEra, KinesisLimits>> = {
  '2016': kinesisLimits('2016'),
  current: kinesisLimits('current'),
};

/** The limits in force for a state's era. */
export function limitsOf(state: KinesisState): KinesisLimits {
  return LIMITS[state.era];
}

/** How to start the data plane. */
export interface KinesisOptions {
  /** Which limits apply; defaults to 2016, the workshop. */
  readonly era?: KinesisEra;
  /** Let UpdateShardCount run in the 2016 era (it arrived in Nov 2016). */
  readonly allowUpdateShardCount?: boolean;
  /** Shards the account may have open; defaults to the era's default limit (AWS raises it on request). */
  readonly shardLimit?: number;
  readonly accountId?: string;
  readonly region?: string;
}

/** An empty data plane: no streams yet. */
export function createKinesisState(options: KinesisOptions = {}): KinesisState {
  const era = options.era ?? '2016';
  return {
    era,
    accountId: options.accountId ?? '123456789012',
    region: options.region ?? 'us-east-1',
    allowUpdateShardCount: options.allowUpdateShardCount ?? false,
    shardLimit: options.shardLimit ?? LIMITS[era].defaultShardLimit,
    streams: {},
    reshardTokens: LIMITS[era].reshardCallsPerSecond,
    reshardRefilledAt: 0,
    updateShardCountCalls: [],
  };
}

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/** The stream named in a request, or ResourceNotFoundException. */
export function findStream(state: KinesisState, streamName: unknown): Result<StreamState, KinesisError> {
  if (typeof streamName !== 'string' || !STREAM_NAME.test(streamName)) {
    return kinesisFail(
      'ValidationException',
      `StreamName ${JSON.stringify(streamName)} is not valid: use 1–128 letters, digits, '_', '.' or '-'.`,
      'StreamName',
    );
  }
  const stream = Object.hasOwn(state.streams, streamName) ? state.streams[streamName] : undefined;
  if (stream === undefined) {
    return kinesisFail(
      'ResourceNotFoundException',
      `Stream ${streamName} under account ${state.accountId} not found. Create it first (CreateStream).`,
      'StreamName',
    );
  }
  return ok(stream);
}

/** Shards open in the whole account. */
export function openShardCount(state: KinesisState): number {
  let total = 0;
  for (const stream of Object.values(state.streams)) for (const s of stream.shards) if (isOpen(s)) total++;
  return total;
}

/** CreateStream request (`MaxRecordSizeInKiB` exists only in the current era). */
export interface CreateStreamRequest {
  readonly StreamName: string;
  readonly ShardCount: number;
  readonly MaxRecordSizeInKiB?: number;
}

/**
 * CreateStream: a stream of `ShardCount` shards splitting the hash key space evenly. The stream is ACTIVE
 * at once (AWS takes a few seconds in CREATING; the model skips that wait).
 */
export function createStream(
  state: KinesisState,
  request: CreateStreamRequest,
  now: Millis,
): Result<{ StreamARN: string }, KinesisError> {
  const limits = limitsOf(state);
  const name = request.StreamName;
  if (typeof name !== 'string' || !STREAM_NAME.test(name))
    return findStream(state, name) as Result<never, KinesisError>;
  if (Object.hasOwn(state.streams, name)) {
    return kinesisFail(
      'ResourceInUseException',
      `Stream ${name} under account ${state.accountId} already exists.`,
      'StreamName',
    );
  }
  const count = request.ShardCount;
  if (!Number.isInteger(count) || count < 1) {
    return kinesisFail(
      'ValidationException',
      `ShardCount must be a whole number of at least 1 (got ${String(count)}).`,
      'ShardCount',
    );
  }
  const open = openShardCount(state);
  if (open + count > state.shardLimit) {
    return kinesisFail(
      'LimitExceededException',
      `Creating ${count} shards would bring account ${state.accountId} to ${open + count} open shards; its limit is ${state.shardLimit} (raise it with a limit increase).`,
      'ShardCount',
    );
  }
  let maxRecordBytes = limits.maxRecordBytes;
  if (request.MaxRecordSizeInKiB !== undefined) {
    const kib = request.MaxRecordSizeInKiB;
    if (state.era === '2016') {
      return kinesisFail(
        'ValidationException',
        'MaxRecordSizeInKiB did not exist in 2016 (records were at most 1 MiB); choose the current era to use it.',
        'MaxRecordSizeInKiB',
      );
    }
    if (!Number.isInteger(kib) || kib < 1024 || kib > MAX_CONFIGURABLE_RECORD_KIB) {
      return kinesisFail(
        'ValidationException',
        `MaxRecordSizeInKiB must be a whole number from 1024 to ${MAX_CONFIGURABLE_RECORD_KIB} (got ${String(kib)}).`,
        'MaxRecordSizeInKiB',
      );
    }
    maxRecordBytes = bytes(kib * KIB);
  }
  const stream: StreamState = {
    StreamName: name,
    StreamARN: `arn:aws:kinesis:${state.region}:${state.accountId}:stream/${name}`,
    createdAt: now,
    RetentionPeriodHours: limits.retentionDefaultHours,
    maxRecordBytes,
    shards: [],
    nextShardIndex: 0,
    updatingUntil: now,
    routeVersion: 0,
    updateShardCountCalls: [],
  };
  for (const range of evenSplit(count))
    stream.shards.push(openShard(stream, range, { parentShardIds: [] }, now, limits));
  state.streams[name] = stream;
  return ok({ StreamARN: stream.StreamARN });
}

/** A shard as DescribeStream lists it. */
export interface ShardDescription {
  readonly ShardId: string;
  readonly ParentShardId?: string;
  readonly AdjacentParentShardId?: string;
  readonly HashKeyRange: HashKeyRange;
  readonly SequenceNumberRange: {
    readonly StartingSequenceNumber: string;
    readonly EndingSequenceNumber?: string;
  };
}

/** DescribeStream's StreamDescription. */
export interface StreamDescription {
  readonly StreamName: string;
  readonly StreamARN: string;
  readonly StreamStatus: 'ACTIVE' | 'UPDATING';
  readonly RetentionPeriodHours: number;
  readonly StreamCreationTimestamp: number;
  readonly Shards: readonly ShardDescription[];
  readonly HasMoreShards: false;
}

/** ACTIVE, or UPDATING while a reshard is in progress. */
export function streamStatus(stream: StreamState, now: number): 'ACTIVE' | 'UPDATING' {
  return now < stream.updatingUntil ? 'UPDATING' : 'ACTIVE';
}

/** DescribeStream: status, retention and every shard not yet expired (open and closed). */
export function describeStream(
  state: KinesisState,
  request: { readonly StreamName: string },
  now: Millis,
): Result<{ StreamDescription: StreamDescription }, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const Shards = stream.shards
    .filter((s) => !isExpired(s, now, stream.RetentionPeriodHours))
    .map((s): ShardDescription => ({
      ShardId: s.ShardId,
      ...(s.ParentShardId !== undefined ? { ParentShardId: s.ParentShardId } : {}),
      ...(s.AdjacentParentShardId !== undefined ? { AdjacentParentShardId: s.AdjacentParentShardId } : {}),
      HashKeyRange: s.HashKeyRange,
      SequenceNumberRange: {
        StartingSequenceNumber: s.StartingSequenceNumber,
        ...(s.EndingSequenceNumber !== undefined ? { EndingSequenceNumber: s.EndingSequenceNumber } : {}),
      },
    }));
  return ok({
    StreamDescription: {
      StreamName: stream.StreamName,
      StreamARN: stream.StreamARN,
      StreamStatus: streamStatus(stream, now),
      RetentionPeriodHours: stream.RetentionPeriodHours,
      StreamCreationTimestamp: stream.createdAt,
      Shards,
      HasMoreShards: false,
    },
  });
}

/** The shard with this id, or ResourceNotFoundException. */
export function findShard(
  stream: StreamState,
  shardId: unknown,
  path = 'ShardId',
): Result<ShardState, KinesisError> {
  const shard = stream.shards.find((s) => s.ShardId === shardId);
  if (shard === undefined) return shardNotFound(stream.StreamName, shardId, path);
  return ok(shard);
}
