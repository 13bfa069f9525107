import { describe, expect, it } from 'vitest';
import { binaryToBytes, bytesToBinary, utf8Length } from './data.ts';

describe('record data as binary strings', () => {
  it('round-trips every byte value', () => {
    const data = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(binaryToBytes(bytesToBinary(data))).toEqual(data);
  });

  it('round-trips data larger than one conversion chunk, through JSON', () => {
    const data = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 31) & 255);
    const text = JSON.parse(JSON.stringify(bytesToBinary(data))) as string;
    expect(text.length).toBe(20_000);
    expect(binaryToBytes(text)).toEqual(data);
  });
});

describe('utf8Length', () => {
  it('agrees with TextEncoder, lone surrogates included (each becomes U+FFFD, 3 bytes)', () => {
    const encoder = new TextEncoder();
    for (const text of ['', 'abc', 'ü', '日本', '🔑', 'a\uD83D', '\uD83Db', '\uDC00', 'x\uD83D\uD83D🔑']) {
      expect(utf8Length(text)).toBe(encoder.encode(text).length);
    }
  });
});
