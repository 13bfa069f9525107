import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { utf8Length } from './data.ts';
import {
  findRange,
  findRangeByWords,
  hashPartitionKey,
  hexRoutingWords,
  rangeStarts,
  routeByHashKey,
  routeByPartitionKey,
  routedSlot,
  routeTable,
} from './fast-route.ts';
import { evenSplit, hashKeyHex, MAX_HASH_KEY, md5HashKey, openShardForHashKey } from './hash-key.ts';
import { putRecords } from './put.ts';
import { mergeShards, RESHARD_UPDATING_MILLIS, splitShard, updateShardCount } from './reshard.ts';
import { isOpen } from './shard.ts';
import { createKinesisState, createStream } from './stream.ts';
import type { KinesisState, StreamState } from './types.ts';

/**
 * The fenced hot path (fast-route.ts) against the plain reference in hash-key.ts: the same hash key for
 * every partition key and the same shard for every hash key, over many random keys, the boundaries 0 and
 * 2^128 − 1, and streams split, merged and rescaled.
 */

/** A deterministic generator (xorshift32), so a failure names a case that can be replayed. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** Code points from ASCII to astral, never a lone surrogate (a key is UTF-8 text). */
const ALPHABETS = [
  [0x20, 0x7e],
  [0xa0, 0x7ff],
  [0x800, 0xd7ff],
  [0xe000, 0xfffd],
  [0x10000, 0x1ffff],
] as const;

function randomKey(next: () => number): string {
  const length = 1 + Math.floor(next() ** 3 * 256);
  const points: number[] = [];
  for (let i = 0; i < length; i++) {
    const [low, high] = ALPHABETS[next() < 0.7 ? 0 : Math.floor(next() * ALPHABETS.length)]!;
    points.push(low + Math.floor(next() * (high - low + 1)));
  }
  // A key is at most 256 characters (code points): astral ones are two UTF-16 units.
  return String.fromCodePoint(...points);
}

function randomHashKey(next: () => number): bigint {
  let key = 0n;
  for (let i = 0; i < 4; i++) key = (key << 32n) | BigInt(Math.floor(next() * 2 ** 32));
  return key;
}

const openShards = (stream: StreamState) => stream.shards.filter(isOpen);

/** Streams of several shapes: even splits, uneven splits, merges, rescaling and tiny ranges at both ends. */
function shapes(): { name: string; state: KinesisState; stream: StreamState }[] {
  const made: { name: string; state: KinesisState; stream: StreamState }[] = [];
  const make = (name: string, shardCount: number, reshard: (state: KinesisState, at: number) => void) => {
    const state = createKinesisState({ era: 'current', shardLimit: 500 });
    createStream(state, { StreamName: 's', ShardCount: shardCount }, millis(0));
    reshard(state, RESHARD_UPDATING_MILLIS);
    made.push({ name, state, stream: state.streams.s! });
  };
  const must = (result: { ok: boolean }) => {
    if (!result.ok) throw new Error(JSON.stringify(result));
  };
  const split = (state: KinesisState, at: number, shard: string, key: bigint) =>
    must(
      splitShard(
        state,
        { StreamName: 's', ShardToSplit: shard, NewStartingHashKey: key.toString() },
        millis(at),
      ),
    );
  for (const count of [1, 2, 3, 7, 100]) make(`${count} even shards`, count, () => {});
  make('a split at the edges (2 and 2^128 − 2)', 1, (state, at) => {
    split(state, at, 'shardId-000000000000', 2n);
    split(state, 2 * at, 'shardId-000000000002', MAX_HASH_KEY - 1n);
  });
  make('starts equal in their first 96 bits', 2, (state, at) => {
    const cut = (1n << 127n) + 5n;
    split(state, at, 'shardId-000000000001', cut);
    split(state, 2 * at, 'shardId-000000000003', cut + 2n);
    split(state, 3 * at, 'shardId-000000000005', cut + (1n << 32n));
  });
  make('uneven splits, then a merge', 4, (state, at) => {
    split(state, at, 'shardId-000000000001', BigInt(evenSplit(4)[1]!.StartingHashKey) + 987_654_321n);
    split(state, 2 * at, 'shardId-000000000002', BigInt(evenSplit(4)[2]!.StartingHashKey) + 12_345n);
    must(
      mergeShards(
        state,
        {
          StreamName: 's',
          ShardToMerge: 'shardId-000000000000',
          AdjacentShardToMerge: 'shardId-000000000004',
        },
        millis(3 * at),
      ),
    );
  });
  make('rescaled 3 → 5', 3, (state, at) =>
    must(
      updateShardCount(
        state,
        { StreamName: 's', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' },
        millis(at),
      ),
    ),
  );
  return made;
}

/** Hash keys to route: 0, 2^128 − 1, every open shard's ends and their neighbours, and random keys. */
function probes(stream: StreamState, next: () => number, random: number): bigint[] {
  const keys = [0n, 1n, MAX_HASH_KEY - 1n, MAX_HASH_KEY];
  for (const shard of openShards(stream)) {
    const start = BigInt(shard.HashKeyRange.StartingHashKey);
    const end = BigInt(shard.HashKeyRange.EndingHashKey);
    keys.push(start, end, start + 1n, end - 1n);
    if (start > 0n) keys.push(start - 1n);
    if (end < MAX_HASH_KEY) keys.push(end + 1n);
  }
  for (let i = 0; i < random; i++) keys.push(randomHashKey(next));
  return keys.filter((k) => k >= 0n && k <= MAX_HASH_KEY);
}

describe('the cached partition key hash against md5HashKey', () => {
  it('gives the same hash key and UTF-8 size for 4,000 random keys, twice (cache cold, then warm)', () => {
    const next = generator(1);
    const keys = Array.from({ length: 4_000 }, () => randomKey(next));
    for (let pass = 0; pass < 2; pass++) {
      for (const key of keys) {
        const hash = hashPartitionKey(key);
        expect(BigInt(`0x${hash.hex}`)).toBe(md5HashKey(key));
        expect(hash.bytes).toBe(Buffer.byteLength(key, 'utf8'));
        expect(routeByPartitionKey(0, key)).toBe(hash.bytes);
      }
    }
  });

  it("is Node's MD5 of the UTF-8 bytes, as digest bytes and as hex (vectors from Python hashlib)", () => {
    expect(hashPartitionKey('a').hex).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(hashPartitionKey('a').digest).toEqual([...createHash('md5').update('a').digest()]);
    for (const key of ['a', 'user-42', '~!@#$%^&*()', 'x'.repeat(256), 'clé-🔑', '日本']) {
      expect(hashPartitionKey(key).hex).toBe(createHash('md5').update(key, 'utf8').digest('hex'));
    }
  });

  it('stays right when keys evict each other from the cache', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    for (let pass = 0; pass < 2; pass++) {
      for (const key of keys) {
        expect(routeByPartitionKey(0, key)).toBe(key.length);
        expect(hashPartitionKey(key).hex).toBe(createHash('md5').update(key, 'utf8').digest('hex'));
      }
    }
  });

  it('counts UTF-8 bytes, not characters, as utf8Length does', () => {
    for (const [key, bytes] of [
      ['abc', 3],
      ['ü', 2],
      ['日本', 6],
      ['🔑', 4],
    ] as const) {
      expect(hashPartitionKey(key).bytes).toBe(bytes);
      expect(utf8Length(key)).toBe(bytes);
    }
  });
});

describe('routing against openShardForHashKey', () => {
  for (const { name, stream } of shapes()) {
    it(`sends every hash key to the same shard: ${name}`, () => {
      const next = generator(name.length);
      const open = openShards(stream);
      const table = routeTable(stream);
      expect(new Set(table.shards)).toEqual(new Set(open));
      for (const key of probes(stream, next, 2_000)) {
        const expected = openShardForHashKey(open, key)!;
        const hex = hashKeyHex(key);
        const { high, low, tail } = hexRoutingWords(hex);
        expect(table.shards[findRangeByWords(table.starts, high, low, tail)]).toBe(expected);
        expect(table.shards[findRange(table.startsHex, hex)]).toBe(expected);
        routeByHashKey(0, key);
        expect(table.shards[routedSlot(table, 0)]).toBe(expected);
      }
    });

    it(`puts each record on the reference's shard, by partition key or ExplicitHashKey: ${name}`, () => {
      const next = generator(name.length + 1);
      const open = openShards(stream);
      const hashKeys = probes(stream, next, 200);
      const state = shapes().find((s) => s.name === name)!.state;
      let now = 10 * RESHARD_UPDATING_MILLIS;
      for (let from = 0; from < hashKeys.length; from += 100) {
        const records = hashKeys.slice(from, from + 100).flatMap((key, i) => {
          const partitionKey = randomKey(next);
          return [
            { Data: new Uint8Array(1), PartitionKey: partitionKey },
            { Data: new Uint8Array(1), PartitionKey: `k${i}`, ExplicitHashKey: key.toString() },
          ];
        });
        now += 1000;
        const put = putRecords(state, { StreamName: 's', Records: records }, millis(now));
        if (!put.ok) throw new Error(put.error.message);
        expect(put.value.FailedRecordCount).toBe(0);
        put.value.Records.forEach((result, i) => {
          const record = records[i]!;
          const hashKey =
            record.ExplicitHashKey === undefined
              ? md5HashKey(record.PartitionKey)
              : BigInt(record.ExplicitHashKey);
          const expected = openShardForHashKey(open, hashKey)!.ShardId;
          expect('ShardId' in result && result.ShardId).toBe(expected);
        });
      }
    });
  }
});

describe('findRange and findRangeByWords', () => {
  it('pick the last start not above the key', () => {
    const starts = evenSplit(4).map((r) => hashKeyHex(BigInt(r.StartingHashKey)));
    expect(findRange(starts, hashKeyHex(0n))).toBe(0);
    expect(findRange(starts, starts[2]!)).toBe(2);
    expect(findRange(starts, hashKeyHex(BigInt(evenSplit(4)[2]!.StartingHashKey) - 1n))).toBe(1);
    expect(findRange(starts, hashKeyHex(MAX_HASH_KEY))).toBe(3);
  });

  it('agree, ties in the first 96 bits included', () => {
    const cut = (1n << 127n) + 5n;
    const startKeys = [0n, 1n << 64n, cut, cut + (1n << 32n)];
    const hexStarts = startKeys.map(hashKeyHex);
    const starts = rangeStarts(hexStarts);
    const keys = [0n, 1n, (1n << 64n) - 1n, 1n << 64n, cut - 1n, cut, cut + 1n];
    for (const hex of [...keys, cut + (1n << 32n) - 1n, cut + (1n << 32n), MAX_HASH_KEY].map(hashKeyHex)) {
      const { high, low, tail } = hexRoutingWords(hex);
      expect(findRangeByWords(starts, high, low, tail)).toBe(findRange(hexStarts, hex));
    }
  });

  it('route partition keys by their digest words exactly as by their hex text', () => {
    const starts = evenSplit(7).map((r) => hashKeyHex(BigInt(r.StartingHashKey)));
    const words = rangeStarts(starts);
    for (let n = 0; n < 500; n++) {
      const hash = hashPartitionKey(`user-${n}`);
      expect(hexRoutingWords(hash.hex)).toEqual({ high: hash.high, low: hash.low, tail: hash.tail });
      expect(findRangeByWords(words, hash.high, hash.low, hash.tail)).toBe(findRange(starts, hash.hex));
    }
  });
});
