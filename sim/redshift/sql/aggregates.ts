/**
 * Aggregates and window functions. Result types follow Redshift, which differs from PostgreSQL here: AVG of
 * an integer column is a BIGINT (the fraction is cut), COUNT is a BIGINT, SUM of integers is a BIGINT.
 * An aggregate window function with ORDER BY needs a frame clause in Redshift, which refuses it otherwise.
 */
import type { ExprCall } from 'pgsql-ast-parser';
import { nodeOffset, notSupported, redshiftRefuses, SqlError } from './errors.ts';
import type { ExprContext } from './expr-context.ts';
import type { EmitExpr } from './functions.ts';
import { BIGINT, DOUBLE, isInteger, quoteString, TEXT, type Emitted, type SqlType } from './sql-types.ts';

const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'listagg', 'bool_and', 'bool_or']);
const WINDOW_ONLY = new Set([
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
]);

/** True for the aggregate functions this engine runs. */
export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name);
}

function aggregateType(name: string, arg: Emitted | undefined): SqlType {
  const t = arg?.type ?? BIGINT;
  switch (name) {
    case 'count':
      return BIGINT;
    case 'sum':
      return isInteger(t)
        ? BIGINT
        : t.kind === 'decimal'
          ? { kind: 'decimal', precision: 38, scale: t.scale }
          : DOUBLE;
    case 'avg':
      return isInteger(t) ? BIGINT : t.kind === 'decimal' ? t : DOUBLE;
    case 'listagg':
      return TEXT;
    case 'bool_and':
    case 'bool_or':
      return { kind: 'boolean' };
    default:
      return t;
  }
}

/** The aggregate's SQLite text with its arguments already translated. */
function aggregateSql(
  call: ExprCall,
  name: string,
  cx: ExprContext,
  emit: EmitExpr,
  offset: number | undefined,
  /** ` OVER (…)` for a window aggregate: it follows the call, inside any rounding around it. */
  over = '',
): Emitted {
  const inner: ExprContext = { ...cx, inAggregate: true };
  const distinct = call.distinct === 'distinct' ? 'DISTINCT ' : '';
  if (
    name === 'count' &&
    call.args.length === 1 &&
    call.args[0]!.type === 'ref' &&
    call.args[0]!.name === '*'
  ) {
    return { sql: `count(*)${over}`, type: BIGINT };
  }
  if (call.args.length === 0) {
    if (name === 'count') return { sql: `count(*)${over}`, type: BIGINT };
    throw new SqlError('42883', `function ${name}() does not exist`, offset);
  }
  const args = call.args.map((a) => emit(a, inner));
  const first = args[0]!;
  if (name === 'listagg') {
    const delimiter = args[1]?.sql ?? quoteString('');
    if (distinct) {
      const by = call.withinGroup ? emit(call.withinGroup.by, inner).sql : first.sql;
      if (by !== first.sql) {
        throw new SqlError(
          '42P10',
          'in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list',
          offset,
        );
      }
      const descending = call.withinGroup?.order === 'DESC' ? 1 : 0;
      return { sql: `rs_listagg_distinct(${first.sql}, ${delimiter}, ${descending})${over}`, type: TEXT };
    }
    const order = call.withinGroup
      ? ` ORDER BY ${emit(call.withinGroup.by, inner).sql}${call.withinGroup.order === 'DESC' ? ' DESC' : ''}`
      : '';
    return { sql: `group_concat(${distinct}${first.sql}, ${delimiter}${order})${over}`, type: TEXT };
  }
  if (call.withinGroup) throw new SqlError('42809', `WITHIN GROUP is only allowed with LISTAGG`, offset);
  if (args.length !== 1)
    throw new SqlError('42883', `function ${name} with ${args.length} arguments does not exist`, offset);
  const type = aggregateType(name, first);
  if (name === 'avg' && isInteger(first.type)) {
    // Redshift: "AVG returns BIGINT for any integer argument", truncating the fraction.
    return { sql: `CAST(avg(${distinct}${first.sql})${over} AS INTEGER)`, type };
  }
  if (name === 'sum' && type.kind === 'decimal') {
    // Decimals are doubles here; a sum keeps the column's scale as Redshift's DECIMAL sum does, not float noise.
    return { sql: `round(sum(${distinct}${first.sql})${over}, ${type.scale})`, type };
  }
  if (name === 'bool_and') return { sql: `min(${distinct}${first.sql})${over}`, type };
  if (name === 'bool_or') return { sql: `max(${distinct}${first.sql})${over}`, type };
  return { sql: `${name}(${distinct}${first.sql})${over}`, type };
}

/** Translate an aggregate call outside OVER. */
export function emitAggregate(
  call: ExprCall,
  name: string,
  cx: ExprContext,
  emit: EmitExpr,
  offset: number | undefined,
): Emitted {
  if (cx.inAggregate) throw new SqlError('42803', 'aggregate function calls cannot be nested', offset);
  if (cx.noAggregates) throw new SqlError('42803', `aggregates not allowed in ${cx.noAggregates}`, offset);
  if (call.filter) throw notSupported('FILTER (WHERE …) on an aggregate', call);
  const view = cx.groupView;
  if (view) {
    const star = call.args.length === 0 || (call.args[0]!.type === 'ref' && call.args[0]!.name === '*');
    const argument = star ? null : emit(call.args[0]!, { ...view.base, inAggregate: true });
    return view.aggregate(name, argument, aggregateType(name, argument ?? undefined));
  }
  return aggregateSql(call, name, cx, emit, offset);
}

/** Translate a window function call (an OVER clause). */
export function emitWindow(
  call: ExprCall,
  name: string,
  cx: ExprContext,
  emit: EmitExpr,
  offset: number | undefined,
): Emitted {
  if (cx.noAggregates)
    throw new SqlError('42P20', `window functions not allowed in ${cx.noAggregates}`, offset);
  const over = call.over!;
  const partition = (over.partitionBy ?? []).map((p) => emit(p, cx).sql);
  const order = (over.orderBy ?? []).map(
    (o) => `${emit(o.by, cx).sql}${o.order === 'DESC' ? ' DESC' : ''}${o.nulls ? ` NULLS ${o.nulls}` : ''}`,
  );
  const overOffset = nodeOffset(over);
  const frame = overOffset === undefined ? undefined : cx.query.syntax.frames.get(overOffset);
  const window = [
    partition.length ? `PARTITION BY ${partition.join(', ')}` : '',
    order.length ? `ORDER BY ${order.join(', ')}` : '',
    frame ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  if (AGGREGATES.has(name)) {
    if (order.length > 0 && frame === undefined) {
      throw redshiftRefuses('Aggregate window functions with an ORDER BY clause require a frame clause', {
        _location: { start: offset },
      });
    }
    return aggregateSql(call, name, cx, emit, offset, ` OVER (${window})`);
  }
  if (WINDOW_ONLY.has(name)) {
    const args = call.args.map((a) => emit(a, cx));
    const type: SqlType =
      name === 'row_number' || name === 'rank' || name === 'dense_rank' || name === 'ntile'
        ? BIGINT
        : name === 'percent_rank' || name === 'cume_dist'
          ? DOUBLE
          : (args[0]?.type ?? BIGINT);
    if ((name === 'rank' || name === 'dense_rank') && order.length === 0) {
      throw new SqlError('42601', `window function ${name} requires an ORDER BY clause`, offset);
    }
    return { sql: `${name}(${args.map((a) => a.sql).join(', ')}) OVER (${window})`, type };
  }
  throw new SqlError('42809', `function ${name} is not a window function`, nodeOffset(call) ?? offset);
}
