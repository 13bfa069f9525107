import { fail, ok, type Result } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import {
  hashKeyRangeMidpoint,
  mergeShards,
  splitShard,
  updateShardCount,
  type KinesisState,
} from '../kinesis/index.ts';
import type { JsonValue } from '../scenario/index.ts';
import type { PausedConsumers } from './consumer-pause.ts';
import { saltProblem } from './keys.ts';
import type { ConsumerPauseAction, SessionAction, StreamingAction } from './scenario-schema.ts';
import type { ProducersState } from './producer-state.ts';

/** What an applied action did: the time, the action, and the AWS error when it was refused. */
export interface ActionOutcome<Action extends SessionAction = StreamingAction> {
  readonly atMs: number;
  readonly action: Action;
  readonly ok: boolean;
  /** What the call returned (the split point chosen, UpdateShardCount's response…), or null when refused. */
  readonly result: JsonValue;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * Every action applied so far, in order, and the consumers paused now. Consumer pauses are logged apart
 * from the console's actions (`applied`, which the streaming console lists); the report merges both. The
 * pause fields appear with the first pause, so a run without pauses has the state (and digest) it had.
 */
export interface ActionsState {
  readonly applied: ActionOutcome[];
  pauses?: ActionOutcome<ConsumerPauseAction>[];
  pausedConsumers?: PausedConsumers;
}

/** What a stream or producer action changes: the Kinesis data plane and the producers. */
export interface ActionTargets {
  readonly kinesis: KinesisState;
  readonly producers: ProducersState;
}

/** Actions on a consumer application: KCL worker faults (sim/kcl) and pauses (consumer-pause.ts). */
export type ConsumerAction = Extract<
  SessionAction,
  { action: 'crashWorker' | 'addWorker' | 'pauseConsumer' | 'resumeConsumer' }
>;

/** Actions on the Kinesis data plane or the producers. */
export type StreamOrProducerAction = Exclude<SessionAction, ConsumerAction>;

/** The middle of a shard's range: SplitShard's `NewStartingHashKey` when the action gives none. */
function middleHashKey(kinesis: KinesisState, streamName: string, shardId: string): string | undefined {
  const shard = kinesis.streams[streamName]?.shards.find((s) => s.ShardId === shardId);
  return shard === undefined ? undefined : hashKeyRangeMidpoint(shard.HashKeyRange);
}

/**
 * Applies one action at `now`: SplitShard (at the middle of the shard's range unless `newStartingHashKey`
 * is given), MergeShards, UpdateShardCount (uniform scaling) through the Kinesis model, with its own limits
 * and errors; or a producer's new partition-key strategy from its next record on.
 */
export function applyAction(
  targets: ActionTargets,
  action: StreamOrProducerAction,
  now: Millis,
): Result<JsonValue> {
  const { kinesis } = targets;
  switch (action.action) {
    case 'splitShard': {
      const key = action.newStartingHashKey ?? middleHashKey(kinesis, action.stream, action.shardId) ?? '0';
      const request = { StreamName: action.stream, ShardToSplit: action.shardId, NewStartingHashKey: key };
      const done = splitShard(kinesis, request, now);
      return done.ok ? ok({ newStartingHashKey: key }) : done;
    }
    case 'mergeShards': {
      const request = {
        StreamName: action.stream,
        ShardToMerge: action.shardId,
        AdjacentShardToMerge: action.adjacentShardId,
      };
      const done = mergeShards(kinesis, request, now);
      return done.ok ? ok({}) : done;
    }
    case 'updateShardCount': {
      const request = {
        StreamName: action.stream,
        TargetShardCount: action.targetShardCount,
        ScalingType: 'UNIFORM_SCALING' as const,
      };
      const done = updateShardCount(kinesis, request, now);
      return done.ok ? ok({ ...done.value }) : done;
    }
    case 'setProducerKeys': {
      const producer = targets.producers.producers.find((p) => p.name === action.producer);
      if (producer === undefined) {
        return fail({
          code: 'ResourceNotFoundException',
          message: `No producer is named "${action.producer}".`,
          path: 'producer',
        });
      }
      if (producer.target.kind !== 'stream') {
        return fail({
          code: 'InvalidArgumentException',
          message: `Producer "${action.producer}" writes to a Firehose delivery stream, whose records have no partition key.`,
          path: 'producer',
        });
      }
      const salt = saltProblem(action.partitionKeys);
      if (salt !== null)
        return fail({ code: 'InvalidArgumentException', message: salt, path: 'partitionKeys.salt.key' });
      producer.partitionKeys = action.partitionKeys;
      return ok({});
    }
  }
}
