import { md5DigestOfText } from '../core/md5.ts';

/**
 * The 128-bit hash key space of a stream. Hash keys are BigInt only while a range is computed (CreateStream,
 * SplitShard, UpdateShardCount); state and reports hold them as decimal strings, as the AWS API does, and
 * routing compares them as three exact numbers (see `RoutingWords`), or as 32-digit lower-case hex strings,
 * whose text order is their numeric order — so putting a record never touches BigInt.
 */

/** 2^128: the size of the hash key space (AWS-FACTS Numbers #12). */
export const HASH_KEY_SPACE = 1n << 128n;
/** 2^128 − 1, the largest hash key: 340282366920938463463374607431768211455. */
export const MAX_HASH_KEY = HASH_KEY_SPACE - 1n;

/** A hash key range as DescribeStream shows it (decimal strings). */
export interface HashKeyRange {
  readonly StartingHashKey: string;
  readonly EndingHashKey: string;
}

/** A hash key as the 32-digit lower-case hex text routing compares. */
export function hashKeyHex(key: bigint): string {
  return key.toString(16).padStart(32, '0');
}

/**
 * CreateStream's even split (AWS-FACTS §1.2, encoded by kinesalite): step = floor(2^128 / N); shard i gets
 * [i·step, (i+1)·step − 1] and the last shard ends at 2^128 − 1.
 */
export function evenSplit(shardCount: number, start = 0n, end = MAX_HASH_KEY): HashKeyRange[] {
  const span = end - start + 1n;
  const step = span / BigInt(shardCount);
  const ranges: HashKeyRange[] = [];
  for (let i = 0; i < shardCount; i++) {
    const first = start + BigInt(i) * step;
    const last = i === shardCount - 1 ? end : first + step - 1n;
    ranges.push({ StartingHashKey: first.toString(), EndingHashKey: last.toString() });
  }
  return ranges;
}

/**
 * The API model's pattern for a hash key given as text (ExplicitHashKey, NewStartingHashKey): a decimal
 * integer of at most 39 digits without leading zeros (AWS-FACTS §1.2 [BK16]). A value that breaks the
 * pattern is a ValidationException; one that fits it but exceeds 2^128 − 1 is an InvalidArgumentException.
 */
export const HASH_KEY_PATTERN = '0|([1-9]\\d{0,38})';

const DECIMAL_HASH_KEY = new RegExp(`^(${HASH_KEY_PATTERN})$`);

/** True when `text` matches {@link HASH_KEY_PATTERN} (whatever its value). */
export function matchesHashKeyPattern(text: unknown): text is string {
  return typeof text === 'string' && DECIMAL_HASH_KEY.test(text);
}

/**
 * Parses an ExplicitHashKey (regex `0|([1-9]\d{0,38})`, at most 2^128 − 1) or returns undefined when it is
 * not one.
 */
export function parseHashKey(text: string): bigint | undefined {
  if (!DECIMAL_HASH_KEY.test(text)) return undefined;
  const value = BigInt(text);
  return value <= MAX_HASH_KEY ? value : undefined;
}

/**
 * The middle of a hash key range, as the decimal NewStartingHashKey that splits it into two halves: the
 * lower child gets [start, mid − 1], the upper [mid, end]; for an odd number of keys the lower half is the
 * larger. The one place the midpoint is computed (console, labs and rate level use it).
 */
export function hashKeyRangeMidpoint(range: HashKeyRange): string {
  const start = BigInt(range.StartingHashKey);
  const end = BigInt(range.EndingHashKey);
  return ((start + end + 1n) / 2n).toString();
}

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** One byte's place value within a routing word. */
const BYTE = 256;

/**
 * A hash key as routing compares it: three numbers, each exact in a double, whose lexicographic order is
 * the numeric order of the 128-bit key — `high` (bits 127–80), `low` (bits 79–32) and `tail` (bits 31–0).
 * Routing a record therefore never builds text or a BigInt.
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

/** UTF-8 size of a string, without encoding it (a surrogate pair is one 4-byte character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What `lookupPartitionKey` found last: the routing words and UTF-8 size of the key it was given. */
export const lookedUpKey: { high: number; low: number; tail: number; bytes: number } = {
  high: 0,
  low: 0,
  tail: 0,
  bytes: 0,
};

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
 * Looks a partition key's hash up (MD5 of its UTF-8 bytes, cached) and leaves its routing words and UTF-8
 * size in `lookedUpKey` — no object per key, for the put path. Pure, so caching cannot change a run.
 */
export function lookupPartitionKey(partitionKey: string): void {
  const at = slotOf(partitionKey) * SLOT_NUMBERS;
  const tailAndSize = cachedNumbers[at + 3]!;
  lookedUpKey.high = cachedNumbers[at + 1]!;
  lookedUpKey.low = cachedNumbers[at + 2]!;
  lookedUpKey.tail = Math.floor(tailAndSize / SIZE_RANGE);
  lookedUpKey.bytes = tailAndSize % SIZE_RANGE;
}

/**
 * MD5 of a partition key's UTF-8 bytes, cached; pure, so caching cannot change a run. The KPL predicts
 * shards with this same function.
 */
export function hashPartitionKey(partitionKey: string): PartitionKeyHash {
  const slot = slotOf(partitionKey);
  let hash = cachedObjects[slot];
  if (hash === undefined) {
    lookupPartitionKey(partitionKey);
    hash = new PartitionKeyHash(lookedUpKey.high, lookedUpKey.low, lookedUpKey.tail, lookedUpKey.bytes);
    cachedObjects[slot] = hash;
  }
  return hash;
}

/** The decimal hash key a partition key maps to (for reports, the shard map and tests). */
export function partitionKeyHashKey(partitionKey: string): string {
  return BigInt(`0x${hashPartitionKey(partitionKey).hex}`).toString();
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
