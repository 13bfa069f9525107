import { binaryToBytes, bytesToBinary } from './data.ts';

/**
 * The records a shard retains, oldest first, as plain JSON data: four parallel columns rather than an
 * object per record. This is the shape a shard's records have in a serialized or restored state.
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

/** Records per chunk: small enough that an idle shard holds little, large enough that chunks are few. */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/**
 * The live records of a shard, in the same four columns as `RecordColumns`, each stored in fixed-size
 * chunks: arrival times and sizes in `Float64Array`s, keys and data in arrays. A chunk is allocated once
 * and never copied, which matters to the garbage collector: columns kept in growing arrays were copied
 * on every growth, and each copy was young enough to be copied again by a minor collection — for a
 * million records that cost more than everything else a put does. Dropping expired records drops whole
 * chunks.
 *
 * Data is the producer's own `Uint8Array`, kept without copying, so a producer must not change an array
 * after putting it (the KPL and the load generators build a fresh one per record). `toJSON` writes the
 * plain columns with data as binary strings, so the state stays plain JSON; `liveRecordLog` turns restored
 * plain columns back into a live log.
 */
export class RecordLog {
  #arrivals: Float64Array[] = [];
  #sizes: Float64Array[] = [];
  #keys: string[][] = [];
  #data: (Uint8Array | string)[][] = [];
  /** Position of the oldest record in the first chunk. */
  #start = 0;
  #length = 0;

  /** Number of records retained. */
  get length(): number {
    return this.#length;
  }

  /** ApproximateArrivalTimestamp of record `index` (0 is the oldest retained). */
  arrival(index: number): number {
    const at = index + this.#start;
    return this.#arrivals[at >> CHUNK_BITS]![at & IN_CHUNK]!;
  }

  /** Data + partition key bytes of record `index`. */
  size(index: number): number {
    const at = index + this.#start;
    return this.#sizes[at >> CHUNK_BITS]![at & IN_CHUNK]!;
  }

  /** Partition key of record `index`. */
  key(index: number): string {
    const at = index + this.#start;
    return this.#keys[at >> CHUNK_BITS]![at & IN_CHUNK]!;
  }

  /** The bytes of record `index` (the producer's array itself, or decoded from a restored binary string). */
  bytes(index: number): Uint8Array {
    const at = index + this.#start;
    const data = this.#data[at >> CHUNK_BITS]![at & IN_CHUNK]!;
    return typeof data === 'string' ? binaryToBytes(data) : data;
  }

  /** Appends one record. */
  append(arrival: number, data: Uint8Array | string, key: string, size: number): void {
    const at = this.#start + this.#length;
    const chunk = at >> CHUNK_BITS;
    if (chunk === this.#arrivals.length) {
      this.#arrivals.push(new Float64Array(CHUNK));
      this.#sizes.push(new Float64Array(CHUNK));
      this.#keys.push(new Array<string>(CHUNK));
      this.#data.push(new Array<Uint8Array | string>(CHUNK));
    }
    const offset = at & IN_CHUNK;
    this.#arrivals[chunk]![offset] = arrival;
    this.#sizes[chunk]![offset] = size;
    this.#keys[chunk]![offset] = key;
    this.#data[chunk]![offset] = data;
    this.#length++;
  }

  /** Drops the `count` oldest records. */
  dropOldest(count: number): void {
    const dropped = Math.min(count, this.#length);
    this.#length -= dropped;
    this.#start += dropped;
    const emptyChunks = this.#start >> CHUNK_BITS;
    if (emptyChunks > 0) {
      this.#arrivals.splice(0, emptyChunks);
      this.#sizes.splice(0, emptyChunks);
      this.#keys.splice(0, emptyChunks);
      this.#data.splice(0, emptyChunks);
      this.#start &= IN_CHUNK;
    }
  }

  /** Index of the first record that arrived at or after `time` (arrival times never decrease). */
  firstArrivalAtOrAfter(time: number): number {
    let low = 0;
    let high = this.#length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.arrival(middle) < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The records as plain JSON columns (data as binary strings). */
  toJSON(): RecordColumns {
    const columns: RecordColumns = { arrivals: [], sizes: [], keys: [], data: [] };
    for (let i = 0; i < this.#length; i++) {
      const at = i + this.#start;
      const chunk = at >> CHUNK_BITS;
      const offset = at & IN_CHUNK;
      columns.arrivals.push(this.#arrivals[chunk]![offset]!);
      columns.sizes.push(this.#sizes[chunk]![offset]!);
      columns.keys.push(this.#keys[chunk]![offset]!);
      const data = this.#data[chunk]![offset]!;
      columns.data.push(typeof data === 'string' ? data : bytesToBinary(data));
    }
    return columns;
  }

  /** A live log holding the records of plain columns (data stays as given until read). */
  static fromColumns(columns: RecordColumns): RecordLog {
    const log = new RecordLog();
    for (let i = 0; i < columns.arrivals.length; i++) {
      log.append(columns.arrivals[i]!, columns.data[i]!, columns.keys[i]!, columns.sizes[i]!);
    }
    return log;
  }
}

/** The live log of a shard, made from restored plain columns on first use. */
export function liveRecordLog(holder: { records: RecordLog | RecordColumns }): RecordLog {
  const records = holder.records;
  if (records instanceof RecordLog) return records;
  const log = RecordLog.fromColumns(records);
  holder.records = log;
  return log;
}
