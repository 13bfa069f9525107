/** Where a file's bytes are not valid UTF-8: Redshift's 1220 error, with its hex and sub-code. */
export interface InvalidUtf8 {
  /** The offending bytes in lower-case hex, space-separated, as err_reason prints them (`c3 28`). */
  readonly hex: string;
  /**
   * Redshift's sub-code (RS-DG `multi-byte-character-load-errors.md`): 1 longer than four bytes,
   * 2 incomplete, 3 bad start byte, 4 bad continuation byte, 5 surrogate, 8 above U+10FFFF, 9 overlong.
   */
  readonly error: number;
}

/** A file decoded to text; `invalid` maps a physical line (1-based) to its first bad sequence. */
export interface DecodedText {
  readonly text: string;
  /** Null when every byte was valid (the common case, decoded in one native call). */
  readonly invalid: ReadonlyMap<number, InvalidUtf8> | null;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const INVALID_MARK = '\uFFFD';

/**
 * Decodes a file's bytes. Valid files take one native decode. Otherwise each line is decoded on its own and a
 * bad line's invalid sequences become `replacement` repeated once per byte (ACCEPTINVCHARS's rule, so a bad
 * three-byte character becomes `^^^`), or U+FFFD marks when the load must report them.
 */
export function decodeUtf8(bytes: Uint8Array, replacement: string | null): DecodedText {
  try {
    return { text: strict.decode(bytes), invalid: null };
  } catch {
    // fall through to the line-by-line decode
  }
  const invalid = new Map<number, InvalidUtf8>();
  const parts: string[] = [];
  let line = 1;
  let from = 0;
  while (from <= bytes.length) {
    let lf = bytes.indexOf(10, from);
    if (lf < 0) lf = bytes.length;
    const slice = bytes.subarray(from, lf);
    try {
      parts.push(strict.decode(slice));
    } catch {
      const decoded = decodeLenient(slice, replacement ?? INVALID_MARK);
      if (decoded.first && replacement === null) invalid.set(line, decoded.first);
      parts.push(decoded.text);
    }
    line++;
    from = lf + 1;
  }
  return { text: parts.join('\n'), invalid: replacement === null ? invalid : null };
}

function decodeLenient(bytes: Uint8Array, replacement: string): { text: string; first: InvalidUtf8 | null } {
  let text = '';
  let first: InvalidUtf8 | null = null;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      text += String.fromCharCode(b);
      i++;
      continue;
    }
    const seq = sequence(bytes, i);
    if (seq.codePoint >= 0) {
      text += String.fromCodePoint(seq.codePoint);
    } else {
      first ??= { hex: hex(bytes.subarray(i, i + seq.length)), error: seq.error };
      // Redshift replaces with one replacement character per byte; a lone U+FFFD marks it otherwise.
      text += replacement === INVALID_MARK ? INVALID_MARK : replacement.repeat(seq.length);
    }
    i += seq.length;
  }
  return { text, first };
}

/** Decodes one multi-byte sequence at `i`: its code point, or -1 with the bytes it spans and why. */
function sequence(bytes: Uint8Array, i: number): { codePoint: number; length: number; error: number } {
  const b = bytes[i]!;
  if (b < 0xc0 || b >= 0xfe) return { codePoint: -1, length: 1, error: 3 };
  const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf8 ? 4 : b < 0xfc ? 5 : 6;
  if (length > 4) return { codePoint: -1, length: Math.min(length, bytes.length - i), error: 1 };
  let codePoint = b & (0x7f >> length);
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k];
    if (c === undefined) return { codePoint: -1, length: k, error: 2 };
    if ((c & 0xc0) !== 0x80) return { codePoint: -1, length: k + 1, error: 4 };
    codePoint = (codePoint << 6) | (c & 0x3f);
  }
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return { codePoint: -1, length, error: 5 };
  if (codePoint > 0x10ffff) return { codePoint: -1, length, error: 8 };
  const shortest = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  if (shortest !== length) return { codePoint: -1, length, error: 9 };
  return { codePoint, length, error: 0 };
}

function hex(bytes: Uint8Array): string {
  const out: string[] = [];
  for (const b of bytes) out.push(b.toString(16).padStart(2, '0'));
  return out.join(' ');
}

/** Redshift's err_reason for a 1220 error. */
export function invalidUtf8Reason(bad: InvalidUtf8): string {
  return `String contains invalid or unsupported UTF8 codepoints. Bad UTF8 hex sequence: ${bad.hex} (error ${bad.error})`;
}

/** True when a field decoded from an invalid line holds the mark of a bad sequence. */
export function hasInvalidMark(field: string): boolean {
  return field.includes(INVALID_MARK);
}
