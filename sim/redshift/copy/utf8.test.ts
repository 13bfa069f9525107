import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Reason } from './utf8.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') out.push(...new TextEncoder().encode(part));
    else out.push(...part);
  }
  return Uint8Array.from(out);
};

describe('decodeUtf8', () => {
  it('decodes a valid file in one go and reports nothing', () => {
    expect(decodeUtf8(bytes('héllo|1\nwörld|2\n'), null)).toEqual({
      text: 'héllo|1\nwörld|2\n',
      invalid: null,
    });
  });

  it('marks the line of an invalid byte with its hex and Redshift sub-code (RS-DG multi-byte-character-load-errors)', () => {
    const decoded = decodeUtf8(bytes('ok|1\nbad', [0xa4], '|2\n'), null);
    expect(decoded.text).toBe('ok|1\nbad\uFFFD|2\n');
    expect([...decoded.invalid!]).toEqual([[2, { hex: 'a4', error: 3 }]]);
    expect(invalidUtf8Reason(decoded.invalid!.get(2)!)).toBe(
      'String contains invalid or unsupported UTF8 codepoints. Bad UTF8 hex sequence: a4 (error 3)',
    );
  });

  it('tells an incomplete sequence (2), a bad continuation byte (4), a surrogate (5) and an overlong form (9) apart', () => {
    const sub = (...b: number[]): number => decodeUtf8(bytes('x', b, '\n'), null).invalid!.get(1)!.error;
    expect(sub(0xe2, 0x82)).toBe(2);
    expect(sub(0xc3, 0x28)).toBe(4);
    expect(sub(0xed, 0xa0, 0x80)).toBe(5);
    expect(sub(0xc0, 0xaf)).toBe(9);
    expect(sub(0xf8, 0x88, 0x80, 0x80, 0x80)).toBe(1);
  });

  it('replaces each byte of an invalid sequence with the ACCEPTINVCHARS character (a bad 3-byte char → ^^^)', () => {
    const decoded = decodeUtf8(bytes('a', [0xed, 0xa0, 0x80], 'b\n'), '^');
    expect(decoded).toEqual({ text: 'a^^^b\n', invalid: null });
  });
});
