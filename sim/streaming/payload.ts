import { Rng } from '../core/index.ts';
import { accessLogLineOfSize, drawRequest, type AccessLogRequest } from '../weblogs/index.ts';

/**
 * The bytes of generated records: each record is one whole Apache access-log line (the workshop's running
 * example) ending in a newline, as a log agent sends it, stamped with the simulated time it is sent
 * (the scenario's startTime plus the clock) and exactly the record's size (see `accessLogLineOfSize` for
 * how a line is lengthened or shortened to it).
 *
 * A load generator does not build a fresh line per record: a million retained records of 500 bytes would
 * be half a gigabyte. The `index`-th record is request `index mod SLOTS` of a fixed table, and an access-log
 * time has whole seconds, so the records of one simulated second that share a request and a size share
 * one array. Neighbouring records differ, so Firehose's GZIP sees text that compresses like logs rather than
 * like one repeated record. Arrays must never be written to (Kinesis keeps the producer's bytes).
 */

/** Requests records take in turn. */
export const SLOTS = 256;
/** Most lines kept for the current second; beyond it a line is made per record (only many sizes reach it). */
const MAX_CACHED_LINES = 100_000;

let requests: readonly AccessLogRequest[] | undefined;

/** The request table, drawn once from a fixed seed: identical in every run. */
function requestTable(): readonly AccessLogRequest[] {
  if (requests === undefined) {
    const rng = Rng.fromSeed(2016);
    requests = Array.from({ length: SLOTS }, () => drawRequest(rng));
  }
  return requests;
}

const encoder = new TextEncoder();
let cachedSecond = Number.NaN;
const lines = new Map<number, Uint8Array>();

/**
 * Lines are written into shared 64 KiB slabs and handed out as views: a record kept by a shard then costs
 * its bytes and one view, not an ArrayBuffer of its own (a run of varied sizes shares few lines).
 */
const SLAB_BYTES = 64 * 1024;
let slab = new Uint8Array(0);
let slabUsed = 0;

/** The bytes of an ASCII line (one byte per character), in a slab unless the line is large. */
function encodeLine(text: string): Uint8Array {
  if (text.length > SLAB_BYTES / 8) return encoder.encode(text);
  if (slabUsed + text.length > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + text.length);
  encoder.encodeInto(text, view);
  slabUsed += text.length;
  return view;
}

/**
 * The data of the `index`-th record a generator makes, `size` bytes long, sent at `atMs` (UTC ms since
 * 1970). Pure: the same index, size and second always give the same bytes.
 */
export function recordData(size: number, index: number, atMs: number): Uint8Array {
  const second = Math.floor(atMs / 1000);
  if (second !== cachedSecond) {
    lines.clear();
    cachedSecond = second;
  }
  const slot = index % SLOTS;
  const cacheKey = size * SLOTS + slot;
  let line = lines.get(cacheKey);
  if (line === undefined) {
    line = encodeLine(accessLogLineOfSize(requestTable()[slot]!, second * 1000, size, slot));
    if (lines.size < MAX_CACHED_LINES) lines.set(cacheKey, line);
  }
  return line;
}
