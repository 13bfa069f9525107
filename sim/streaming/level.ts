import { expectedRecords } from './load-shape.ts';
import type { RateRunSummary } from './rate-level.ts';
import type { ProducerConfig } from './scenario-schema.ts';

/** Most records a scenario may have at record level when it chooses automatically. */
export const AUTO_RECORD_LEVEL_MAX_RECORDS = 1_000_000;
/** Most records a scenario may force the record level to simulate (memory stays under about 1 GB). */
export const FORCED_RECORD_LEVEL_MAX_RECORDS = 3_000_000;

/** What the scenario asked for, what the run uses and why (the report's `level` section). */
export interface LevelChoice {
  readonly requested: 'auto' | 'record' | 'rate';
  readonly used: 'record' | 'rate';
  readonly reason: string;
  /** Records the producers would make over the run, from their rates. */
  readonly expectedRecords: number;
}

/** The `level` service: the choice, and at rate level the whole run's result (computed when the run starts). */
export interface LevelState extends LevelChoice {
  rate: RateRunSummary | null;
}

/** Records all producers make over the run, from their rate patterns. */
export function expectedScenarioRecords(
  producers: readonly ProducerConfig[],
  durationSeconds: number,
): number {
  let total = 0;
  for (const p of producers) total += expectedRecords(p.recordsPerSecond, p.rate, durationSeconds);
  return Math.round(total);
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Chooses the level of detail: as requested, or automatically by the expected number of records and, when
 * given, whether a record-level run fits its work and memory budget (`recordLevelFits` in work.ts).
 */
export function chooseLevel(
  requested: LevelChoice['requested'],
  producers: readonly ProducerConfig[],
  durationSeconds: number,
  recordLevelFits = true,
): LevelChoice {
  const expected = expectedScenarioRecords(producers, durationSeconds);
  if (requested === 'record') {
    return { requested, used: 'record', reason: 'record level was requested', expectedRecords: expected };
  }
  if (requested === 'rate') {
    return { requested, used: 'rate', reason: 'rate level was requested', expectedRecords: expected };
  }
  if (expected <= AUTO_RECORD_LEVEL_MAX_RECORDS && !recordLevelFits) {
    return {
      requested,
      used: 'rate',
      reason: `about ${count(expected)} records, but too much record data or work to simulate each one: per-shard flows per simulated second`,
      expectedRecords: expected,
    };
  }
  if (expected <= AUTO_RECORD_LEVEL_MAX_RECORDS) {
    return {
      requested,
      used: 'record',
      reason: `about ${count(expected)} records, at most ${count(AUTO_RECORD_LEVEL_MAX_RECORDS)}: every record is simulated`,
      expectedRecords: expected,
    };
  }
  return {
    requested,
    used: 'rate',
    reason: `about ${count(expected)} records, more than ${count(AUTO_RECORD_LEVEL_MAX_RECORDS)}: per-shard flows per simulated second`,
    expectedRecords: expected,
  };
}
