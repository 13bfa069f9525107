import { simulateRateLevel } from '../../sim/rate/index.ts';
import { caseStudy, seriesBytes } from './rate-scenario.ts';

/**
 * Runs the rate level's case-study day (random keys, one consumer) alone in this process and prints its
 * figures as one line of JSON. rate.bench.ts starts this script in a fresh Node process so that the peak
 * resident memory it reports belongs to this simulation only, not to the suites that ran before it.
 */

/** What the process prints. */
export interface RateProcessFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Peak resident set size of the whole process (Node included). */
  readonly maxRssBytes: number;
  readonly recordsAccepted: number;
  readonly seriesBytes: number;
  readonly seriesPeriodSeconds: number;
}

const input = caseStudy({ kind: 'uniform', keyBytes: 16 }, 1);
const cpuBefore = process.cpuUsage();
const start = performance.now();
const result = simulateRateLevel(input);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
const figures: RateProcessFigures = {
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  recordsAccepted: result.totals.recordsAccepted,
  seriesBytes: seriesBytes(result),
  seriesPeriodSeconds: result.seriesPeriodSeconds,
};
console.log(JSON.stringify(figures));
