import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a, sliceForKey } from './hash.ts';

describe('the distribution hash', () => {
  it('is FNV-1a over UTF-8 bytes (the published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    // Non-ASCII text hashes its UTF-8 bytes ('é' is C3 A9, '😀' four bytes), not its UTF-16 code units.
    const overBytes = (text: string): number => {
      let h = 0x811c9dc5;
      for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193);
      return h >>> 0;
    };
    for (const text of ['é', 'naïve café', '😀 ok', '日本']) expect(fnv1a(text)).toBe(overBytes(text));
  });

  it('finishes with MurmurHash3 fmix32, which maps 0 to 0 and mixes every other input', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).not.toBe(1);
  });

  it('puts equal key values on the same slice whatever the integer type, and NULLs on slice 0', () => {
    expect(sliceForKey(42, 8)).toBe(sliceForKey(42n, 8));
    expect(sliceForKey(42, 8)).toBe(sliceForKey('42', 8));
    expect(sliceForKey(null, 8)).toBe(0);
  });

  it('spreads distinct keys evenly over the slices', () => {
    const counts = new Array<number>(16).fill(0);
    for (let key = 0; key < 16_000; key++) counts[sliceForKey(key, 16)]!++;
    for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThan(100);
  });
});
