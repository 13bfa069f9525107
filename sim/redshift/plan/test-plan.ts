/** Test support: a planner context over test tables in sql.js, and the parsed statement for some SQL. */
import { parseFirst, type Statement } from 'pgsql-ast-parser';
import { ClusterStorage, type SliceLayout, type TableLayout } from '../storage/index.ts';
import type { StoredValue } from '../types/index.ts';
import { loadTable, openTestDatabase } from '../storage/test-sqlite.ts';
import type { PlanContext } from './context.ts';

/** A context whose tables are loaded with the given rows. */
export async function planContext(
  cluster: SliceLayout,
  tables: readonly { layout: TableLayout; rows: Iterable<readonly StoredValue[]> }[],
  constant?: PlanContext['constant'],
): Promise<PlanContext> {
  const db = await openTestDatabase();
  const storage = new ClusterStorage(db, cluster);
  for (const t of tables) loadTable(db, storage, t.layout, t.rows);
  const byName = new Map(tables.map((t) => [t.layout.name, t.layout]));
  return { storage, table: (name) => byName.get(name), ...(constant ? { constant } : {}) };
}

/** Parse one statement. */
export function sql(text: string): Statement {
  return parseFirst(text);
}

/** `n` rows made by `row(i)`. */
export function rows(n: number, row: (i: number) => StoredValue[]): StoredValue[][] {
  return Array.from({ length: n }, (_, i) => row(i));
}
