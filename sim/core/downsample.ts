import { SimException } from './errors.ts';
import type { Datapoint } from './time-series.ts';
import { millis, type Millis } from './units.ts';

/** The CloudWatch statistic a chart plots for each period. */
export type Statistic = 'SampleCount' | 'Sum' | 'Average' | 'Minimum' | 'Maximum';

/** One chart point: the periods that fell in [start, end) summarised as min, max and mean of the statistic. */
export interface ChartBucket {
  readonly start: Millis;
  readonly end: Millis;
  /** Datapoints (periods) that fell in this bucket. */
  readonly periods: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly mean: number;
}

/** The value of `statistic` for one datapoint. */
export function statisticOf(point: Datapoint, statistic: Statistic): number {
  switch (statistic) {
    case 'SampleCount':
      return point.sampleCount;
    case 'Sum':
      return point.sum;
    case 'Average':
      return point.sum / point.sampleCount;
    case 'Minimum':
      return point.minimum;
    case 'Maximum':
      return point.maximum;
  }
}

/**
 * Reduces datapoints to at most `buckets` chart points over [from, to): each bucket keeps the minimum,
 * maximum and mean of the statistic over its periods, so spikes survive the reduction (a plain average
 * would hide a throttling burst). Buckets with no datapoint are left out, showing as a gap, as CloudWatch
 * graphs show missing data.
 */
export function downsample(
  points: readonly Datapoint[],
  statistic: Statistic,
  from: Millis,
  to: Millis,
  buckets: number,
): ChartBucket[] {
  if (!Number.isInteger(buckets) || buckets < 1 || !(to > from)) {
    throw new SimException({
      code: 'InvalidArgument',
      message: `downsample needs a whole number of buckets ≥ 1 and to > from (got ${buckets} buckets, ${from}–${to} ms).`,
    });
  }
  const width = (to - from) / buckets;
  const out: ChartBucket[] = [];
  let index = -1;
  let periods = 0;
  let minimum = 0;
  let maximum = 0;
  let total = 0;
  const flush = (): void => {
    if (periods === 0) return;
    out.push({
      start: millis(from + index * width),
      end: millis(index === buckets - 1 ? to : from + (index + 1) * width),
      periods,
      minimum,
      maximum,
      mean: total / periods,
    });
  };
  for (const point of points) {
    if (point.timestamp < from || point.timestamp >= to) continue;
    const bucket = Math.min(buckets - 1, Math.floor((point.timestamp - from) / width));
    const value = statisticOf(point, statistic);
    if (bucket !== index) {
      flush();
      index = bucket;
      periods = 0;
      total = 0;
      minimum = value;
      maximum = value;
    }
    periods++;
    total += value;
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
  }
  flush();
  return out;
}
