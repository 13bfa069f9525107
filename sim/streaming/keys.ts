import type { Rng } from '../core/index.ts';
import { codePointLength, kinesisLimits } from '../kinesis/index.ts';

/**
 * Re-keying ("salting") one hot key: each record of `key` gets a suffix drawn from the seeded generator,
 * `key#0` … `key#(suffixes−1)`, so the hot key's records spread over that many hash keys (and so over the
 * shards those land in). The consumer gives up per-key ordering across the suffixes: that is the price.
 */
export interface KeySalt {
  readonly key: string;
  readonly suffixes: number;
}

/**
 * Partition-key strategies of a load generator. Both levels of detail use exactly these keys, so the
 * rate level can hash `entity-1…N` with MD5 and know where the record level's records land. The
 * strategies with named keys may salt one of them (`salt`).
 */
export type PartitionKeyStrategy =
  /** A fresh 16-character lower-case hex key per record: high cardinality, spreads evenly. */
  | { readonly strategy: 'random' }
  /** One key for every record: a single hot key, so a single hot shard. */
  | { readonly strategy: 'fixed'; readonly key: string; readonly salt?: KeySalt }
  /** Per-entity keys `entity-1…entity-N` drawn with probability ∝ 1/rank^exponent (a Zipf skew). */
  | { readonly strategy: 'zipf'; readonly keys: number; readonly exponent: number; readonly salt?: KeySalt }
  /** Per-entity keys `entity-1…entity-N` in turn, one after the other: every entity equally often. */
  | { readonly strategy: 'sequential'; readonly keys: number; readonly salt?: KeySalt };

/** The key of the entity of rank `rank` (1-based) in the per-entity strategies. */
export function zipfKey(rank: number): string {
  return `entity-${rank}`;
}

/** Cumulative probabilities of ranks 1…N for one Zipf strategy, built once per strategy object. */
const cumulative = new WeakMap<object, Float64Array>();

/** P(rank ≤ r) for r = 1…N under a Zipf law with this exponent (the last entry is exactly 1). */
export function zipfCumulative(keys: number, exponent: number): Float64Array {
  const table = new Float64Array(keys);
  let sum = 0;
  for (let r = 1; r <= keys; r++) {
    sum += 1 / r ** exponent;
    table[r - 1] = sum;
  }
  for (let i = 0; i < keys; i++) table[i]! /= sum;
  table[keys - 1] = 1;
  return table;
}

/** The share of records each rank gets under a Zipf law: what the rate level weights hash keys by. */
export function zipfWeights(keys: number, exponent: number): Float64Array {
  const table = zipfCumulative(keys, exponent);
  const weights = new Float64Array(keys);
  let previous = 0;
  for (let i = 0; i < keys; i++) {
    weights[i] = table[i]! - previous;
    previous = table[i]!;
  }
  return weights;
}

/** Draws a rank (1-based) from a cumulative table with one uniform number and a binary search. */
function drawRank(table: Float64Array, u: number): number {
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (table[middle]! > u) high = middle;
    else low = middle + 1;
  }
  return low + 1;
}

/** Two lower-case hex digits per byte value: a random key is four table look-ups per half, not a toString. */
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** `n` (an unsigned 32-bit integer) as 8 lower-case hex digits. */
const hex8 = (n: number): string =>
  HEX_BYTES[n >>> 24]! + HEX_BYTES[(n >>> 16) & 0xff]! + HEX_BYTES[(n >>> 8) & 0xff]! + HEX_BYTES[n & 0xff]!;

/** The key a salted strategy sends: the salted key with a drawn suffix, any other key as it is. */
export function saltedKey(key: string, salt: KeySalt | undefined, rng: Rng): string {
  if (salt === undefined || key !== salt.key) return key;
  return `${key}#${rng.nextInt(0, salt.suffixes - 1)}`;
}

/**
 * The partition key of record `index` (0-based, counted per producer) under `strategy`, drawing from the
 * seeded generator where the strategy is random: `random` takes two 32-bit draws, `zipf` one float;
 * `fixed` and `sequential` draw nothing. A record of a salted key then draws its suffix.
 */
export function partitionKeyFor(strategy: PartitionKeyStrategy, rng: Rng, index: number): string {
  switch (strategy.strategy) {
    case 'random':
      return hex8(rng.nextInt(0, 0xffff_ffff)) + hex8(rng.nextInt(0, 0xffff_ffff));
    case 'fixed':
      return saltedKey(strategy.key, strategy.salt, rng);
    case 'sequential':
      return saltedKey(zipfKey((index % strategy.keys) + 1), strategy.salt, rng);
    case 'zipf': {
      let table = cumulative.get(strategy);
      if (table === undefined) {
        table = zipfCumulative(strategy.keys, strategy.exponent);
        cumulative.set(strategy, table);
      }
      return saltedKey(zipfKey(drawRank(table, rng.nextFloat())), strategy.salt, rng);
    }
  }
}

/** Longest partition key Kinesis accepts, in characters, the same in both eras [AWS-FACTS §1.2, row 11]. */
const MAX_PARTITION_KEY_CHARACTERS = kinesisLimits('2016').partitionKeyMaxLength;

/**
 * Why a strategy's `salt` cannot work, or null when it can: the salted key must be one the strategy
 * sends, and the key with its longest suffix must still be a valid partition key (1–256 characters).
 */
export function saltProblem(strategy: PartitionKeyStrategy): string | null {
  if (strategy.strategy === 'random' || strategy.salt === undefined) return null;
  const { key, suffixes } = strategy.salt;
  if (strategy.strategy === 'fixed' && key !== strategy.key) {
    return `"${key}" is not the key this strategy sends; expected "${strategy.key}".`;
  }
  if (strategy.strategy !== 'fixed') {
    const rank = /^entity-([1-9][0-9]*)$/.exec(key);
    if (rank === null || Number(rank[1]) > strategy.keys) {
      return `"${key}" is not a key this strategy sends; expected one of "entity-1" … "${zipfKey(strategy.keys)}".`;
    }
  }
  const longest = `${key}#${suffixes - 1}`;
  if (codePointLength(longest) > MAX_PARTITION_KEY_CHARACTERS) {
    return `"${key}" with its suffix "#${suffixes - 1}" is ${codePointLength(longest)} characters; a partition key has at most ${MAX_PARTITION_KEY_CHARACTERS}.`;
  }
  return null;
}
