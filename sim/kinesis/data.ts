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
