import { md5DigestOfText } from '../core/md5.ts';

/**
 * The 128-bit hash key space of a stream. Hash keys are BigInt only while a range is computed (CreateStream,
 * SplitShard, UpdateShardCount); state and reports hold them as decimal strings, as the AWS API does, and
 * routing compares 32-digit lower-case hex strings, whose text order is their numeric order — so putting a
 * record never touches BigInt.
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

const DECIMAL_HASH_KEY = /^(0|[1-9]\d{0,38})$/;

/**
 * Parses an ExplicitHashKey (regex `0|([1-9]\d{0,38})`, at most 2^128 − 1) or returns undefined when it is
 * not one.
 */
export function parseHashKey(text: string): bigint | undefined {
  if (!DECIMAL_HASH_KEY.test(text)) return undefined;
  const value = BigInt(text);
  return value <= MAX_HASH_KEY ? value : undefined;
}

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A partition key's MD5 as routing needs it, and its UTF-8 size (which counts toward the shard limits).
 * Routing compares the digest's first 96 bits as two 48-bit numbers (`high`, `low`), which decide every
 * comparison except a tie with a shard's starting key; only then, and for display, is the 32-digit `hex`
 * text built, once.
 */
export class PartitionKeyHash {
  /** Bits 127–80 of the hash key. */
  readonly high: number;
  /** Bits 79–32 of the hash key. */
  readonly low: number;
  #hex: string | undefined;

  /**
   * @param digest the 16 MD5 bytes, big-endian: the hash key.
   * @param bytes the key's size in UTF-8 bytes.
   */
  constructor(
    readonly digest: readonly number[],
    readonly bytes: number,
  ) {
    this.high = wordOf(digest, 0);
    this.low = wordOf(digest, 6);
  }

  /** MD5 of the key's UTF-8 bytes as 32 lower-case hex digits: the hash key, big-endian. */
  get hex(): string {
    if (this.#hex === undefined) {
      let hex = '';
      for (let i = 0; i < 16; i++) hex += HEX_OF_BYTE[this.digest[i]!]!;
      this.#hex = hex;
    }
    return this.#hex;
  }
}

/** Six digest bytes from `at` as one 48-bit number (exact in a double). */
function wordOf(digest: readonly number[], at: number): number {
  return (
    ((((digest[at]! * 256 + digest[at + 1]!) * 256 + digest[at + 2]!) * 256 + digest[at + 3]!) * 256 +
      digest[at + 4]!) *
      256 +
    digest[at + 5]!
  );
}

/** The `high` and `low` routing words of a 32-digit hex hash key. */
export function hexRoutingWords(hex: string): { readonly high: number; readonly low: number } {
  return { high: parseInt(hex.slice(0, 12), 16), low: parseInt(hex.slice(12, 24), 16) };
}

/**
 * A direct-mapped cache of recent keys: producers reuse keys (per-entity, Zipf, hot key), and MD5 is the
 * costliest step of a put. A slot is picked by a cheap hash of the key and simply overwritten on a miss, so
 * a stream of all-new keys pays almost nothing for it (a Map with eviction cost more than the MD5 itself).
 */
const CACHE_SLOTS = 1 << 14;
const cachedKeys: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);
const cachedHashes: (PartitionKeyHash | undefined)[] = new Array<PartitionKeyHash | undefined>(CACHE_SLOTS);

function slotOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (CACHE_SLOTS - 1);
}

/** UTF-8 size of a string, without encoding it (a surrogate pair is one 4-byte character). */
function utf8Length(text: string): number {
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

/**
 * MD5 of a partition key's UTF-8 bytes, cached; pure, so caching cannot change a run. The KPL predicts
 * shards with this same function.
 */
export function hashPartitionKey(partitionKey: string): PartitionKeyHash {
  const slot = slotOf(partitionKey);
  if (cachedKeys[slot] === partitionKey) return cachedHashes[slot]!;
  const hash = new PartitionKeyHash(md5DigestOfText(partitionKey), utf8Length(partitionKey));
  cachedKeys[slot] = partitionKey;
  cachedHashes[slot] = hash;
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
  readonly hex: readonly string[];
}

/** Routing starts for hex starting keys sorted ascending. */
export function rangeStarts(startsHex: readonly string[]): RangeStarts {
  const high = new Float64Array(startsHex.length);
  const low = new Float64Array(startsHex.length);
  startsHex.forEach((hex, i) => {
    const words = hexRoutingWords(hex);
    high[i] = words.high;
    low[i] = words.low;
  });
  return { high, low, hex: startsHex };
}

/**
 * {@link findRange} on routing words: the index of the range whose start is the greatest not above the
 * hash key (`high`, `low`; `hexOf(ref)` gives its full text, asked for only on a 96-bit tie — a function
 * and a reference rather than a closure, so routing a record allocates nothing).
 */
export function findRangeByWords(
  starts: RangeStarts,
  high: number,
  low: number,
  hexOf: (ref: number) => string,
  ref: number,
): number {
  let lowIndex = 0;
  let highIndex = starts.high.length - 1;
  while (lowIndex < highIndex) {
    const middle = (lowIndex + highIndex + 1) >> 1;
    const startHigh = starts.high[middle]!;
    const startLow = starts.low[middle]!;
    const startIsNotAbove =
      startHigh < high ||
      (startHigh === high && (startLow < low || (startLow === low && starts.hex[middle]! <= hexOf(ref))));
    if (startIsNotAbove) lowIndex = middle;
    else highIndex = middle - 1;
  }
  return lowIndex;
}
