import jsMd5, { type md5 as Md5Function } from 'js-md5';

// js-md5 is CommonJS; its typings name the function as a named export, which Node's ESM interop does not provide.
const md5 = (jsMd5 as unknown as { md5: typeof Md5Function }).md5;

/**
 * The one MD5 wrapper the simulators share (js-md5): S3 ETags, Kinesis partition keys, KPL aggregated
 * records and run digests. Only js-md5's pure-JavaScript methods (`hex`, `array`) are used, so Node and the
 * browser compute the same way.
 */

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** MD5 of `bytes` as 32 lowercase hex digits. */
export function md5Hex(bytes: Uint8Array): string {
  return md5.hex(bytes);
}

/** MD5 of a string's UTF-8 bytes as 32 lowercase hex digits. */
export function md5HexOfText(text: string): string {
  return md5.hex(text);
}

/**
 * MD5 of a string's UTF-8 bytes as 32 lowercase hex digits, through the digest bytes: js-md5 builds its
 * own hex text character by character, which costs more than the hash for a short key; a byte-to-hex table
 * is about twice as fast, and partition keys are hashed once per record.
 */
export function md5HexOfShortText(text: string): string {
  const digest = md5.array(text);
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX_OF_BYTE[digest[i]!]!;
  return hex;
}

/** MD5 of `bytes` as its 16 raw bytes. */
export function md5Digest(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(md5.array(bytes));
}
