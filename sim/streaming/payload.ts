import { Rng } from '../core/rng.ts';

/**
 * The bytes of generated records. A load generator does not build a fresh array per record: a million
 * retained records of 500 bytes would be half a gigabyte. Instead every record is a view into one fixed
 * text corpus of web-log lines (the workshop's running example), starting at one of `SLOTS` offsets that
 * rotate record by record. Neighbouring records therefore differ, so Firehose's GZIP sees text that
 * compresses like real logs rather than one repeated record, and views are cached per (size, slot), so
 * equal-sized records share them. Views must never be written to (Kinesis keeps the producer's bytes).
 */

/** Offsets records start at, in turn. */
export const SLOTS = 256;
/** Distance between two slots' offsets, in bytes: prime, so slots do not line up with log lines. */
const SLOT_STRIDE = 4099;
/** The corpus holds any record up to this size from any slot (larger records get a fresh array). */
const LARGEST_VIEW = 1024 * 1024;
const CORPUS_BYTES = SLOTS * SLOT_STRIDE + LARGEST_VIEW;
/** Most cached views; beyond it a view is made per record (only many distinct sizes reach it). */
const MAX_CACHED_VIEWS = 200_000;

const PAGES = ['/', '/products', '/products/42', '/cart', '/checkout', '/search?q=kinesis', '/help'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0)',
  'Mozilla/5.0 (Macintosh)',
  'Mozilla/5.0 (iPhone)',
  'curl/7.47',
];
const STATUSES = [200, 200, 200, 200, 304, 404, 500];

/** The corpus: Apache-style access log lines drawn from a fixed seed, identical in every run. */
function buildCorpus(): Uint8Array {
  const rng = Rng.fromSeed(2016);
  const out = new Uint8Array(CORPUS_BYTES);
  const encoder = new TextEncoder();
  let at = 0;
  let second = 0;
  while (at < CORPUS_BYTES) {
    second += rng.nextInt(0, 2);
    const ip = `10.${rng.nextInt(0, 255)}.${rng.nextInt(0, 255)}.${rng.nextInt(1, 254)}`;
    const time = `14/Jul/2016:${String(9 + (Math.floor(second / 3600) % 8)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} +0000`;
    const page = PAGES[rng.nextInt(0, PAGES.length - 1)]!;
    const status = STATUSES[rng.nextInt(0, STATUSES.length - 1)]!;
    const agent = AGENTS[rng.nextInt(0, AGENTS.length - 1)]!;
    const line = `${ip} - user${rng.nextInt(1, 5000)} [${time}] "GET ${page} HTTP/1.1" ${status} ${rng.nextInt(200, 20_000)} "-" "${agent}"\n`;
    const encoded = encoder.encode(line);
    const room = Math.min(encoded.length, CORPUS_BYTES - at);
    out.set(encoded.subarray(0, room), at);
    at += room;
  }
  return out;
}

let corpus: Uint8Array | undefined;
const views = new Map<number, Uint8Array>();

/**
 * The data of the `index`-th record a generator makes, `size` bytes long. Pure: the same index and size
 * always give the same bytes.
 */
export function recordData(size: number, index: number): Uint8Array {
  if (size > LARGEST_VIEW) return new Uint8Array(size);
  corpus ??= buildCorpus();
  const slot = index % SLOTS;
  const cacheKey = size * SLOTS + slot;
  let view = views.get(cacheKey);
  if (view === undefined) {
    view = corpus.subarray(slot * SLOT_STRIDE, slot * SLOT_STRIDE + size);
    if (views.size < MAX_CACHED_VIEWS) views.set(cacheKey, view);
  }
  return view;
}
