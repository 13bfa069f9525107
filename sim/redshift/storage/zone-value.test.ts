import { describe, expect, it } from 'vitest';
import { blocklistValue, instantOf, prefix8, zoneKey } from './zone-value.ts';

describe('zone-map values (RS-DG23 r_STV_BLOCKLIST.md)', () => {
  it('keeps only the first eight bytes of text, so web addresses all look alike', () => {
    expect(prefix8('http://www.example.com/a')).toBe(prefix8('http://www.example.com/b'));
    expect(prefix8('abc')).toBeLessThan(prefix8('abd'));
    expect(prefix8('ab')).toBeLessThan(prefix8('abc'));
  });

  it('shows text in STV_BLOCKLIST as the eight bytes read as a signed 64-bit integer', () => {
    const text = { kind: 'varchar', length: 20 };
    expect(blocklistValue(text, 'ABCDEFGHIJ')).toBe(0x4142434445464748n);
    expect(blocklistValue(text, '\u00ff')).toBeLessThan(0n); // first byte 0xC3 sets the sign bit
  });

  it('shows dates as days and timestamps as microseconds since 2000-01-01', () => {
    expect(blocklistValue({ kind: 'date' }, '2000-01-02')).toBe(1n);
    expect(blocklistValue({ kind: 'date' }, '1999-12-31')).toBe(-1n);
    expect(blocklistValue({ kind: 'timestamp' }, '2000-01-01 00:00:01.5')).toBe(1_500_000n);
    expect(blocklistValue({ kind: 'decimal', precision: 10, scale: 2 }, 12.34)).toBe(1234n);
    expect(blocklistValue({ kind: 'integer' }, null)).toBeNull();
  });

  it('compares dates and timestamps as instants, whatever the text form', () => {
    expect(zoneKey({ kind: 'timestamp' }, '2015-05-17')).toBe(
      zoneKey({ kind: 'timestamp' }, '2015-05-17 00:00:00'),
    );
    expect(instantOf('2015-05-17T10:00:00')).toBe(Date.UTC(2015, 4, 17, 10));
    expect(instantOf('May 17')).toBeNull();
    expect(zoneKey({ kind: 'integer' }, 'x')).toBeNull();
  });
});
