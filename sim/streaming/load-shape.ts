import type { Bytes, Rng, Seconds } from '../core/index.ts';

/**
 * How a load generator's rate moves over time, around its `recordsPerSecond`:
 * - `constant`: always `recordsPerSecond`.
 * - `diurnal`: a daily sine wave whose mean is `recordsPerSecond`, peaking at `peakAtHourUtc` (simulated
 *   time 0 is midnight UTC) and `peakToTroughRatio` times higher at the peak than at the trough.
 * - `burst`: `recordsPerSecond`, multiplied by `multiplier` for `lastingSeconds` at the start of every
 *   `everySeconds` (the first burst starts at 0 s).
 */
export type RatePattern =
  | { readonly pattern: 'constant' }
  | { readonly pattern: 'diurnal'; readonly peakToTroughRatio: number; readonly peakAtHourUtc: number }
  | {
      readonly pattern: 'burst';
      readonly everySeconds: Seconds;
      readonly lastingSeconds: Seconds;
      readonly multiplier: number;
    };

/**
 * Record sizes (the data blob, in bytes; the partition key is added on top as Kinesis counts it): a fixed
 * size, a uniform integer between `min` and `max`, or a lognormal with the given `mean` and `sigma` (the
 * standard deviation of the size's logarithm), rounded to whole bytes and at least 1.
 */
export type RecordSize =
  | Bytes
  | { readonly distribution: 'uniform'; readonly min: Bytes; readonly max: Bytes }
  | { readonly distribution: 'lognormal'; readonly mean: Bytes; readonly sigma: number };

const SECONDS_PER_DAY = 86_400;

/** The rate at `tSeconds` of simulated time, in records per second. */
export function rateAt(recordsPerSecond: number, pattern: RatePattern, tSeconds: number): number {
  switch (pattern.pattern) {
    case 'constant':
      return recordsPerSecond;
    case 'diurnal': {
      // Mean 1, ratio (1 + a) / (1 − a) between peak and trough.
      const r = pattern.peakToTroughRatio;
      const amplitude = (r - 1) / (r + 1);
      const hours = ((tSeconds % SECONDS_PER_DAY) / 3600 - pattern.peakAtHourUtc) / 24;
      return recordsPerSecond * (1 + amplitude * Math.cos(2 * Math.PI * hours));
    }
    case 'burst': {
      const inBurst = tSeconds % pattern.everySeconds < pattern.lastingSeconds;
      return inBurst ? recordsPerSecond * pattern.multiplier : recordsPerSecond;
    }
  }
}

/** The rate averaged over a long run, as a multiple of `recordsPerSecond` (sizes the expected record count). */
export function meanRateFactor(pattern: RatePattern): number {
  if (pattern.pattern !== 'burst') return 1;
  const share = Math.min(pattern.lastingSeconds, pattern.everySeconds) / pattern.everySeconds;
  return 1 + (pattern.multiplier - 1) * share;
}

/** Records in the run when the rate follows `pattern` for `durationSeconds`, sampled every second. */
export function expectedRecords(
  recordsPerSecond: number,
  pattern: RatePattern,
  durationSeconds: number,
): number {
  if (pattern.pattern === 'constant') return recordsPerSecond * durationSeconds;
  if (durationSeconds > SECONDS_PER_DAY) return recordsPerSecond * meanRateFactor(pattern) * durationSeconds;
  let total = 0;
  for (let t = 0; t < durationSeconds; t++) {
    total += rateAt(recordsPerSecond, pattern, t + 0.5) * Math.min(1, durationSeconds - t);
  }
  return total;
}

/** The mean of a record-size distribution, in bytes. */
export function meanRecordBytes(size: RecordSize): number {
  if (typeof size === 'number') return size;
  return size.distribution === 'uniform' ? (size.min + size.max) / 2 : size.mean;
}

/** Draws one record size from the seeded generator (a fixed size draws nothing). */
export function drawRecordBytes(size: RecordSize, rng: Rng): number {
  if (typeof size === 'number') return size;
  if (size.distribution === 'uniform') return rng.nextInt(size.min, size.max);
  // Lognormal with the requested mean: mu = ln(mean) − sigma²/2; a normal draw by Box–Muller.
  const mu = Math.log(size.mean) - (size.sigma * size.sigma) / 2;
  const u = 1 - rng.nextFloat();
  const v = rng.nextFloat();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(1, Math.round(Math.exp(mu + size.sigma * normal)));
}
