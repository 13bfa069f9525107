import { fail, ok, type Result } from '../core/index.ts';
import type { ShardReadStats } from '../consumers/index.ts';
import type { ShardState } from '../kinesis/index.ts';
import type { AnyScenarioComponent } from '../scenario/index.ts';
import { validateScenario, type Scenario } from '../scenario/index.ts';
import { inTimeOrder } from './actions-component.ts';
import { openStreamingSession } from './session.ts';

/**
 * One Kinesis stream of a record-level run, sampled once per simulated second: what the labs of session 2
 * read. The scenario runs on `openStreamingSession`, the model `bdlab run` and the streaming console use;
 * this only reads the live state between seconds (no report is built, which keeps a lab's re-run fast).
 */

/** One shard of the sampled stream: its range, lineage and what it took, in total and second by second. */
export interface SampledShard {
  readonly shardId: string;
  readonly parentShardIds: readonly string[];
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly openedAtMs: number;
  readonly closedAtMs: number | null;
  readonly incomingRecords: number;
  readonly incomingBytes: number;
  /**
   * Put attempts refused with ProvisionedThroughputExceededException (WriteProvisionedThroughputExceeded):
   * a record resent and refused again counts twice, a KPL aggregate once.
   */
  readonly attemptsThrottled: number;
  /** GetRecords calls refused (ReadProvisionedThroughputExceeded). */
  readonly readThrottled: number;
  /** Per simulated second: IncomingRecords, IncomingBytes, WriteProvisionedThroughputExceeded (attempts). */
  readonly perSecond: {
    readonly records: readonly number[];
    readonly bytes: readonly number[];
    readonly throttled: readonly number[];
  };
}

/** What the run did to one stream, from its producers' and consumers' side too. */
export interface SampledStreamRun {
  readonly durationSeconds: number;
  readonly shards: readonly SampledShard[];
  readonly totals: {
    /** User records the producers made, each counted once. */
    readonly recordsOffered: number;
    /** User records written (through the KPL: delivered inside accepted aggregates). */
    readonly recordsAccepted: number;
    /** Distinct user records refused by the write limits at least once. */
    readonly recordsThrottled: number;
    /** User records given up after their last refused attempt (through the KPL: RecordTtl ran out). */
    readonly recordsDropped: number;
    /** Put attempts the shards refused (Kinesis records: an aggregate counts once, a resend again). */
    readonly attemptsThrottled: number;
    readonly readThrottled: number;
  };
  /** PUT payload units of accepted Kinesis records (25 KB chunks, rounded up per record). */
  readonly putPayloadUnits: number;
  /** Kinesis records accepted (aggregates count once). */
  readonly kinesisRecordsAccepted: number;
  /** With the KPL: user records added and delivered, and the mean buffering delay in ms. */
  readonly kpl: {
    readonly userRecordsAdded: number;
    readonly userRecordsSucceeded: number;
    readonly meanLatencyMs: number;
  } | null;
  /** Largest consumer lag sampled, in ms; 0 without consumers. */
  readonly maxMillisBehindLatest: number;
  /**
   * Per simulated second, the largest lag of any consumer on any open shard at the second's end, in ms:
   * the MillisBehindLatest of its last GetRecords plus the time since, beyond one poll interval (what
   * grows while a consumer is paused or refused).
   */
  readonly lagPerSecond: readonly number[];
}

/** The KCL's default wait between two GetRecords of one shard (AWS-FACTS §2.2): a reader this recent is current. */
const POLL_INTERVAL_MS = 1000;

interface Series {
  readonly records: number[];
  readonly bytes: number[];
  readonly throttled: number[];
  last: { records: number; bytes: number; throttled: number };
}

function lagOf(stats: ShardReadStats, now: number): number {
  const since = now - (stats.lastReadAt ?? 0);
  return stats.millisBehindLatest + Math.max(0, since - POLL_INTERVAL_MS);
}

/**
 * Runs a validated record-level scenario to its end, second by second, and samples stream `streamName`.
 * A timed action the service refused (a SplitShard AWS would reject…) is returned as the error, with its
 * code and message.
 */
export function runSampled(
  scenario: Scenario,
  streamName: string,
  components: readonly AnyScenarioComponent[],
): Result<SampledStreamRun> {
  const session = openStreamingSession(scenario, components);
  const services = session.state.services;
  const stream = services.kinesis.streams[streamName];
  if (stream === undefined) {
    return fail({ code: 'ResourceNotFoundException', message: `The run has no stream "${streamName}".` });
  }
  const seconds = Math.ceil(scenario.durationSeconds);
  const series = new Map<ShardState, Series>();
  const seriesOf = (shard: ShardState): Series => {
    let found = series.get(shard);
    if (found === undefined) {
      found = {
        records: new Array<number>(seconds).fill(0),
        bytes: new Array<number>(seconds).fill(0),
        throttled: new Array<number>(seconds).fill(0),
        last: { records: 0, bytes: 0, throttled: 0 },
      };
      series.set(shard, found);
    }
    return found;
  };
  const readers = (services.consumers?.consumers ?? []).filter((c) => c.config.stream === streamName);
  const lagPerSecond = new Array<number>(seconds).fill(0);
  for (let second = 0; second < seconds; second++) {
    const now = Math.min(scenario.durationSeconds, second + 1) * 1000;
    session.advanceTo(now);
    for (const shard of stream.shards) {
      const s = seriesOf(shard);
      const t = shard.totals;
      s.records[second] = t.incomingRecords - s.last.records;
      s.bytes[second] = t.incomingBytes - s.last.bytes;
      s.throttled[second] = t.attemptsThrottled - s.last.throttled;
      s.last = { records: t.incomingRecords, bytes: t.incomingBytes, throttled: t.attemptsThrottled };
    }
    for (const reader of readers) {
      for (const shard of stream.shards) {
        if (shard.closedAt !== undefined) continue;
        const stats = reader.state.reads.shards[shard.ShardId];
        const lag = stats === undefined ? Math.max(0, now - POLL_INTERVAL_MS) : lagOf(stats, now);
        lagPerSecond[second] = Math.max(lagPerSecond[second]!, lag);
      }
    }
  }
  const refused = inTimeOrder(services.actions).find((outcome) => outcome.error !== null);
  if (refused?.error) return fail({ code: refused.error.code, message: refused.error.message });

  const shards: SampledShard[] = stream.shards.map((shard) => {
    const s = seriesOf(shard);
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
      attemptsThrottled: shard.totals.attemptsThrottled,
      readThrottled: shard.totals.throttledGetRecordsCalls,
      perSecond: { records: s.records, bytes: s.bytes, throttled: s.throttled },
    };
  });
  const sum = <T>(items: readonly T[], pick: (item: T) => number) =>
    items.reduce((total, item) => total + pick(item), 0);
  const producers = services.producers.producers.filter(
    (p) => p.target.kind === 'stream' && p.target.name === streamName,
  );
  const kpls = producers.flatMap((p) => {
    const kpl = p.kpl ? services.producers.kpl.producers[p.name] : undefined;
    return kpl === undefined ? [] : [kpl.stats];
  });
  const plain = producers.filter((p) => !p.kpl).map((p) => p.stats);
  const kplSucceeded = sum(kpls, (k) => k.userRecordsSucceeded);
  return ok({
    durationSeconds: scenario.durationSeconds,
    shards,
    totals: {
      recordsOffered: sum(producers, (p) => p.stats.recordsOffered),
      recordsAccepted: sum(plain, (p) => p.recordsAccepted) + kplSucceeded,
      recordsThrottled: sum(plain, (p) => p.recordsThrottled) + sum(kpls, (k) => k.userRecordsThrottled),
      recordsDropped: sum(plain, (p) => p.recordsDropped) + sum(kpls, (k) => k.userRecordsExpired),
      attemptsThrottled: sum(shards, (s) => s.attemptsThrottled),
      readThrottled: sum(shards, (s) => s.readThrottled),
    },
    putPayloadUnits: sum(plain, (p) => p.putPayloadUnits) + sum(kpls, (k) => k.putPayloadUnits),
    kinesisRecordsAccepted:
      sum(plain, (p) => p.recordsAccepted) + sum(kpls, (k) => k.kinesisRecordsSucceeded),
    kpl:
      kpls.length === 0
        ? null
        : {
            userRecordsAdded: sum(kpls, (k) => k.userRecordsAdded),
            userRecordsSucceeded: kplSucceeded,
            meanLatencyMs: kplSucceeded === 0 ? 0 : sum(kpls, (k) => k.userRecordLatencyMsSum) / kplSucceeded,
          },
    maxMillisBehindLatest: Math.max(0, ...lagPerSecond),
    lagPerSecond,
  });
}

/**
 * Validates a scenario as `bdlab run` reads it and runs it with `runSampled`; an invalid scenario gives its
 * first problem as the error, prefixed with the JSON path.
 */
export function runScenarioSampled(
  file: unknown,
  streamName: string,
  components: readonly AnyScenarioComponent[],
): Result<SampledStreamRun> {
  const validated = validateScenario(file, components);
  if (!validated.ok) {
    const first = validated.errors[0]!;
    return fail({ code: first.code, message: `${first.path}: ${first.message}`, path: first.path });
  }
  return runSampled(validated.value, streamName, components);
}
