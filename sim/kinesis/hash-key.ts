import { md5DigestOfText } from '../core/index.ts';

/**
 * The 128-bit hash key space of a stream, as AWS documents it: a partition key's hash key is the MD5 of its
 * UTF-8 bytes read as an unsigned 128-bit integer, and a record goes to the open shard whose HashKeyRange
 * holds that key. State and reports hold hash keys as decimal strings, as the AWS API does. Every hash key
 * computation of the simulator, the labs and the consoles is here, in plain BigInt arithmetic; the put path
 * routes with an optimised copy of `md5HashKey` and `openShardForHashKey` (fast-route.ts) that is tested
 * against them.
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

/** A hash key as 32-digit lower-case hex text, whose text order is the keys' numeric order. */
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
 * lower child gets [start, mid − 1], the upper [mid, end]; for an odd number of keys the upper half is the
 * larger. The one place the midpoint is computed (console, labs and rate level use it).
 */
export function hashKeyRangeMidpoint(range: HashKeyRange): string {
  const start = BigInt(range.StartingHashKey);
  const end = BigInt(range.EndingHashKey);
  return ((start + end + 1n) / 2n).toString();
}

/**
 * The hash key of a partition key: the MD5 digest of its UTF-8 bytes, read big-endian as an unsigned
 * 128-bit integer (AWS-FACTS §1.2). The reference the put path's cached routing is tested against.
 */
export function md5HashKey(partitionKey: string): bigint {
  let hashKey = 0n;
  for (const byte of md5DigestOfText(partitionKey)) hashKey = (hashKey << 8n) | BigInt(byte);
  return hashKey;
}

/** The decimal hash key a partition key maps to (for reports, the shard map and tests). */
export function partitionKeyHashKey(partitionKey: string): string {
  return md5HashKey(partitionKey).toString();
}

/** True when `hashKey` (a BigInt or decimal text) lies in `range`, both ends included. */
export function hashKeyRangeContains(range: HashKeyRange, hashKey: bigint | string): boolean {
  const key = BigInt(hashKey);
  return BigInt(range.StartingHashKey) <= key && key <= BigInt(range.EndingHashKey);
}

/**
 * The open shard that takes a record with this hash key: the one whose HashKeyRange holds it (the open
 * shards of a stream cover the whole space without overlap), or undefined when none does. A linear scan:
 * the reference the put path's binary search over routing words is tested against.
 */
export function openShardForHashKey<S extends { readonly HashKeyRange: HashKeyRange }>(
  openShards: readonly S[],
  hashKey: bigint,
): S | undefined {
  return openShards.find((shard) => hashKeyRangeContains(shard.HashKeyRange, hashKey));
}

/**
 * True when `upper` starts right after `lower` ends: the two ranges MergeShards can merge ("adjacent"
 * means their union is one contiguous range).
 */
export function hashKeyRangesAdjacent(lower: HashKeyRange, upper: HashKeyRange): boolean {
  return BigInt(lower.EndingHashKey) + 1n === BigInt(upper.StartingHashKey);
}

/**
 * Where a hash key (a BigInt or decimal text) sits in the hash key space, as a fraction from 0 to 1
 * (2^128 gives 1, so `EndingHashKey + 1` places a range's right edge), truncated to 53 bits: plenty for a bar.
 */
export function hashKeyFraction(hashKey: bigint | string): number {
  return Number(BigInt(hashKey) >> 75n) / 2 ** 53;
}

/** A range's left and right edges as fractions of the hash key space, for drawing it on a bar. */
export function hashKeyRangeFractions(range: HashKeyRange): { start: number; end: number } {
  return {
    start: hashKeyFraction(range.StartingHashKey),
    end: hashKeyFraction(BigInt(range.EndingHashKey) + 1n),
  };
}
