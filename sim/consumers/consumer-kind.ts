import type { MetricStore } from '../core/index.ts';
import type { Rng } from '../core/index.ts';
import type { Bytes, Millis } from '../core/index.ts';
import type { KinesisState } from '../kinesis/index.ts';
import type { CoreScenario, JsonValue } from '../scenario/index.ts';
import { oneOf, string, type Schema, type SchemaIssue } from '../scenario/index.ts';

/**
 * The contract every consumer type of the `consumers` scenario field implements (KCL application, Lambda
 * event source mapping, Spark Streaming receiver). The consumers component owns the scenario field, the
 * simulation module and the report; a kind only says how its configuration looks, what state it keeps and
 * what it does when one of its timers fires. Every kind reads the stream through the Kinesis model's
 * `getShardIterator` / `getRecords` (most easily with `pollShard` of `shard-reader.ts`) on the one
 * `KinesisState` of the simulation, so all consumers of a stream genuinely share each shard's 2 MiB/s and
 * 5 GetRecords calls/s.
 */

/** Fields every entry of `consumers[]` has, whatever its type. */
export interface ConsumerConfigBase {
  /** The discriminator: `"kcl"`, `"lambda"`, `"spark"`. */
  readonly type: string;
  /** Unique among the scenario's consumers (the KCL application name, the Lambda function name…). */
  readonly name: string;
  /** Name of the Kinesis stream it reads (one of `streams[].name`). */
  readonly stream: string;
}

/**
 * A timer a consumer sets for itself: flat plain JSON (it sits in the event queue and in snapshots), handed
 * back unchanged to `onTimer` when it fires. Use a field such as `timer: 'poll'` to tell timers apart.
 */
export type ConsumerTimer = { readonly [key: string]: string | number | boolean | null };

/** Read counters of one shard, kept by `pollShard` (plain JSON, mutable). */
export interface ShardReadStats {
  /** GetRecords calls made, including refused ones. */
  getRecordsCalls: number;
  /** GetRecords calls refused with ProvisionedThroughputExceededException (the shard's shared read limit). */
  readThrottles: number;
  /** Kinesis records returned by GetRecords (an aggregated KPL record counts once). */
  kinesisRecordsRead: number;
  /** Bytes of data returned by GetRecords. */
  bytesRead: number;
  /** User records the consumer's code has finished with (set by the kind). */
  recordsProcessed: number;
  /** MillisBehindLatest of the last successful GetRecords: 0 when caught up with the shard's tip. */
  millisBehindLatest: number;
  /** The largest MillisBehindLatest seen. */
  maxMillisBehindLatest: number;
  /** Age of the newest record the last non-empty GetRecords returned, when it returned it (ms). */
  iteratorAgeMilliseconds: number;
  /** Clock time of the last successful GetRecords, or null before the first one. */
  lastReadAt: number | null;
}

/** Read counters of one consumer: per shard, by shard id. */
export interface ConsumerReadStats {
  readonly shards: Record<string, ShardReadStats>;
}

/** What every kind's state holds besides its own fields: the read counters the report and view use. */
export interface ConsumerStateBase {
  readonly reads: ConsumerReadStats;
}

/**
 * What a kind's handlers may use while the simulation runs: the clock, the seeded generator, the metric
 * store, the shared Kinesis data plane and the consumer's own state and configuration. Handlers change
 * `state` in place and set timers; they must not keep references to the context between calls.
 */
export interface ConsumerContext<Config extends ConsumerConfigBase, State extends ConsumerStateBase> {
  readonly now: Millis;
  readonly rng: Rng;
  readonly metrics: MetricStore;
  /** The simulation's Kinesis data plane, shared with every producer and consumer. */
  readonly kinesis: KinesisState;
  readonly config: Config;
  readonly state: State;
  /** Fires `timer` at `at` (not before `now`): `onTimer` receives it then. */
  setTimer(at: Millis, timer: ConsumerTimer): void;
}

/** The consumer section of the scenario report: the common lag figures plus the kind's own details. */
export type ConsumerReport = {
  readonly name: string;
  readonly type: string;
  readonly stream: string;
  /** User records the consumer's code finished with. */
  readonly recordsProcessed: number;
  readonly kinesisRecordsRead: number;
  readonly bytesRead: Bytes;
  readonly getRecordsCalls: number;
  /** GetRecords calls refused because the shard's read limit (shared by every consumer) was reached. */
  readonly readThrottles: number;
  /** Consumer lag at the end: the largest current MillisBehindLatest over the shards. */
  readonly millisBehindLatest: Millis;
  /** The largest MillisBehindLatest seen on any shard during the run. */
  readonly maxMillisBehindLatest: Millis;
  readonly shards: readonly ({ readonly shardId: string } & {
    readonly [K in keyof ShardReadStats]: ShardReadStats[K];
  })[];
  /** The kind's own figures (KCL lease table, Lambda invocations, Spark batches…). */
  readonly details: JsonValue;
};

/** Plain data the UI shows for one consumer (posted from the simulation worker each frame). */
export type ConsumerView = {
  readonly name: string;
  readonly type: string;
  readonly stream: string;
  readonly recordsProcessed: number;
  readonly readThrottles: number;
  readonly millisBehindLatest: number;
  readonly shards: readonly {
    readonly shardId: string;
    readonly millisBehindLatest: number;
    readonly iteratorAgeMilliseconds: number;
    readonly recordsProcessed: number;
    readonly readThrottles: number;
  }[];
  /** The kind's own view (for `kcl`, the workers-and-leases board as `leaseTableView` returns it). */
  readonly detail: JsonValue;
};

/**
 * One consumer type. `Config` is what its schema produces (it must include `type`, `name` and `stream`:
 * spread `consumerBaseFields(type)` into the object schema); `State` is plain JSON data, changed in place
 * by the handlers, and must hold `reads`.
 */
export interface ConsumerKind<Config extends ConsumerConfigBase, State extends ConsumerStateBase> {
  /** The `type` discriminator value. */
  readonly type: string;
  /** What it is, in the learner's words ("KCL application"), for messages and the UI. */
  readonly title: string;
  /** Schema of one `consumers[]` entry of this type, built with sim/scenario/schema.ts helpers. */
  readonly schema: Schema<Config>;
  /** Checks that need the whole scenario (besides the stream name, which the component checks). */
  checkScenario?(config: Config, scenario: CoreScenario, path: string): SchemaIssue[];
  /** The consumer's state before the run; its shards are not known yet (streams start first). */
  initialState(config: Config, scenario: CoreScenario): State;
  /** Called once at time 0, after the streams exist: look at the stream's shards and set the first timers. */
  start(ctx: ConsumerContext<Config, State>): void;
  /** One of the consumer's own timers fired. */
  onTimer(ctx: ConsumerContext<Config, State>, timer: ConsumerTimer): void;
  /** The kind's own report figures, for `ConsumerReport.details`. */
  details(state: State, config: Config, now: Millis): JsonValue;
  /** The kind's own view, for `ConsumerView.detail`. */
  view(state: State, config: Config, now: Millis): JsonValue;
}

/** A kind with its types erased, so kinds can sit in one registry (the component only pairs a kind with its own config and state). */
export type AnyConsumerKind = ConsumerKind<ConsumerConfigBase, ConsumerStateBase>;

/**
 * Checks a kind's types where it is written and erases them for the registry: the one place kinds are
 * erased. Safe because the consumers component only hands a kind the config its own schema produced and
 * the state its own `initialState` made.
 */
export function defineConsumerKind<Config extends ConsumerConfigBase, State extends ConsumerStateBase>(
  kind: ConsumerKind<Config, State>,
): AnyConsumerKind {
  return kind as AnyConsumerKind;
}

const NAME_PATTERN = { regex: /^[A-Za-z0-9_.-]+$/, description: 'letters, digits, "_", "." and "-"' };

/**
 * The `type`, `name` and `stream` fields of a `consumers[]` entry of type `type`: spread them into the
 * kind's `object({...})` schema so unknown fields are still refused with the JSON path.
 */
export function consumerBaseFields<const T extends string>(type: T) {
  return {
    type: oneOf([type]),
    name: string({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN }),
    stream: string({ minLength: 1, maxLength: 128, pattern: NAME_PATTERN }),
  };
}

/** Empty read counters for one shard. */
export function emptyShardReadStats(): ShardReadStats {
  return {
    getRecordsCalls: 0,
    readThrottles: 0,
    kinesisRecordsRead: 0,
    bytesRead: 0,
    recordsProcessed: 0,
    millisBehindLatest: 0,
    maxMillisBehindLatest: 0,
    iteratorAgeMilliseconds: 0,
    lastReadAt: null,
  };
}

/** The counters of `shardId`, created empty on first use. */
export function shardReadStats(reads: ConsumerReadStats, shardId: string): ShardReadStats {
  return (reads.shards[shardId] ??= emptyShardReadStats());
}
