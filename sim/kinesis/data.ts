import type { StoredRecord } from './types.ts';

/**
 * Record data travels as `Uint8Array` in the API and is kept in state as a binary string (one character per
 * byte, code points 0–255): JSON keeps it exactly and JavaScript engines store it at one byte per byte.
 */

const CHUNK = 8192;

/**
 * A record in a shard. During a live run it holds the producer's `Uint8Array` itself — copying every
 * record's bytes and retaining the copy as a string cost about four times the rest of a put in the bench —
 * so producers must not change an array after putting it (the KPL and load generators build a fresh one
 * per record). `toJSON` writes the data as a binary string, so snapshots stay plain JSON; a restored state
 * holds plain objects with string data, which readers convert with `recordBytes`.
 */
export class RetainedRecord implements StoredRecord {
  constructor(
    readonly ApproximateArrivalTimestamp: number,
    readonly Data: Uint8Array,
    readonly PartitionKey: string,
    readonly size: number,
  ) {}

  /** The record as plain JSON data. */
  toJSON(): StoredRecord {
    return {
      ApproximateArrivalTimestamp: this.ApproximateArrivalTimestamp,
      Data: bytesToBinary(this.Data),
      PartitionKey: this.PartitionKey,
      size: this.size,
    };
  }
}

/** A stored record's data as bytes (the live array itself, or decoded from a restored binary string). */
export function recordBytes(record: StoredRecord): Uint8Array {
  return typeof record.Data === 'string' ? binaryToBytes(record.Data) : record.Data;
}

/** Bytes → binary string. */
export function bytesToBinary(data: Uint8Array): string {
  if (data.length <= CHUNK) return String.fromCharCode.apply(null, data as unknown as number[]);
  let text = '';
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    text += String.fromCharCode.apply(null, data.subarray(offset, offset + CHUNK) as unknown as number[]);
  }
  return text;
}

/** Binary string → bytes. */
export function binaryToBytes(text: string): Uint8Array {
  const data = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
  return data;
}
