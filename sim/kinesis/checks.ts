import { ok, type Result } from '../core/index.ts';
import { kinesisFail } from './errors.ts';
import {
  HASH_KEY_PATTERN,
  hashKeyRangeMidpoint,
  matchesHashKeyPattern,
  MAX_HASH_KEY,
  type HashKeyRange,
} from './hash-key.ts';
import type { KinesisError } from './types.ts';

/**
 * Request checks Kinesis makes before it routes or reshards, written once and used by the data plane, the
 * KPL and the labs. Pattern and length violations are ValidationException (the API model's constraints,
 * checked before anything else); values that fit the model but not the stream are InvalidArgumentException.
 */

/** At most this many characters (Unicode code points) fit an excerpt of a refused value in a message. */
const EXCERPT_CHARACTERS = 48;

/** A refused value as a message quotes it: JSON-quoted, cut to a short excerpt. */
function excerpt(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'no value' : `a ${typeof value}`;
  const characters = Array.from(value.slice(0, EXCERPT_CHARACTERS * 2));
  const text = characters.slice(0, EXCERPT_CHARACTERS).join('');
  return characters.length > EXCERPT_CHARACTERS || value.length > text.length
    ? `${JSON.stringify(text)}… (${value.length.toLocaleString('en-US')} UTF-16 units)`
    : JSON.stringify(text);
}

function patternError(value: unknown, member: string, path: string): Result<never, KinesisError> {
  return kinesisFail(
    'ValidationException',
    `1 validation error detected: Value ${excerpt(value)} at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${HASH_KEY_PATTERN}. Write the hash key as a whole decimal number without leading zeros, signs, spaces or digit grouping.`,
    path,
  );
}

/**
 * Characters of a string as the 256-character partition key limit counts them: Unicode code points (the
 * API model's `length` constraint on a string counts Unicode scalar values), so an astral-plane character
 * such as an emoji counts once although it is two UTF-16 units. A lone surrogate counts as one.
 */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * A PartitionKey: a string of 1 to `maxLength` (256) Unicode characters (AWS-FACTS §1.2, Numbers #11), or
 * ValidationException. `member` is the request member as AWS names it in the message
 * (`records.1.member.partitionKey`), `path` the field the learner fixes.
 */
export function checkPartitionKey(
  key: unknown,
  maxLength: number,
  member: string,
  path: string,
): Result<string, KinesisError> {
  // Code points never exceed UTF-16 units: count them only when the units are over the limit.
  const length = typeof key !== 'string' ? -1 : key.length <= maxLength ? key.length : codePointLength(key);
  if (length < 1 || length > maxLength) {
    const got = typeof key === 'string' ? `${length} characters` : 'no key';
    return kinesisFail(
      'ValidationException',
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length between 1 and ${maxLength} (got ${got}). Use a shorter partition key.`,
      path,
    );
  }
  return ok(key as string);
}

/**
 * An ExplicitHashKey: the model's pattern (else ValidationException) and a value from 0 to 2^128 − 1 (else
 * InvalidArgumentException, with AWS's wording).
 */
export function checkExplicitHashKey(
  text: unknown,
  member: string,
  path: string,
): Result<bigint, KinesisError> {
  if (!matchesHashKeyPattern(text)) return patternError(text, member, path);
  const value = BigInt(text);
  if (value > MAX_HASH_KEY) {
    return kinesisFail(
      'InvalidArgumentException',
      `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${text}. The largest hash key is ${MAX_HASH_KEY}.`,
      path,
    );
  }
  return ok(value);
}

/** NewStartingHashKey's pattern alone (checked before the stream and shard are looked up). */
export function checkNewStartingHashKeyPattern(text: unknown): Result<string, KinesisError> {
  return matchesHashKeyPattern(text)
    ? ok(text)
    : patternError(text, 'newStartingHashKey', 'NewStartingHashKey');
}

/** The shard a SplitShard call names, as the split check needs it. */
export interface ShardToSplit {
  readonly ShardId: string;
  readonly HashKeyRange: HashKeyRange;
}

/**
 * SplitShard's NewStartingHashKey against the shard's range. Kinesis accepts a key only if it is greater
 * than one plus the shard's StartingHashKey and less than its EndingHashKey — from start + 2 to end − 1 —
 * so that each child gets at least two hash keys (kinesalite's SplitShard tests, which its author ran
 * against AWS: "1" and the EndingHashKey are refused, "2" is accepted on a [0, 2^128 − 1] shard). A key
 * that breaks the model's pattern is a ValidationException; one outside that window InvalidArgumentException.
 */
export function checkNewStartingHashKey(shard: ShardToSplit, text: unknown): Result<bigint, KinesisError> {
  const pattern = checkNewStartingHashKeyPattern(text);
  if (!pattern.ok) return pattern;
  const start = BigInt(shard.HashKeyRange.StartingHashKey);
  const end = BigInt(shard.HashKeyRange.EndingHashKey);
  const cut = BigInt(pattern.value);
  if (cut > start + 1n && cut < end) return ok(cut);
  const allowed =
    end - start >= 3n
      ? `Choose a key from ${start + 2n} to ${end - 1n}; the midpoint is ${hashKeyRangeMidpoint(shard.HashKeyRange)}.`
      : `The shard holds only ${end - start + 1n} hash keys, too few to split.`;
  return kinesisFail(
    'InvalidArgumentException',
    `NewStartingHashKey ${pattern.value} used in SplitShard() on shard ${shard.ShardId} is not both greater than one plus the shard's StartingHashKey ${start} and less than the shard's EndingHashKey ${end}. ${allowed}`,
    'NewStartingHashKey',
  );
}

/**
 * A shard named in SplitShard or MergeShards that is already CLOSED (split or merged before): Kinesis
 * answers InvalidArgumentException (observed on AWS, mhart/kinesalite#109), not ResourceInUseException.
 */
export function closedShardError(
  shardId: string,
  streamName: string,
  accountId: string,
  path: string,
): Result<never, KinesisError> {
  return kinesisFail(
    'InvalidArgumentException',
    `Shard ${shardId} in stream ${streamName} under account ${accountId} has already been merged or split, and thus is not eligible for merging or splitting. Use one of the stream's open shards (DescribeStream lists a closed shard with an EndingSequenceNumber).`,
    path,
  );
}

/**
 * A request names a shard the stream does not have (ResourceNotFoundException, as DescribeStream,
 * GetShardIterator, SplitShard and MergeShards report it).
 */
export function shardNotFound(
  streamName: string,
  shardId: unknown,
  path = 'ShardId',
): Result<never, KinesisError> {
  return kinesisFail(
    'ResourceNotFoundException',
    `Shard ${String(shardId)} in stream ${streamName} not found.`,
    path,
  );
}
