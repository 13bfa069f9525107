import { describe, expect, it } from 'vitest';
import {
  decodeIterator,
  encodeIterator,
  parseSequenceNumber,
  SEQUENCE_NUMBER_LENGTH,
  sequenceNumber,
  sequencePrefix,
} from './sequence.ts';

describe('sequence numbers', () => {
  it('have 56 digits like AWS', () => {
    expect(SEQUENCE_NUMBER_LENGTH).toBe(56);
    expect(sequenceNumber(sequencePrefix(1234, 3), 7)).toMatch(/^49\d{54}$/);
  });

  it('are the prefix and the ordinal in 32 zero-padded digits, across head blocks too', () => {
    const prefix = sequencePrefix(1234, 3);
    for (const ordinal of [0, 7, 9_999, 10_000, 123_456_789, Number.MAX_SAFE_INTEGER]) {
      expect(sequenceNumber(prefix, ordinal)).toBe(prefix + String(ordinal).padStart(32, '0'));
    }
  });

  it('have a prefix of 49, the arrival time in 16 digits and the shard number in 6', () => {
    expect(sequencePrefix(5, 1)).toBe('49' + '0000000000000005' + '000001');
    expect(sequencePrefix(5, 2)).toBe('49' + '0000000000000005' + '000002');
    expect(sequencePrefix(1_764_000_000_123, 1)).toBe('49' + '0001764000000123' + '000001');
    expect(sequencePrefix(5, 1)).toBe('49' + '0000000000000005' + '000001');
  });

  it('increase with the ordinal and with time within a shard', () => {
    const a = BigInt(sequenceNumber(sequencePrefix(1000, 2), 5));
    const b = BigInt(sequenceNumber(sequencePrefix(1000, 2), 6));
    const c = BigInt(sequenceNumber(sequencePrefix(5000, 2), 7));
    expect(a < b && b < c).toBe(true);
  });

  it('differ between shards for the same ordinal and time', () => {
    expect(sequenceNumber(sequencePrefix(0, 0), 0)).not.toBe(sequenceNumber(sequencePrefix(0, 1), 0));
  });

  it('parse back to shard and ordinal', () => {
    expect(parseSequenceNumber(sequenceNumber(sequencePrefix(99, 12), 345))).toEqual({
      shardIndex: 12,
      ordinal: 345,
    });
    expect(parseSequenceNumber('123')).toBeUndefined();
    expect(parseSequenceNumber('x'.repeat(56))).toBeUndefined();
  });
});

describe('shard iterators', () => {
  it('round-trip their position', () => {
    const position = { streamName: 'clicks', shardIndex: 3, ordinal: 42, issuedAt: 9000 };
    expect(decodeIterator(encodeIterator(position))).toEqual(position);
  });

  it('refuse text they did not issue', () => {
    expect(decodeIterator('AAAAAAAAAAE')).toBeUndefined();
    expect(decodeIterator('bdlab-shard-iterator:x:0:0:clicks')).toBeUndefined();
  });
});
