/**
 * SELECT from pgsql-ast-parser's tree to SQLite: FROM and joins with aliases, `*` expanded to the declared
 * columns only (never the hidden __slice), positional GROUP BY/ORDER BY, HAVING, DISTINCT, LIMIT/TOP,
 * UNION, WITH and subqueries. PostgreSQL's grouping rule is enforced, because SQLite would quietly return
 * an arbitrary row's value for a column that is neither grouped nor aggregated where Redshift refuses.
 */
import type { RedshiftSyntax } from './front-end.ts';
import type { StoredValue } from '../types/index.ts';
import type { Expr, From, SelectFromStatement, SelectStatement } from 'pgsql-ast-parser';
import { nodeOffset, notSupported, redshiftRefuses, SqlError } from './errors.ts';
import type { ExprContext } from './expr-context.ts';
import { checkGrouping, containsAggregate } from './grouping.ts';
import { canFold, GroupView } from './hash-aggregate.ts';
import { Scope, type QueryContext, type ScopeRelation, type TranslatedQuery } from './scope.ts';
import { quoteIdentifier, type Catalog, type Emitted, type RelationColumn } from './sql-types.ts';
import { emitExpr } from './translate-expr.ts';

/** A new context for one statement. */
export function newQueryContext(
  catalog: Catalog,
  statementStart: string,
  transactionStart: string,
  syntax: RedshiftSyntax,
  sessionFunctions: Readonly<Record<string, () => StoredValue>> = {},
): QueryContext {
  const context: QueryContext = {
    catalog,
    sessionFunctions,
    syntax,
    statementStart,
    transactionStart,
    leaderOnly: [],
    touched: new Set(),
    systemTables: new Set(),
    ctes: new Map(),
    translateSubquery: (select, scope) => translateQuery(select, context, scope),
  };
  return context;
}

/** Translate a query (TOP n of each SELECT comes from `query.syntax`, which the front end filled). */
export function translateQuery(
  select: SelectStatement,
  query: QueryContext,
  parent: Scope | null,
  outermost = false,
): TranslatedQuery {
  switch (select.type) {
    case 'select':
      return translateSelect(select, query, parent, outermost);
    case 'union':
    case 'union all': {
      // The parser hangs a trailing ORDER BY/LIMIT on the last SELECT; PostgreSQL applies it to the union.
      const last = select.right;
      const tail = last.type === 'select' && (last.orderBy || last.limit) ? last : null;
      const right = tail ? { ...tail, orderBy: null, limit: null } : last;
      const left = translateQuery(select.left, query, parent);
      const translatedRight = translateQuery(right, query, parent);
      if (left.columns.length !== translatedRight.columns.length) {
        throw new SqlError(
          '42601',
          'each UNION query must have the same number of columns',
          nodeOffset(select),
        );
      }
      const order = (tail?.orderBy ?? []).map((o) => {
        const position =
          o.by.type === 'integer'
            ? o.by.value
            : o.by.type === 'ref' && !o.by.table
              ? left.columns.findIndex((c) => c.name === (o.by as { name: string }).name.toLowerCase()) + 1
              : 0;
        if (position < 1 || position > left.columns.length) {
          throw notSupported('ORDER BY an expression that is not a result column after UNION', o.by);
        }
        return `${position}${o.order === 'DESC' ? ' DESC NULLS FIRST' : ' NULLS LAST'}`;
      });
      const limit = tail?.limit?.limit
        ? ` LIMIT ${tail.limit.limit.type === 'integer' ? tail.limit.limit.value : -1}`
        : '';
      const sql = `${left.sql} ${select.type.toUpperCase()} ${translatedRight.sql}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}${limit}`;
      return { sql, columns: left.columns };
    }
    case 'with': {
      const parts: string[] = [];
      for (const binding of select.bind) {
        const statement = binding.statement;
        if (
          statement.type !== 'select' &&
          statement.type !== 'union' &&
          statement.type !== 'union all' &&
          statement.type !== 'with'
        ) {
          throw notSupported(`${statement.type.toUpperCase()} inside WITH`, statement);
        }
        const sub = translateQuery(statement, query, parent);
        const name = binding.alias.name.toLowerCase();
        query.ctes.set(name, sub.columns);
        parts.push(`${quoteIdentifier(name)} AS (${sub.sql})`);
      }
      const body = select.in;
      if (
        body.type !== 'select' &&
        body.type !== 'union' &&
        body.type !== 'union all' &&
        body.type !== 'with'
      ) {
        throw notSupported(`${body.type.toUpperCase()} after WITH`, body);
      }
      const main = translateQuery(body, query, parent);
      return { sql: `WITH ${parts.join(', ')} ${main.sql}`, columns: main.columns };
    }
    case 'values':
      throw notSupported('VALUES as a query', select);
    default:
      throw notSupported(`the query form "${select.type}"`, select);
  }
}

interface FromResult {
  readonly sql: string;
  readonly relations: ScopeRelation[];
}

function translateFrom(items: readonly From[], query: QueryContext, parent: Scope | null): FromResult {
  const relations: ScopeRelation[] = [];
  const parts: string[] = [];
  for (const item of items) {
    let relation: ScopeRelation;
    let source: string;
    if (item.type === 'table') {
      const name = item.name.name.toLowerCase();
      const schema = item.name.schema?.toLowerCase();
      if (schema && schema !== 'public' && schema !== 'pg_catalog') {
        throw new SqlError('3F000', `schema "${schema}" does not exist`, nodeOffset(item));
      }
      const alias = (item.name.alias ?? name).toLowerCase();
      const cte = query.ctes.get(name);
      if (cte) {
        relation = { alias, columns: cte };
      } else {
        const found = query.catalog.relation(name);
        if (!found) throw new SqlError('42P01', `relation "${name}" does not exist`, nodeOffset(item));
        query.touched.add(found.kind);
        if (found.kind !== 'user') query.systemTables.add(name);
        relation = { alias, columns: found.columns };
      }
      source = `${quoteIdentifier(name)} AS ${quoteIdentifier(alias)}`;
    } else if (item.type === 'statement') {
      const sub = translateQuery(item.statement, query, parent);
      const alias = item.alias.toLowerCase();
      relation = { alias, columns: sub.columns };
      source = `(${sub.sql}) AS ${quoteIdentifier(alias)}`;
    } else {
      throw notSupported('a function call in FROM', item);
    }
    if (relations.some((r) => r.alias === relation.alias)) {
      throw new SqlError(
        '42712',
        `table name "${relation.alias}" specified more than once`,
        nodeOffset(item),
      );
    }
    relations.push(relation);
    const join = item.join;
    if (!join) {
      parts.push(parts.length === 0 ? source : `, ${source}`);
      continue;
    }
    let condition = '';
    if (join.on) {
      const scope = new Scope(relations, parent);
      const cx: ExprContext = { scope, query, noAggregates: 'JOIN conditions', inAggregate: false };
      condition = ` ON ${emitExpr(join.on, cx).sql}`;
    } else if (join.using) {
      condition = ` USING (${join.using.map((u) => quoteIdentifier(u.name.toLowerCase())).join(', ')})`;
    }
    parts.push(` ${join.type} ${source}${condition}`);
  }
  return { sql: parts.join(''), relations };
}

/** The name PostgreSQL gives an unnamed result column. */
function columnName(e: Expr): string {
  switch (e.type) {
    case 'ref':
      return e.name.toLowerCase();
    case 'call':
      return e.function.name.toLowerCase();
    case 'cast':
      return e.operand.type === 'ref'
        ? e.operand.name.toLowerCase()
        : columnName(e.operand) === '?column?'
          ? e.to.kind === 'array'
            ? '?column?'
            : e.to.name.toLowerCase()
          : columnName(e.operand);
    case 'case':
      return 'case';
    case 'extract':
      return 'date_part';
    case 'keyword':
      return e.keyword;
    case 'substring':
      return 'substring';
    default:
      return '?column?';
  }
}

interface SelectItem {
  readonly emitted: Emitted;
  readonly name: string;
  readonly node: Expr;
}

function translateSelect(
  select: SelectFromStatement,
  query: QueryContext,
  parent: Scope | null,
  outermost: boolean,
): TranslatedQuery {
  const offset = nodeOffset(select);
  const top = offset === undefined ? null : (query.syntax.tops.get(offset) ?? null);
  const from = select.from ? translateFrom(select.from, query, parent) : { sql: '', relations: [] };
  const scope = new Scope(from.relations, parent);
  const cx: ExprContext = { scope, query, noAggregates: null, inAggregate: false };

  const items: SelectItem[] = [];
  for (const column of select.columns ?? []) {
    const e = column.expr;
    if (e.type === 'ref' && e.name === '*') {
      const table = e.table?.name.toLowerCase();
      const relations = table ? from.relations.filter((r) => r.alias === table) : from.relations;
      if (table && relations.length === 0) {
        throw new SqlError('42P01', `missing FROM-clause entry for table "${table}"`, nodeOffset(e));
      }
      if (relations.length === 0)
        throw new SqlError('42601', 'SELECT * with no tables specified is not valid', nodeOffset(e));
      for (const relation of relations) {
        for (const c of relation.columns) {
          const node: Expr = { type: 'ref', table: { name: relation.alias }, name: c.name };
          items.push({ emitted: scope.resolve(c.name, relation.alias, undefined), name: c.name, node });
        }
      }
      continue;
    }
    items.push({
      emitted: emitExpr(e, cx),
      name: column.alias?.name.toLowerCase() ?? columnName(e),
      node: e,
    });
  }
  if (items.length === 0)
    throw new SqlError('42601', 'syntax error: SELECT needs at least one column', nodeOffset(select));

  const where = select.where ? emitExpr(select.where, { ...cx, noAggregates: 'WHERE' }) : null;

  const groupBy = (select.groupBy ?? []).map((g) => groupExpression(g, items, scope, cx));
  const having = select.having ? emitExpr(select.having, cx) : null;
  const grouped =
    groupBy.length > 0 ||
    items.some((i) => containsAggregate(i.node)) ||
    (select.having !== undefined && select.having !== null);
  if (grouped) {
    const keys = new Set(groupBy.map((g) => g.sql));
    for (const item of items) checkGrouping(item.node, keys, cx);
    if (select.having) checkGrouping(select.having, keys, cx);
  }

  const orderBy = orderTerms(select, items, cx);

  let limit = '';
  const limitExpr = select.limit?.limit;
  if (top !== null && limitExpr)
    throw redshiftRefuses('TOP and LIMIT cannot be used in the same query', select.limit);
  if (top !== null) limit = ` LIMIT ${top}`;
  else if (limitExpr) limit = ` LIMIT ${emitExpr(limitExpr, cx).sql}`;
  if (select.limit?.offset)
    limit += `${limit ? '' : ' LIMIT -1'} OFFSET ${emitExpr(select.limit.offset, cx).sql}`;

  let distinct = '';
  if (select.distinct === 'distinct') distinct = 'DISTINCT ';
  else if (Array.isArray(select.distinct))
    throw redshiftRefuses('DISTINCT ON is not supported by Amazon Redshift', select);

  const columns = items.map((i): RelationColumn => ({ name: i.name, type: i.emitted.type }));
  if (outermost && canFold(select)) {
    const folded = foldGroups(select, items, groupBy, cx, from.sql, where?.sql ?? null);
    if (folded) {
      const sql = [
        `SELECT ${distinct}${folded.items.map((i) => `${i.emitted.sql} AS ${quoteIdentifier(i.name)}`).join(', ')}`,
        ` FROM ${folded.view.source}`,
        folded.having ? ` WHERE ${folded.having}` : '',
        folded.orderBy.length ? ` ORDER BY ${folded.orderBy.join(', ')}` : '',
        limit,
      ].join('');
      return {
        sql,
        columns,
        setup: folded.view.setup(from.sql, where?.sql ?? null),
        teardown: folded.view.teardown(),
      };
    }
  }

  const selectList = items.map((i) => `${i.emitted.sql} AS ${quoteIdentifier(i.name)}`);
  const sql = [
    `SELECT ${distinct}${selectList.join(', ')}`,
    from.sql ? ` FROM ${from.sql}` : '',
    where ? ` WHERE ${where.sql}` : '',
    groupBy.length ? ` GROUP BY ${groupBy.map((g) => g.sql).join(', ')}` : '',
    having ? ` HAVING ${having.sql}` : '',
    orderBy.length ? ` ORDER BY ${orderBy.join(', ')}` : '',
    limit,
  ].join('');
  return { sql, columns };
}

function orderTerms(select: SelectFromStatement, items: readonly SelectItem[], cx: ExprContext): string[] {
  return (select.orderBy ?? []).map((o) => {
    const by = orderExpression(o.by, items, cx);
    return `${by}${o.order === 'DESC' ? ' DESC' : ''}${o.nulls ? ` NULLS ${o.nulls}` : orderNulls(o.order)}`;
  });
}

/**
 * The output of a grouped query read from a hash aggregate's group table, or null when some part of it
 * cannot be (then SQLite's own GROUP BY runs the query).
 */
function foldGroups(
  select: SelectFromStatement,
  items: readonly SelectItem[],
  groupBy: readonly Emitted[],
  cx: ExprContext,
  from: string,
  where: string | null,
): { view: GroupView; items: SelectItem[]; having: string | null; orderBy: string[] } | null {
  const view = new GroupView(groupBy, cx);
  // Outside keys and aggregates nothing of the rows is visible, so a stray column fails here, not in SQLite.
  const outer: ExprContext = { ...cx, scope: new Scope([], null), groupView: view };
  const leaderOnly = cx.query.leaderOnly.length;
  try {
    const folded = items.map((i) => ({ ...i, emitted: emitExpr(i.node, outer) }));
    const having = select.having ? emitExpr(select.having, outer).sql : null;
    const orderBy = orderTerms(select, folded, outer);
    view.setup(from, where);
    return { view, items: folded, having, orderBy };
  } catch {
    return null;
  } finally {
    cx.query.leaderOnly.length = leaderOnly;
  }
}

/**
 * PostgreSQL (and Redshift) sort NULLs last ascending and first descending; SQLite does the opposite, so
 * the order is stated explicitly.
 */
function orderNulls(order: string | null | undefined): string {
  return order === 'DESC' ? ' NULLS FIRST' : ' NULLS LAST';
}

function positional(e: Expr, items: readonly SelectItem[], clause: string): SelectItem | null {
  if (e.type !== 'integer') return null;
  const item = items[e.value - 1];
  if (!item)
    throw new SqlError('42P10', `${clause} position ${e.value} is not in select list`, nodeOffset(e));
  return item;
}

function groupExpression(g: Expr, items: readonly SelectItem[], scope: Scope, cx: ExprContext): Emitted {
  const item = positional(g, items, 'GROUP BY');
  if (item) {
    if (containsAggregate(item.node))
      throw new SqlError('42803', 'aggregates not allowed in GROUP BY clause', nodeOffset(g));
    return item.emitted;
  }
  // A bare name is an input column first and an output column's alias second, as in PostgreSQL.
  if (
    g.type === 'ref' &&
    !g.table &&
    g.name !== '*' &&
    !scope.find(g.name.toLowerCase(), undefined, nodeOffset(g))
  ) {
    const alias = items.find((i) => i.name === g.name.toLowerCase());
    if (alias) return alias.emitted;
  }
  return emitExpr(g, { ...cx, noAggregates: 'GROUP BY clause' });
}

function orderExpression(by: Expr, items: readonly SelectItem[], cx: ExprContext): string {
  const item = positional(by, items, 'ORDER BY');
  if (item) return item.emitted.sql;
  if (by.type === 'ref' && !by.table && by.name !== '*') {
    const index = items.findIndex((i) => i.name === by.name.toLowerCase());
    if (index >= 0) return items[index]!.emitted.sql;
  }
  return emitExpr(by, cx).sql;
}
