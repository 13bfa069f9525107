/**
 * The streaming labs' simulation run (labs 05–08): one Kinesis stream, one producer, optional consumer
 * applications, an optional KPL and timed SplitShard calls, described in the scenario format `bdlab run`
 * reads (streams, producers, consumers, actions) and run at record level on the sim/kinesis and sim/kpl
 * models. Each lab builds a small scenario from its workspace and reads the per-shard, per-second result.
 *
 * Why not `openStreamingSession` (sim/streaming) directly: the same scenarios run there too, and
 * session-run.test.ts checks that both give the same shards and the same throttling — but this runner is
 * several times faster (a lab re-runs on every learner action), spreads user records over each 10 ms tick
 * (so the KPL's RecordMaxBufferedTime shows real waits; the session adds a 100 ms tick's records at once),
 * and has what the format lacks so far: consumers that pause, and re-keying one hot key.
 */
import { ok, type Result } from '../../sim/core/errors.ts';
import { Rng } from '../../sim/core/rng.ts';
import { millis } from '../../sim/core/units.ts';
import {
  createKinesisState,
  createStream,
  getRecords,
  getShardIterator,
  putRecords,
  splitShard,
  type KinesisState,
  type PutRecordsRequestEntry,
  type ShardState,
} from '../../sim/kinesis/index.ts';
import {
  addUserRecord,
  createKplProducer,
  defaultKplConfig,
  flushDue,
  nextDueAt,
  onPutRecordsResult,
  type KplProducerState,
} from '../../sim/kpl/index.ts';
import { limitOf, PRICE_BOOKS } from '../../sim/pricing/index.ts';

/** How the producer picks partition keys (the scenario format's `partitionKeys`). */
export type PartitionKeyStrategy =
  | { readonly strategy: 'random' }
  | { readonly strategy: 'fixed'; readonly key: string }
  | { readonly strategy: 'zipf'; readonly keys: number; readonly exponent: number };

/** The scenario subset the labs use, written exactly as in a `bdlab run` scenario file. */
export interface LabStreamScenario {
  readonly seed: number;
  readonly durationSeconds: number;
  readonly streams: readonly [{ readonly name: string; readonly shards: number }];
  readonly producers: readonly [
    {
      readonly stream: string;
      readonly recordsPerSecond: number;
      readonly recordBytes: number;
      readonly rate?: {
        readonly pattern: 'burst';
        readonly everySeconds: number;
        readonly lastingSeconds: number;
        readonly multiplier: number;
      };
      readonly partitionKeys: PartitionKeyStrategy;
      /**
       * Re-keying a hot key: records of `key` get a random suffix, `key#0` … `key#(suffixes−1)`, so they
       * spread over that many hash keys (a lab extension; the `bdlab run` format has no field for it yet).
       */
      readonly saltHotKey?: { readonly key: string; readonly suffixes: number };
      readonly kpl?: { readonly aggregation: boolean; readonly recordMaxBufferedTimeMs?: number };
    },
  ];
  /**
   * Consumer applications: each reads every shard with GetRecords about once a second (KCL idle time).
   * `pausedSeconds` stops one from reading for a while (a deploy, a crash) so it must catch up after.
   */
  readonly consumers?: readonly {
    readonly type: 'kcl';
    readonly name: string;
    readonly stream: string;
    readonly pausedSeconds?: readonly [number, number];
  }[];
  readonly actions?: readonly {
    readonly atSeconds: number;
    readonly action: 'splitShard';
    readonly stream: string;
    readonly shardToSplit: string;
    readonly newStartingHashKey: string;
  }[];
}

/** One shard of the run: its range, lineage and what it took, in total and second by second. */
export interface LabShard {
  readonly shardId: string;
  readonly parentShardIds: readonly string[];
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly openedAtMs: number;
  readonly closedAtMs: number | null;
  readonly incomingRecords: number;
  readonly incomingBytes: number;
  /** Records refused with ProvisionedThroughputExceededException (WriteProvisionedThroughputExceeded). */
  readonly throttledRecords: number;
  /** GetRecords calls refused (ReadProvisionedThroughputExceeded). */
  readonly readThrottled: number;
  /** Per simulated second: IncomingRecords, IncomingBytes, WriteProvisionedThroughputExceeded. */
  readonly perSecond: {
    readonly records: readonly number[];
    readonly bytes: readonly number[];
    readonly throttled: readonly number[];
  };
}

/** What a lab's run produced. */
export interface LabStreamRun {
  readonly durationSeconds: number;
  readonly shards: readonly LabShard[];
  readonly totals: {
    readonly recordsAttempted: number;
    readonly recordsAccepted: number;
    readonly recordsThrottled: number;
    readonly readThrottled: number;
  };
  /** PUT payload units of accepted Kinesis records (25 KiB chunks, rounded up per record). */
  readonly putPayloadUnits: number;
  /** Kinesis records accepted (aggregates count once). */
  readonly kinesisRecordsAccepted: number;
  /** With the KPL: user records added and delivered, and the mean buffering delay in ms. */
  readonly kpl: {
    readonly userRecordsAdded: number;
    readonly userRecordsSucceeded: number;
    readonly meanLatencyMs: number;
  } | null;
  /** Largest consumer lag seen (MillisBehindLatest), in ms; 0 without consumers. */
  readonly maxMillisBehindLatest: number;
  /**
   * Per simulated second, the largest lag of any consumer on any shard, in ms: the last MillisBehindLatest
   * it got plus the time since, while it is paused or refused.
   */
  readonly lagPerSecond: readonly number[];
}

const BOOK = PRICE_BOOKS['2016'];
const PAYLOAD_UNIT_BYTES = limitOf(BOOK, 'kinesis.putPayloadUnitBytes').value;
/** Producer ticks: records due are sent every 10 ms of simulated time. */
const TICK_MS = 10;
/** KCL's default idle time between reads (AWS-FACTS §2.2): each consumer polls each shard once a second. */
const POLL_MS = limitOf(BOOK, 'kinesis.kclIdleTimeBetweenReadsMs').value;

/** The key of Zipf rank r (1-based), as the scenario format names it. */
export const zipfKey = (rank: number): string => `entity-${rank}`;

/** Cumulative Zipf weights for ranks 1…n: P(r) ∝ 1 / r^s. */
function zipfCumulative(keys: number, exponent: number): Float64Array {
  const cumulative = new Float64Array(keys);
  let sum = 0;
  for (let r = 1; r <= keys; r++) {
    sum += 1 / r ** exponent;
    cumulative[r - 1] = sum;
  }
  for (let i = 0; i < keys; i++) cumulative[i]! /= sum;
  return cumulative;
}

/** Draws the partition keys of a producer from the seeded generator. */
function keyPicker(
  strategy: PartitionKeyStrategy,
  rng: Rng,
  salt: { readonly key: string; readonly suffixes: number } | undefined,
): () => string {
  const suffix = (key: string) =>
    salt !== undefined && salt.suffixes > 1 && key === salt.key
      ? `${key}#${rng.nextInt(0, salt.suffixes - 1)}`
      : key;
  if (strategy.strategy === 'fixed') return () => suffix(strategy.key);
  if (strategy.strategy === 'random') {
    return () => {
      let key = '';
      for (let i = 0; i < 4; i++) key += rng.nextInt(0, 0xffff).toString(16).padStart(4, '0');
      return key;
    };
  }
  const cumulative = zipfCumulative(strategy.keys, strategy.exponent);
  return () => {
    const u = rng.nextFloat();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < u) low = middle + 1;
      else high = middle;
    }
    return suffix(zipfKey(low + 1));
  };
}

interface ShardCounters {
  records: number[];
  bytes: number[];
  throttled: number[];
  last: { records: number; bytes: number; throttled: number };
}

/** Runs a lab scenario; a refused reshard action is returned as the error, with the AWS message. */
export function runLabStream(scenario: LabStreamScenario): Result<LabStreamRun> {
  const [streamSpec] = scenario.streams;
  const [producer] = scenario.producers;
  const state: KinesisState = createKinesisState({ era: '2016' });
  const created = createStream(
    state,
    { StreamName: streamSpec.name, ShardCount: streamSpec.shards },
    millis(0),
  );
  if (!created.ok) return created;
  const stream = state.streams[streamSpec.name]!;
  const rng = Rng.fromSeed(scenario.seed);
  const nextKey = keyPicker(producer.partitionKeys, rng, producer.saltHotKey);
  const data = new Uint8Array(producer.recordBytes).fill(0x61);
  const durationMs = scenario.durationSeconds * 1000;
  const seconds = Math.ceil(scenario.durationSeconds);
  const counters = new Map<ShardState, ShardCounters>();
  const countersOf = (shard: ShardState): ShardCounters => {
    let found = counters.get(shard);
    if (!found) {
      found = {
        records: new Array<number>(seconds).fill(0),
        bytes: new Array<number>(seconds).fill(0),
        throttled: new Array<number>(seconds).fill(0),
        last: { records: 0, bytes: 0, throttled: 0 },
      };
      counters.set(shard, found);
    }
    return found;
  };
  const sample = (second: number) => {
    for (const shard of stream.shards) {
      const c = countersOf(shard);
      const t = shard.totals;
      c.records[second]! += t.incomingRecords - c.last.records;
      c.bytes[second]! += t.incomingBytes - c.last.bytes;
      c.throttled[second]! += t.throttledRecords - c.last.throttled;
      c.last = { records: t.incomingRecords, bytes: t.incomingBytes, throttled: t.throttledRecords };
    }
  };

  const kpl: KplProducerState | null = producer.kpl
    ? createKplProducer({
        StreamName: streamSpec.name,
        shards: stream.shards.map((s) => ({ ShardId: s.ShardId, HashKeyRange: s.HashKeyRange })),
        config: {
          ...defaultKplConfig(BOOK),
          AggregationEnabled: producer.kpl.aggregation,
          RecordMaxBufferedTime:
            producer.kpl.recordMaxBufferedTimeMs ?? defaultKplConfig(BOOK).RecordMaxBufferedTime,
        },
        book: BOOK,
        now: 0,
      })
    : null;
  let attempted = 0;
  let plainUnits = 0;
  let plainAccepted = 0;
  const putPlain = (entries: PutRecordsRequestEntry[], now: number) => {
    for (let start = 0; start < entries.length; start += 500) {
      const batch = entries.slice(start, start + 500);
      const response = putRecords(state, { StreamName: streamSpec.name, Records: batch }, millis(now));
      if (!response.ok) continue;
      response.value.Records.forEach((entry, i) => {
        if ('ShardId' in entry) {
          plainAccepted++;
          const record = batch[i]!;
          plainUnits += Math.ceil((record.Data.byteLength + record.PartitionKey.length) / PAYLOAD_UNIT_BYTES);
        }
      });
    }
  };
  const flushKpl = (producerState: KplProducerState, until: number) => {
    for (let due = nextDueAt(producerState, until); due !== undefined && due <= until;) {
      for (const call of flushDue(producerState, due)) {
        const response = putRecords(state, call.input, millis(due));
        if (response.ok) onPutRecordsResult(producerState, call.requestId, response.value, due);
      }
      const next = nextDueAt(producerState, due);
      if (next === due) break;
      due = next;
    }
  };

  const consumers = scenario.consumers ?? [];
  const iterators = new Map<string, string | null>();
  const readers: {
    consumer: number;
    shard: ShardState;
    nextPollAt: number;
    behindMs: number;
    lastSuccessAt: number;
  }[] = [];
  const lagPerSecond = new Array<number>(seconds).fill(0);
  let maxLag = 0;
  const ensureReaders = (now: number) => {
    for (const shard of stream.shards) {
      if (shard.closedAt !== undefined) continue;
      for (let c = 0; c < consumers.length; c++) {
        const id = `${c}/${shard.ShardId}`;
        if (iterators.has(id)) continue;
        const iterator = getShardIterator(
          state,
          { StreamName: streamSpec.name, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' },
          millis(now),
        );
        iterators.set(id, iterator.ok ? iterator.value.ShardIterator : null);
        // Consumers start staggered so their polls spread over the second, as independent KCL apps do.
        readers.push({
          consumer: c,
          shard,
          nextPollAt: now + (c * POLL_MS) / Math.max(1, consumers.length) + 1,
          behindMs: 0,
          lastSuccessAt: now,
        });
      }
    }
  };
  const poll = (now: number) => {
    for (const reader of readers) {
      if (reader.nextPollAt > now) continue;
      reader.nextPollAt += POLL_MS;
      const paused = consumers[reader.consumer]!.pausedSeconds;
      if (paused && now >= paused[0] * 1000 && now < paused[1] * 1000) continue;
      const id = `${reader.consumer}/${reader.shard.ShardId}`;
      const iterator = iterators.get(id);
      if (!iterator) continue;
      const response = getRecords(state, { ShardIterator: iterator }, millis(now));
      if (response.ok) {
        iterators.set(id, response.value.NextShardIterator);
        reader.behindMs = response.value.MillisBehindLatest;
        reader.lastSuccessAt = now;
      }
    }
  };
  const sampleLag = (second: number, now: number) => {
    for (const reader of readers) {
      if (reader.shard.closedAt !== undefined) continue;
      const lag =
        reader.behindMs + (now - reader.lastSuccessAt > POLL_MS ? now - reader.lastSuccessAt - POLL_MS : 0);
      lagPerSecond[second] = Math.max(lagPerSecond[second]!, lag);
      maxLag = Math.max(maxLag, lag);
    }
  };

  const actions = [...(scenario.actions ?? [])].sort((a, b) => a.atSeconds - b.atSeconds);
  let nextAction = 0;
  let owed = 0;
  ensureReaders(0);
  for (let now = 0; now < durationMs; now += TICK_MS) {
    while (nextAction < actions.length && actions[nextAction]!.atSeconds * 1000 <= now) {
      const action = actions[nextAction++]!;
      const split = splitShard(
        state,
        {
          StreamName: action.stream,
          ShardToSplit: action.shardToSplit,
          NewStartingHashKey: action.newStartingHashKey,
        },
        millis(now),
      );
      if (!split.ok) return split;
      ensureReaders(now);
    }
    const second = Math.floor(now / 1000);
    const burst = producer.rate;
    const inBurst = burst !== undefined && second % burst.everySeconds < burst.lastingSeconds;
    owed += (producer.recordsPerSecond * (inBurst ? burst.multiplier : 1) * TICK_MS) / 1000;
    const due = Math.floor(owed);
    owed -= due;
    attempted += due;
    if (kpl) {
      // User records arrive spread over the tick, each after everything due before it has been sent.
      let flushedAt = -1;
      for (let i = 0; i < due; i++) {
        const at = now + Math.floor((i * TICK_MS) / due);
        if (at !== flushedAt) {
          flushKpl(kpl, at);
          flushedAt = at;
        }
        addUserRecord(kpl, { PartitionKey: nextKey(), Data: data }, at);
      }
      flushKpl(kpl, now + TICK_MS - 1);
    } else if (due > 0) {
      const entries: PutRecordsRequestEntry[] = [];
      for (let i = 0; i < due; i++) entries.push({ Data: data, PartitionKey: nextKey() });
      putPlain(entries, now);
    }
    if (consumers.length > 0) poll(now);
    if ((now + TICK_MS) % 1000 === 0) {
      sample(second);
      sampleLag(second, now + TICK_MS);
    }
  }
  if (durationMs % 1000 !== 0) sample(seconds - 1);

  const shards: LabShard[] = stream.shards.map((shard) => {
    const c = countersOf(shard);
    return {
      shardId: shard.ShardId,
      parentShardIds: shard.parentShardIds,
      startingHashKey: shard.HashKeyRange.StartingHashKey,
      endingHashKey: shard.HashKeyRange.EndingHashKey,
      status: shard.closedAt === undefined ? 'OPEN' : 'CLOSED',
      openedAtMs: shard.openedAt,
      closedAtMs: shard.closedAt ?? null,
      incomingRecords: shard.totals.incomingRecords,
      incomingBytes: shard.totals.incomingBytes,
      throttledRecords: shard.totals.throttledRecords,
      readThrottled: shard.totals.throttledGetRecordsCalls,
      perSecond: { records: c.records, bytes: c.bytes, throttled: c.throttled },
    };
  });
  const sum = (pick: (s: LabShard) => number) => shards.reduce((total, s) => total + pick(s), 0);
  const stats = kpl?.stats;
  return ok({
    durationSeconds: scenario.durationSeconds,
    shards,
    totals: {
      recordsAttempted: attempted,
      recordsAccepted: stats ? stats.userRecordsSucceeded : sum((s) => s.incomingRecords),
      recordsThrottled: sum((s) => s.throttledRecords),
      readThrottled: sum((s) => s.readThrottled),
    },
    putPayloadUnits: stats ? stats.putPayloadUnits : plainUnits,
    kinesisRecordsAccepted: stats ? stats.kinesisRecordsSucceeded : plainAccepted,
    kpl: stats
      ? {
          userRecordsAdded: stats.userRecordsAdded,
          userRecordsSucceeded: stats.userRecordsSucceeded,
          meanLatencyMs:
            stats.userRecordsSucceeded === 0 ? 0 : stats.userRecordLatencyMsSum / stats.userRecordsSucceeded,
        }
      : null,
    maxMillisBehindLatest: maxLag,
    lagPerSecond,
  });
}
