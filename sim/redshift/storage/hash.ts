/**
 * The hash that places KEY-distributed rows on slices.
 *
 * AWS does not publish Redshift's hash function. The model uses its own, and keeps the two properties that
 * matter to a learner: equal key values always land on the same slice (in every table, so a join on the
 * distribution key is collocated), and distinct values spread evenly. The hash is 32-bit FNV-1a over the
 * UTF-8 bytes of the value's text form (integers without a fraction print as integers, so 42 in an INTEGER
 * and 42 in a BIGINT column meet), finished with MurmurHash3's fmix32 so the low bits are well mixed, then
 * taken modulo the number of slices. NULL keys all go to slice 0, as Redshift sends every NULL to one slice.
 */
import type { StoredValue } from './layout.ts';

/** FNV-1a 32-bit over the UTF-8 encoding of `text`, without building a byte array. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  const mix = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) mix(code);
    else if (code < 0x800) {
      mix(0xc0 | (code >> 6));
      mix(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      mix(0xe0 | (code >> 12));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    } else {
      mix(0xf0 | (code >> 18));
      mix(0x80 | ((code >> 12) & 0x3f));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    }
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The text a distribution key value is hashed as. */
export function keyText(value: Exclude<StoredValue, null>): string {
  return typeof value === 'string' ? value : String(value);
}

/** The slice a KEY-distributed row with this distribution key value lives on. */
export function sliceForKey(value: StoredValue, slices: number): number {
  if (value === null) return 0;
  return fmix32(fnv1a(keyText(value))) % slices;
}
