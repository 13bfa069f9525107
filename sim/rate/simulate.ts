import { SimException } from '../core/errors.ts';
import { kinesisLimits, type KinesisLimits } from '../kinesis/limits.ts';
import { limitOf, PRICE_BOOKS } from '../pricing/index.ts';
import {
  movePendingToChildren,
  offer,
  planProducer,
  relandProducer,
  settle,
  type ProducerPlan,
} from './producers.ts';
import { ReadModel, type ReadConsumer } from './reads.ts';
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
 * Reads simulate each GetRecords call against the same shared read buckets (see reads.ts).
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
function openShardsAt(infos: readonly SlotInfo[], slots: readonly number[], step: number) {
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
        credit: 0,
        callsThisStep: 0,
        recordsRead: 0,
        bytesRead: 0,
        recordsExpiredUnread: 0,
        maxIteratorAgeMs: 0,
      };
    }),
  );
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
  const series = new SeriesStore(slots, Math.ceil(steps / periodSteps));

  const plans: ProducerPlan[] = input.producers.map((p, i) =>
    planProducer(
      p,
      i,
      input.streams.findIndex((s) => s.name === p.stream),
      slots,
      limitOf(book, 'kinesis.kplAggregationMaxBytes').value,
      limitOf(book, 'kinesis.kplRecordMaxBufferedTimeMs').value,
    ),
  );
  const consumers = readConsumers(input, limits);
  const reads = new ReadModel(consumers, slots, limits);
  const streamConsumers = input.streams.map((_, si) =>
    consumers.flatMap((c, g) => (c.streamIndex === si ? [g] : [])),
  );
  const retentionSteps = input.streams.map(
    (s) => ((s.retentionHours ?? limits.retentionDefaultHours) * 3600) / dt,
  );

  const offers = {
    records: new Float64Array(slots),
    bytes: new Float64Array(slots),
    units: new Float64Array(slots),
  };
  const accepted = new Float64Array(slots);
  const cumRecords = new Float64Array(slots);
  const cumBytes = new Float64Array(slots);
  const stepRecords = new Float64Array(slots);
  const stepBytes = new Float64Array(slots);
  const recordTokens = new Float64Array(slots).fill(limits.shardWriteRecordsPerSecond);
  const byteTokens = new Float64Array(slots).fill(limits.shardWriteBytesPerSecond);
  const totals: RunTotals = {
    attempted: new Float64Array(slots),
    throttled: new Float64Array(slots),
    units: new Float64Array(slots),
    getRecordsCalls: reads.getRecordsCalls,
    throttledCalls: reads.throttledCalls,
    cumRecords,
    cumBytes,
  };
  const recordsRate = limits.shardWriteRecordsPerSecond;
  const bytesRate = limits.shardWriteBytesPerSecond;

  const streams = topology.streams.map((stream) => ({
    ...stream,
    open: openShardsAt(infos, stream.slots, 0),
  }));
  for (const plan of plans) relandProducer(plan, streams[plan.streamIndex]!.open.list);

  for (let step = 0; step < steps; step++) {
    const t = step * dt;
    for (let si = 0; si < streams.length; si++) {
      const stream = streams[si]!;
      if (!stream.changeSteps.includes(step)) continue;
      const previous = stream.open.array;
      stream.open = openShardsAt(infos, stream.slots, step);
      for (const plan of plans) if (plan.streamIndex === si) relandProducer(plan, stream.open.list);
      for (const slot of previous) {
        if (infos[slot]!.closedStep !== step) continue;
        stepRecords[slot] = 0;
        stepBytes[slot] = 0;
        for (const plan of plans)
          if (plan.streamIndex === si) movePendingToChildren(plan, slot, infos[slot]!.children, slots);
      }
    }
    offers.records.fill(0);
    offers.bytes.fill(0);
    offers.units.fill(0);
    for (const plan of plans) {
      const open = streams[plan.streamIndex]!.open.array;
      offer(plan, t, dt, open, open.length, slots, unitBytes, offers);
    }
    for (const stream of streams) {
      const open = stream.open.array;
      for (let j = 0; j < open.length; j++) {
        const s = open[j]!;
        const offeredRecords = offers.records[s]!;
        const offeredBytes = offers.bytes[s]!;
        const availableRecords = recordTokens[s]! + recordsRate * dt;
        const availableBytes = byteTokens[s]! + bytesRate * dt;
        let a = 1;
        if (offeredRecords > availableRecords) a = availableRecords / offeredRecords;
        if (offeredBytes * a > availableBytes) a = availableBytes / offeredBytes;
        const records = a * offeredRecords;
        const bytes = a * offeredBytes;
        recordTokens[s] = Math.min(recordsRate, availableRecords - records);
        byteTokens[s] = Math.min(bytesRate, availableBytes - bytes);
        accepted[s] = a;
        stepRecords[s] = records;
        stepBytes[s] = bytes;
        totals.attempted[s]! += offeredRecords;
        totals.throttled[s]! += offeredRecords - records;
        totals.units[s]! += a * offers.units[s]!;
        series.incomingRecords[s]! += records;
        series.incomingBytes[s]! += bytes;
        series.writeThrottled[s]! += offeredRecords - records;
      }
    }
    for (const plan of plans) {
      const open = streams[plan.streamIndex]!.open.array;
      settle(plan, accepted, open, open.length, slots);
    }
    if (consumers.length > 0) reads.startStep(dt);
    for (let si = 0; si < streams.length; si++) {
      const readers = streamConsumers[si]!;
      const stream = streams[si]!;
      for (const s of stream.slots) {
        const info = infos[s]!;
        if (info.openedStep > step) continue;
        if (readers.length > 0) {
          const open = step < info.closedStep;
          reads.readSlot(
            s,
            step,
            t,
            dt,
            readers,
            info.parentSlots,
            open,
            cumRecords,
            cumBytes,
            stepRecords[s]!,
            stepBytes[s]!,
          );
          series.readThrottled[s]! += reads.stepThrottled[s]!;
          if (reads.stepMaxAgeMs[s]! > series.iteratorAge[s]!) series.iteratorAge[s] = reads.stepMaxAgeMs[s]!;
          const cumEnd = cumRecords[s]! + stepRecords[s]!;
          const bytesEnd = cumBytes[s]! + stepBytes[s]!;
          reads.endSlot(
            s,
            step,
            readers,
            cumRecords[s]!,
            cumBytes[s]!,
            cumEnd,
            bytesEnd,
            retentionSteps[si]!,
          );
        }
        cumRecords[s]! += stepRecords[s]!;
        cumBytes[s]! += stepBytes[s]!;
      }
    }
    if ((step + 1) % periodSteps === 0 || step === steps - 1) series.flush(Math.floor(step / periodSteps));
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
