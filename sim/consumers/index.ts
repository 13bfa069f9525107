/**
 * Stream consumers: the `consumers` scenario field and the `ConsumerKind` contract each consumer type
 * (KCL, Lambda, Spark Streaming) implements, with a shard reader that goes through the Kinesis model so
 * every consumer of a shard shares its read limits.
 */
import type { Millis } from '../core/index.ts';
import { consumerView } from './component.ts';
import type { AnyConsumerKind, ConsumerView } from './consumer-kind.ts';
import { kindFor, type ConsumersState } from './runtime.ts';

export {
  consumerBaseFields,
  defineConsumerKind,
  emptyShardReadStats,
  shardReadStats,
  type AnyConsumerKind,
  type ConsumerConfigBase,
  type ConsumerContext,
  type ConsumerKind,
  type ConsumerReadStats,
  type ConsumerReport,
  type ConsumerStateBase,
  type ConsumerTimer,
  type ConsumerView,
  type ShardReadStats,
} from './consumer-kind.ts';
export {
  CONSUMERS_NAMESPACE,
  lagMetricId,
  newCursor,
  pollShard,
  type CursorStart,
  type PollOutcome,
  type PollRequest,
  type ShardCursor,
} from './shard-reader.ts';
export {
  consumerContext,
  findConsumer,
  kinesisOf,
  type ConsumerEntry,
  type ConsumersServices,
  type ConsumersSimContext,
  type ConsumersState,
  type ConsumerTimerEvent,
} from './runtime.ts';
export { consumerReport, createConsumersComponent, MAX_CONSUMERS } from './component.ts';

/** The UI's view of every consumer of a running simulation (`session.state`), in scenario order. */
export function consumerViewsOf(
  consumerKinds: readonly AnyConsumerKind[],
  state: { readonly now: number; readonly services: { readonly consumers?: ConsumersState } },
): ConsumerView[] {
  const consumers = state.services.consumers?.consumers ?? [];
  return consumers.map((entry) =>
    consumerView(kindFor(consumerKinds, entry.config.type)!, entry, state.now as Millis),
  );
}
