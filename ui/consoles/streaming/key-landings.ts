/**
 * Where a producer's partition keys land on the hash key space: the MD5 of each key (the same function the
 * simulator routes with) placed on the bar, with the share of records that key carries. Random keys have no
 * single landing point; they spread evenly, and the shard map says so instead of drawing marks.
 */
import { hashKeyFraction, md5HashKey, openShardForHashKey } from '../../../sim/kinesis/index.ts';
import type { ShardState } from '../../../sim/kinesis/index.ts';
import type { KeyLanding } from './console-view.ts';
import { zipfKey, type PartitionKeyStrategy } from '../../../sim/streaming/index.ts';

/** Most keys of a Zipf producer marked on the map (its hottest ranks). */
export const MAX_MARKED_KEYS = 8;

const harmonicCache = new Map<string, number>();

/** Σ r^−s for r = 1…n: the Zipf normaliser (cached, n can be a million). */
function generalizedHarmonic(n: number, s: number): number {
  const cacheKey = `${n}|${s}`;
  const known = harmonicCache.get(cacheKey);
  if (known !== undefined) return known;
  let sum = 0;
  for (let r = n; r >= 1; r--) sum += r ** -s;
  harmonicCache.set(cacheKey, sum);
  return sum;
}

function landing(key: string, share: number, openShards: readonly ShardState[]): KeyLanding {
  const hashKey = md5HashKey(key);
  const shard = openShardForHashKey(openShards, hashKey);
  return {
    label: key,
    hashKey: hashKey.toString(),
    fraction: hashKeyFraction(hashKey),
    shardId: shard?.ShardId ?? '',
    share,
  };
}

/** The landing points of one producer's keys over the stream's open shards. */
export function keyLandings(strategy: PartitionKeyStrategy, openShards: readonly ShardState[]): KeyLanding[] {
  switch (strategy.strategy) {
    case 'random':
      return [];
    case 'fixed':
      return [landing(strategy.key, 1, openShards)];
    case 'zipf': {
      const total = generalizedHarmonic(strategy.keys, strategy.exponent);
      const marked = Math.min(strategy.keys, MAX_MARKED_KEYS);
      const out: KeyLanding[] = [];
      for (let rank = 1; rank <= marked; rank++) {
        out.push(landing(zipfKey(rank), rank ** -strategy.exponent / total, openShards));
      }
      return out;
    }
    case 'sequential': {
      const marked = Math.min(strategy.keys, MAX_MARKED_KEYS);
      return Array.from({ length: marked }, (_, i) => landing(zipfKey(i + 1), 1 / strategy.keys, openShards));
    }
  }
}

/** The strategy in words, for the console (`Zipf over 100 keys (s = 1.2)`). */
export function describeStrategy(strategy: PartitionKeyStrategy): string {
  switch (strategy.strategy) {
    case 'random':
      return 'random 16-hex-digit keys (spread evenly)';
    case 'fixed':
      return `one fixed key "${strategy.key}"`;
    case 'zipf':
      return `Zipf over ${strategy.keys.toLocaleString('en-US')} keys entity-1…entity-${strategy.keys} (s = ${strategy.exponent})`;
    case 'sequential':
      return `${strategy.keys.toLocaleString('en-US')} keys entity-1…entity-${strategy.keys} in turn (spread evenly)`;
  }
}
