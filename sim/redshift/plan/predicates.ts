/**
 * Conditions a zone map can use: a column of the table compared with a constant (`=`, `<`, `<=`, `>`, `>=`,
 * `BETWEEN`, `IN (…)`), read from the WHERE clause's syntax tree. Anything else (OR, functions of the
 * column, LIKE, comparisons between columns) reads every block, as in Redshift, where a zone map only
 * helps when the column is compared directly with a value.
 *
 * Which columns' zone maps the query-time model reads: the sort key's columns (the leading column of a
 * compound key, every column of an interleaved one) and every column of a table without a sort key (its
 * blocks are in load order). The other columns of a sorted table are assumed to have values of every range
 * in every block, so they skip nothing: true unless a column rises and falls with the sort key, which the
 * model does not look for, because reading a non-key column in sort order costs a full sort of the table
 * on every first query after a load. STV_BLOCKLIST still shows every column's real zone maps.
 */
import type { Expr } from 'pgsql-ast-parser';
import {
  columnIndex,
  compareKeys,
  isExactZone,
  zoneKey,
  type Block,
  type ColumnTypeLike,
  type TableLayout,
  type ZoneKey,
} from '../storage/index.ts';
import type { StoredValue } from '../types/index.ts';
import type { PlanContext } from './context.ts';

/** A comparison a zone map can decide. */
type Op = '=' | '<' | '<=' | '>' | '>=';

/** A test of one column's blocks: false when the block cannot hold a matching row. */
export interface BlockTest {
  readonly column: number;
  mayMatch(block: Block): boolean;
}

const FLIP: Record<Op, Op> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The value of an expression that reads no column, or undefined. */
export function constantValue(expr: Expr, context: PlanContext): StoredValue | boolean | undefined {
  switch (expr.type) {
    case 'integer':
    case 'numeric':
      return expr.value;
    case 'string':
      return expr.value;
    case 'boolean':
      return expr.value;
    case 'null':
      return null;
    case 'cast':
      return constantValue(expr.operand, context) ?? context.constant?.(expr);
    case 'unary':
      if (expr.op === '-') {
        const v = constantValue(expr.operand, context);
        if (typeof v === 'number') return -v;
      }
      return context.constant?.(expr);
    default:
      return context.constant?.(expr);
  }
}

/** Whether a block whose keys run from min to max can hold a value `op c`. */
function mayHold(min: ZoneKey, max: ZoneKey, op: Op, c: ZoneKey, exact: boolean): boolean {
  // With 8-byte prefixes two different values can share a key, so only a strict difference rules a block out.
  const below = (a: ZoneKey, b: ZoneKey): boolean =>
    compareKeys(a, b) < 0 || (exact && compareKeys(a, b) === 0);
  switch (op) {
    case '=':
      return compareKeys(c, min) >= 0 && compareKeys(c, max) <= 0;
    case '>':
      return !below(max, c);
    case '>=':
      return compareKeys(max, c) >= 0;
    case '<':
      return !below(c, min);
    case '<=':
      return compareKeys(min, c) <= 0;
  }
}

function comparisonTest(
  type: ColumnTypeLike,
  column: number,
  op: Op,
  value: StoredValue | boolean,
): BlockTest | null {
  const c = zoneKey(type, value);
  if (c === null) return null;
  const exact = isExactZone(type);
  return {
    column,
    mayMatch: (block) => {
      const min = zoneKey(type, block.min);
      const max = zoneKey(type, block.max);
      if (min === null || max === null) return false; // only NULLs: no comparison is true
      return mayHold(min, max, op, c, exact);
    },
  };
}

/** Whether the model reads this column's zone maps (see above). */
export function zoneMapped(table: TableLayout, column: number): boolean {
  const key = table.sortKey;
  if (key === null || key.columns.length === 0) return true;
  const name = table.columns[column]?.name;
  return key.style === 'INTERLEAVED' ? key.columns.includes(name ?? '') : key.columns[0] === name;
}

/** The zone-map tests one condition gives for a table's columns (none when a zone map cannot decide it). */
export function blockTests(condition: Expr, table: TableLayout, context: PlanContext): BlockTest[] {
  const columnOf = (e: Expr): number => {
    const column = e.type === 'ref' ? columnIndex(table, e.name.toLowerCase()) : -1;
    return column >= 0 && zoneMapped(table, column) ? column : -1;
  };
  if (condition.type === 'binary' && (['=', '<', '<=', '>', '>='] as string[]).includes(condition.op)) {
    const op = condition.op as Op;
    const [column, other, actual] =
      columnOf(condition.left) >= 0
        ? [columnOf(condition.left), condition.right, op]
        : [columnOf(condition.right), condition.left, FLIP[op]];
    if (column < 0) return [];
    const value = constantValue(other, context);
    if (value === undefined) return [];
    const test = comparisonTest(table.columns[column]!.type, column, actual, value);
    return test === null ? [] : [test];
  }
  if (condition.type === 'ternary' && condition.op === 'BETWEEN') {
    const column = columnOf(condition.value);
    if (column < 0) return [];
    const lo = constantValue(condition.lo, context);
    const hi = constantValue(condition.hi, context);
    const type = table.columns[column]!.type;
    return [
      lo === undefined ? null : comparisonTest(type, column, '>=', lo),
      hi === undefined ? null : comparisonTest(type, column, '<=', hi),
    ].filter((t): t is BlockTest => t !== null);
  }
  if (condition.type === 'binary' && condition.op === 'IN' && condition.right.type === 'list') {
    const column = columnOf(condition.left);
    if (column < 0) return [];
    const type = table.columns[column]!.type;
    const tests = condition.right.expressions.map((e) => {
      const v = constantValue(e, context);
      return v === undefined ? null : comparisonTest(type, column, '=', v);
    });
    if (tests.some((t) => t === null)) return [];
    return [{ column, mayMatch: (block) => tests.some((t) => t!.mayMatch(block)) }];
  }
  return [];
}
