/**
 * The few functions SQLite has no native form for, written in JavaScript and registered on the database
 * under `rs_*` names. They run per row, so the translator uses them only where native SQLite cannot give
 * Redshift's answer (month arithmetic that clamps Jan 31 + 1 month to Feb 28, text that must be checked
 * before it becomes a number, regular expressions). A thrown message becomes the statement's error.
 */
import { md5Hex } from '../../core/index.ts';
import {
  formatTimestamp,
  fromSql,
  isTypeNameError,
  parseIsoDate,
  parseIsoTimestamp,
  parseTypeName,
  type RedshiftType,
} from '../types/index.ts';

type SqlValue = number | string | null | bigint | Uint8Array;
type RuntimeFunction = (...args: SqlValue[]) => SqlValue;

const text = (v: SqlValue): string => (v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v));

function addMonths(ts: SqlValue, n: SqlValue): SqlValue {
  if (ts === null || n === null) return null;
  const value = parseIsoTimestamp(text(ts));
  if (value === null) throw new Error(`invalid input syntax for type timestamp: "${text(ts)}"`);
  const total = Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1 + Number(n);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(value.slice(8, 10)), lastDay);
  return formatTimestamp(
    year,
    month,
    day,
    Number(value.slice(11, 13)),
    Number(value.slice(14, 16)),
    Number(value.slice(17, 19)),
    value.slice(20),
  );
}

function regexp(pattern: SqlValue, flags: string): RegExp {
  try {
    return new RegExp(text(pattern), flags);
  } catch {
    throw new Error(`invalid regular expression: ${text(pattern)}`);
  }
}

function toNumber(value: SqlValue, kind: SqlValue): SqlValue {
  if (value === null) return null;
  const type = { kind: text(kind) === 'numeric' ? 'double precision' : text(kind) } as RedshiftType;
  const converted = fromSql(type, text(value));
  if ('problem' in converted) throw new Error(converted.problem.message);
  return converted.value;
}

function pad(left: boolean): RuntimeFunction {
  return (value, length, fill) => {
    if (value === null || length === null || fill === null) return null;
    const s = text(value);
    const n = Number(length);
    if (s.length >= n) return s.slice(0, n);
    const f = text(fill);
    if (f === '') return s;
    const padding = f.repeat(Math.ceil((n - s.length) / f.length)).slice(0, n - s.length);
    return left ? padding + s : s + padding;
  };
}

/** The functions by their SQLite names. */
export const RUNTIME_FUNCTIONS: Readonly<Record<string, RuntimeFunction>> = {
  rs_add_months: addMonths,
  rs_regexp_like: (s, pattern, flags) =>
    s === null || pattern === null ? null : regexp(pattern, text(flags ?? '')).test(text(s)) ? 1 : 0,
  rs_regexp_substr: (s, pattern) =>
    s === null || pattern === null ? null : (regexp(pattern, '').exec(text(s))?.[0] ?? ''),
  rs_regexp_count: (s, pattern) =>
    s === null || pattern === null ? null : (text(s).match(regexp(pattern, 'g')) ?? []).length,
  rs_regexp_replace: (s, pattern, replacement) =>
    s === null || pattern === null || replacement === null
      ? null
      : text(s).replace(regexp(pattern, 'g'), text(replacement)),
  rs_to_number: toNumber,
  rs_assign: (value, typeName, notNull, column) => {
    if (value === null) {
      if (Number(notNull) !== 0) throw new Error(`Cannot insert a NULL value into column ${text(column)}`);
      return null;
    }
    const type = parseTypeName(text(typeName));
    if (isTypeNameError(type)) throw new Error(type.error);
    const converted = fromSql(type, value instanceof Uint8Array ? text(value) : value);
    if ('problem' in converted) throw new Error(converted.problem.message);
    return converted.value;
  },
  rs_to_boolean: (value) => {
    if (value === null) return null;
    const converted = fromSql({ kind: 'boolean' }, text(value));
    if ('problem' in converted) throw new Error(converted.problem.message);
    return converted.value;
  },
  rs_to_date: (value) => {
    if (value === null) return null;
    const date = parseIsoDate(text(value));
    if (date === null) throw new Error(`invalid input syntax for type date: "${text(value)}"`);
    return date;
  },
  rs_to_timestamp: (value) => {
    if (value === null) return null;
    const timestamp = parseIsoTimestamp(text(value));
    if (timestamp === null) throw new Error(`invalid input syntax for type timestamp: "${text(value)}"`);
    return timestamp;
  },
  rs_split_part: (s, delimiter, index) => {
    if (s === null || delimiter === null || index === null) return null;
    const n = Number(index);
    if (n < 1) throw new Error('field position must be greater than zero');
    return text(s).split(text(delimiter))[n - 1] ?? '';
  },
  rs_lpad: pad(true),
  rs_rpad: pad(false),
  rs_md5: (s) => (s === null ? null : md5Hex(new TextEncoder().encode(text(s)))),
  rs_initcap: (s) =>
    s === null
      ? null
      : text(s)
          .toLowerCase()
          .replace(/(^|[^a-z0-9])([a-z])/g, (_m, before: string, c: string) => before + c.toUpperCase()),
  rs_reverse: (s) => (s === null ? null : [...text(s)].reverse().join('')),
};

/** A JavaScript aggregate registered on the database. */
export interface RuntimeAggregate<State> {
  init: () => State;
  step: (state: State, ...args: SqlValue[]) => State;
  finalize: (state: State) => SqlValue;
}

interface DistinctList {
  values: Set<string | number>;
  delimiter: string;
  descending: boolean;
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * LISTAGG(DISTINCT x, delimiter) WITHIN GROUP (ORDER BY x): SQLite's group_concat takes no delimiter with
 * DISTINCT, so the distinct list is kept here and sorted as PostgreSQL's C collation sorts (bytewise).
 */
export const LISTAGG_DISTINCT: RuntimeAggregate<DistinctList | null> = {
  init: () => null,
  step: (state, value, delimiter, descending) => {
    const list = state ?? {
      values: new Set(),
      delimiter: text(delimiter ?? ''),
      descending: Number(descending) === 1,
    };
    if (value !== null && !(value instanceof Uint8Array))
      list.values.add(typeof value === 'bigint' ? Number(value) : value);
    return list;
  },
  finalize: (state) => {
    if (!state || state.values.size === 0) return null;
    const sorted = [...state.values].sort(compareValues);
    if (state.descending) sorted.reverse();
    return sorted.map(String).join(state.delimiter);
  },
};
