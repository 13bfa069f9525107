import { millis } from '../../sim/core/units.ts';
import {
  createKinesisState,
  createStream,
  getRecords,
  getShardIterator,
  putRecords,
  type PutRecordsRequestEntry,
} from '../../sim/kinesis/index.ts';
import { simulateRateLevel, type RateLevelInput, type RateLevelResult } from '../../sim/rate/index.ts';
import { formatMegabytes, formatNumber, timeMillis, type BenchRow, type BenchSuite } from './bench.ts';

const DAY_SECONDS = 86_400;
const SHARDS = 1000;
/** 30 TB a day of 1,000-byte records: 347,222 records/s on average, swinging ±50 % over the day. */
const RECORD_BYTES = 1000;
const MEAN_RECORDS_PER_SECOND = 30e12 / RECORD_BYTES / DAY_SECONDS;

function caseStudy(keys: RateLevelInput['producers'][number]['keys'], consumers: number): RateLevelInput {
  return {
    durationSeconds: DAY_SECONDS,
    resolutionSeconds: 1,
    streams: [
      {
        name: 'clickstream',
        shards: SHARDS,
        consumers: Array.from({ length: consumers }, (_, i) => ({ name: `app-${i + 1}` })),
      },
    ],
    producers: [
      {
        stream: 'clickstream',
        recordBytes: RECORD_BYTES,
        keys,
        ratePerSecond: (t) => MEAN_RECORDS_PER_SECOND * (1 + 0.5 * Math.sin((2 * Math.PI * t) / DAY_SECONDS)),
      },
    ],
  };
}

/** Bytes held by the typed arrays of a result's series. */
function seriesBytes(result: RateLevelResult): number {
  let total = 0;
  for (const stream of result.streams) {
    for (const shard of stream.shards) {
      for (const values of Object.values(shard.series)) total += values.byteLength;
    }
  }
  return total;
}

/**
 * The baseline: the record level (sim/kinesis, one object per PutRecords entry) carrying the same per-shard
 * load — 347 records/s of 1,000 bytes per shard, PutRecords every 10 ms, one GetRecords per shard per
 * second — for a small slice, extrapolated to 1,000 shards × 24 h.
 */
function recordLevelSlice(shards: number, seconds: number): number {
  const state = createKinesisState({ shardLimit: shards });
  createStream(state, { StreamName: 'slice', ShardCount: shards }, millis(0));
  const iterators = state.streams.slice!.shards.map((shard) => {
    const it = getShardIterator(
      state,
      { StreamName: 'slice', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' },
      millis(0),
    );
    return it.ok ? it.value.ShardIterator : null;
  });
  const data = new Uint8Array(RECORD_BYTES - 16);
  const perBatch = Math.round((MEAN_RECORDS_PER_SECOND / SHARDS) * shards * 0.01);
  let key = 0;
  const batch: PutRecordsRequestEntry[] = [];
  for (let second = 0; second < seconds; second++) {
    for (let b = 0; b < 100; b++) {
      batch.length = 0;
      for (let i = 0; i < perBatch; i++) {
        batch.push({ Data: data, PartitionKey: (key++).toString(16).padStart(16, '0') });
      }
      putRecords(state, { StreamName: 'slice', Records: batch }, millis(second * 1000 + b * 10));
    }
    for (let s = 0; s < shards; s++) {
      const page = getRecords(state, { ShardIterator: iterators[s]! }, millis(second * 1000 + 999));
      if (page.ok) iterators[s] = page.value.NextShardIterator;
    }
  }
  return shards * seconds;
}

/** Rate level at case-study scale: issue 4 §9's 24 h × 1,000 shards at 1 s, against the record level. */
export const rateSuite: BenchSuite = {
  name: 'Rate level',
  run(): BenchRow[] {
    const rows: BenchRow[] = [];
    let result: RateLevelResult | undefined;
    const uniform = caseStudy({ kind: 'uniform', keyBytes: 16 }, 1);
    const cpuBefore = process.cpuUsage();
    const ms = timeMillis(() => (result = simulateRateLevel(uniform)));
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const shardSeconds = SHARDS * DAY_SECONDS;
    rows.push({
      measure: `24 h × ${formatNumber(SHARDS)} shards at 1 s, 30 TB/day diurnal, random keys, 1 consumer (${formatNumber(result!.totals.recordsAccepted)} records)`,
      value: formatNumber(ms),
      unit: 'ms',
      target: { text: '< 2,000 ms (issue 4 §9)', met: ms < 2000 },
    });
    rows.push({
      measure: '  the same run in CPU time (wall time above suffers when other work shares the cores)',
      value: formatNumber(cpuMs),
      unit: 'ms',
    });
    rows.push({
      measure: `  peak resident memory of the bench process so far (series ${formatMegabytes(seriesBytes(result!))} MB at ${result!.seriesPeriodSeconds} s per sample)`,
      value: formatMegabytes(peakRss),
      unit: 'MB',
      target: { text: '< 500 MB (issue 4 §9)', met: peakRss < 500_000_000 },
    });
    const zipf = caseStudy({ kind: 'zipf', keys: 10_000_000, exponent: 0.8 }, 2);
    const zipfMs = timeMillis(() => (result = simulateRateLevel(zipf)));
    rows.push({
      measure: `24 h × ${formatNumber(SHARDS)} shards, Zipf over 10 million keys (65,536 hashed), 2 consumers (${formatNumber(result!.totals.recordsThrottled)} throttled)`,
      value: formatNumber(zipfMs),
      unit: 'ms',
    });
    const sliceShards = 10;
    const sliceSeconds = 10;
    let sliceShardSeconds = 0;
    const sliceMs = timeMillis(() => (sliceShardSeconds = recordLevelSlice(sliceShards, sliceSeconds)));
    const rateShardSecondsPerMs = shardSeconds / ms;
    const recordShardSecondsPerMs = sliceShardSeconds / sliceMs;
    rows.push({
      measure: `  baseline: record level (sim/kinesis) on ${sliceShards} shards × ${sliceSeconds} s, extrapolated to the same day`,
      value: formatNumber(shardSeconds / recordShardSecondsPerMs),
      unit: 'ms',
    });
    rows.push({
      measure: '  rate level speed-up over the record level (shard-seconds simulated per ms)',
      value: formatNumber(rateShardSecondsPerMs / recordShardSecondsPerMs),
      unit: '×',
    });
    return rows;
  },
};
