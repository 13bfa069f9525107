/**
 * CAST(x AS type) and x::type. A constant is converted at translation time with the same rules as the
 * column types (so '2015-05-17'::date is checked once, not per row); a column is converted with native
 * SQLite where one exists (timestamp → date is substr) and with a checking function where the text must
 * be validated (text → integer fails on 'abc' as Redshift does, where SQLite would give 0).
 */
import type { DataTypeDef } from 'pgsql-ast-parser';
import {
  fromSql,
  isTypeNameError,
  parseIsoDate,
  parseIsoTimestamp,
  truncateToBytes,
  typeFromParts,
  type RedshiftType,
} from '../types/index.ts';
import { dateConstant, timestampConstant } from './coerce.ts';
import { notSupported, SqlError } from './errors.ts';
import {
  isDateTime,
  isInteger,
  isNumber,
  isText,
  quoteString,
  typeLabel,
  type Emitted,
} from './sql-types.ts';

/** Read a parser type (name and parenthesised arguments) as a Redshift type, or throw Redshift's error. */
export function typeOf(to: DataTypeDef, offset?: number): RedshiftType {
  if (to.kind === 'array') throw notSupported('array types', { _location: { start: offset } });
  const args = (to.config ?? []).map((c) => String(c));
  const t = typeFromParts(to.name, args);
  if (isTypeNameError(t)) throw new SqlError('42704', t.error, offset);
  return t;
}

/** Translate a cast. */
export function castExpr(e: Emitted, to: DataTypeDef, offset?: number): Emitted {
  if (to.kind !== 'array' && to.name.toLowerCase() === 'interval') {
    if (typeof e.constant !== 'string')
      throw notSupported('INTERVAL values computed from columns', { _location: { start: offset } });
    return { sql: quoteString(e.constant), type: { kind: 'interval' }, constant: e.constant };
  }
  return castTo(e, typeOf(to, offset), offset);
}

/** Convert an expression to a Redshift type as an explicit cast does. */
export function castTo(e: Emitted, t: RedshiftType, offset?: number): Emitted {
  if (e.constant === null) return { sql: 'NULL', type: t, constant: null };
  if (e.constant !== undefined) return castConstant(e.constant, e, t, offset);
  const from = e.type;
  const refuse = (): never => {
    throw new SqlError('42846', `cannot cast type ${typeLabel(from)} to ${typeLabel(t)}`, offset);
  };
  switch (t.kind) {
    case 'varchar':
    case 'char': {
      if (from.kind === 'boolean')
        return { sql: `(CASE ${e.sql} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)`, type: t };
      const text = isText(from) || isDateTime(from) ? e.sql : `CAST(${e.sql} AS TEXT)`;
      return { sql: `substr(${text}, 1, ${t.length})`, type: t };
    }
    case 'smallint':
    case 'integer':
    case 'bigint':
      if (isNumber(from))
        return { sql: isInteger(from) ? e.sql : `CAST(round(${e.sql}) AS INTEGER)`, type: t };
      if (from.kind === 'boolean') return { sql: e.sql, type: t };
      if (isText(from)) return { sql: `rs_to_number(${e.sql}, '${t.kind}')`, type: t };
      return refuse();
    case 'real':
    case 'double precision':
      if (isNumber(from)) return { sql: `CAST(${e.sql} AS REAL)`, type: t };
      if (isText(from)) return { sql: `rs_to_number(${e.sql}, 'double precision')`, type: t };
      return refuse();
    case 'decimal':
      if (isNumber(from)) return { sql: `round(${e.sql}, ${t.scale})`, type: t };
      if (isText(from)) return { sql: `round(rs_to_number(${e.sql}, 'numeric'), ${t.scale})`, type: t };
      return refuse();
    case 'boolean':
      if (isInteger(from)) return { sql: `(${e.sql} <> 0)`, type: t };
      if (from.kind === 'boolean') return e;
      if (isText(from)) return { sql: `rs_to_boolean(${e.sql})`, type: t };
      return refuse();
    case 'date':
      if (from.kind === 'date') return e;
      if (from.kind === 'timestamp' || from.kind === 'timestamptz')
        return { sql: `substr(${e.sql}, 1, 10)`, type: t };
      if (isText(from)) return { sql: `rs_to_date(${e.sql})`, type: t };
      return refuse();
    case 'timestamp':
    case 'timestamptz':
      if (from.kind === 'timestamp' || from.kind === 'timestamptz') return { sql: e.sql, type: t };
      if (from.kind === 'date') return { sql: `(${e.sql} || ' 00:00:00')`, type: t };
      if (isText(from)) return { sql: `rs_to_timestamp(${e.sql})`, type: t };
      return refuse();
  }
}

function castConstant(
  value: string | number | bigint | boolean,
  e: Emitted,
  t: RedshiftType,
  offset?: number,
): Emitted {
  if (isText(t)) {
    let text =
      typeof value === 'boolean'
        ? String(value)
        : e.type.kind === 'boolean'
          ? value
            ? 'true'
            : 'false'
          : String(value);
    if (t.kind === 'varchar' || t.kind === 'char') text = truncateToBytes(text, t.length);
    return { sql: quoteString(text), type: t, constant: text };
  }
  if (t.kind === 'date') {
    const date = typeof value === 'string' ? parseIsoDate(value) : null;
    if (date === null)
      throw new SqlError('22007', `invalid input syntax for type date: "${String(value)}"`, offset);
    return dateConstant(date);
  }
  if (t.kind === 'timestamp' || t.kind === 'timestamptz') {
    const timestamp = typeof value === 'string' ? parseIsoTimestamp(value) : null;
    if (timestamp === null) {
      throw new SqlError('22007', `invalid input syntax for type timestamp: "${String(value)}"`, offset);
    }
    return { ...timestampConstant(timestamp), type: t };
  }
  if (e.type.kind === 'date' || e.type.kind === 'timestamp') {
    throw new SqlError('42846', `cannot cast type ${typeLabel(e.type)} to ${typeLabel(t)}`, offset);
  }
  const converted = fromSql(t, value);
  if ('problem' in converted) {
    const code = converted.problem.kind === 'out of range' ? '22003' : '22P02';
    throw new SqlError(code, converted.problem.message, offset);
  }
  const v = converted.value;
  return { sql: v === null ? 'NULL' : String(v), type: t, constant: v };
}

/** An INTERVAL constant as SQLite modifiers: whole months apart (SQLite's month arithmetic differs). */
export function intervalModifiers(interval: Emitted, negate: boolean): { months: number; other: string[] } {
  const text = String(interval.constant ?? '')
    .trim()
    .toLowerCase();
  const words = text.split(/\s+/);
  let months = 0;
  const other: string[] = [];
  const sign = negate ? -1 : 1;
  for (let k = 0; k < words.length; k += 2) {
    const amount = Number(words[k]);
    const unit = (words[k + 1] ?? '').replace(/s$/, '');
    if (!Number.isFinite(amount))
      throw new SqlError('22007', `invalid input syntax for type interval: "${text}"`);
    const n = amount * sign;
    if (unit === 'year' || unit === 'yr') months += 12 * n;
    else if (unit === 'month' || unit === 'mon') months += n;
    else if (unit === 'week' || unit === 'w') other.push(`${7 * n} days`);
    else if (unit === 'day' || unit === 'd') other.push(`${n} days`);
    else if (unit === 'hour' || unit === 'hr' || unit === 'h') other.push(`${n} hours`);
    else if (unit === 'minute' || unit === 'min' || unit === 'm') other.push(`${n} minutes`);
    else if (unit === 'second' || unit === 'sec' || unit === 's') other.push(`${n} seconds`);
    else throw new SqlError('22007', `invalid input syntax for type interval: "${text}"`);
  }
  return { months, other };
}
