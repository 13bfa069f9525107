import SparkMD5 from 'spark-md5';

/** The one wrapper of spark-md5 the simulators share: S3 ETags, Kinesis partition keys, KPL aggregated records. */

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return buffer;
  }
  // Copy rather than slice: Node's Buffer.slice shares memory, so its .buffer would be the whole pool.
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

/** MD5 of `bytes` as 32 lowercase hex digits (spark-md5). */
export function md5Hex(bytes: Uint8Array): string {
  return SparkMD5.ArrayBuffer.hash(arrayBufferOf(bytes));
}

/**
 * MD5 as 32 lowercase hex digits of a binary string, whose every character code (0–255) is one byte. Printable
 * ASCII text is its own UTF-8, so hot paths hash such text here without encoding it first.
 */
export function md5HexOfBinaryString(binary: string): string {
  return SparkMD5.hashBinary(binary);
}

/** MD5 of `bytes` as its 16 raw bytes. */
export function md5Digest(bytes: Uint8Array): Uint8Array {
  const hex = md5Hex(bytes);
  const digest = new Uint8Array(16);
  for (let i = 0; i < 16; i++) digest[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return digest;
}
