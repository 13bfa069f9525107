import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SIMULATION_JS_FLAGS } from '../../electron/app/v8-flags.ts';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  getRecords,
  getShardIterator,
  putRecords,
  type PutRecordsRequestEntry,
} from '../../sim/kinesis/index.ts';
import { simulateRateLevel, type RateLevelResult } from '../../sim/rate/index.ts';
import {
  formatMegabytes,
  formatNumber,
  median,
  timeMillis,
  type BenchRow,
  type BenchSuite,
} from './bench.ts';
import type { RateProcessFigures } from './rate-process.ts';
import {
  caseStudy,
  DAY_SECONDS,
  MEAN_RECORDS_PER_SECOND,
  overLimitDay,
  RECORD_BYTES,
  SHARDS,
} from './rate-scenario.ts';

/** Where npm run bench puts the bundled rate-process.ts. */
export const RATE_PROCESS_BUNDLE = '.tmp/bench/rate-process.mjs';

/** Fresh processes the case-study day runs in; the rows give the median time and the highest memory. */
const PROCESS_RUNS = 3;

/**
 * Runs rate-process.ts in a fresh Node process and reads the figures it prints. `npm run bench`
 * (bundle-and-run.ts) bundles it beside the suites and runs everything from the project root.
 */
function runInOwnProcess(): RateProcessFigures {
  const root = process.cwd();
  const script = path.join(root, RATE_PROCESS_BUNDLE);
  if (!existsSync(script))
    throw new Error(`${RATE_PROCESS_BUNDLE} is missing: run the benchmark with npm run bench.`);
  const child = spawnSync(process.execPath, [...SIMULATION_JS_FLAGS, script], {
    cwd: root,
    encoding: 'utf8',
  });
  if (child.status !== 0) {
    throw new Error(`rate-process.ts exited with ${String(child.status)}: ${child.stderr}`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as RateProcessFigures;
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
    const runs = Array.from({ length: PROCESS_RUNS }, runInOwnProcess);
    const ms = median(runs.map((r) => r.wallMs));
    const cpuMs = median(runs.map((r) => r.cpuMs));
    const peakRss = Math.max(...runs.map((r) => r.maxRssBytes));
    const first = runs[0]!;
    const shardSeconds = SHARDS * DAY_SECONDS;
    rows.push({
      measure: `24 h × ${formatNumber(SHARDS)} shards at 1 s, 30 TB/day diurnal, random keys, 1 consumer (${formatNumber(first.recordsAccepted)} records; median of ${PROCESS_RUNS} fresh processes)`,
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
      measure: `  peak resident memory of a process running only this simulation (Node included; series ${formatMegabytes(first.seriesBytes)} MB at ${first.seriesPeriodSeconds} s per sample)`,
      value: formatMegabytes(peakRss),
      unit: 'MB',
      target: { text: '< 500 MB (issue 4 §9)', met: peakRss < 500_000_000 },
    });
    let result: RateLevelResult | undefined;
    const zipf = caseStudy({ kind: 'zipf', keys: 10_000_000, exponent: 0.8 }, 2);
    const zipfCpuBefore = process.cpuUsage();
    const zipfMs = timeMillis(() => (result = simulateRateLevel(zipf)));
    const zipfCpu = process.cpuUsage(zipfCpuBefore);
    rows.push({
      measure: `24 h × ${formatNumber(SHARDS)} shards, Zipf over 10 million keys (65,536 hashed), 2 consumers (${formatNumber(result!.totals.attemptsThrottled)} throttled: hot shards simulated step by step, the others fast-forwarded)`,
      value: formatNumber(zipfMs),
      unit: 'ms',
    });
    rows.push({
      measure: '  the same run in CPU time',
      value: formatNumber((zipfCpu.user + zipfCpu.system) / 1000),
      unit: 'ms',
    });
    const cpuBefore = process.cpuUsage();
    const overMs = timeMillis(() => (result = simulateRateLevel(overLimitDay())));
    const overCpu = process.cpuUsage(cpuBefore);
    rows.push({
      measure: `24 h × ${formatNumber(SHARDS)} shards all over the write limit, 1 consumer (${formatNumber(result!.totals.attemptsThrottled)} throttled: no shard fast-forwarded, the slowest case)`,
      value: formatNumber(overMs),
      unit: 'ms',
    });
    rows.push({
      measure: '  the same run in CPU time',
      value: formatNumber((overCpu.user + overCpu.system) / 1000),
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
      measure: '  rate level speed-up over the record level (shard-seconds simulated per ms, random-key day)',
      value: formatNumber(rateShardSecondsPerMs / recordShardSecondsPerMs),
      unit: '×',
    });
    return rows;
  },
};
