import type { SchemaIssue } from '../scenario/index.ts';
import { expectedRecords, meanRecordBytes } from './load-shape.ts';
import type { StreamingScenario } from './scenario-schema.ts';

/**
 * What a streaming run will cost to compute, estimated from the scenario before it starts, so a run that
 * would take many minutes or exhaust memory is refused (or moved to the rate level) with a message saying
 * what to change — in the one place the CLI, the console's worker and the labs all pass through (the
 * scenario's validation). Valid AWS-sized inputs are not small: a 100,000-shard stream is a legal request,
 * and so is a week-long run, but simulating either at full detail takes far longer than a learner waits.
 *
 * Work is counted in units of roughly one microsecond of one core on a current laptop. The weights were
 * measured with `bdlab run` on the development machine (a shared two-core server, where they ran 2–4× slower):
 * a record-level record costs about 20 units to produce, route, store and report, plus about 1 unit per KiB
 * of data generated; each consumer reads it again for about 10; each shard costs about 800 to create, track
 * and report at either level; and the rate level then costs about 2 units per shard per simulated second.
 */

/** Most work one run may take: about a minute of computing, the most a learner should wait for a run. */
export const MAX_RUN_WORK = 60_000_000;
/** Most record data a record-level run may generate: the records are kept in memory for their retention. */
export const RECORD_LEVEL_MAX_BYTES = 1024 * 1024 * 1024;

const WORK_PER_RECORD = 20;
const WORK_PER_KIB = 1;
const WORK_PER_RECORD_READ = 10;
const WORK_PER_SHARD = 800;
const WORK_PER_RATE_SHARD_SECOND = 2;

/** The estimate of one run at one level: work units, bytes of record data, and what dominates. */
export interface RunWorkEstimate {
  readonly level: 'record' | 'rate';
  readonly work: number;
  /** Bytes of record data generated (record level), 0 at rate level (no data is made). */
  readonly recordBytes: number;
  /** The main terms, in words, for the message. */
  readonly terms: readonly string[];
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const millions = (n: number): string =>
  `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: n < 1e7 ? 1 : 0 })} million`;
const gib = (bytes: number): string =>
  `${(bytes / 1024 ** 3).toLocaleString('en-US', { maximumFractionDigits: 1 })} GiB`;

/** The producers' records and bytes over the run. */
function produced(scenario: StreamingScenario): { records: number; bytes: number } {
  let records = 0;
  let bytes = 0;
  for (const p of scenario.producers ?? []) {
    const n = expectedRecords(p.recordsPerSecond, p.rate, scenario.durationSeconds);
    records += n;
    bytes += n * meanRecordBytes(p.recordBytes);
  }
  return { records, bytes };
}

/**
 * Shards the run creates (the streams' own, and every child a reshard action opens: UpdateShardCount opens
 * its whole target count) and the most open at once, as an upper bound from the actions in the scenario.
 */
function shardCounts(scenario: StreamingScenario): { created: number; peak: number } {
  const open = new Map<string, number>();
  let created = 0;
  for (const stream of scenario.streams ?? []) {
    open.set(stream.name, stream.shards);
    created += stream.shards;
  }
  let peak = created;
  for (const action of scenario.actions ?? []) {
    if (!('stream' in action) || typeof action.stream !== 'string') continue;
    const now = open.get(action.stream) ?? 0;
    if (action.action === 'updateShardCount') {
      open.set(action.stream, action.targetShardCount);
      created += action.targetShardCount;
    } else if (action.action === 'splitShard') {
      open.set(action.stream, now + 1);
      created += 2;
    } else if (action.action === 'mergeShards') {
      open.set(action.stream, Math.max(1, now - 1));
      created += 1;
    } else continue;
    peak = Math.max(
      peak,
      [...open.values()].reduce((sum, n) => sum + n, 0),
    );
  }
  return { created, peak };
}

/** Estimates the work of running `scenario` at `level`. */
export function estimateRunWork(scenario: StreamingScenario, level: 'record' | 'rate'): RunWorkEstimate {
  const { created: shards, peak } = shardCounts(scenario);
  const shardWork = shards * WORK_PER_SHARD;
  if (level === 'rate') {
    const shardSeconds = peak * scenario.durationSeconds;
    return {
      level,
      work: shardWork + shardSeconds * WORK_PER_RATE_SHARD_SECOND,
      recordBytes: 0,
      terms: [`${count(shards)} shards`, `up to ${count(shardSeconds)} shard-seconds`],
    };
  }
  const { records, bytes } = produced(scenario);
  const consumers = ((scenario as { consumers?: readonly unknown[] }).consumers ?? []).length;
  const work =
    shardWork +
    records * WORK_PER_RECORD +
    (bytes / 1024) * WORK_PER_KIB +
    records * consumers * WORK_PER_RECORD_READ;
  const terms = [`about ${count(records)} records`, `${gib(bytes)} of record data`];
  if (consumers > 0) terms.push(`${consumers} consumer${consumers === 1 ? '' : 's'} reading them`);
  if (shards > 0) terms.push(`${count(shards)} shards`);
  return { level, work, recordBytes: bytes, terms };
}

/** True when a record-level run of `scenario` fits both the work and the memory budget. */
export function recordLevelFits(scenario: StreamingScenario): boolean {
  const estimate = estimateRunWork(scenario, 'record');
  return estimate.work <= MAX_RUN_WORK && estimate.recordBytes <= RECORD_LEVEL_MAX_BYTES;
}

/**
 * The problems with running `scenario` at `level`: more record data than memory allows (record level), or
 * more work than a run may take. Each message says how big the run is, the limit, and what to change.
 */
export function runWorkIssues(scenario: StreamingScenario, level: 'record' | 'rate'): SchemaIssue[] {
  const estimate = estimateRunWork(scenario, level);
  if (level === 'record' && estimate.recordBytes > RECORD_LEVEL_MAX_BYTES) {
    return [
      {
        path: '$.level',
        message: `the record level would generate ${gib(estimate.recordBytes)} of record data and keep it in memory; it takes at most ${gib(RECORD_LEVEL_MAX_BYTES)}. Use "level": "rate" (or "auto"), smaller records, a lower rate or a shorter run.`,
      },
    ];
  }
  if (estimate.work <= MAX_RUN_WORK) return [];
  const fixes =
    level === 'rate'
      ? 'use fewer shards or a shorter durationSeconds'
      : 'lower the rates, shorten durationSeconds, or use "level": "rate" (or "auto")';
  return [
    {
      path: level === 'rate' ? '$.streams' : '$.producers',
      message: `this run is too large to simulate here: ${estimate.terms.join(', ')} at ${level} level is about ${millions(estimate.work)} units of work, and a run may take at most ${millions(MAX_RUN_WORK)} (about a minute of computing). To run it, ${fixes}.`,
    },
  ];
}
