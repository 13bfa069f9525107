import { SimException } from '../core/index.ts';
import { kinesisLimits, type KinesisLimits } from '../kinesis/index.ts';
import { limitOf, PRICE_BOOKS } from '../pricing/index.ts';
import {
  movePendingToChildren,
  planProducer,
  relandProducer,
  settleFromTotals,
  type ProducerPlan,
} from './producers.ts';
import { ReadModel, type ReadConsumer } from './reads.ts';
import { WriteModel } from './writes.ts';
import { SteadyStream } from './steady.ts';
import { StepLoop, type StepStream } from './step.ts';
import type { ShardState } from '../kinesis/index.ts';
import { collectResult, type RunTotals } from './result.ts';
import { chooseSeriesPeriod, SeriesStore } from './series.ts';
import { buildTopology, type RateTopology, type TopologyShard } from './topology.ts';
import type { RateLevelInput, RateLevelResult } from './types.ts';
import { validateRateLevelInput } from './validate.ts';

/**
 * The rate level: per-shard flows per step for case-study scale, under the same limits as the record level.
 *
 * Writes use the record level's token buckets (sim/kinesis/throughput.ts, THROUGHPUT_ACCOUNTING) at step
 * granularity: each shard's record and byte buckets refill continuously at 1,000 records/s and 1 MiB/s and
 * hold one second's quota. In a step of Δ seconds a shard can take what its buckets hold plus Δ seconds of
 * refill; it accepts min(1, records available ÷ offered, bytes available ÷ offered) of everything offered
 * and the buckets keep what is left, up to one second's worth. For arrivals spread evenly over the step —
 * the fluid assumption — this is exactly what the continuous bucket does: a shard offered 1,500 records/s
 * accepts all of them for two seconds (its full bucket drains by 500/s) and then 1,000/s, as at the
 * record level. Where the two differ:
 *  - bursts inside a step are not resolved: a producer that sends a second's records in the first 10 ms
 *    is throttled more at the record level than here;
 *  - records are fractional and have the producer's mean size, so a record the record level refuses
 *    because it is larger than the bytes left in the bucket at that instant is not refused here;
 *  - random keys land on each shard in proportion to its hash range (their expected share), without the
 *    per-second scatter of real random keys, which throttles a shard running near its limit slightly more.
 * Reads simulate each GetRecords call against the same shared read buckets (see reads.ts). A step of a
 * stream is one fused pass over its shards (step.ts), which skips the shards far from every limit: those
 * are fast-forwarded and brought up to date at each series sample (steady.ts).
 */

/** Everything about a shard slot that does not change during the run. */
interface SlotInfo extends TopologyShard {
  readonly children: readonly number[];
}

function slotInfos(topology: RateTopology): SlotInfo[] {
  const children: number[][] = topology.shards.map(() => []);
  for (const shard of topology.shards) for (const p of shard.parentSlots) children[p]!.push(shard.slot);
  return topology.shards.map((shard) => ({ ...shard, children: children[shard.slot]! }));
}

/** A stream's open shards at a step, in hash key order, as slots and as a typed array for the hot loop. */
function openShardsAt(infos: readonly SlotInfo[], slots: readonly number[], step: number): OpenShards {
  const open = slots
    .map((slot) => infos[slot]!)
    .filter((info) => info.openedStep <= step && step < info.closedStep)
    .sort((a, b) => (a.shard.startingHex < b.shard.startingHex ? -1 : 1));
  return {
    list: open.map((info) => ({ slot: info.slot, shard: info.shard })),
    array: Int32Array.from(open.map((info) => info.slot)),
  };
}

function readConsumers(input: RateLevelInput, limits: KinesisLimits): ReadConsumer[] {
  return input.streams.flatMap((stream, streamIndex) =>
    (stream.consumers ?? []).map((c) => {
      const polls = c.pollsPerSecond ?? 1;
      const limit = c.maxRecordsPerCall ?? limits.getRecordsMaxRecords;
      const processing = c.maxRecordsPerSecond === undefined ? Infinity : c.maxRecordsPerSecond / polls;
      return {
        name: c.name,
        streamIndex,
        pollsPerSecond: polls,
        recordsPerCall: Math.min(limit, processing),
      };
    }),
  );
}

/** A stream's open shards in hash key order, as slots with their shard (for landing keys) and as slots. */
interface OpenShards {
  readonly list: readonly { readonly slot: number; readonly shard: ShardState }[];
  readonly array: Int32Array;
}

/** The state a step works on. */
interface Run {
  readonly infos: readonly SlotInfo[];
  readonly plans: readonly ProducerPlan[];
  readonly streams: {
    readonly changeSteps: readonly number[];
    readonly slots: readonly number[];
    readonly step: StepStream;
    open: OpenShards;
  }[];
  readonly writes: WriteModel;
  readonly reads: ReadModel;
  readonly loop: StepLoop;
  readonly slots: number;
  readonly dt: number;
}

/** Applies the shard changes of a step: new routing for producers, retries moved off closed shards. */
function reshardAt(run: Run, si: number, step: number): void {
  const stream = run.streams[si]!;
  const previous = stream.open.array;
  stream.open = openShardsAt(run.infos, stream.slots, step);
  for (const plan of run.plans) if (plan.streamIndex === si) relandProducer(plan, stream.open.list);
  for (const slot of previous) {
    const info = run.infos[slot]!;
    if (info.closedStep !== step) continue;
    run.writes.stepRecords[slot] = 0;
    run.writes.stepBytes[slot] = 0;
    for (const plan of run.plans) {
      if (plan.streamIndex === si) movePendingToChildren(plan, slot, info.children, run.slots);
    }
  }
}

/** One step: reshards due now, then each stream's fused pass (offers, write buckets, settling, reads). */
function runStep(run: Run, step: number): void {
  const streams = run.streams;
  for (let si = 0; si < streams.length; si++) {
    if (streams[si]!.changeSteps.includes(step)) reshardAt(run, si, step);
  }
  if (run.reads.consumers.length > 0) run.reads.beginStep(step, step * run.dt, run.dt);
  for (let si = 0; si < streams.length; si++) run.loop.run(streams[si]!.step, step);
}

/**
 * Runs a rate-level simulation. Invalid input throws a SimException naming the field; refused resharding
 * actions do not throw but appear in `actions` with the AWS error, as a refused API call would.
 */
export function simulateRateLevel(input: RateLevelInput): RateLevelResult {
  const valid = validateRateLevelInput(input);
  if (!valid.ok) throw new SimException(valid.error);
  const era = input.era ?? '2016';
  const limits = kinesisLimits(era);
  const book = PRICE_BOOKS[era];
  const unitBytes = limitOf(book, 'kinesis.putPayloadUnitBytes').value;
  const dt = input.resolutionSeconds ?? 1;
  const steps = Math.ceil(input.durationSeconds / dt);
  const topology = buildTopology(input, era, dt);
  const infos = slotInfos(topology);
  const slots = infos.length;
  const periodSeconds = chooseSeriesPeriod(input.seriesPeriodSeconds, dt, steps, slots);
  const periodSteps = periodSeconds / dt;

  const plans: ProducerPlan[] = input.producers.map((p, i) =>
    planProducer(
      p,
      i,
      input.streams.findIndex((s) => s.name === p.stream),
      slots,
      limitOf(book, 'kinesis.kplAggregationMaxBytes').value,
      limitOf(book, 'kinesis.kplRecordMaxBufferedTimeMs').value,
      unitBytes,
      input.producers.filter((other) => other.stream === p.stream).length === 1,
    ),
  );
  const consumers = readConsumers(input, limits);
  const streamConsumers = input.streams.map((_, si) =>
    consumers.flatMap((c, g) => (c.streamIndex === si ? [g] : [])),
  );
  const retentionSteps = input.streams.map(
    (s) => ((s.retentionHours ?? limits.retentionDefaultHours) * 3600) / dt,
  );

  const writes = new WriteModel(slots, limits);
  const readThrottled = new Float64Array(slots);
  const series = new SeriesStore(slots, Math.ceil(steps / periodSteps), {
    incomingBytes: writes.cumBytes,
    incomingRecords: writes.cumRecords,
    writeThrottled: writes.throttled,
    readThrottled,
  });
  const reads = new ReadModel(consumers, limits, writes, infos, series.iteratorAge, readThrottled);
  const totals: RunTotals = {
    throttled: writes.throttled,
    units: writes.acceptedUnits,
    getRecordsCalls: reads.getRecordsCalls,
    throttledCalls: reads.throttledCalls,
    cumRecords: writes.cumRecords,
    cumBytes: writes.cumBytes,
  };
  const opens = topology.streams.map((stream) => openShardsAt(infos, stream.slots, 0));
  for (const plan of plans) relandProducer(plan, opens[plan.streamIndex]!.list);
  const streams = topology.streams.map((stream, si) => {
    const streamPlans = plans.filter((plan) => plan.streamIndex === si);
    const slotArray = Int32Array.from(stream.slots);
    const steady =
      stream.changeSteps.length === 0 &&
      SteadyStream.fits(streamPlans, streamConsumers[si]!, limits.shardReadCallsPerSecond)
        ? new SteadyStream(writes, reads, streamPlans[0]!, slotArray, streamConsumers[si]!, dt)
        : undefined;
    const step: StepStream = {
      slots: slotArray,
      plans: streamPlans,
      consumers: streamConsumers[si]!,
      retentionSteps: retentionSteps[si]!,
      ...(steady !== undefined ? { steady } : {}),
    };
    return { ...stream, step, open: opens[si]! };
  });
  const mostPlans = Math.max(0, ...streams.map((stream) => stream.step.plans.length));
  const loop = new StepLoop(writes, reads, dt, mostPlans);
  const run: Run = { infos, plans, streams, writes, reads, loop, slots, dt };
  for (let step = 0; step < steps; step++) {
    runStep(run, step);
    if ((step + 1) % periodSteps === 0 || step === steps - 1) {
      for (const stream of streams) stream.step.steady?.catchUpAll();
      series.flush(Math.floor(step / periodSteps));
    }
  }
  for (const plan of plans) {
    let accepted = 0;
    for (const s of topology.streams[plan.streamIndex]!.slots) accepted += writes.cumRecords[s]!;
    settleFromTotals(plan, accepted);
  }
  return collectResult({
    input,
    era,
    steps,
    resolutionSeconds: dt,
    seriesPeriodSeconds: periodSeconds,
    topology,
    series,
    plans,
    reads,
    streamConsumers,
    totals,
  });
}
