import { SimException } from './errors.ts';
import { millis, type Millis } from './units.ts';

/** Slots a series starts with before it grows toward its capacity. */
const INITIAL_SLOTS = 64;

/** One aggregated period of a metric, with the statistics CloudWatch keeps for a period. */
export interface Datapoint {
  /** Start of the period on the virtual clock. */
  readonly timestamp: Millis;
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}

/** Statistics over every sample ever recorded, including periods the ring buffer has since dropped. */
export interface LifetimeStatistics {
  readonly sampleCount: number;
  readonly sum: number;
  /** Smallest sample, or 0 when there is none. */
  readonly minimum: number;
  /** Largest sample, or 0 when there is none. */
  readonly maximum: number;
}

/** A time series as plain data: its retained datapoints, oldest first, and its lifetime statistics. */
export interface TimeSeriesSnapshot {
  readonly periodMillis: number;
  readonly capacity: number;
  readonly timestamps: readonly number[];
  readonly sampleCounts: readonly number[];
  readonly sums: readonly number[];
  readonly minimums: readonly number[];
  readonly maximums: readonly number[];
  readonly lifetime: LifetimeStatistics;
}

/**
 * A metric's datapoints, one per period, in a ring buffer of fixed capacity: when full, the oldest period
 * is dropped. Samples are aggregated into the period their time falls in, as CloudWatch aggregates
 * PutMetricData samples into a StatisticSet per period. Samples must arrive in time order (the simulation
 * clock only moves forward); a period with no samples has no datapoint, as in CloudWatch.
 */
export class TimeSeries {
  readonly periodMillis: number;
  readonly capacity: number;
  // The columns grow by doubling up to `capacity`: a run keeps hundreds of series (per shard and metric),
  // most far shorter than their capacity, and zero-filling them all up front cost tens of megabytes a run.
  private timestamps: Float64Array;
  private sampleCounts: Float64Array;
  private sums: Float64Array;
  private minimums: Float64Array;
  private maximums: Float64Array;
  /** Index of the oldest retained datapoint. */
  private head = 0;
  private length = 0;
  private lifetimeCount = 0;
  private lifetimeSum = 0;
  private lifetimeMin = Infinity;
  private lifetimeMax = -Infinity;

  constructor(periodMillis: number, capacity: number) {
    if (
      !(periodMillis > 0) ||
      !Number.isFinite(periodMillis) ||
      !Number.isInteger(capacity) ||
      capacity < 1
    ) {
      throw new SimException({
        code: 'InvalidArgument',
        message: `A time series needs a period above 0 ms and a whole capacity of at least 1 (got ${periodMillis} ms, ${capacity}).`,
      });
    }
    this.periodMillis = periodMillis;
    this.capacity = capacity;
    const initial = Math.min(capacity, INITIAL_SLOTS);
    this.timestamps = new Float64Array(initial);
    this.sampleCounts = new Float64Array(initial);
    this.sums = new Float64Array(initial);
    this.minimums = new Float64Array(initial);
    this.maximums = new Float64Array(initial);
  }

  /**
   * Makes room for `slots` datapoints (at most the capacity). Only called before the ring first wraps, when
   * the retained datapoints sit at the start of the columns in order.
   */
  private reserve(slots: number): void {
    if (slots <= this.timestamps.length) return;
    const size = Math.min(this.capacity, Math.max(slots, this.timestamps.length * 2));
    const grow = (column: Float64Array) => {
      const larger = new Float64Array(size);
      larger.set(column);
      return larger;
    };
    this.timestamps = grow(this.timestamps);
    this.sampleCounts = grow(this.sampleCounts);
    this.sums = grow(this.sums);
    this.minimums = grow(this.minimums);
    this.maximums = grow(this.maximums);
  }

  /** Number of datapoints retained. */
  get size(): number {
    return this.length;
  }

  /** Adds one sample taken at `time`. */
  add(time: Millis, value: number): void {
    if (!Number.isFinite(value) || !Number.isFinite(time)) {
      throw new SimException({
        code: 'InvalidParameterValue',
        message: `A metric sample must be a finite number at a finite time (got ${value} at ${time} ms).`,
      });
    }
    const periodStart = Math.floor(time / this.periodMillis) * this.periodMillis;
    const newest = this.length === 0 ? -1 : (this.head + this.length - 1) % this.capacity;
    const newestStart = newest < 0 ? -Infinity : this.timestamps[newest]!;
    if (periodStart < newestStart) {
      throw new SimException({
        code: 'InvalidParameterValue',
        message: `A sample at ${time} ms arrived after the period starting ${newestStart} ms: samples must be recorded in time order.`,
      });
    }
    let slot = newest;
    if (periodStart > newestStart) {
      if (this.length === this.capacity) {
        slot = this.head;
        this.head = (this.head + 1) % this.capacity;
      } else {
        slot = (this.head + this.length) % this.capacity;
        this.reserve(this.length + 1);
        this.length++;
      }
      this.timestamps[slot] = periodStart;
      this.sampleCounts[slot] = 1;
      this.sums[slot] = value;
      this.minimums[slot] = value;
      this.maximums[slot] = value;
    } else {
      this.sampleCounts[slot]! += 1;
      this.sums[slot]! += value;
      if (value < this.minimums[slot]!) this.minimums[slot] = value;
      if (value > this.maximums[slot]!) this.maximums[slot] = value;
    }
    this.lifetimeCount++;
    this.lifetimeSum += value;
    if (value < this.lifetimeMin) this.lifetimeMin = value;
    if (value > this.lifetimeMax) this.lifetimeMax = value;
  }

  /** The retained datapoints, oldest first. */
  datapoints(): Datapoint[] {
    const out: Datapoint[] = [];
    for (let i = 0; i < this.length; i++) {
      const slot = (this.head + i) % this.capacity;
      out.push({
        timestamp: millis(this.timestamps[slot]!),
        sampleCount: this.sampleCounts[slot]!,
        sum: this.sums[slot]!,
        minimum: this.minimums[slot]!,
        maximum: this.maximums[slot]!,
      });
    }
    return out;
  }

  /** Statistics over every sample ever added. */
  lifetime(): LifetimeStatistics {
    const empty = this.lifetimeCount === 0;
    return {
      sampleCount: this.lifetimeCount,
      sum: this.lifetimeSum,
      minimum: empty ? 0 : this.lifetimeMin,
      maximum: empty ? 0 : this.lifetimeMax,
    };
  }

  /** The series as plain data. */
  toSnapshot(): TimeSeriesSnapshot {
    const points = this.datapoints();
    return {
      periodMillis: this.periodMillis,
      capacity: this.capacity,
      timestamps: points.map((p) => p.timestamp),
      sampleCounts: points.map((p) => p.sampleCount),
      sums: points.map((p) => p.sum),
      minimums: points.map((p) => p.minimum),
      maximums: points.map((p) => p.maximum),
      lifetime: this.lifetime(),
    };
  }

  /** Rebuilds a series from `toSnapshot()` output. */
  static fromSnapshot(snapshot: TimeSeriesSnapshot): TimeSeries {
    const series = new TimeSeries(snapshot.periodMillis, snapshot.capacity);
    const n = snapshot.timestamps.length;
    const columns = [snapshot.sampleCounts, snapshot.sums, snapshot.minimums, snapshot.maximums];
    if (n > snapshot.capacity || columns.some((column) => column.length !== n)) {
      throw new SimException({
        code: 'InvalidSnapshot',
        message: `A time series snapshot holds ${n} timestamps for a capacity of ${snapshot.capacity}, or its columns differ in length.`,
        path: '$.metrics',
      });
    }
    series.reserve(n);
    series.timestamps.set(snapshot.timestamps);
    series.sampleCounts.set(snapshot.sampleCounts);
    series.sums.set(snapshot.sums);
    series.minimums.set(snapshot.minimums);
    series.maximums.set(snapshot.maximums);
    series.length = n;
    const lifetime = snapshot.lifetime;
    series.lifetimeCount = lifetime.sampleCount;
    series.lifetimeSum = lifetime.sum;
    series.lifetimeMin = lifetime.sampleCount === 0 ? Infinity : lifetime.minimum;
    series.lifetimeMax = lifetime.sampleCount === 0 ? -Infinity : lifetime.maximum;
    return series;
  }
}
