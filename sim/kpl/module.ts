import type { Result } from '../core/index.ts';
import type { MetricId } from '../core/index.ts';
import { recordMetric, schedule, type SimContext, type SimulationModule } from '../core/index.ts';
import { millis } from '../core/index.ts';
import type { ShardHashRange } from './hash-key.ts';
import type { PutRecordsInput, PutRecordsOutput } from './kinesis-api.ts';
import { addUserRecord, flushDue, onPutRecordsResult, type AddUserRecordInput } from './producer.ts';
import type { KplProducerState } from './producer-state.ts';
import { nextDueAt } from './schedule.ts';
import { updateShardMap } from './shard-map.ts';

/** The event the KPL module schedules for itself: flush producer `producer`. */
export interface KplFlushEvent {
  readonly type: 'kpl.flush';
  readonly producer: string;
}

/** Every KPL producer of a simulation, by name, with the time of its pending flush event. */
export interface KplServiceState {
  readonly producers: Record<string, KplProducerState>;
  /** Time of each producer's pending `kpl.flush` event, or null when none is pending. */
  readonly flushTimers: Record<string, number | null>;
}

/** The services the KPL module reads and changes. */
export interface KplServices {
  readonly kpl: KplServiceState;
}

type Context = SimContext<KplFlushEvent, KplServices>;

/**
 * How PutRecords reaches Kinesis: the Kinesis model's PutRecords at the simulation clock. Passed in so the
 * KPL does not depend on the Kinesis module.
 */
export type PutRecordsTransport<S extends KplServices = KplServices> = (
  ctx: SimContext<KplFlushEvent, S>,
  input: PutRecordsInput,
) => PutRecordsOutput;

/**
 * How the producer learns the stream's current shards (ListShards at the simulation clock), called when a
 * put revealed that the stream was resharded. Optional: without it the producer keeps its old map, and
 * Kinesis still routes every record correctly by its hash key.
 */
export type ShardListing<S extends KplServices = KplServices> = (
  ctx: SimContext<KplFlushEvent, S>,
  streamName: string,
) => readonly ShardHashRange[];

const metric = (metricName: string, stream: string): MetricId => ({
  namespace: 'KinesisProducerLibrary',
  metricName,
  dimensions: { StreamName: stream },
});

/** Makes sure producer `name` has a flush event pending for its next due time (call after any change). */
export function scheduleKplFlush(ctx: Context, name: string): void {
  const producer = ctx.services.kpl.producers[name];
  if (!producer) return;
  const next = nextDueAt(producer, ctx.now);
  if (next === undefined) return;
  const pending = ctx.services.kpl.flushTimers[name] ?? null;
  if (pending !== null && pending <= next) return;
  ctx.services.kpl.flushTimers[name] = next;
  schedule(ctx, millis(next), { type: 'kpl.flush', producer: name });
}

/** KinesisProducer.addUserRecord at the simulation clock, as a load generator's handler calls it. */
export function addUserRecordAt(ctx: Context, name: string, input: AddUserRecordInput): Result<number> {
  const producer = ctx.services.kpl.producers[name];
  if (!producer) {
    return {
      ok: false,
      error: { code: 'UnknownProducer', message: `No KPL producer named "${name}".`, path: 'producer' },
    };
  }
  const added = addUserRecord(producer, input, ctx.now);
  if (added.ok) scheduleKplFlush(ctx, name);
  return added;
}

/**
 * The KPL simulation module: on `kpl.flush` it runs the producer's due work, sends each PutRecords call
 * through `transport`, feeds the response back (retries, TTL), records UserRecordsPut and KinesisRecordsPut
 * as the KPL names its metrics, refreshes the shard map through `listShards` when a put landed on an
 * unexpected shard, and schedules the next flush. A flush event that no longer matches the
 * producer's timer (an earlier one was scheduled since) is ignored. `S` is what the transport reads besides
 * the KPL's own state (the Kinesis data plane it writes to).
 */
export function createKplModule<S extends KplServices = KplServices>(
  transport: PutRecordsTransport<S>,
  listShards?: ShardListing<S>,
): SimulationModule<KplFlushEvent, S> {
  return {
    name: 'kpl',
    handlers: {
      'kpl.flush': (ctx, event) => {
        const kpl = ctx.services.kpl;
        const producer = kpl.producers[event.producer];
        const timer = kpl.flushTimers[event.producer] ?? null;
        if (!producer || timer === null || ctx.now < timer) return;
        kpl.flushTimers[event.producer] = null;
        const before = {
          user: producer.stats.userRecordsSucceeded,
          kinesis: producer.stats.kinesisRecordsSucceeded,
        };
        for (const call of flushDue(producer, ctx.now)) {
          onPutRecordsResult(producer, call.requestId, transport(ctx, call.input), ctx.now);
        }
        const stream = producer.StreamName;
        if (producer.shardMapStale && listShards) updateShardMap(producer, listShards(ctx, stream));
        const userPut = producer.stats.userRecordsSucceeded - before.user;
        const kinesisPut = producer.stats.kinesisRecordsSucceeded - before.kinesis;
        if (kinesisPut > 0) {
          recordMetric(ctx, metric('UserRecordsPut', stream), userPut);
          recordMetric(ctx, metric('KinesisRecordsPut', stream), kinesisPut);
        }
        scheduleKplFlush(ctx, event.producer);
      },
    },
  };
}
