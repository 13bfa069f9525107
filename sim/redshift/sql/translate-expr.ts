/**
 * Expressions from pgsql-ast-parser's tree to SQLite text, with the type of each result. Dates and
 * timestamps stay text, so TRUNC, comparisons and date arithmetic become native SQLite (substr, datetime)
 * that runs a million rows in well under a second, instead of a JavaScript function per row.
 */
import type { Expr, ExprBinary, ExprCall, ExprUnary } from 'pgsql-ast-parser';
import { timestampFromMillis } from '../types/index.ts';
import { castExpr, intervalModifiers } from './casts.ts';
import {
  asDate,
  asTimestamp,
  coercePair,
  commonType,
  dateConstant,
  timestampConstant,
  toCommon,
} from './coerce.ts';
import { nodeOffset, notSupported, SqlError } from './errors.ts';
import type { ExprContext } from './expr-context.ts';
import { emitCall } from './functions.ts';
import {
  BOOLEAN,
  isInteger,
  isNumber,
  isText,
  quoteString,
  TEXT,
  typeLabel,
  type Emitted,
  type SqlType,
} from './sql-types.ts';

/** Translate one expression. */
export function emitExpr(e: Expr, cx: ExprContext): Emitted {
  const view = cx.groupView;
  if (view && e.type !== 'call' && !isConstantNode(e)) {
    // A GROUP BY expression is read from the group table, whatever it is made of.
    const key = view.key(emitExpr(e, view.base).sql);
    if (key) return key;
  }
  if (view && e.type === 'call' && !e.over) {
    const plain = tryPlain(e, view.base);
    const key = plain === null ? undefined : view.key(plain);
    if (key) return key;
  }
  const offset = nodeOffset(e);
  switch (e.type) {
    case 'ref': {
      if (e.name === '*') throw new SqlError('42601', 'syntax error at or near "*"', offset);
      const table = e.table?.name.toLowerCase();
      const name = e.name.toLowerCase();
      // SYSDATE is written without parentheses, so the parser sees a column name.
      if (name === 'sysdate' && table === undefined && !cx.scope.find(name, undefined, offset)) {
        return timestampConstant(cx.query.transactionStart);
      }
      return cx.scope.resolve(name, table, offset);
    }
    case 'integer':
      return {
        sql: String(e.value),
        type: Math.abs(e.value) > 2147483647 ? { kind: 'bigint' } : { kind: 'integer' },
        constant: e.value,
      };
    case 'numeric': {
      const text = String(e.value);
      const scale = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
      return { sql: text, type: { kind: 'decimal', precision: 38, scale }, constant: e.value };
    }
    case 'string':
      return { sql: quoteString(e.value), type: { kind: 'unknown' }, constant: e.value };
    case 'boolean':
      return { sql: e.value ? '1' : '0', type: BOOLEAN, constant: e.value };
    case 'null':
      return { sql: 'NULL', type: { kind: 'unknown' }, constant: null };
    case 'binary':
      return emitBinary(e, cx);
    case 'unary':
      return emitUnary(e, cx);
    case 'ternary': {
      const value = emitExpr(e.value, cx);
      const [v1, lo] = coercePair(value, emitExpr(e.lo, cx), '>=', offset);
      const [v2, hi] = coercePair(v1, emitExpr(e.hi, cx), '<=', offset);
      const not = e.op === 'NOT BETWEEN' ? 'NOT ' : '';
      return { sql: `(${v2.sql} ${not}BETWEEN ${lo.sql} AND ${hi.sql})`, type: BOOLEAN };
    }
    case 'call':
      return emitCall(e as ExprCall, cx, emitExpr);
    case 'cast':
      return castExpr(emitExpr(e.operand, cx), e.to, offset);
    case 'case':
      return emitCase(e, cx);
    case 'extract':
      return emitCall(
        {
          type: 'call',
          function: { name: 'date_part' },
          args: [{ type: 'string', value: e.field.name }, e.from],
        },
        cx,
        emitExpr,
        offset,
      );
    case 'keyword':
      return emitKeyword(e.keyword, cx, offset);
    case 'substring': {
      const value = emitExpr(e.value, cx);
      const from = e.from ? emitExpr(e.from, cx).sql : '1';
      const sql = e.for
        ? `substr(${value.sql}, ${from}, ${emitExpr(e.for, cx).sql})`
        : `substr(${value.sql}, ${from})`;
      return { sql, type: isText(value.type) ? value.type : TEXT };
    }
    case 'select':
    case 'union':
    case 'union all':
    case 'with': {
      const sub = cx.query.translateSubquery(e, cx.scope);
      if (sub.columns.length !== 1)
        throw new SqlError('42601', 'subquery must return only one column', offset);
      return { sql: `(${sub.sql})`, type: sub.columns[0]!.type };
    }
    case 'list':
      throw notSupported('a parenthesised list outside IN (…)', e);
    default:
      throw notSupported(`the expression "${e.type}"`, e);
  }
}

function isConstantNode(e: Expr): boolean {
  return (
    e.type === 'integer' ||
    e.type === 'numeric' ||
    e.type === 'string' ||
    e.type === 'boolean' ||
    e.type === 'null'
  );
}

/** The expression read from the rows, or null when it holds an aggregate (which never is a key). */
function tryPlain(e: Expr, base: ExprContext): string | null {
  try {
    return emitExpr(e, base).sql;
  } catch {
    return null;
  }
}

function emitKeyword(keyword: string, cx: ExprContext, offset: number | undefined): Emitted {
  switch (keyword) {
    case 'current_date':
      return dateConstant(cx.query.statementStart.slice(0, 10));
    case 'current_timestamp':
    case 'current_time':
    case 'localtimestamp':
    case 'localtime': {
      cx.query.leaderOnly.push({ name: keyword.toUpperCase(), offset });
      const now = cx.query.transactionStart;
      if (keyword === 'current_time' || keyword === 'localtime') {
        return { sql: quoteString(now.slice(11)), type: TEXT, constant: now.slice(11) };
      }
      return { sql: quoteString(now), type: { kind: 'timestamptz' }, constant: now };
    }
    default:
      throw notSupported(`the keyword ${keyword.toUpperCase()}`, { _location: { start: offset } });
  }
}

function emitCase(e: Extract<Expr, { type: 'case' }>, cx: ExprContext): Emitted {
  const value = e.value ? emitExpr(e.value, cx) : null;
  const branches = e.whens.map((w) => ({ when: emitExpr(w.when, cx), then: emitExpr(w.value, cx), node: w }));
  const otherwise = e.else ? emitExpr(e.else, cx) : null;
  const type = commonType([...branches.map((b) => b.then.type), ...(otherwise ? [otherwise.type] : [])]);
  const parts = branches.map((b) => {
    let when = b.when;
    if (value) when = coercePair(value, when, '=', nodeOffset(b.node))[1];
    return `WHEN ${when.sql} THEN ${toCommon(b.then, type, nodeOffset(b.node)).sql}`;
  });
  const head = value ? `CASE ${value.sql} ` : 'CASE ';
  const tail = otherwise ? ` ELSE ${toCommon(otherwise, type).sql}` : '';
  return { sql: `(${head}${parts.join(' ')}${tail} END)`, type };
}

function emitUnary(e: ExprUnary, cx: ExprContext): Emitted {
  const operand = emitExpr(e.operand, cx);
  switch (e.op) {
    case '-':
      if (typeof operand.constant === 'number') {
        return { sql: String(-operand.constant), type: operand.type, constant: -operand.constant };
      }
      return { sql: `(-${operand.sql})`, type: operand.type };
    case '+':
      return operand;
    case 'NOT':
      return { sql: `(NOT ${operand.sql})`, type: BOOLEAN };
    case 'IS NULL':
    case 'IS NOT NULL':
      return { sql: `(${operand.sql} ${e.op})`, type: BOOLEAN };
    case 'IS TRUE':
      return { sql: `(${operand.sql} IS 1)`, type: BOOLEAN };
    case 'IS FALSE':
      return { sql: `(${operand.sql} IS 0)`, type: BOOLEAN };
    case 'IS NOT TRUE':
      return { sql: `(${operand.sql} IS NOT 1)`, type: BOOLEAN };
    case 'IS NOT FALSE':
      return { sql: `(${operand.sql} IS NOT 0)`, type: BOOLEAN };
    default:
      throw notSupported(`the ${String(e.op)} operator`, e);
  }
}

const COMPARISONS = new Set(['=', '!=', '<', '>', '<=', '>=']);

function emitBinary(e: ExprBinary, cx: ExprContext): Emitted {
  const offset = nodeOffset(e);
  const op = e.op;
  if (op === 'AND' || op === 'OR') {
    return { sql: `(${emitExpr(e.left, cx).sql} ${op} ${emitExpr(e.right, cx).sql})`, type: BOOLEAN };
  }
  if (op === 'IN' || op === 'NOT IN') return emitIn(e, cx);
  const left = emitExpr(e.left, cx);
  const right = emitExpr(e.right, cx);
  if (COMPARISONS.has(op)) {
    const [l, r] = coercePair(left, right, op, offset);
    return { sql: `(${l.sql} ${op === '!=' ? '<>' : op} ${r.sql})`, type: BOOLEAN };
  }
  switch (op) {
    case 'LIKE':
    case 'NOT LIKE':
    case 'ILIKE':
    case 'NOT ILIKE': {
      const not = op.startsWith('NOT') ? 'NOT ' : '';
      // The database turns on case_sensitive_like, so LIKE matches case as Redshift's does; ILIKE folds.
      const fold = op.endsWith('ILIKE');
      const l = fold ? `lower(${left.sql})` : left.sql;
      const r = fold ? `lower(${right.sql})` : right.sql;
      const escape =
        typeof right.constant === 'string' && right.constant.includes('\\') ? ` ESCAPE '\\'` : '';
      return { sql: `(${l} ${not}LIKE ${r}${escape})`, type: BOOLEAN };
    }
    case '~':
    case '!~':
    case '~*':
    case '!~*': {
      const flags = op.includes('*') ? 'i' : '';
      const sql = `rs_regexp_like(${left.sql}, ${right.sql}, '${flags}')`;
      return { sql: op.startsWith('!') ? `(NOT ${sql})` : sql, type: BOOLEAN };
    }
    case '||':
      return { sql: `(${left.sql} || ${right.sql})`, type: TEXT };
    case '+':
    case '-':
      return emitAdditive(left, right, op, offset);
    case '*':
    case '/':
    case '%':
      return emitArithmetic(left, right, op, offset);
    default:
      throw notSupported(`the ${op} operator`, e);
  }
}

function emitIn(e: ExprBinary, cx: ExprContext): Emitted {
  const left = emitExpr(e.left, cx);
  const not = e.op === 'NOT IN' ? 'NOT ' : '';
  if (e.right.type === 'list') {
    const items = e.right.expressions.map((item) =>
      coercePair(left, emitExpr(item, cx), '=', nodeOffset(item)),
    );
    const l = items[0]?.[0] ?? left;
    return { sql: `(${l.sql} ${not}IN (${items.map((i) => i[1].sql).join(', ')}))`, type: BOOLEAN };
  }
  if (
    e.right.type === 'select' ||
    e.right.type === 'union' ||
    e.right.type === 'union all' ||
    e.right.type === 'with'
  ) {
    const sub = cx.query.translateSubquery(e.right, cx.scope);
    return { sql: `(${left.sql} ${not}IN (${sub.sql}))`, type: BOOLEAN };
  }
  throw notSupported('IN with this right-hand side', e.right);
}

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

function emitArithmetic(
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

function emitAdditive(left: Emitted, right: Emitted, op: '+' | '-', offset: number | undefined): Emitted {
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
