import { binaryToBytes, bytesToBinary } from './data.ts';

/**
 * The records a shard retains, oldest first, as four parallel columns rather than an object per record:
 * a million retained records would otherwise be a million objects for the garbage collector to copy and
 * mark, which cost more than everything else a put does.
 */
export interface RecordColumns {
  /** ApproximateArrivalTimestamp of each record (virtual ms, never decreasing). */
  arrivals: number[];
  /** Data + partition key bytes of each record: what counts toward the shard limits. */
  sizes: number[];
  keys: string[];
  /** The producer's bytes during a live run; binary strings (one character per byte) after JSON. */
  data: (Uint8Array | string)[];
}

/**
 * Live record columns. Data is the producer's own `Uint8Array`, kept without copying, so a producer must
 * not change an array after putting it (the KPL and the load generators build a fresh one per record).
 * `toJSON` writes the data as binary strings, so the state stays plain JSON; `recordLog` turns restored
 * plain columns back into a live log.
 */
export class RecordLog implements RecordColumns {
  arrivals: number[] = [];
  sizes: number[] = [];
  keys: string[] = [];
  data: (Uint8Array | string)[] = [];

  /** The columns as plain JSON data. */
  toJSON(): RecordColumns {
    return {
      arrivals: this.arrivals,
      sizes: this.sizes,
      keys: this.keys,
      data: this.data.map((d) => (typeof d === 'string' ? d : bytesToBinary(d))),
    };
  }
}

/**
 * The live log of a shard, adopting the arrays of restored plain columns on first use (so that records
 * appended after a restore are serialized as binary strings too).
 */
export function liveRecordLog(holder: { records: RecordColumns }): RecordLog {
  const columns = holder.records;
  if (columns instanceof RecordLog) return columns;
  const log = new RecordLog();
  log.arrivals = columns.arrivals;
  log.sizes = columns.sizes;
  log.keys = columns.keys;
  log.data = columns.data;
  holder.records = log;
  return log;
}

/** Appends one record. */
export function appendRecord(
  log: RecordLog,
  arrival: number,
  data: Uint8Array,
  key: string,
  size: number,
): void {
  log.arrivals.push(arrival);
  log.sizes.push(size);
  log.keys.push(key);
  log.data.push(data);
}

/** Drops the `count` oldest records. */
export function dropOldest(log: RecordColumns, count: number): void {
  log.arrivals.splice(0, count);
  log.sizes.splice(0, count);
  log.keys.splice(0, count);
  log.data.splice(0, count);
}

/** Index of the first record that arrived at or after `time` (arrival times never decrease). */
export function firstArrivalAtOrAfter(log: RecordColumns, time: number): number {
  const arrivals = log.arrivals;
  let low = 0;
  let high = arrivals.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (arrivals[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The bytes of record `index` (the live array itself, or decoded from a restored binary string). */
export function recordBytes(log: RecordColumns, index: number): Uint8Array {
  const data = log.data[index]!;
  return typeof data === 'string' ? binaryToBytes(data) : data;
}
