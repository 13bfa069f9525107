/**
 * THE FENCED HOT PATH of PutRecord and PutRecords. Everything in this file is an optimisation of a plain
 * function elsewhere, and is tested against it (fast-route.test.ts):
 * - a partition key's hash key: `md5HashKey` in hash-key.ts (MD5 of the UTF-8 bytes as a 128-bit BigInt);
 * - the shard that takes a hash key: `openShardForHashKey` in hash-key.ts (the open shard whose
 *   HashKeyRange holds it);
 * - a record's sequence number: `sequenceNumber` in sequence.ts.
 * Here, and only here, module-level scratch arrays, caches and mutable state are allowed: at a million
 * records a second, an object or a BigInt per record is what the garbage collector spends its time on.
 * Nothing here changes a result: every cache is keyed by everything its value depends on, so a run is
 * the same with a cold or a warm cache.
 */
import { md5DigestOfText } from '../core/index.ts';
import { utf8Length } from './data.ts';
import { writeThrottleMessage } from './errors.ts';
import { hashKeyHex } from './hash-key.ts';
import { kinesisLimits } from './limits.ts';
import { ORDINALS_PER_HEAD, sequenceHead, sequenceNumberFromHead } from './sequence.ts';
import { isOpen } from './shard.ts';
import type { ShardState, StreamState } from './types.ts';

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** One byte's place value within a routing word. */
const BYTE = 256;

/**
 * A hash key as routing compares it: three numbers, each exact in a double, whose lexicographic order is
 * the numeric order of the 128-bit key — `high` (bits 127–80), `low` (bits 79–32) and `tail` (bits 31–0).
 * Routing a record therefore never builds text or a BigInt. As 32-digit lower-case hex text (`hashKeyHex`)
 * the same order is the text order.
 */
export interface RoutingWords {
  readonly high: number;
  readonly low: number;
  readonly tail: number;
}

/**
 * A partition key's MD5 as routing needs it, and its UTF-8 size (which counts toward the shard limits).
 * The 32-digit `hex` text and the 16 `digest` bytes are built on first use only.
 */
export class PartitionKeyHash implements RoutingWords {
  #hex: string | undefined;

  /**
   * @param high bits 127–80 of the hash key.
   * @param low bits 79–32.
   * @param tail bits 31–0.
   * @param bytes the key's size in UTF-8 bytes.
   */
  constructor(
    readonly high: number,
    readonly low: number,
    readonly tail: number,
    readonly bytes: number,
  ) {}

  /** The 16 MD5 bytes, big-endian: the hash key. */
  get digest(): number[] {
    return digestOfWords(this.high, this.low, this.tail);
  }

  /** MD5 of the key's UTF-8 bytes as 32 lower-case hex digits: the hash key, big-endian. */
  get hex(): string {
    if (this.#hex === undefined) this.#hex = routingWordsHex(this.high, this.low, this.tail);
    return this.#hex;
  }
}

function digestOfWords(high: number, low: number, tail: number): number[] {
  const digest: number[] = new Array<number>(16);
  for (let i = 5; i >= 0; i--) {
    digest[i] = high % BYTE;
    high = Math.floor(high / BYTE);
    digest[6 + i] = low % BYTE;
    low = Math.floor(low / BYTE);
  }
  for (let i = 15; i >= 12; i--) {
    digest[i] = tail % BYTE;
    tail = Math.floor(tail / BYTE);
  }
  return digest;
}

/** The 32-digit lower-case hex text of a hash key given as routing words. */
export function routingWordsHex(high: number, low: number, tail: number): string {
  let hex = '';
  for (const byte of digestOfWords(high, low, tail)) hex += HEX_OF_BYTE[byte]!;
  return hex;
}

/** Six digest bytes from `at` as one 48-bit number (exact in a double). */
function wordOf(digest: readonly number[], at: number): number {
  return (
    ((((digest[at]! * BYTE + digest[at + 1]!) * BYTE + digest[at + 2]!) * BYTE + digest[at + 3]!) * BYTE +
      digest[at + 4]!) *
      BYTE +
    digest[at + 5]!
  );
}

/** The routing words of a 32-digit hex hash key. */
export function hexRoutingWords(hex: string): RoutingWords {
  return {
    high: parseInt(hex.slice(0, 12), 16),
    low: parseInt(hex.slice(12, 24), 16),
    tail: parseInt(hex.slice(24, 32), 16),
  };
}

/**
 * A direct-mapped cache of recent keys: producers reuse keys (per-entity, Zipf, hot key), and MD5 is the
 * costliest step of a put. A slot is picked by a cheap hash of the key (FNV-1a) and simply overwritten on a
 * miss, so a stream of all-new keys pays almost nothing for it (a Map with eviction cost more than the MD5
 * itself). A slot holds numbers, side by side in one typed array — the key's FNV-1a hash, the routing
 * words `high` and `low`, and `tail · 65,536 + UTF-8 size` — so that a lookup touches one cache line and
 * compares key text only when the 32-bit hashes match; objects per key in the cache lived just long enough
 * to be copied by every minor garbage collection. 16,384 slots: with 65,536, all-new keys made the
 * collector promote about 55 MB more per million records (measured), which cost more than re-hashing the
 * quarter of 10,000 round-robin keys that evict each other at this size.
 */
const CACHE_BITS = 14;
const SLOT_NUMBERS = 4;
const cachedKeys: (string | undefined)[] = new Array<string | undefined>(1 << CACHE_BITS);
const cachedNumbers = new Float64Array((1 << CACHE_BITS) * SLOT_NUMBERS);
/** PartitionKeyHash objects handed out by `hashPartitionKey`, by slot (valid while their key holds it). */
const cachedObjects: (PartitionKeyHash | undefined)[] = new Array<PartitionKeyHash | undefined>(
  1 << CACHE_BITS,
);
/** UTF-8 sizes fit 16 bits (at most 256 characters of at most 3 bytes, or 4 per surrogate pair). */
const SIZE_RANGE = 65_536;

/** The cache slot holding `partitionKey`'s hash, hashing it (MD5 of its UTF-8 bytes) first on a miss. */
function slotOf(partitionKey: string): number {
  let fnv = 0x811c9dc5;
  for (let i = 0; i < partitionKey.length; i++) fnv = Math.imul(fnv ^ partitionKey.charCodeAt(i), 0x01000193);
  fnv >>>= 0;
  const slot = fnv & ((1 << CACHE_BITS) - 1);
  const at = slot * SLOT_NUMBERS;
  if (cachedNumbers[at] === fnv && cachedKeys[slot] === partitionKey) return slot;
  const digest = md5DigestOfText(partitionKey);
  const tail = ((digest[12]! * BYTE + digest[13]!) * BYTE + digest[14]!) * BYTE + digest[15]!;
  cachedNumbers[at] = fnv;
  cachedNumbers[at + 1] = wordOf(digest, 0);
  cachedNumbers[at + 2] = wordOf(digest, 6);
  cachedNumbers[at + 3] = tail * SIZE_RANGE + utf8Length(partitionKey);
  cachedKeys[slot] = partitionKey;
  cachedObjects[slot] = undefined;
  return slot;
}

/**
 * MD5 of a partition key's UTF-8 bytes, cached, as an object (for the KPL, reports and the console; the
 * put path uses `routeByPartitionKey`, which builds no object). The KPL predicts shards with this same
 * function.
 */
export function hashPartitionKey(partitionKey: string): PartitionKeyHash {
  const slot = slotOf(partitionKey);
  let hash = cachedObjects[slot];
  if (hash === undefined) {
    const at = slot * SLOT_NUMBERS;
    const tailAndSize = cachedNumbers[at + 3]!;
    hash = new PartitionKeyHash(
      cachedNumbers[at + 1]!,
      cachedNumbers[at + 2]!,
      Math.floor(tailAndSize / SIZE_RANGE),
      tailAndSize % SIZE_RANGE,
    );
    cachedObjects[slot] = hash;
  }
  return hash;
}

/** Index of the range whose start is the greatest not above `hex`, in starts sorted ascending. */
export function findRange(startsHex: readonly string[], hex: string): number {
  let low = 0;
  let high = startsHex.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (startsHex[middle]! <= hex) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Starting hash keys of a routing table's ranges, ascending: the routing words and the full hex text. */
export interface RangeStarts {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly tail: Float64Array;
  readonly hex: readonly string[];
}

/** Routing starts for hex starting keys sorted ascending. */
export function rangeStarts(startsHex: readonly string[]): RangeStarts {
  const high = new Float64Array(startsHex.length);
  const low = new Float64Array(startsHex.length);
  const tail = new Float64Array(startsHex.length);
  startsHex.forEach((hex, i) => {
    const words = hexRoutingWords(hex);
    high[i] = words.high;
    low[i] = words.low;
    tail[i] = words.tail;
  });
  return { high, low, tail, hex: startsHex };
}

/**
 * {@link findRange} on routing words: the index of the range whose start is the greatest not above the
 * hash key given as its words (`high`, `low`, `tail`).
 */
export function findRangeByWords(starts: RangeStarts, high: number, low: number, tail: number): number {
  let lowIndex = 0;
  let highIndex = starts.high.length - 1;
  while (lowIndex < highIndex) {
    const middle = (lowIndex + highIndex + 1) >> 1;
    const startHigh = starts.high[middle]!;
    const startIsNotAbove =
      startHigh < high ||
      (startHigh === high &&
        (starts.low[middle]! < low || (starts.low[middle] === low && starts.tail[middle]! <= tail)));
    if (startIsNotAbove) lowIndex = middle;
    else highIndex = middle - 1;
  }
  return lowIndex;
}

/**
 * A stream's open shards sorted by hash key, with their starting keys, for routing. A shard's place in
 * `shards` is its routing slot, which the per-request scratch below is indexed by.
 */
export interface RouteTable {
  readonly version: number;
  readonly startsHex: readonly string[];
  /** The same starts as routing words, for routing without building hex text. */
  readonly starts: RangeStarts;
  readonly shards: readonly ShardState[];
}

/** Routing tables are derived data: cached per stream object, rebuilt after a reshard or a restore. */
const routes = new WeakMap<StreamState, RouteTable>();

/** The stream's current routing table (open shards in hash key order). */
export function routeTable(stream: StreamState): RouteTable {
  let table = routes.get(stream);
  if (table === undefined || table.version !== stream.routeVersion) {
    const shards = stream.shards.filter(isOpen).sort((a, b) => (a.startingHex < b.startingHex ? -1 : 1));
    const startsHex = shards.map((s) => s.startingHex);
    table = { version: stream.routeVersion, startsHex, starts: rangeStarts(startsHex), shards };
    routes.set(stream, table);
  }
  return table;
}

/**
 * The request being put, record by record: the routing words of each record's hash key and its size,
 * filled while the request is validated and read while it is written. Typed arrays reused between
 * requests (sized for the most records a PutRecords request may hold in any era), so that nothing is allocated per record.
 */
const REQUEST_RECORDS = Math.max(
  kinesisLimits('2016').putRecordsMaxRecords,
  kinesisLimits('current').putRecordsMaxRecords,
);
const routedHigh = new Float64Array(REQUEST_RECORDS);
const routedLow = new Float64Array(REQUEST_RECORDS);
const routedTail = new Float64Array(REQUEST_RECORDS);
const routedSize = new Float64Array(REQUEST_RECORDS);

/**
 * Routes record `index` of the request by its partition key (MD5 of its UTF-8 bytes, cached) and returns
 * the key's UTF-8 size.
 */
export function routeByPartitionKey(index: number, partitionKey: string): number {
  const at = slotOf(partitionKey) * SLOT_NUMBERS;
  const tailAndSize = cachedNumbers[at + 3]!;
  routedHigh[index] = cachedNumbers[at + 1]!;
  routedLow[index] = cachedNumbers[at + 2]!;
  routedTail[index] = Math.floor(tailAndSize / SIZE_RANGE);
  return tailAndSize % SIZE_RANGE;
}

/** Routes record `index` of the request by its ExplicitHashKey (0 … 2^128 − 1). */
export function routeByHashKey(index: number, hashKey: bigint): void {
  const words = hexRoutingWords(hashKeyHex(hashKey));
  routedHigh[index] = words.high;
  routedLow[index] = words.low;
  routedTail[index] = words.tail;
}

/** Remembers record `index`'s size (data and partition key, in bytes) until it is written. */
export function setRoutedSize(index: number, bytes: number): void {
  routedSize[index] = bytes;
}

/** Record `index`'s size as `setRoutedSize` left it. */
export function routedSizeOf(index: number): number {
  return routedSize[index]!;
}

/** The routing slot (index into `table.shards`) of the open shard whose range holds record `index`. */
export function routedSlot(table: RouteTable, index: number): number {
  return findRangeByWords(table.starts, routedHigh[index]!, routedLow[index]!, routedTail[index]!);
}

/**
 * Per-request, per-shard sums by routing slot, reused between requests: a slot belongs to the current
 * request when its stamp is the request's, so nothing is cleared or allocated per request. PutRecords
 * records one CloudWatch sample per touched shard from these, not one per record.
 */
const sumStamp: number[] = [];
const sumRecords: number[] = [];
const sumBytes: number[] = [];
const sumThrottled: number[] = [];
const touched: number[] = [];
let requestStamp = 0;

/** Starts a new request's per-shard sums. */
export function startShardSums(): void {
  requestStamp++;
  touched.length = 0;
}

/** True (once per request) when `slot` is first touched by the current request; its sums start at 0. */
export function firstTouch(slot: number): boolean {
  if (sumStamp[slot] === requestStamp) return false;
  sumStamp[slot] = requestStamp;
  sumRecords[slot] = 0;
  sumBytes[slot] = 0;
  sumThrottled[slot] = 0;
  touched.push(slot);
  return true;
}

/** Counts a record written to `slot`'s shard. */
export function countWritten(slot: number, bytes: number): void {
  sumRecords[slot]!++;
  sumBytes[slot]! += bytes;
}

/** Counts a record `slot`'s shard refused. */
export function countThrottled(slot: number): void {
  sumThrottled[slot]!++;
}

/** Calls `visit` with each slot the current request touched and its sums. */
export function forEachShardSum(
  visit: (slot: number, records: number, bytes: number, throttled: number) => void,
): void {
  for (const slot of touched) visit(slot, sumRecords[slot]!, sumBytes[slot]!, sumThrottled[slot]!);
}

/**
 * Sequence-number heads by routing slot, reused between requests: the head is a pure function of the
 * prefix text and the ordinal's block, so a slot's head is valid whenever both match. The same text as
 * `sequenceNumber(prefix, ordinal)`.
 */
const headPrefix: string[] = [];
const headBlock: number[] = [];
const heads: string[] = [];

/** `sequenceNumber(prefix, ordinal)` for a record written to the shard in routing slot `slot`. */
export function sequenceNumberInSlot(slot: number, prefix: string, ordinal: number): string {
  const block = Math.floor(ordinal / ORDINALS_PER_HEAD);
  if (headBlock[slot] !== block || headPrefix[slot] !== prefix) {
    heads[slot] = sequenceHead(prefix, block);
    headPrefix[slot] = prefix;
    headBlock[slot] = block;
  }
  return sequenceNumberFromHead(heads[slot]!, ordinal);
}

const throttleMessages = new WeakMap<ShardState, string>();

/** `writeThrottleMessage` for `shard`, built once per shard: every record it refuses carries the same text. */
export function throttleMessageOf(accountId: string, streamName: string, shard: ShardState): string {
  let message = throttleMessages.get(shard);
  if (message === undefined) {
    message = writeThrottleMessage(accountId, streamName, shard.ShardId);
    throttleMessages.set(shard, message);
  }
  return message;
}
