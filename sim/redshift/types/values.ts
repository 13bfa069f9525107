/**
 * Values as Redshift enforces them, not as SQLite's loose affinity would keep them. How each type is
 * stored in SQLite:
 * - SMALLINT/INTEGER/BIGINT: number (a BIGINT beyond 2^53 is a JS bigint, which sql.js binds exactly).
 * - REAL/DOUBLE PRECISION: number. DECIMAL(p,s): number rounded to s places — a double, so sums of very
 *   large decimals lose digits Redshift keeps (an approximation of the model, named in the README).
 * - BOOLEAN: 0 or 1. DATE: 'YYYY-MM-DD'. TIMESTAMP: 'YYYY-MM-DD HH:MM:SS[.ffffff]'. TIMESTAMPTZ: the same
 *   text in UTC. CHAR/VARCHAR: the text (CHAR without its trailing pad spaces).
 */
import { parseIsoDate, parseIsoTimestamp } from './datetime.ts';
import { timestampReader } from './formats.ts';
import { formatType, type RedshiftType } from './type-name.ts';

/** A value as stored in SQLite (see the module comment for each type's form). */
export type StoredValue = number | string | null | bigint;

/** Why a value does not fit its column, with the message Redshift prints. */
export interface ValueProblem {
  readonly kind:
    | 'too long'
    | 'out of range'
    | 'invalid digit'
    | 'bad date'
    | 'bad timestamp'
    | 'bad boolean'
    | 'invalid utf8'
    | 'not null';
  readonly message: string;
  /** The STL_LOAD_ERRORS err_code COPY reports for this problem (1200 series). */
  readonly loadErrorCode: number;
}

/** Options of COPY that change how a text field is read. */
export interface TextOptions {
  readonly dateFormat?: string;
  readonly timeFormat?: string;
  /** TRUNCATECOLUMNS: cut text to the column's length in bytes instead of failing. */
  readonly truncate?: boolean;
  /** ACCEPTINVCHARS: the replacement for invalid UTF-8 (decoded as U+FFFD); null or absent refuses them. */
  readonly acceptInvChars?: string | null;
}

/** A converted value or the reason it cannot be stored. */
export type Conversion = { readonly value: StoredValue } | { readonly problem: ValueProblem };

const INTEGER_RANGE: Record<string, [number, number, string]> = {
  smallint: [-32768, 32767, 'Short'],
  integer: [-2147483648, 2147483647, 'Integer'],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'Long'],
};
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;
const TRUE_WORDS = new Set(['t', 'true', 'y', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['f', 'false', 'n', 'no', '0', 'off']);

/** Bytes of a string in UTF-8, counted without encoding it. */
export function utf8Length(s: string): number {
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) total += 1;
    else if (c < 0x800) total += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      total += 4;
      k++;
    } else total += 3;
  }
  return total;
}

/** The longest prefix of s that fits in the given number of UTF-8 bytes, never splitting a character. */
export function truncateToBytes(s: string, max: number): string {
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (total + size > max) return s.slice(0, k);
    total += size;
    if (size === 4) k++;
  }
  return s;
}

const problem = (kind: ValueProblem['kind'], message: string, loadErrorCode: number): Conversion => ({
  problem: { kind, message, loadErrorCode },
});

/**
 * Convert COPY's text field to a stored value, or say why not with the reason STL_LOAD_ERRORS shows.
 * An empty field in a column that is not CHAR/VARCHAR loads as NULL, as Redshift documents for
 * EMPTYASNULL ("empty fields for other data types, such as INT, are always loaded with NULL").
 */
export function fromText(t: RedshiftType, field: string, options: TextOptions = {}): Conversion {
  switch (t.kind) {
    case 'varchar':
    case 'char':
      return textFromText(t, field, options);
    case 'smallint':
    case 'integer':
    case 'bigint':
      return field === '' ? { value: null } : integerFromText(t.kind, field);
    case 'real':
    case 'double precision':
    case 'decimal':
      return field === '' ? { value: null } : numberFromText(t, field);
    case 'boolean': {
      if (field === '') return { value: null };
      const word = field.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: 1 };
      if (FALSE_WORDS.has(word)) return { value: 0 };
      return problem('bad boolean', `Invalid boolean value '${field}'`, 1210);
    }
    case 'date': {
      if (field === '') return { value: null };
      const format = options.dateFormat;
      const value =
        format === undefined ? parseIsoDate(field) : (timestampReader(format)(field)?.slice(0, 10) ?? null);
      if (value !== null) return { value };
      return field.trim().length < 10 && format === undefined
        ? problem('bad date', 'Invalid Date Format - length must be 10 or more', 1205)
        : problem('bad date', `Date value did not match format specified [${format ?? 'YYYY-MM-DD'}]`, 1205);
    }
    case 'timestamp':
    case 'timestamptz': {
      if (field === '') return { value: null };
      const value = timestampReader(options.timeFormat)(field);
      return value !== null
        ? { value }
        : problem(
            'bad timestamp',
            `Invalid timestamp format or value [${options.timeFormat ?? 'YYYY-MM-DD HH24:MI:SS'}]`,
            1206,
          );
    }
  }
}

function textFromText(
  t: Extract<RedshiftType, { kind: 'varchar' | 'char' }>,
  field: string,
  options: TextOptions,
): Conversion {
  let value = field;
  if (value.includes('\uFFFD')) {
    const replacement = options.acceptInvChars;
    if (replacement === undefined || replacement === null) {
      return problem('invalid utf8', 'String contains invalid or unsupported UTF8 codepoints', 1220);
    }
    value = value.split('\uFFFD').join(replacement);
  }
  if (t.kind === 'char') value = value.replace(/ +$/, '');
  // Fast path: a string no longer in UTF-16 units than the byte limit cannot exceed it in bytes unless
  // it holds non-ASCII characters, which the exact count below handles.
  if (value.length * 3 <= t.length || utf8Length(value) <= t.length) return { value };
  if (options.truncate) return { value: truncateToBytes(value, t.length) };
  return problem('too long', 'String length exceeds DDL length', 1204);
}

function integerFromText(kind: 'smallint' | 'integer' | 'bigint', field: string): Conversion {
  const [min, max, label] = INTEGER_RANGE[kind]!;
  let k = 0;
  const n = field.length;
  let negative = false;
  const first = field.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    k = 1;
  }
  if (k === n)
    return problem('invalid digit', `Invalid digit, Value '${field[0]}', Pos 0, Type: ${label}`, 1207);
  let value = 0;
  for (let at = k; at < n; at++) {
    const d = field.charCodeAt(at) - 48;
    if (d < 0 || d > 9) {
      return problem('invalid digit', `Invalid digit, Value '${field[at]}', Pos ${at}, Type: ${label}`, 1207);
    }
    value = value * 10 + d;
  }
  if (negative) value = -value;
  if (value >= min && value <= max) return { value };
  if (kind === 'bigint') {
    const big = BigInt(field);
    if (big >= BIGINT_MIN && big <= BIGINT_MAX) return { value: big };
  }
  return problem('out of range', `Overflow, Value '${field}', Pos 0, Type: ${label}`, 1216);
}

function numberFromText(t: RedshiftType, field: string): Conversion {
  const trimmed = field.trim();
  const value = trimmed === '' || !isNumberText(trimmed) ? Number.NaN : Number(trimmed);
  const label = t.kind === 'decimal' ? 'Numeric' : t.kind === 'real' ? 'Float' : 'Double';
  if (Number.isNaN(value)) {
    const at = firstBadCharacter(trimmed);
    return problem(
      'invalid digit',
      `Invalid digit, Value '${trimmed[at] ?? ''}', Pos ${at}, Type: ${label}`,
      1207,
    );
  }
  return checkNumber(t, value, () =>
    problem('out of range', `Numeric data overflow (result precision)`, 1216),
  );
}

function isNumberText(s: string): boolean {
  return firstBadCharacter(s) === s.length;
}

function firstBadCharacter(s: string): number {
  let k = 0;
  if (s[0] === '-' || s[0] === '+') k++;
  let digits = 0;
  let dot = false;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else if ((c === 101 || c === 69) && digits > 0) {
      const rest = s.slice(k + 1);
      return /^[+-]?\d+$/.test(rest) ? s.length : k;
    } else return k;
  }
  return digits > 0 ? s.length : Math.max(0, k - 1);
}

function checkNumber(t: RedshiftType, value: number, overflow: () => Conversion): Conversion {
  if (!Number.isFinite(value)) return overflow();
  if (t.kind === 'decimal') {
    const factor = 10 ** t.scale;
    const rounded = Math.round(value * factor) / factor;
    if (Math.abs(rounded) >= 10 ** (t.precision - t.scale)) return overflow();
    return { value: rounded };
  }
  if (t.kind === 'real') return { value: Math.fround(value) };
  return { value };
}

/**
 * Convert a SQL value (an INSERT's literal or a query's result, as SQLite holds it) to the column's stored
 * value, with PostgreSQL's assignment rules and Redshift's messages (`value too long for type character
 * varying(5)`, `integer out of range`, `invalid input syntax for integer: "abc"`).
 */
export function fromSql(t: RedshiftType, v: StoredValue | boolean): Conversion {
  if (v === null) return { value: null };
  switch (t.kind) {
    case 'varchar':
    case 'char': {
      let value = typeof v === 'boolean' ? String(v) : String(v);
      if (t.kind === 'char') value = value.replace(/ +$/, '');
      if (utf8Length(value) <= t.length) return { value };
      // PostgreSQL's rule: excess characters that are all spaces are cut silently.
      const cut = truncateToBytes(value, t.length);
      if (value.slice(cut.length).trim() === '') return { value: cut };
      return problem('too long', `value too long for type ${formatType(t)}`, 1204);
    }
    case 'smallint':
    case 'integer':
    case 'bigint':
      return integerFromSql(t.kind, v);
    case 'real':
    case 'double precision':
    case 'decimal': {
      const name = t.kind === 'decimal' ? 'numeric' : t.kind;
      const value =
        typeof v === 'string' ? (isNumberText(v.trim()) ? Number(v.trim()) : Number.NaN) : Number(v);
      if (Number.isNaN(value))
        return problem('invalid digit', `invalid input syntax for type ${name}: "${String(v)}"`, 1207);
      return checkNumber(t, value, () => problem('out of range', 'numeric field overflow', 1216));
    }
    case 'boolean': {
      if (typeof v === 'boolean') return { value: v ? 1 : 0 };
      if (typeof v === 'number' || typeof v === 'bigint') return { value: Number(v) === 0 ? 0 : 1 };
      const word = v.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: 1 };
      if (FALSE_WORDS.has(word)) return { value: 0 };
      return problem('bad boolean', `invalid input syntax for type boolean: "${v}"`, 1210);
    }
    case 'date': {
      const value = typeof v === 'string' ? parseIsoDate(v) : null;
      return value !== null
        ? { value }
        : problem('bad date', `invalid input syntax for type date: "${String(v)}"`, 1205);
    }
    case 'timestamp':
    case 'timestamptz': {
      const value = typeof v === 'string' ? parseIsoTimestamp(v) : null;
      return value !== null
        ? { value }
        : problem('bad timestamp', `invalid input syntax for type timestamp: "${String(v)}"`, 1206);
    }
  }
}

function integerFromSql(kind: 'smallint' | 'integer' | 'bigint', v: StoredValue | boolean): Conversion {
  const [min, max] = INTEGER_RANGE[kind]!;
  const outOfRange = problem('out of range', `${kind} out of range`, 1216);
  if (typeof v === 'boolean')
    return problem('invalid digit', `invalid input syntax for ${kind}: "${v}"`, 1207);
  if (typeof v === 'bigint') {
    if (kind === 'bigint' && v >= BIGINT_MIN && v <= BIGINT_MAX) return { value: v };
    return outOfRange;
  }
  let value: number;
  if (v === null) return { value: null };
  if (typeof v === 'string') {
    const s = v.trim();
    if (!/^[+-]?\d+$/.test(s))
      return problem('invalid digit', `invalid input syntax for ${kind}: "${v}"`, 1207);
    value = Number(s);
    if (kind === 'bigint' && !Number.isSafeInteger(value)) {
      const big = BigInt(s);
      return big >= BIGINT_MIN && big <= BIGINT_MAX ? { value: big } : outOfRange;
    }
  } else {
    // PostgreSQL rounds a fractional value assigned to an integer column (2.5 → 3, half away from zero).
    value = Math.sign(v) * Math.round(Math.abs(v));
  }
  if (value < min || value > max) return outOfRange;
  return { value };
}
