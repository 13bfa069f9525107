import { describe, expect, it } from 'vitest';
import {
  checkExplicitHashKey,
  checkNewStartingHashKey,
  checkPartitionKey,
  codePointLength,
} from './checks.ts';

const SHARD = {
  ShardId: 'shardId-000000000000',
  HashKeyRange: { StartingHashKey: '10', EndingHashKey: '20' },
};

describe('codePointLength', () => {
  it('counts a surrogate pair once and a lone surrogate once', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('a\ude00b\ud83d')).toBe(4);
  });
});

describe('checkPartitionKey', () => {
  it('refuses a missing key and says so', () => {
    const result = checkPartitionKey(undefined, 256, 'partitionKey', 'PartitionKey');
    expect(result.ok ? '' : result.error.message).toContain('(got no key)');
  });
});

describe('messages quote a refused value as a short excerpt', () => {
  it('a megabyte of text in ExplicitHashKey gives a message of a few hundred characters', () => {
    const huge = 'x'.repeat(1_000_000);
    const result = checkExplicitHashKey(huge, 'explicitHashKey', 'ExplicitHashKey');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ValidationException');
    expect(result.error.message.length).toBeLessThan(400);
    expect(result.error.message).toContain('(1,000,000 UTF-16 units)');
  });

  it('a value that is not a string is named by its type', () => {
    const result = checkNewStartingHashKey(SHARD, 15);
    expect(result.ok ? '' : result.error.message).toMatch(/^1 validation error detected: Value a number at/);
  });
});

describe('checkNewStartingHashKey', () => {
  it('accepts start + 2 to end − 1 only', () => {
    const accepted = Array.from({ length: 14 }, (_, i) => 8 + i).filter(
      (key) => checkNewStartingHashKey(SHARD, String(key)).ok,
    );
    expect(accepted).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('says when a shard is too small to split at all', () => {
    const tiny = {
      ShardId: 'shardId-000000000009',
      HashKeyRange: { StartingHashKey: '4', EndingHashKey: '6' },
    };
    const result = checkNewStartingHashKey(tiny, '5');
    expect(result.ok ? '' : result.error.message).toContain('holds only 3 hash keys, too few to split');
  });
});
