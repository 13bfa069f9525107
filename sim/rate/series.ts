import { SHARD_METRIC_NAMES, type ShardSeries } from './types.ts';

/**
 * Per-shard CloudWatch series at the rate level, stored as Float32Array samples (shard-major, one array per
 * metric) so a day of a thousand shards fits in tens of megabytes. Each step adds into Float64
 * accumulators; a sample is written when its period ends, so rounding to float32 happens once per sample.
 */

/** Samples per metric above which the default period is coarsened to whole minutes. */
export const MAX_SAMPLES_PER_METRIC = 4_000_000;

/**
 * Seconds per stored sample: the requested period, else the resolution, else (when that would exceed
 * MAX_SAMPLES_PER_METRIC) the smallest whole number of minutes — CloudWatch's period for Kinesis shard
 * metrics — that fits, rounded up to a multiple of the resolution.
 */
export function chooseSeriesPeriod(
  requested: number | undefined,
  resolutionSeconds: number,
  steps: number,
  slots: number,
): number {
  if (requested !== undefined) return requested;
  if (steps * slots <= MAX_SAMPLES_PER_METRIC) return resolutionSeconds;
  const needed = resolutionSeconds * Math.ceil((steps * slots) / MAX_SAMPLES_PER_METRIC);
  const minutes = Math.ceil(needed / 60) * 60;
  return Math.ceil(minutes / resolutionSeconds) * resolutionSeconds;
}

/** Running totals per slot the series are cut from (sums of a period are differences of these). */
export interface SeriesSources {
  readonly incomingBytes: Float64Array;
  readonly incomingRecords: Float64Array;
  readonly writeThrottled: Float64Array;
  readonly readThrottled: Float64Array;
}

/** Samples held period-major before they are written out shard by shard (see `SeriesStore`). */
const BLOCK_SAMPLES = 64;

/**
 * The five series of every shard. Sums over a period are read as differences of the run's cumulative
 * totals when the period ends, so the hot loop writes nothing for them; the iterator age, a maximum, is
 * raised in `iteratorAge` only when a call reports an age above 0.
 *
 * The series are stored shard-major (each shard's samples contiguous, so a shard's series is a view), but
 * a period ends for every shard at once: writing one sample per shard straight into shard-major arrays
 * would touch a different cache line for every shard and metric. Samples are therefore collected
 * period-major in a small block and written out `BLOCK_SAMPLES` at a time, shard by shard.
 */
export class SeriesStore {
  readonly length: number;
  private readonly slots: number;
  private readonly data: Float32Array[];
  private readonly sources: readonly Float64Array[];
  private readonly flushed: readonly Float64Array[];
  /** Per metric, samples of the current block: block[m][(index mod BLOCK_SAMPLES) × slots + slot]. */
  private readonly block: Float32Array[];
  /** Highest iterator age in the open period, per slot. */
  readonly iteratorAge: Float64Array;

  constructor(slots: number, length: number, sources: SeriesSources) {
    this.slots = slots;
    this.length = length;
    this.data = SHARD_METRIC_NAMES.map(() => new Float32Array(slots * length));
    this.sources = [
      sources.incomingBytes,
      sources.incomingRecords,
      sources.writeThrottled,
      sources.readThrottled,
    ];
    this.flushed = this.sources.map(() => new Float64Array(slots));
    const blockSamples = Math.min(BLOCK_SAMPLES, length);
    this.block = SHARD_METRIC_NAMES.map(() => new Float32Array(slots * blockSamples));
    this.iteratorAge = new Float64Array(slots);
  }

  /** Takes the period that just ended as sample `index` of every shard (samples are taken in order). */
  flush(index: number): void {
    const slots = this.slots;
    const row = (index % BLOCK_SAMPLES) * slots;
    for (let m = 0; m < this.sources.length; m++) {
      const source = this.sources[m]!;
      const flushed = this.flushed[m]!;
      const target = this.block[m]!;
      for (let s = 0; s < slots; s++) {
        target[row + s] = source[s]! - flushed[s]!;
        flushed[s] = source[s]!;
      }
    }
    const ages = this.block[SHARD_METRIC_NAMES.length - 1]!;
    for (let s = 0; s < slots; s++) ages[row + s] = this.iteratorAge[s]!;
    this.iteratorAge.fill(0);
    if ((index + 1) % BLOCK_SAMPLES === 0 || index === this.length - 1) this.writeBlock(index);
  }

  /** Copies the block ending at sample `last` into the shard-major series. */
  private writeBlock(last: number): void {
    const first = last - (last % BLOCK_SAMPLES);
    for (let m = 0; m < this.data.length; m++) {
      copyBlock(this.block[m]!, this.data[m]!, this.slots, this.length, first, last - first + 1);
    }
  }

  /** One shard's series (views into the shared arrays, no copy). */
  view(slot: number): ShardSeries {
    const from = slot * this.length;
    const to = from + this.length;
    const [bytes, records, write, read, age] = this.data.map((d) => d.subarray(from, to)) as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    return {
      IncomingBytes: bytes,
      IncomingRecords: records,
      WriteProvisionedThroughputExceeded: write,
      ReadProvisionedThroughputExceeded: read,
      'GetRecords.IteratorAgeMilliseconds': age,
    };
  }
}

/**
 * Writes `count` period-major samples (block[k × slots + slot]) to shard-major series starting at sample
 * `first` (target[slot × length + first + k]). Reading down a column of the block touches `count` cache
 * lines that the next shards reuse, so the copy runs from cache.
 */
function copyBlock(
  block: Float32Array,
  target: Float32Array,
  slots: number,
  length: number,
  first: number,
  count: number,
): void {
  for (let s = 0; s < slots; s++) {
    const at = s * length + first;
    for (let k = 0; k < count; k++) target[at + k] = block[k * slots + s]!;
  }
}
