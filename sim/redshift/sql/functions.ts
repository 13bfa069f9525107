/**
 * Redshift's functions as SQLite. Each entry reads its arguments from the tree (DATEADD's first argument is
 * a date part word, not a column) and returns SQLite text with the result's type. Date functions are
 * native SQLite over the stored text; the few that need checking or regular expressions call the
 * database's registered functions (rs_*).
 */
import type { Expr, ExprCall } from 'pgsql-ast-parser';
import { asDate, asTimestamp, commonType, dateConstant, timestampConstant, toCommon } from './coerce.ts';
import { datePart, diffSql, extractSql, truncSql } from './dateparts.ts';
import { nodeOffset, notSupported, SqlError } from './errors.ts';
import type { ExprContext } from './expr-context.ts';
import { RUNTIME_FUNCTIONS } from './runtime-functions.ts';
import { emitAggregate, emitWindow, isAggregateName } from './aggregates.ts';
import { BIGINT, DOUBLE, INTEGER, isNumber, isText, quoteString, TEXT, type Emitted } from './sql-types.ts';

/** Translates one expression (passed in to avoid a module cycle). */
export type EmitExpr = (e: Expr, cx: ExprContext) => Emitted;

type Handler = (call: ExprCall, cx: ExprContext, emit: EmitExpr, offset: number | undefined) => Emitted;

const LEADER_ONLY = new Set([
  'now',
  'age',
  'isfinite',
  'timeofday',
  'current_schema',
  'current_schemas',
  'has_table_privilege',
  'has_schema_privilege',
  'has_database_privilege',
  'get_bit',
  'get_byte',
  'set_bit',
  'set_byte',
  'to_ascii',
  'factorial',
]);

function args(call: ExprCall, cx: ExprContext, emit: EmitExpr): Emitted[] {
  return call.args.map((a) => emit(a, cx));
}

function arity(call: ExprCall, min: number, max: number, offset: number | undefined): void {
  const n = call.args.length;
  if (n < min || n > max) {
    const name = call.function.name.toLowerCase();
    throw new SqlError(
      '42883',
      `function ${name} with ${n} argument${n === 1 ? '' : 's'} does not exist`,
      offset,
    );
  }
}

/** The first argument of DATEADD/DATEDIFF/DATE_TRUNC/DATE_PART: a word or a string naming a date part. */
function partArgument(e: Expr | undefined, offset: number | undefined): ReturnType<typeof datePart> {
  if (e?.type === 'ref' && !e.table) return datePart(e.name, nodeOffset(e) ?? offset);
  if (e?.type === 'string') return datePart(e.value, nodeOffset(e) ?? offset);
  throw new SqlError('42601', "the date part must be a word such as day or a string such as 'day'", offset);
}

/**
 * A function that maps to one SQLite function with the same arguments. `optional` gives the SQL of
 * trailing optional arguments (the last ones), because sql.js registers a JavaScript function with a
 * fixed number of arguments.
 */
const simple =
  (name: string, type: Emitted['type'] | 'same', optional: readonly string[] = []) =>
  (call: ExprCall, cx: ExprContext, emit: EmitExpr, offset: number | undefined): Emitted => {
    const a = args(call, cx, emit);
    if (optional.length > 0) {
      // The full arity is unknown here; the registered function decides. Fill only what is missing.
      const full = registeredArity(name);
      if (full !== undefined) {
        if (a.length > full || a.length < full - optional.length)
          arity(call, full - optional.length, full, offset);
        const missing = full - a.length;
        const fill = optional.slice(optional.length - missing);
        return {
          sql: `${name}(${[...a.map((x) => x.sql), ...fill].join(', ')})`,
          type: type === 'same' ? (a[0]?.type ?? DOUBLE) : type,
        };
      }
    }
    return {
      sql: `${name}(${a.map((x) => x.sql).join(', ')})`,
      type: type === 'same' ? (a[0]?.type ?? DOUBLE) : type,
    };
  };

function registeredArity(name: string): number | undefined {
  return RUNTIME_FUNCTIONS[name]?.length;
}

const HANDLERS: Record<string, Handler> = {
  getdate: (call, cx, _emit, offset) => {
    arity(call, 0, 0, offset);
    return timestampConstant(cx.query.statementStart);
  },
  trunc: (call, cx, emit, offset) => {
    arity(call, 1, 2, offset);
    const [value, places] = args(call, cx, emit);
    if (
      value!.type.kind === 'timestamp' ||
      value!.type.kind === 'timestamptz' ||
      value!.type.kind === 'date'
    ) {
      return asDate(value!, offset);
    }
    if (value!.type.kind === 'unknown' && typeof value!.constant === 'string')
      return asDate(asTimestamp(value!, offset));
    if (!places)
      return {
        sql: `CAST(${value!.sql} AS INTEGER)`,
        type: value!.type.kind === 'decimal' ? { kind: 'decimal', precision: 38, scale: 0 } : value!.type,
      };
    return {
      sql: `(CAST(${value!.sql} * power(10, ${places.sql}) AS INTEGER) / power(10, ${places.sql}))`,
      type: value!.type,
    };
  },
  date_trunc: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const part = partArgument(call.args[0], offset);
    const ts = asTimestamp(emit(call.args[1]!, cx), offset);
    return { sql: truncSql(part, ts.sql), type: { kind: 'timestamp' } };
  },
  date_part: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const part = partArgument(call.args[0], offset);
    const ts = asTimestamp(emit(call.args[1]!, cx), offset);
    return { sql: extractSql(part, ts.sql), type: part === 'epoch' ? BIGINT : INTEGER };
  },
  dateadd: (call, cx, emit, offset) => {
    arity(call, 3, 3, offset);
    const part = partArgument(call.args[0], offset);
    const n = emit(call.args[1]!, cx);
    const ts = asTimestamp(emit(call.args[2]!, cx), offset);
    const months = { year: 12, quarter: 3, month: 1 }[part as 'year'];
    if (months)
      return { sql: `rs_add_months(${ts.sql}, (${n.sql}) * ${months})`, type: { kind: 'timestamp' } };
    const unit = { week: 'days', day: 'days', hour: 'hours', minute: 'minutes', second: 'seconds' }[
      part as 'day'
    ];
    if (!unit) throw new SqlError('0A000', `date part "${part}" is not supported by DATEADD`, offset);
    const amount = part === 'week' ? `(${n.sql}) * 7` : n.sql;
    const modifier =
      typeof n.constant === 'number'
        ? quoteString(`${part === 'week' ? n.constant * 7 : n.constant} ${unit}`)
        : `((${amount}) || ' ${unit}')`;
    return { sql: `datetime(${ts.sql}, ${modifier})`, type: { kind: 'timestamp' } };
  },
  datediff: (call, cx, emit, offset) => {
    arity(call, 3, 3, offset);
    const part = partArgument(call.args[0], offset);
    const a = asTimestamp(emit(call.args[1]!, cx), offset);
    const b = asTimestamp(emit(call.args[2]!, cx), offset);
    return { sql: diffSql(part, a.sql, b.sql), type: BIGINT };
  },
  nvl: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    return coalesce(args(call, cx, emit), offset);
  },
  coalesce: (call, cx, emit, offset) => {
    arity(call, 1, 100, offset);
    return coalesce(args(call, cx, emit), offset);
  },
  nvl2: (call, cx, emit, offset) => {
    arity(call, 3, 3, offset);
    const [test, yes, no] = args(call, cx, emit);
    const type = commonType([yes!.type, no!.type]);
    return {
      sql: `(CASE WHEN ${test!.sql} IS NOT NULL THEN ${toCommon(yes!, type).sql} ELSE ${toCommon(no!, type).sql} END)`,
      type,
    };
  },
  nullif: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const [a, b] = args(call, cx, emit);
    return { sql: `nullif(${a!.sql}, ${toCommon(b!, a!.type).sql})`, type: a!.type };
  },
  decode: (call, cx, emit, offset) => {
    if (call.args.length < 3) arity(call, 3, 3, offset);
    const [value, ...rest] = args(call, cx, emit);
    const pairs: [Emitted, Emitted][] = [];
    for (let k = 0; k + 1 < rest.length; k += 2) pairs.push([rest[k]!, rest[k + 1]!]);
    const otherwise = rest.length % 2 === 1 ? rest[rest.length - 1]! : null;
    const type = commonType([...pairs.map((p) => p[1].type), ...(otherwise ? [otherwise.type] : [])]);
    const whens = pairs.map(
      ([search, result]) =>
        `WHEN ${value!.sql} IS ${toCommon(search, value!.type).sql} THEN ${toCommon(result, type).sql}`,
    );
    return {
      sql: `(CASE ${whens.join(' ')}${otherwise ? ` ELSE ${toCommon(otherwise, type).sql}` : ''} END)`,
      type,
    };
  },
  upper: simple('upper', 'same'),
  lower: simple('lower', 'same'),
  length: (call, cx, emit, offset) => {
    arity(call, 1, 1, offset);
    return { sql: `length(${args(call, cx, emit)[0]!.sql})`, type: INTEGER };
  },
  octet_length: (call, cx, emit, offset) => {
    arity(call, 1, 1, offset);
    return { sql: `length(CAST(${args(call, cx, emit)[0]!.sql} AS BLOB))`, type: INTEGER };
  },
  substring: (call, cx, emit, offset) => {
    arity(call, 2, 3, offset);
    const a = args(call, cx, emit);
    return { sql: `substr(${a.map((x) => x.sql).join(', ')})`, type: isText(a[0]!.type) ? a[0]!.type : TEXT };
  },
  left: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const [s, n] = args(call, cx, emit);
    return { sql: `substr(${s!.sql}, 1, ${n!.sql})`, type: TEXT };
  },
  right: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const [s, n] = args(call, cx, emit);
    return { sql: `(CASE WHEN ${n!.sql} <= 0 THEN '' ELSE substr(${s!.sql}, -(${n!.sql})) END)`, type: TEXT };
  },
  btrim: (call, cx, emit, offset) => {
    arity(call, 1, 2, offset);
    return {
      sql: `trim(${args(call, cx, emit)
        .map((x) => x.sql)
        .join(', ')})`,
      type: TEXT,
    };
  },
  ltrim: simple('ltrim', TEXT),
  rtrim: simple('rtrim', TEXT),
  replace: simple('replace', TEXT),
  concat: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const [a, b] = args(call, cx, emit);
    return { sql: `(${a!.sql} || ${b!.sql})`, type: TEXT };
  },
  strpos: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const [s, sub] = args(call, cx, emit);
    return { sql: `instr(${s!.sql}, ${sub!.sql})`, type: INTEGER };
  },
  charindex: (call, cx, emit, offset) => {
    arity(call, 2, 2, offset);
    const [sub, s] = args(call, cx, emit);
    return { sql: `instr(${s!.sql}, ${sub!.sql})`, type: INTEGER };
  },
  split_part: simple('rs_split_part', TEXT),
  lpad: simple('rs_lpad', TEXT, ["' '"]),
  rpad: simple('rs_rpad', TEXT, ["' '"]),
  md5: simple('rs_md5', TEXT),
  initcap: simple('rs_initcap', TEXT),
  reverse: simple('rs_reverse', TEXT),
  regexp_substr: simple('rs_regexp_substr', TEXT),
  regexp_count: simple('rs_regexp_count', INTEGER),
  regexp_replace: simple('rs_regexp_replace', TEXT, ["''"]),
  abs: simple('abs', 'same'),
  ceil: (call, cx, emit, offset) => {
    arity(call, 1, 1, offset);
    return { sql: `ceil(${args(call, cx, emit)[0]!.sql})`, type: DOUBLE };
  },
  floor: (call, cx, emit, offset) => {
    arity(call, 1, 1, offset);
    return { sql: `floor(${args(call, cx, emit)[0]!.sql})`, type: DOUBLE };
  },
  round: (call, cx, emit, offset) => {
    arity(call, 1, 2, offset);
    const [value, places] = args(call, cx, emit);
    const scale = typeof places?.constant === 'number' ? places.constant : 0;
    const type =
      value!.type.kind === 'decimal' ? { kind: 'decimal' as const, precision: 38, scale } : value!.type;
    return {
      sql: `round(${value!.sql}${places ? `, ${places.sql}` : ''})`,
      type: isNumber(type) ? type : DOUBLE,
    };
  },
  sqrt: simple('sqrt', DOUBLE),
  power: simple('power', DOUBLE),
  exp: simple('exp', DOUBLE),
  ln: simple('ln', DOUBLE),
  // Redshift's LOG is the base-10 logarithm.
  log: simple('log10', DOUBLE),
  mod: simple('mod', 'same'),
  sign: simple('sign', 'same'),
  pi: simple('pi', DOUBLE),
};
HANDLERS.len = HANDLERS.length!;
HANDLERS.trim = HANDLERS.btrim!;
HANDLERS.char_length = HANDLERS.length!;
HANDLERS.character_length = HANDLERS.length!;
HANDLERS.substr = HANDLERS.substring!;
HANDLERS.ceiling = HANDLERS.ceil!;
HANDLERS.pow = HANDLERS.power!;
HANDLERS.textlen = HANDLERS.length!;

function coalesce(values: Emitted[], offset: number | undefined): Emitted {
  const type = commonType(values.map((v) => v.type));
  const items = values.map((v) => toCommon(v, type, offset).sql);
  return { sql: items.length === 1 ? items[0]! : `coalesce(${items.join(', ')})`, type };
}

/** Translate a function call (scalar, aggregate or window). */
export function emitCall(call: ExprCall, cx: ExprContext, emit: EmitExpr, offsetOverride?: number): Emitted {
  const offset = offsetOverride ?? nodeOffset(call);
  const name = call.function.name.toLowerCase();
  if (call.function.schema && call.function.schema.toLowerCase() !== 'pg_catalog') {
    throw new SqlError('42883', `function ${call.function.schema}.${name} does not exist`, offset);
  }
  if (call.over) return emitWindow(call, name, cx, emit, offset);
  if (isAggregateName(name)) return emitAggregate(call, name, cx, emit, offset);
  if (call.distinct || call.orderBy || call.withinGroup || call.filter) {
    throw new SqlError('42809', `${name} is not an aggregate function`, offset);
  }
  if (LEADER_ONLY.has(name)) {
    cx.query.leaderOnly.push({ name: `${name}()`, offset });
    if (name === 'now')
      return {
        sql: quoteString(cx.query.transactionStart),
        type: { kind: 'timestamptz' },
        constant: cx.query.transactionStart,
      };
    throw notSupported(`the leader-node function ${name.toUpperCase()}()`, call);
  }
  if (name === 'current_date') return dateConstant(cx.query.statementStart.slice(0, 10));
  const session = Object.hasOwn(cx.query.sessionFunctions, name)
    ? cx.query.sessionFunctions[name]
    : undefined;
  if (session) {
    arity(call, 0, 0, offset);
    const value = session();
    if (typeof value === 'string') return { sql: quoteString(value), type: TEXT, constant: value };
    return { sql: value === null ? 'NULL' : String(value), type: BIGINT, constant: value };
  }
  const handler = HANDLERS[name];
  if (handler) return handler(call, cx, emit, offset);
  if (name === 'median' || name === 'percentile_cont' || name === 'stddev' || name === 'variance') {
    throw notSupported(`the ${name.toUpperCase()} function`, call);
  }
  throw new SqlError(
    '42883',
    `function ${name}(${call.args.map(() => '?').join(', ')}) does not exist`,
    offset,
  );
}
