import type { UserRecord } from '../kpl/index.ts';
import type { SparkWindowConfig } from './config.ts';

/**
 * Counts of keys as two columns (plain JSON, and safe for any key: a partition key may be `__proto__`).
 * `keys[i]` was seen `counts[i]` times.
 */
export interface KeyCounts {
  readonly keys: string[];
  readonly counts: number[];
}

/** Empty counts. */
export function emptyKeyCounts(): KeyCounts {
  return { keys: [], counts: [] };
}

/** Lookup tables for counts being filled, kept beside the state (rebuilt after a snapshot is restored). */
const indexes = new WeakMap<KeyCounts, Map<string, number>>();

function indexOf(counts: KeyCounts): Map<string, number> {
  let index = indexes.get(counts);
  if (index === undefined) {
    index = new Map(counts.keys.map((k, i) => [k, i]));
    indexes.set(counts, index);
  }
  return index;
}

/** Adds `n` sightings of `key`. */
export function addKey(counts: KeyCounts, key: string, n = 1): void {
  const index = indexOf(counts);
  const at = index.get(key);
  if (at === undefined) {
    index.set(key, counts.keys.length);
    counts.keys.push(key);
    counts.counts.push(n);
  } else counts.counts[at]! += n;
}

/** The label a window's counts are kept under: `partitionKey` or `field:NAME`. */
export function countSpecOf(window: SparkWindowConfig): string {
  return window.countBy === 'field' ? `field:${window.field ?? ''}` : 'partitionKey';
}

/** Key shown for a record whose data is not a JSON object. */
export const NOT_JSON = '(not JSON)';
/** Key shown for a JSON record without the field. */
export const NO_FIELD = '(no field)';

const decoder = new TextDecoder();

/** The value of `field` in a record's data read as a JSON object, as text. */
export function fieldValue(data: Uint8Array, field: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(data));
  } catch {
    return NOT_JSON;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return NOT_JSON;
  if (!Object.hasOwn(parsed, field)) return NO_FIELD;
  const value = (parsed as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Counts a batch of records under one spec (`partitionKey` or `field:NAME`). */
export function countRecords(counts: KeyCounts, spec: string, records: readonly UserRecord[]): void {
  if (spec === 'partitionKey') {
    for (const r of records) addKey(counts, r.PartitionKey);
    return;
  }
  const field = spec.slice('field:'.length);
  for (const r of records) addKey(counts, fieldValue(r.Data, field));
}

/** One key's count in a window. */
export interface KeyCount {
  readonly key: string;
  readonly count: number;
}

/** The result of one window at one slide: what `countByValueAndWindow` would output, summarised. */
export interface WindowResult {
  /** Index of the window in the consumer's `windows`. */
  readonly window: number;
  /** The window covers batches with times in (startMs, endMs]. */
  readonly startMs: number;
  readonly endMs: number;
  /** True while the window reaches back before the application started (its first windows). */
  readonly partial: boolean;
  readonly totalRecords: number;
  readonly distinctKeys: number;
  /** The most frequent keys, by count then key. */
  readonly top: readonly KeyCount[];
}

/** Per-batch counts kept for the windows. */
export interface BatchKeyCounts {
  readonly batchTimeMs: number;
  /** One entry per count spec (see `countSpecOf`). */
  readonly bySpec: readonly { readonly spec: string; readonly counts: KeyCounts }[];
}

/**
 * Merges the counts of the batches in (endMs − length, endMs] for one window: the real records counted,
 * whatever the level of detail of their keys.
 */
export function windowResult(
  windowIndex: number,
  window: SparkWindowConfig,
  batches: readonly BatchKeyCounts[],
  endMs: number,
  topKeys: number,
): WindowResult {
  const lengthMs = Math.round(window.lengthSeconds * 1000);
  const startMs = endMs - lengthMs;
  const spec = countSpecOf(window);
  const merged = new Map<string, number>();
  let totalRecords = 0;
  for (const batch of batches) {
    if (batch.batchTimeMs <= startMs || batch.batchTimeMs > endMs) continue;
    const counts = batch.bySpec.find((s) => s.spec === spec)?.counts;
    if (counts === undefined) continue;
    for (let i = 0; i < counts.keys.length; i++) {
      const key = counts.keys[i]!;
      const n = counts.counts[i]!;
      merged.set(key, (merged.get(key) ?? 0) + n);
      totalRecords += n;
    }
  }
  const top = [...merged]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, topKeys);
  return {
    window: windowIndex,
    startMs,
    endMs,
    partial: startMs < 0,
    totalRecords,
    distinctKeys: merged.size,
    top,
  };
}

/** True when a window of this slide produces a result at batch time `batchTimeMs`. */
export function windowFiresAt(
  window: SparkWindowConfig,
  batchIntervalSeconds: number,
  batchTimeMs: number,
): boolean {
  const slideMs = Math.round((window.slideSeconds ?? batchIntervalSeconds) * 1000);
  return batchTimeMs % slideMs === 0;
}

/** "tumbling" when the slide equals the length, else "sliding". */
export function windowKind(window: SparkWindowConfig, batchIntervalSeconds: number): 'tumbling' | 'sliding' {
  return (window.slideSeconds ?? batchIntervalSeconds) === window.lengthSeconds ? 'tumbling' : 'sliding';
}
