/**
 * Sums over a Zipf distribution without visiting every rank, so a producer can have a billion keys.
 */

/** Ranks summed term by term; longer runs switch to the Euler–Maclaurin formula after this many terms. */
const DIRECT_TERMS = 4096;

/** Σ r^-s for r from `first` to `last` (inclusive, 1 ≤ first), by the terms themselves. */
function directSum(first: number, last: number, s: number): number {
  let sum = 0;
  for (let r = last; r >= first; r--) sum += r ** -s;
  return sum;
}

/**
 * Euler–Maclaurin for Σ_{r=m}^{n} r^-s with m ≥ DIRECT_TERMS: the integral, the end-point average and two
 * derivative corrections. The next term is of order s⁵·m^(-s-5)/30240, far below 1e-15 of the sum here.
 */
function eulerMaclaurin(m: number, n: number, s: number): number {
  const integral = s === 1 ? Math.log(n / m) : (n ** (1 - s) - m ** (1 - s)) / (1 - s);
  const ends = (m ** -s + n ** -s) / 2;
  const first = (s * (m ** (-s - 1) - n ** (-s - 1))) / 12;
  const third = (s * (s + 1) * (s + 2) * (m ** (-s - 3) - n ** (-s - 3))) / 720;
  return integral + ends + first - third;
}

/** Σ_{r=first}^{last} r^-s: the generalized harmonic number between two ranks (0 when last < first). */
export function zipfSum(first: number, last: number, s: number): number {
  if (last < first) return 0;
  if (last - first < DIRECT_TERMS * 4) return directSum(first, last, s);
  const switchAt = Math.max(first, DIRECT_TERMS);
  return directSum(first, switchAt - 1, s) + eulerMaclaurin(switchAt, last, s);
}

/** Σ_{r=first}^{last} r^-2s, the sum of squared weights (for the tail's statistical spread). */
export function zipfSquareSum(first: number, last: number, s: number): number {
  return zipfSum(first, last, 2 * s);
}

/**
 * Σ over ranks first…last of r^-s × (decimal digits of r): with the key `entity-${r}` this gives the
 * weighted mean key length of a range of ranks, decade by decade.
 */
export function zipfDigitWeightedSum(first: number, last: number, s: number): number {
  let total = 0;
  let low = 1;
  for (let digits = 1; low <= last; digits++) {
    const high = low * 10 - 1;
    const from = Math.max(first, low);
    const to = Math.min(last, high);
    if (from <= to) total += digits * zipfSum(from, to, s);
    low *= 10;
  }
  return total;
}
