import type { KinesisEra } from '../kinesis/index.ts';
import type { ProducerPlan } from './producers.ts';
import type { ReadModel } from './reads.ts';
import type { SeriesStore } from './series.ts';
import type { RateTopology } from './topology.ts';
import type {
  RateConsumerResult,
  RateLevelInput,
  RateLevelResult,
  RatePutTotals,
  RateShardResult,
  RateStreamResult,
} from './types.ts';

/**
 * Turns the run's typed arrays into the result: per-shard totals and series views, per-stream and run
 * totals, consumers' positions. Counts are rounded to whole records and bytes here, once (the flows are
 * fractional inside the run); attempted is reported as accepted + throttled so the two always add up.
 */

/** The run's per-slot running totals. */
export interface RunTotals {
  readonly throttled: Float64Array;
  readonly units: Float64Array;
  readonly getRecordsCalls: Float64Array;
  readonly throttledCalls: Float64Array;
  readonly cumRecords: Float64Array;
  readonly cumBytes: Float64Array;
}

/** What `collectResult` reads. */
export interface RunState {
  readonly input: RateLevelInput;
  readonly era: KinesisEra;
  readonly steps: number;
  readonly resolutionSeconds: number;
  readonly seriesPeriodSeconds: number;
  readonly topology: RateTopology;
  readonly series: SeriesStore;
  readonly plans: readonly ProducerPlan[];
  readonly reads: ReadModel;
  readonly streamConsumers: readonly (readonly number[])[];
  readonly totals: RunTotals;
}

/** The approximations every rate-level result states. */
export const RATE_LEVEL_APPROXIMATIONS: readonly string[] = [
  'Flows, not records: within each step records arrive evenly and may be fractional; counts are rounded once, at the end.',
  'Write limits use the record level’s token buckets (1,000 records/s and 1 MiB/s per shard, one second of burst) at step granularity, so bursts shorter than a step are smoothed out.',
  'Each producer’s records have its mean size; PUT payload units are counted from that mean (25 KiB chunks, rounded up).',
  'Random keys land on each shard in proportion to its hash range (their expected share); a Zipf tail beyond the keys hashed exactly is spread the same way (see keyLandings for the error bound).',
  'A throttled record is retried in the next step until its attempts are used up; exponential back-off longer than a step is not modelled.',
  'KPL aggregation sends an aggregate when it is full or RecordMaxBufferedTime after its first record; the KPL’s own RateLimit is not modelled.',
  'GetRecords calls are simulated one by one against the shared read limits (5 calls/s, 2 MiB/s, 10 MiB and 10,000 records per call, 5 s after a 10 MiB read); iterator age assumes records arrived evenly within their step.',
];

function putTotals(
  slots: readonly number[],
  run: RunState,
  plans: readonly ProducerPlan[],
  shardHours: number,
): RatePutTotals {
  const { totals } = run;
  let accepted = 0;
  let throttled = 0;
  let bytes = 0;
  let units = 0;
  for (const s of slots) {
    accepted += Math.round(totals.cumRecords[s]!);
    throttled += Math.round(totals.throttled[s]!);
    bytes += Math.round(totals.cumBytes[s]!);
    units += Math.round(totals.units[s]!);
  }
  return {
    putAttempts: accepted + throttled,
    recordsAccepted: accepted,
    attemptsThrottled: throttled,
    userRecordsThrottled: Math.round(plans.reduce((sum, p) => sum + p.userRecordsThrottled, 0)),
    userRecordAttemptsThrottled: Math.round(plans.reduce((sum, p) => sum + p.userRecordAttemptsThrottled, 0)),
    userRecordsDropped: Math.round(plans.reduce((sum, p) => sum + p.userRecordsDropped, 0)),
    userRecordsProduced: Math.round(plans.reduce((sum, p) => sum + p.userRecordsProduced, 0)),
    userRecordsAccepted: Math.round(plans.reduce((sum, p) => sum + p.userRecordsAccepted, 0)),
    bytesAccepted: bytes,
    putPayloadUnits: units,
    shardHours,
  };
}

function sumTotals(parts: readonly RatePutTotals[]): RatePutTotals {
  const sum: { -readonly [Key in keyof RatePutTotals]: number } = { ...parts[0]! };
  for (const key of Object.keys(sum) as (keyof RatePutTotals)[]) {
    sum[key] = parts.reduce((total, p) => total + p[key], 0);
  }
  return sum;
}

/** Builds the result of a finished run. */
export function collectResult(run: RunState): RateLevelResult {
  const { topology, totals, reads, series, input } = run;
  const duration = input.durationSeconds;
  const dt = run.resolutionSeconds;
  const shardResults: RateShardResult[] = topology.shards.map((info) => {
    const s = info.slot;
    const shard = info.shard;
    const openedAtSeconds = info.openedStep * dt;
    const closedAtSeconds = info.closedStep === Infinity ? undefined : info.closedStep * dt;
    const shardHours = Math.max(0, Math.min(closedAtSeconds ?? duration, duration) - openedAtSeconds) / 3600;
    return {
      shardId: shard.ShardId,
      ...(shard.ParentShardId !== undefined ? { parentShardId: shard.ParentShardId } : {}),
      ...(shard.AdjacentParentShardId !== undefined
        ? { adjacentParentShardId: shard.AdjacentParentShardId }
        : {}),
      startingHashKey: shard.HashKeyRange.StartingHashKey,
      endingHashKey: shard.HashKeyRange.EndingHashKey,
      openedAtSeconds,
      ...(closedAtSeconds !== undefined ? { closedAtSeconds } : {}),
      shardHours,
      incomingRecords: Math.round(totals.cumRecords[s]!),
      incomingBytes: Math.round(totals.cumBytes[s]!),
      attemptsThrottled: Math.round(totals.throttled[s]!),
      putPayloadUnits: Math.round(totals.units[s]!),
      getRecordsCalls: totals.getRecordsCalls[s]!,
      throttledGetRecordsCalls: totals.throttledCalls[s]!,
      series: series.view(s),
    };
  });
  const streams: RateStreamResult[] = topology.streams.map((stream, si) => {
    const plans = run.plans.filter((p) => p.streamIndex === si);
    const shards = stream.slots.map((s) => shardResults[s]!);
    const shardHours = shards.reduce((sum, shard) => sum + shard.shardHours, 0);
    const consumers: RateConsumerResult[] = run.streamConsumers[si]!.map((g) => {
      const c = reads.consumers[g]!;
      const read = (values: Float64Array) => Math.round(values[g]!);
      let backlog = 0;
      for (const s of stream.slots)
        backlog += totals.cumRecords[s]! - reads.position[g * topology.shards.length + s]!;
      return {
        name: c.name,
        recordsRead: read(reads.recordsRead),
        bytesRead: read(reads.bytesRead),
        backlogRecords: Math.round(backlog),
        recordsExpiredUnread: read(reads.recordsExpiredUnread),
        maxIteratorAgeMs: read(reads.maxIteratorAgeMs),
      };
    });
    return { name: stream.name, totals: putTotals(stream.slots, run, plans, shardHours), shards, consumers };
  });
  return {
    level: 'rate',
    era: run.era,
    durationSeconds: duration,
    resolutionSeconds: dt,
    seriesPeriodSeconds: run.seriesPeriodSeconds,
    seriesLength: series.length,
    totals: sumTotals(streams.map((s) => s.totals)),
    streams,
    producers: run.plans.map((p) => ({
      name: p.name,
      stream: p.input.stream,
      userRecordsProduced: Math.round(p.userRecordsProduced),
      userRecordsAccepted: Math.round(p.userRecordsAccepted),
      userRecordsDropped: Math.round(p.userRecordsDropped),
    })),
    keyLandings: run.plans.map((p) => ({ producer: p.name, ...p.keys.landing })),
    actions: topology.outcomes,
    approximations: RATE_LEVEL_APPROXIMATIONS,
  };
}
