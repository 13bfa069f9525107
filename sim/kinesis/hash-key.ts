import { md5HexOfShortText } from '../core/md5.ts';

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

/** A partition key's MD5 as routing needs it, and its UTF-8 size (which counts toward the shard limits). */
export interface PartitionKeyHash {
  /** MD5 of the key's UTF-8 bytes as 32 lower-case hex digits: the hash key, big-endian. */
  readonly hex: string;
  /** The key's size in UTF-8 bytes. */
  readonly bytes: number;
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
  const hash: PartitionKeyHash = { hex: md5HexOfShortText(partitionKey), bytes: utf8Length(partitionKey) };
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
