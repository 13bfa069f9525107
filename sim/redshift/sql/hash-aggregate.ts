/**
 * A hash aggregate for grouped queries. SQLite groups by sorting every row (a million-row sort for the
 * workshop's "response codes per day"); here the rows are instead folded into a small keyed table as they
 * are scanned (INSERT … ON CONFLICT DO UPDATE), one B-tree lookup per row in a table of a few dozen groups,
 * and the query's output is then read from that table. Used only for COUNT/SUM/MIN/MAX/AVG without
 * DISTINCT, windows or subqueries; anything else keeps SQLite's own GROUP BY.
 */
import type { Expr, SelectFromStatement } from 'pgsql-ast-parser';
import type { ExprContext } from './expr-context.ts';
import { children } from './grouping.ts';
import { BIGINT, isInteger, quoteIdentifier, type Emitted, type SqlType } from './sql-types.ts';

/** The temporary table the groups are folded into (dropped after the statement). */
export const GROUP_TABLE = '__rs_groups';
const TABLE = quoteIdentifier(GROUP_TABLE);
/** Stands for NULL in a key column: WITHOUT ROWID keys cannot be NULL, and GROUP BY keeps one NULL group. */
const NULL_KEY = "X'FF'";
const FOLDABLE = new Set(['count', 'sum', 'min', 'max', 'avg']);

/** True when every aggregate of the output can be folded row by row and nothing else needs the rows. */
export function canFold(select: SelectFromStatement): boolean {
  if (!select.groupBy || select.groupBy.length === 0) return false;
  const exprs: Expr[] = [
    ...(select.columns ?? []).map((c) => c.expr),
    ...(select.having ? [select.having] : []),
    ...(select.orderBy ?? []).map((o) => o.by),
  ];
  const ok = (e: Expr): boolean => {
    if (e.type === 'select' || e.type === 'union' || e.type === 'union all' || e.type === 'with')
      return false;
    if (e.type === 'ref' && e.name === '*') return false;
    if (e.type === 'call') {
      if (e.over || e.filter || e.withinGroup || e.orderBy) return false;
      const name = e.function.name.toLowerCase();
      if (name === 'listagg' || name === 'bool_and' || name === 'bool_or') return false;
      if (FOLDABLE.has(name) && e.distinct === 'distinct') return false;
    }
    return children(e).every(ok);
  };
  return exprs.every(ok);
}

interface Folded {
  readonly column: string;
  readonly init: string;
  readonly combine: string;
}

/** The groups of one query: its keys, the aggregates folded so far, and the statements that fill them. */
export class GroupView {
  private readonly keys = new Map<string, Emitted>();
  private readonly keyInputs: string[] = [];
  private readonly folded: Folded[] = [];
  private readonly aggregates = new Map<string, Emitted>();

  constructor(
    keys: readonly Emitted[],
    /** The context the query's rows are read in (its FROM scope). */
    readonly base: ExprContext,
  ) {
    keys.forEach((key, i) => {
      const column = `${TABLE}.${quoteIdentifier(`k${i}`)}`;
      this.keyInputs.push(`coalesce(${key.sql}, ${NULL_KEY})`);
      if (!this.keys.has(key.sql))
        this.keys.set(key.sql, { sql: `nullif(${column}, ${NULL_KEY})`, type: key.type });
    });
  }

  /** The group table's column for a GROUP BY expression (by its SQL as read from the rows). */
  key(sql: string): Emitted | undefined {
    return this.keys.get(sql);
  }

  private fold(init: string, combine: (column: string) => string): string {
    const name = quoteIdentifier(`a${this.folded.length}`);
    this.folded.push({ column: name, init, combine: `${name} = ${combine(name)}` });
    return `${TABLE}.${name}`;
  }

  /** The group table's expression for an aggregate, folding it on first use. */
  aggregate(name: string, argument: Emitted | null, resultType: SqlType): Emitted {
    const signature = `${name}(${argument?.sql ?? '*'})`;
    const known = this.aggregates.get(signature);
    if (known) return known;
    const x = argument?.sql ?? '1';
    const add = (c: string): string => `coalesce(${c} + excluded.${c}, ${c}, excluded.${c})`;
    let sql: string;
    switch (name) {
      case 'count':
        sql = this.fold(argument ? `(${x} IS NOT NULL)` : '1', (c) => `${c} + excluded.${c}`);
        break;
      case 'sum': {
        const column = this.fold(x, add);
        sql = resultType.kind === 'decimal' ? `round(${column}, ${resultType.scale})` : column;
        break;
      }
      case 'min':
        sql = this.fold(
          x,
          (c) => `CASE WHEN excluded.${c} < ${c} OR ${c} IS NULL THEN excluded.${c} ELSE ${c} END`,
        );
        break;
      case 'max':
        sql = this.fold(
          x,
          (c) => `CASE WHEN excluded.${c} > ${c} OR ${c} IS NULL THEN excluded.${c} ELSE ${c} END`,
        );
        break;
      default: {
        const total = this.fold(x, add);
        const count = this.fold(`(${x} IS NOT NULL)`, (c) => `${c} + excluded.${c}`);
        // Redshift's AVG of integers is a BIGINT with the fraction cut, as SQLite's integer division cuts it.
        sql = isInteger(argument?.type ?? BIGINT)
          ? `(${total} / nullif(${count}, 0))`
          : `(CAST(${total} AS REAL) / nullif(${count}, 0))`;
      }
    }
    const emitted = { sql, type: resultType };
    this.aggregates.set(signature, emitted);
    return emitted;
  }

  /** The statements that create and fill the group table from the query's FROM and WHERE. */
  setup(from: string, where: string | null): string[] {
    const keyColumns = this.keyInputs.map((_, i) => quoteIdentifier(`k${i}`));
    const columns = [...keyColumns, ...this.folded.map((f) => f.column)];
    const conflict =
      this.folded.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${this.folded.map((f) => f.combine).join(', ')}`;
    return [
      `DROP TABLE IF EXISTS temp.${TABLE}`,
      `CREATE TEMP TABLE ${TABLE} (${columns.join(', ')}, PRIMARY KEY (${keyColumns.join(', ')})) WITHOUT ROWID`,
      // "WHERE" keeps SQLite from reading ON CONFLICT as a join's ON.
      `INSERT INTO ${TABLE} SELECT ${[...this.keyInputs, ...this.folded.map((f) => f.init)].join(', ')}` +
        `${from ? ` FROM ${from}` : ''} WHERE ${where ?? '1'} ON CONFLICT (${keyColumns.join(', ')}) ${conflict}`,
    ];
  }

  /** The statement that removes the group table. */
  teardown(): string[] {
    return [`DROP TABLE IF EXISTS temp.${TABLE}`];
  }

  /** FROM clause of the output query. */
  get source(): string {
    return TABLE;
  }
}
