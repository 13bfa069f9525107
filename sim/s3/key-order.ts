/**
 * Compares two object keys the way S3 lists them: by the bytes of their UTF-8 encoding. That is the
 * order of Unicode code points, which differs from JavaScript's UTF-16 order only when a surrogate pair
 * (a character beyond U+FFFF) meets a character from U+E000 to U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate === ySurrogate) return x - y;
    return xSurrogate ? 1 : -1;
  }
  return a.length - b.length;
}

/** Index of the first key in `sorted` that is greater than `key` (binary search). */
export function indexAfter(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareKeys(sorted[mid]!, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first key in `sorted` that is greater than or equal to `key` (binary search). */
export function indexAtOrAfter(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareKeys(sorted[mid]!, key) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
