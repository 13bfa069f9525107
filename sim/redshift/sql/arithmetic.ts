/**
 * Arithmetic as Redshift types it: integer division truncates, a decimal or double makes the result real,
 * and dates move by whole days (GETDATE() - 30) or by an INTERVAL, natively in SQLite (date(), datetime()),
 * with constants folded at translation time so a filter compares against a literal.
 */
import { timestampFromMillis } from '../types/index.ts';
import { intervalModifiers } from './casts.ts';
import { asDate, asTimestamp, dateConstant, timestampConstant } from './coerce.ts';
import { notSupported, SqlError } from './errors.ts';
import { isInteger, isNumber, quoteString, typeLabel, type Emitted, type SqlType } from './sql-types.ts';

function numericResult(l: SqlType, r: SqlType): SqlType {
  if (
    l.kind === 'double precision' ||
    r.kind === 'double precision' ||
    l.kind === 'real' ||
    r.kind === 'real'
  ) {
    return { kind: 'double precision' };
  }
  if (l.kind === 'decimal' || r.kind === 'decimal') {
    const scale = Math.max(l.kind === 'decimal' ? l.scale : 0, r.kind === 'decimal' ? r.scale : 0);
    return { kind: 'decimal', precision: 38, scale };
  }
  if (l.kind === 'bigint' || r.kind === 'bigint') return { kind: 'bigint' };
  return { kind: 'integer' };
}

function asNumber(e: Emitted, offset: number | undefined): Emitted {
  if (e.type.kind === 'unknown' && typeof e.constant === 'string') {
    const n = Number(e.constant.trim());
    if (e.constant.trim() === '' || Number.isNaN(n)) {
      throw new SqlError('22P02', `invalid input syntax for integer: "${e.constant}"`, offset);
    }
    return {
      sql: String(n),
      type: Number.isInteger(n) ? { kind: 'integer' } : { kind: 'double precision' },
      constant: n,
    };
  }
  return e;
}

/** `*`, `/` and `%`: numbers only; a decimal or double operand divides as a real. */
export function emitArithmetic(
  left: Emitted,
  right: Emitted,
  op: '*' | '/' | '%',
  offset: number | undefined,
): Emitted {
  const l = asNumber(left, offset);
  const r = asNumber(right, offset);
  if (!(isNumber(l.type) || l.type.kind === 'unknown') || !(isNumber(r.type) || r.type.kind === 'unknown')) {
    throw new SqlError(
      '42883',
      `operator does not exist: ${typeLabel(l.type)} ${op} ${typeLabel(r.type)}`,
      offset,
    );
  }
  const type = numericResult(l.type, r.type);
  if (op === '/' && !isInteger(type)) {
    // SQLite divides two integers as integers; a decimal or double operand must divide as a real.
    return { sql: `(CAST(${l.sql} AS REAL) / ${r.sql})`, type };
  }
  return { sql: `(${l.sql} ${op} ${r.sql})`, type };
}

/** `+` and `-`: numbers, or date/timestamp ± days or an INTERVAL, or date − date. */
export function emitAdditive(
  left: Emitted,
  right: Emitted,
  op: '+' | '-',
  offset: number | undefined,
): Emitted {
  let l = left;
  let r = right;
  if (op === '+' && isNumber(l.type) && (r.type.kind === 'date' || r.type.kind === 'timestamp'))
    [l, r] = [r, l];
  const lt = l.type.kind;
  const rt = r.type.kind;
  if (lt === 'timestamp' || lt === 'timestamptz' || lt === 'date') {
    if (r.type.kind === 'interval') return shiftByInterval(l, r, op);
    if (isInteger(r.type) || (rt === 'unknown' && typeof r.constant === 'string')) {
      return shiftByDays(l, asNumber(r, offset), op);
    }
    if (op === '-' && lt === 'date' && rt === 'date') {
      return { sql: `CAST(julianday(${l.sql}) - julianday(${r.sql}) AS INTEGER)`, type: { kind: 'integer' } };
    }
    if (op === '-' && (rt === 'timestamp' || rt === 'date')) {
      throw notSupported('subtracting two timestamps (an INTERVAL result; use DATEDIFF instead)', {
        _location: { start: offset },
      });
    }
  }
  if (lt === 'unknown' && (rt === 'timestamp' || rt === 'date') && typeof l.constant === 'string') {
    return emitAdditive(rt === 'date' ? asDate(l, offset) : asTimestamp(l, offset), r, op, offset);
  }
  const ln = asNumber(l, offset);
  const rn = asNumber(r, offset);
  if (!isNumber(ln.type) && ln.type.kind !== 'unknown') {
    throw new SqlError(
      '42883',
      `operator does not exist: ${typeLabel(ln.type)} ${op} ${typeLabel(rn.type)}`,
      offset,
    );
  }
  if (!isNumber(rn.type) && rn.type.kind !== 'unknown') {
    throw new SqlError(
      '42883',
      `operator does not exist: ${typeLabel(ln.type)} ${op} ${typeLabel(rn.type)}`,
      offset,
    );
  }
  return { sql: `(${ln.sql} ${op} ${rn.sql})`, type: numericResult(ln.type, rn.type) };
}

function shiftByDays(date: Emitted, days: Emitted, op: '+' | '-'): Emitted {
  const isDate = date.type.kind === 'date';
  if (typeof date.constant === 'string' && typeof days.constant === 'number') {
    const base = Date.parse(
      `${date.constant.slice(0, 10)}T${isDate ? '00:00:00' : date.constant.slice(11, 19)}Z`,
    );
    const shifted = timestampFromMillis(base + (op === '+' ? 1 : -1) * days.constant * 86_400_000);
    return isDate ? dateConstant(shifted.slice(0, 10)) : timestampConstant(shifted);
  }
  const sign = op === '+' ? '' : '-';
  const modifier =
    typeof days.constant === 'number'
      ? quoteString(`${op === '+' ? days.constant : -days.constant} days`)
      : `(${sign}(${days.sql}) || ' days')`;
  return isDate
    ? { sql: `date(${date.sql}, ${modifier})`, type: { kind: 'date' } }
    : { sql: `datetime(${date.sql}, ${modifier})`, type: date.type };
}

function shiftByInterval(date: Emitted, interval: Emitted, op: '+' | '-'): Emitted {
  const modifiers = intervalModifiers(interval, op === '-');
  const base = asTimestamp(date);
  if (modifiers.months !== 0) {
    const months = `rs_add_months(${base.sql}, ${modifiers.months})`;
    const rest = modifiers.other.map((m) => `, ${quoteString(m)}`).join('');
    return { sql: rest ? `datetime(${months}${rest})` : months, type: { kind: 'timestamp' } };
  }
  return {
    sql: `datetime(${base.sql}${modifiers.other.map((m) => `, ${quoteString(m)}`).join('')})`,
    type: { kind: 'timestamp' },
  };
}
