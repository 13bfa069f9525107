import jsMd5, { type md5 as Md5Function } from 'js-md5';

// js-md5 is CommonJS; its typings name the function as a named export, which Node's ESM interop does not provide.
const md5 = (jsMd5 as unknown as { md5: typeof Md5Function }).md5;

/**
 * The one MD5 wrapper the simulators share (js-md5): S3 ETags, Kinesis partition keys, KPL aggregated
 * records and run digests. Only js-md5's pure-JavaScript methods (`hex`, `array`) are used, so Node and the
 * browser compute the same way.
 */

/** MD5 of `bytes` as 32 lowercase hex digits. */
export function md5Hex(bytes: Uint8Array): string {
  return md5.hex(bytes);
}

/** MD5 of a string's UTF-8 bytes as 32 lowercase hex digits. */
export function md5HexOfText(text: string): string {
  return md5.hex(text);
}

/** MD5 of a string's UTF-8 bytes as its 16 raw bytes (a plain array: the cheapest thing js-md5 returns). */
export function md5DigestOfText(text: string): number[] {
  return md5.array(text);
}

/** An incremental MD5: feed it text (as UTF-8) with `update`, then read `hex()`. */
export function createMd5(): { update(text: string): unknown; hex(): string } {
  return md5.create();
}

/** MD5 of `bytes` as its 16 raw bytes. */
export function md5Digest(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(md5.array(bytes));
}
