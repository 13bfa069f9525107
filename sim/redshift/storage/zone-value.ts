/**
 * Zone-map values: what a block's min/max says and how a predicate's constant compares with it.
 *
 * Redshift keeps each block's minimum and maximum as a 64-bit integer; for non-numeric data it keeps the
 * first eight bytes of the value (RS-DG23 `r_STV_BLOCKLIST.md`: "For non-numeric data, the first eight
 * characters as a 64-bit integer"). So a zone map can skip blocks for `url = 'http://www.a.com/x'` only when
 * the first eight bytes differ: every web address starts `http://w`, and such a predicate skips nothing.
 * The model keeps that: character values compare by their 8-byte prefix, with the conservative test that
 * prefixes allow. Dates and timestamps compare as instants; STV_BLOCKLIST shows them as days and as
 * microseconds since 2000-01-01 (PostgreSQL's internal epoch, which Redshift inherits).
 */
import type { ColumnTypeLike, StoredValue } from './layout.ts';

/** A comparable zone-map key: a number for numeric and time types, an unsigned 8-byte prefix for text. */
export type ZoneKey = number | bigint;

const EPOCH_2000 = Date.UTC(2000, 0, 1);
const MILLIS_PER_DAY = 86_400_000;
const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?/;

/** Whether the column's zone map holds exact values (true) or 8-byte prefixes (false). */
export function isExactZone(type: ColumnTypeLike): boolean {
  return type.kind !== 'varchar' && type.kind !== 'char';
}

/** Milliseconds since 1970 for a date or timestamp text, or null when it does not read as one. */
export function instantOf(text: string): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const fraction = m[7] === undefined ? 0 : Number(m[7].padEnd(6, '0')) / 1000;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) + fraction;
  return Number.isNaN(ms) ? null : ms;
}

/** The first eight UTF-8 bytes of a text as an unsigned big-endian integer (shorter texts pad with zeros). */
export function prefix8(text: string): bigint {
  const encoded = new TextEncoder().encode(text.length > 8 ? text.slice(0, 8) : text);
  let key = 0n;
  for (let i = 0; i < 8; i++) key = (key << 8n) | BigInt(encoded[i] ?? 0);
  return key;
}

/** The zone-map key of a stored value (or of a predicate's constant) for a column of this type. */
export function zoneKey(type: ColumnTypeLike, value: StoredValue | boolean): ZoneKey | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  switch (type.kind) {
    case 'varchar':
    case 'char':
      return prefix8(String(value));
    case 'date':
    case 'timestamp':
    case 'timestamptz':
      return typeof value === 'number' ? value : instantOf(String(value));
    default: {
      if (typeof value === 'bigint') return value;
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(n) ? null : n;
    }
  }
}

/** The signed 64-bit integer STV_BLOCKLIST shows for a stored value of this type. */
export function blocklistValue(type: ColumnTypeLike, value: StoredValue): bigint | null {
  const key = zoneKey(type, value);
  if (key === null) return null;
  switch (type.kind) {
    case 'varchar':
    case 'char':
      return BigInt.asIntN(64, key as bigint);
    case 'date':
      return BigInt(Math.floor(((key as number) - EPOCH_2000) / MILLIS_PER_DAY));
    case 'timestamp':
    case 'timestamptz':
      return BigInt(Math.round(((key as number) - EPOCH_2000) * 1000));
    case 'decimal':
      return BigInt(Math.round(Number(key) * 10 ** (type.scale ?? 0)));
    default:
      return typeof key === 'bigint' ? key : BigInt(Math.trunc(key));
  }
}

/** Three-way comparison of two keys of the same column. */
export function compareKeys(a: ZoneKey, b: ZoneKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
