import { SimException } from './errors.ts';
import { TimeSeries, type TimeSeriesSnapshot } from './time-series.ts';
import type { Millis } from './units.ts';

/** Units a metric can have, spelled as CloudWatch spells them. */
export type MetricUnit =
  'Count' | 'Bytes' | 'Milliseconds' | 'Seconds' | 'Percent' | 'Count/Second' | 'Bytes/Second' | 'None';

/**
 * A metric's identity as CloudWatch names it: a namespace (`AWS/Kinesis`), a metric name (`IncomingBytes`)
 * and dimensions (`{ StreamName: 'clicks', ShardId: 'shardId-000000000000' }`).
 */
export interface MetricId {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** Settings shared by every series of a store. */
export interface MetricStoreOptions {
  /** Aggregation period of a datapoint, like a CloudWatch period (1 s is CloudWatch's high resolution). */
  readonly periodMillis: number;
  /** Datapoints kept per series; older periods are dropped. */
  readonly capacity: number;
}

/** One series in a store snapshot. */
export interface MetricSeriesSnapshot {
  readonly id: MetricId;
  readonly unit: MetricUnit;
  readonly series: TimeSeriesSnapshot;
}

/** All metrics as plain data, series sorted by key so equal stores give equal snapshots. */
export interface MetricStoreSnapshot extends MetricStoreOptions {
  readonly series: readonly MetricSeriesSnapshot[];
}

/** A series with its identity and unit. */
export interface MetricSeries {
  readonly key: string;
  readonly id: MetricId;
  readonly unit: MetricUnit;
  readonly series: TimeSeries;
}

/**
 * A canonical text key for a metric: namespace, name and dimensions sorted by name, so the same metric
 * always gets the same key whatever order its dimensions were written in.
 */
export function metricKey(id: MetricId): string {
  let key = `${id.namespace}|${id.metricName}`;
  const dimensions = id.dimensions;
  if (dimensions) {
    const names = Object.keys(dimensions).sort();
    for (const name of names) key += `|${name}=${dimensions[name]}`;
  }
  return key;
}

/** Copies an id with its dimensions in sorted order (stable snapshots and reports). */
function canonicalId(id: MetricId): MetricId {
  if (!id.dimensions) return { namespace: id.namespace, metricName: id.metricName };
  const dimensions: Record<string, string> = {};
  for (const name of Object.keys(id.dimensions).sort()) dimensions[name] = id.dimensions[name]!;
  return { namespace: id.namespace, metricName: id.metricName, dimensions };
}

/** Every metric of a simulation, each a ring-buffered time series created on first use. */
export class MetricStore {
  readonly periodMillis: number;
  readonly capacity: number;
  private readonly byKey = new Map<string, MetricSeries>();
  /** Series by id object: a handler that keeps its id objects skips building the key on every sample. */
  private readonly byIdentity = new WeakMap<MetricId, MetricSeries>();

  constructor(options: MetricStoreOptions) {
    this.periodMillis = options.periodMillis;
    this.capacity = options.capacity;
  }

  /** Records one sample of a metric at `time` (creating the series with `unit` on first use). */
  put(id: MetricId, time: Millis, value: number, unit: MetricUnit = 'Count'): void {
    this.seriesFor(id, unit).series.add(time, value);
  }

  /** The series of a metric, created empty if it does not exist yet. */
  seriesFor(id: MetricId, unit: MetricUnit = 'Count'): MetricSeries {
    const known = this.byIdentity.get(id);
    if (known !== undefined && known.unit === unit) return known;
    const key = metricKey(id);
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { key, id: canonicalId(id), unit, series: new TimeSeries(this.periodMillis, this.capacity) };
      this.byKey.set(key, entry);
    } else if (entry.unit !== unit) {
      throw new SimException({
        code: 'InvalidParameterCombination',
        message: `Metric ${key} was first recorded in ${entry.unit} and cannot also take samples in ${unit}.`,
      });
    }
    this.byIdentity.set(id, entry);
    return entry;
  }

  /** The series of a metric, or `undefined` if nothing was ever recorded for it. */
  get(id: MetricId): MetricSeries | undefined {
    return this.byKey.get(metricKey(id));
  }

  /** Every series, sorted by key. */
  list(): MetricSeries[] {
    return [...this.byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Every series matching a namespace and metric name (any dimensions), sorted by key: "list metrics". */
  find(namespace: string, metricName: string): MetricSeries[] {
    return this.list().filter((s) => s.id.namespace === namespace && s.id.metricName === metricName);
  }

  /** The store as plain data. */
  toSnapshot(): MetricStoreSnapshot {
    return {
      periodMillis: this.periodMillis,
      capacity: this.capacity,
      series: this.list().map((s) => ({ id: s.id, unit: s.unit, series: s.series.toSnapshot() })),
    };
  }

  /** Rebuilds a store from `toSnapshot()` output. */
  static fromSnapshot(snapshot: MetricStoreSnapshot): MetricStore {
    const store = new MetricStore(snapshot);
    for (const entry of snapshot.series) {
      const key = metricKey(entry.id);
      store.byKey.set(key, {
        key,
        id: canonicalId(entry.id),
        unit: entry.unit,
        series: TimeSeries.fromSnapshot(entry.series),
      });
    }
    return store;
  }
}
