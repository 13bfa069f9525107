/**
 * Record data travels as `Uint8Array` in the API and is kept in state as a binary string (one character per
 * byte, code points 0–255): JSON keeps it exactly and JavaScript engines store it at one byte per byte.
 */

const CHUNK = 8192;

/** Bytes → binary string. */
export function bytesToBinary(data: Uint8Array): string {
  if (data.length <= CHUNK) return String.fromCharCode.apply(null, data as unknown as number[]);
  let text = '';
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    text += String.fromCharCode.apply(null, data.subarray(offset, offset + CHUNK) as unknown as number[]);
  }
  return text;
}

/** Binary string → bytes. */
export function binaryToBytes(text: string): Uint8Array {
  const data = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
  return data;
}

/**
 * UTF-8 size of a string, without encoding it (a surrogate pair is one 4-byte character): a partition key
 * counts toward a record's size in UTF-8 bytes.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

/** True for a UTF-16 low surrogate (NaN past the end of a string is not one). */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
