/** One line of the benchmark table. */
export interface BenchRow {
  /** What is measured, such as "EventQueue schedule + pop, 10,000 pending". */
  readonly measure: string;
  /** The figure, already formatted for reading ("4,210,000"). */
  readonly value: string;
  /** Its unit ("events/s", "ms", "MB"). */
  readonly unit: string;
  /** A target this figure must meet, if any, and whether it did. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

/** A group of measurements; each file in test/bench exports one, listed in suites.ts. */
export interface BenchSuite {
  readonly name: string;
  run(): BenchRow[] | Promise<BenchRow[]>;
}

/** Wall-clock milliseconds taken by `work` (performance.now is allowed here: bench code is not sim/). */
export function timeMillis(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The median of a few numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A number with thousands separators and at most `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Bytes as decimal megabytes. */
export function formatMegabytes(bytes: number): string {
  return formatNumber(bytes / 1_000_000, 1);
}
