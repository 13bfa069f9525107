/**
 * PostgreSQL's implicit conversions, decided at translation time: a string literal takes the type of what
 * it is compared with ('2015-05-17' beside a timestamp becomes '2015-05-17 00:00:00'), a date beside a
 * timestamp becomes midnight, and comparing text with a number is refused as PostgreSQL refuses it.
 */
import { fromSql, parseIsoDate, parseIsoTimestamp, type RedshiftType } from '../types/index.ts';
import { SqlError } from './errors.ts';
import {
  isDateTime,
  isNumber,
  isText,
  quoteString,
  TEXT,
  typeLabel,
  type Emitted,
  type SqlType,
} from './sql-types.ts';

/** The expression as a timestamp text, or PostgreSQL's error when it cannot be one. */
export function asTimestamp(e: Emitted, offset?: number): Emitted {
  if (e.type.kind === 'timestamp' || e.type.kind === 'timestamptz') return e;
  if (e.type.kind === 'date') {
    if (typeof e.constant === 'string') return timestampConstant(`${e.constant} 00:00:00`);
    return { sql: `(${e.sql} || ' 00:00:00')`, type: { kind: 'timestamp' } };
  }
  if (e.type.kind === 'unknown' && typeof e.constant === 'string') {
    const value = parseIsoTimestamp(e.constant);
    if (value === null) {
      throw new SqlError('22007', `invalid input syntax for type timestamp: "${e.constant}"`, offset);
    }
    return timestampConstant(value);
  }
  if (e.type.kind === 'unknown' && e.constant === null) return { sql: 'NULL', type: { kind: 'timestamp' } };
  throw new SqlError('42883', `cannot use ${typeLabel(e.type)} as timestamp without time zone`, offset);
}

/** The expression as a date text, or PostgreSQL's error. */
export function asDate(e: Emitted, offset?: number): Emitted {
  if (e.type.kind === 'date') return e;
  if (e.type.kind === 'timestamp' || e.type.kind === 'timestamptz') {
    if (typeof e.constant === 'string') return dateConstant(e.constant.slice(0, 10));
    return { sql: `substr(${e.sql}, 1, 10)`, type: { kind: 'date' } };
  }
  if (e.type.kind === 'unknown' && typeof e.constant === 'string') {
    const value = parseIsoDate(e.constant);
    if (value === null)
      throw new SqlError('22007', `invalid input syntax for type date: "${e.constant}"`, offset);
    return dateConstant(value);
  }
  if (e.type.kind === 'unknown' && e.constant === null) return { sql: 'NULL', type: { kind: 'date' } };
  throw new SqlError('42883', `cannot use ${typeLabel(e.type)} as date`, offset);
}

/** A timestamp constant. */
export function timestampConstant(value: string): Emitted {
  return { sql: quoteString(value), type: { kind: 'timestamp' }, constant: value };
}

/** A date constant. */
export function dateConstant(value: string): Emitted {
  return { sql: quoteString(value), type: { kind: 'date' }, constant: value };
}

/** A string literal read as a value of the given type, as PostgreSQL reads 'unknown' literals. */
export function literalAs(e: Emitted, t: RedshiftType, offset?: number): Emitted {
  if (typeof e.constant !== 'string') return e;
  if (t.kind === 'timestamp' || t.kind === 'timestamptz') return asTimestamp(e, offset);
  if (t.kind === 'date') return asDate(e, offset);
  if (isText(t)) return { ...e, type: t };
  const converted = fromSql(t, e.constant);
  if ('problem' in converted) throw new SqlError('22P02', converted.problem.message, offset);
  const value = converted.value;
  return { sql: value === null ? 'NULL' : String(value), type: t, constant: value };
}

/**
 * Make two operands of a comparison comparable, as PostgreSQL would: resolve literals against the other
 * side, widen a date to a timestamp, and refuse text against numbers.
 */
export function coercePair(left: Emitted, right: Emitted, op: string, offset?: number): [Emitted, Emitted] {
  const l = left.type;
  const r = right.type;
  if (l.kind === 'unknown' && r.kind !== 'unknown')
    return [literalAs(left, r as RedshiftType, offset), right];
  if (r.kind === 'unknown' && l.kind !== 'unknown')
    return [left, literalAs(right, l as RedshiftType, offset)];
  if (l.kind === 'unknown' || r.kind === 'unknown') return [left, right];
  if (isDateTime(l) && isDateTime(r)) {
    if (l.kind === 'date' && r.kind === 'date') return [left, right];
    return [asTimestamp(left, offset), asTimestamp(right, offset)];
  }
  if (compatible(l, r)) return [left, right];
  throw new SqlError('42883', `operator does not exist: ${typeLabel(l)} ${op} ${typeLabel(r)}`, offset);
}

function compatible(l: SqlType, r: SqlType): boolean {
  if (isNumber(l) && isNumber(r)) return true;
  if (isText(l) && isText(r)) return true;
  if (l.kind === 'boolean' && r.kind === 'boolean') return true;
  return false;
}

/** The common type of the branches of CASE/COALESCE (the first that is not unknown, widened for numbers). */
export function commonType(types: readonly SqlType[]): SqlType {
  let result: SqlType = { kind: 'unknown' };
  for (const t of types) {
    if (t.kind === 'unknown') continue;
    if (result.kind === 'unknown') result = t;
    else if (isNumber(result) && isNumber(t) && rank(t) > rank(result)) result = t;
    else if (result.kind === 'date' && (t.kind === 'timestamp' || t.kind === 'timestamptz')) result = t;
  }
  return result.kind === 'unknown' && types.length > 0 ? TEXT : result;
}

const RANKS = ['smallint', 'integer', 'bigint', 'decimal', 'real', 'double precision'];
function rank(t: SqlType): number {
  return RANKS.indexOf(t.kind);
}

/** The emitted SQL of a branch converted to the common type when it is a literal or a date. */
export function toCommon(e: Emitted, t: SqlType, offset?: number): Emitted {
  if (t.kind === 'unknown' || t.kind === 'interval') return e;
  if (e.type.kind === 'unknown') return literalAs(e, t, offset);
  if (e.type.kind === 'date' && (t.kind === 'timestamp' || t.kind === 'timestamptz'))
    return asTimestamp(e, offset);
  return e;
}
