import { SimException } from '../core/index.ts';
import { millis } from '../core/index.ts';
import {
  createKinesisState,
  createStream,
  hashKeyRangeMidpoint,
  mergeShards,
  splitShard,
  updateShardCount,
  type KinesisEra,
  type KinesisState,
  type ShardState,
} from '../kinesis/index.ts';
import type { RateActionOutcome, RateLevelInput, RateReshardAction } from './types.ts';

/**
 * The shards a rate-level run will ever have, worked out before any traffic flows: CreateStream and every
 * SplitShard, MergeShards and UpdateShardCount go through sim/kinesis itself, so shard ids, hash key
 * ranges, lineage and the refusals (UPDATING stream, adjacency, ½×–2×, 2016 era, call limits) are exactly
 * the record level's. Resharding depends only on time, never on traffic, which is what makes this
 * pre-pass possible.
 */

/** One shard of the run and when it is open, in steps (closedStep is Infinity while it never closes). */
export interface TopologyShard {
  readonly slot: number;
  readonly streamIndex: number;
  readonly shard: ShardState;
  readonly openedStep: number;
  readonly closedStep: number;
  /** Slots of its parents (a consumer drains them before reading this shard). */
  readonly parentSlots: readonly number[];
}

/** One stream's shards and the steps at which its set of open shards changes. */
export interface TopologyStream {
  readonly name: string;
  readonly slots: readonly number[];
  /** Steps (ascending, without 0) at which shards open or close. */
  readonly changeSteps: readonly number[];
}

/** The whole run's topology. */
export interface RateTopology {
  readonly state: KinesisState;
  readonly streams: readonly TopologyStream[];
  readonly shards: readonly TopologyShard[];
  readonly outcomes: readonly RateActionOutcome[];
}

function applyAction(state: KinesisState, action: RateReshardAction, nowMs: number) {
  const now = millis(nowMs);
  switch (action.action) {
    case 'splitShard': {
      let cut = action.newStartingHashKey;
      if (cut === undefined) {
        const stream = state.streams[action.stream];
        const parent = stream?.shards.find((s) => s.ShardId === action.shardId);
        if (parent !== undefined) cut = hashKeyRangeMidpoint(parent.HashKeyRange);
      }
      return splitShard(
        state,
        { StreamName: action.stream, ShardToSplit: action.shardId, NewStartingHashKey: cut ?? '' },
        now,
      );
    }
    case 'mergeShards':
      return mergeShards(
        state,
        {
          StreamName: action.stream,
          ShardToMerge: action.shardId,
          AdjacentShardToMerge: action.adjacentShardId,
        },
        now,
      );
    case 'updateShardCount':
      return updateShardCount(
        state,
        {
          StreamName: action.stream,
          TargetShardCount: action.targetShardCount,
          ScalingType: 'UNIFORM_SCALING',
        },
        now,
      );
  }
}

/**
 * Creates the streams and applies the actions at the start of the step holding their time. A refused action
 * is reported in `outcomes` and changes nothing, as a refused AWS call would. A stream the record level
 * would refuse to create throws a SimException naming the input field.
 */
export function buildTopology(
  input: RateLevelInput,
  era: KinesisEra,
  resolutionSeconds: number,
): RateTopology {
  const state = createKinesisState({
    era,
    allowUpdateShardCount: input.allowUpdateShardCount ?? false,
    shardLimit: input.shardLimit ?? Number.POSITIVE_INFINITY,
  });
  input.streams.forEach((stream, i) => {
    const created = createStream(state, { StreamName: stream.name, ShardCount: stream.shards }, millis(0));
    if (!created.ok) {
      throw new SimException({
        code: created.error.code,
        message: created.error.message,
        path: `streams[${i}].${created.error.path === 'ShardCount' ? 'shards' : 'name'}`,
      });
    }
  });
  const stepMs = resolutionSeconds * 1000;
  const ordered = [...(input.actions ?? [])].sort((a, b) => a.atSeconds - b.atSeconds);
  const outcomes: RateActionOutcome[] = ordered.map((action) => {
    const step = Math.floor(action.atSeconds / resolutionSeconds);
    const result = applyAction(state, action, step * stepMs);
    const base = { atSeconds: action.atSeconds, stream: action.stream, action: action.action };
    return result.ok
      ? { ...base, ok: true }
      : { ...base, ok: false, error: { code: result.error.code, message: result.error.message } };
  });
  const shards: TopologyShard[] = [];
  const streams: TopologyStream[] = input.streams.map((stream, streamIndex) => {
    const all = state.streams[stream.name]!.shards;
    const slotOf = new Map<string, number>();
    const slots: number[] = [];
    const changes = new Set<number>();
    for (const shard of all) {
      const slot = shards.length;
      slotOf.set(shard.ShardId, slot);
      slots.push(slot);
      const openedStep = Math.round(shard.openedAt / stepMs);
      const closedStep = shard.closedAt === undefined ? Infinity : Math.round(shard.closedAt / stepMs);
      if (openedStep > 0) changes.add(openedStep);
      if (closedStep !== Infinity) changes.add(closedStep);
      const parentSlots = shard.parentShardIds.map((id) => slotOf.get(id)!);
      shards.push({ slot, streamIndex, shard, openedStep, closedStep, parentSlots });
    }
    return { name: stream.name, slots, changeSteps: [...changes].sort((a, b) => a - b) };
  });
  return { state, streams, shards, outcomes };
}
