import { findRange, hashPartitionKey, HASH_KEY_SPACE, type ShardState } from '../kinesis/index.ts';
import type { RateKeyDistribution, RateKeyLanding } from './types.ts';
import { zipfDigitWeightedSum, zipfSquareSum, zipfSum } from './zipf.ts';

/**
 * Where a producer's records land. Keys that matter are hashed with MD5 exactly as the record level hashes
 * them (`hashPartitionKey`), so a hot key or a Zipf head lands on the very shard it lands on there. What is
 * not hashed key by key is spread over the hash space in proportion to each shard's range: random
 * high-cardinality keys (MD5 spreads them uniformly, so this is their expected landing) and the tail of a
 * Zipf distribution with more keys than `exactKeys`.
 *
 * The error of spreading a Zipf tail: the tail's mass T (ranks above `exactKeys`) is placed by range width,
 * so no shard's share can be off by more than T (the worst case: every tail key in one shard). Because MD5
 * scatters keys independently and uniformly, the actual error is a sum of many small independent terms, with
 * standard deviation √(Σ_tail p_r² · w(1−w)) ≤ ½√(Σ_tail p_r²) for a shard of width w. Both figures are
 * reported per producer (`RateKeyLanding`). Example: 10 million keys, exponent 1, 65,536 hashed exactly:
 * T ≈ 0.30, typical error ≈ 1.2·10⁻⁴ of the producer's records — an eighth of one shard's share of 1,000 shards.
 */

/** Keys of a Zipf producer hashed one by one unless the input says otherwise. */
export const DEFAULT_EXACT_ZIPF_KEYS = 65_536;

/** Length of `entity-` in the scenario's Zipf keys. */
const ZIPF_KEY_PREFIX_BYTES = 'entity-'.length;

/** A producer's keys, prepared once: hashed keys with weights, plus mass spread over the whole space. */
export interface PreparedKeys {
  readonly exactHex: readonly string[];
  readonly exactWeight: Float64Array;
  readonly exactKeyBytes: Float64Array;
  /** Share of records spread by range width. */
  readonly spreadMass: number;
  /** Mean partition-key bytes of the spread records. */
  readonly spreadKeyBytes: number;
  readonly landing: Omit<RateKeyLanding, 'producer'>;
}

function fromKeys(keys: readonly { partitionKey: string; weight: number }[]): PreparedKeys {
  const total = keys.reduce((sum, k) => sum + k.weight, 0);
  const exactWeight = new Float64Array(keys.length);
  const exactKeyBytes = new Float64Array(keys.length);
  const exactHex = keys.map((k, i) => {
    const hash = hashPartitionKey(k.partitionKey);
    exactWeight[i] = k.weight / total;
    exactKeyBytes[i] = hash.bytes;
    return hash.hex;
  });
  return {
    exactHex,
    exactWeight,
    exactKeyBytes,
    spreadMass: 0,
    spreadKeyBytes: 0,
    landing: { exactShare: 1, maxShareError: 0, typicalShareError: 0 },
  };
}

function zipfKeys(keys: number, s: number, exactKeys: number): PreparedKeys {
  const head = Math.min(keys, exactKeys);
  const norm = zipfSum(1, keys, s);
  const exactWeight = new Float64Array(head);
  const exactKeyBytes = new Float64Array(head);
  const exactHex: string[] = new Array<string>(head);
  for (let r = 1; r <= head; r++) {
    const hash = hashPartitionKey(`entity-${r}`);
    exactHex[r - 1] = hash.hex;
    exactWeight[r - 1] = r ** -s / norm;
    exactKeyBytes[r - 1] = hash.bytes;
  }
  const tail = zipfSum(head + 1, keys, s);
  const spreadMass = tail / norm;
  const spreadKeyBytes =
    tail > 0 ? ZIPF_KEY_PREFIX_BYTES + zipfDigitWeightedSum(head + 1, keys, s) / tail : 0;
  return {
    exactHex,
    exactWeight,
    exactKeyBytes,
    spreadMass,
    spreadKeyBytes,
    landing: {
      exactShare: 1 - spreadMass,
      maxShareError: spreadMass,
      typicalShareError: Math.sqrt(zipfSquareSum(head + 1, keys, s)) / norm / 2,
    },
  };
}

/** Hashes what must be hashed and measures what is spread, for one producer's key distribution. */
export function prepareKeys(keys: RateKeyDistribution): PreparedKeys {
  switch (keys.kind) {
    case 'uniform':
      return {
        exactHex: [],
        exactWeight: new Float64Array(0),
        exactKeyBytes: new Float64Array(0),
        spreadMass: 1,
        spreadKeyBytes: keys.keyBytes,
        landing: { exactShare: 1, maxShareError: 0, typicalShareError: 0 },
      };
    case 'fixed':
      return fromKeys([{ partitionKey: keys.partitionKey, weight: 1 }]);
    case 'weighted':
      return fromKeys(keys.keys);
    case 'zipf':
      return zipfKeys(keys.keys, keys.exponent, keys.exactKeys ?? DEFAULT_EXACT_ZIPF_KEYS);
  }
}

const SPACE = Number(HASH_KEY_SPACE);

/** Share of the hash key space a shard's range covers. */
export function rangeShare(shard: ShardState): number {
  const start = BigInt(shard.HashKeyRange.StartingHashKey);
  const end = BigInt(shard.HashKeyRange.EndingHashKey);
  return Number(end - start + 1n) / SPACE;
}

/**
 * Lands prepared keys on a stream's open shards: writes each slot's share of the producer's records into
 * `weight` and the mean partition-key bytes of those records into `keyBytes` (other slots are zeroed).
 * `open` is the stream's open shards in hash key order with their slots.
 */
export function landKeys(
  keys: PreparedKeys,
  open: readonly { readonly slot: number; readonly shard: ShardState }[],
  weight: Float64Array,
  keyBytes: Float64Array,
): void {
  weight.fill(0);
  keyBytes.fill(0);
  for (const { slot, shard } of open) {
    const share = keys.spreadMass * rangeShare(shard);
    weight[slot] = share;
    keyBytes[slot] = share * keys.spreadKeyBytes;
  }
  const startsHex = open.map((o) => o.shard.startingHex);
  for (let i = 0; i < keys.exactHex.length; i++) {
    const slot = open[findRange(startsHex, keys.exactHex[i]!)]!.slot;
    weight[slot]! += keys.exactWeight[i]!;
    keyBytes[slot]! += keys.exactWeight[i]! * keys.exactKeyBytes[i]!;
  }
  for (const { slot } of open) {
    keyBytes[slot] = weight[slot]! > 0 ? keyBytes[slot]! / weight[slot]! : keys.spreadKeyBytes;
  }
}
