/**
 * The one way rows get into a user table: converted values in declared order, plus the slice each row
 * lives on in the hidden __slice column, written with prepared multi-row INSERTs inside a transaction so
 * a failed load leaves nothing behind. COPY's million rows go through here, so the statement is prepared
 * once per batch size and its parameter array reused.
 */
import { quoteIdentifier } from '../sql/index.ts';
import type { StoredValue } from '../types/index.ts';
import type { ClusterShape, DatabaseCore, SliceForRow, TableState } from './core.ts';
import { SLICE_COLUMN, type TableDefinition } from './tables.ts';

const BATCH_ROWS = 64;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Placement until sim/redshift/storage plugs in Redshift's: EVEN and AUTO round-robin, KEY by a hash of the
 * key's value, ALL on the first slice (the copies on other nodes are modelled, not stored).
 */
export const roundRobinPlacement: SliceForRow = (
  table: TableDefinition,
  row,
  ordinal,
  cluster: ClusterShape,
) => {
  const slices = cluster.nodes * cluster.slicesPerNode;
  if (table.distStyle === 'ALL') return 0;
  if (table.distStyle === 'KEY' && table.distKey !== null) {
    const value = row[table.columns.findIndex((c) => c.name === table.distKey)];
    return value === null || value === undefined ? 0 : fnv1a(String(value)) % slices;
  }
  return ordinal % slices;
};

/** Run `fn` in a transaction (or inside the one already open). */
export function inTransaction<T>(core: DatabaseCore, fn: () => T): T {
  if (core.inTransaction) return fn();
  core.sqlite.run('BEGIN');
  core.inTransaction = true;
  try {
    const result = fn();
    core.sqlite.run('COMMIT');
    return result;
  } catch (e) {
    core.sqlite.run('ROLLBACK');
    throw e;
  } finally {
    core.inTransaction = false;
  }
}

function insertSql(table: TableDefinition, rows: number): string {
  const names = [...table.columns.map((c) => quoteIdentifier(c.name)), quoteIdentifier(SLICE_COLUMN)];
  const one = `(${names.map(() => '?').join(', ')})`;
  return `INSERT INTO ${quoteIdentifier(table.name)} (${names.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

/** Write converted rows (declared column order, no slice) to a table, assigning each its slice. */
export function writeRows(
  core: DatabaseCore,
  state: TableState,
  rows: readonly (readonly StoredValue[])[],
): void {
  if (rows.length === 0) return;
  const table = state.definition;
  const width = table.columns.length + 1;
  const place = core.extensions.sliceForRow ?? roundRobinPlacement;
  const cluster = core.options.cluster;
  inTransaction(core, () => {
    const batch = core.sqlite.prepare(insertSql(table, BATCH_ROWS));
    const single = core.sqlite.prepare(insertSql(table, 1));
    const params: StoredValue[] = new Array<StoredValue>(width * BATCH_ROWS);
    const one: StoredValue[] = new Array<StoredValue>(width);
    let ordinal = state.inserted;
    try {
      let k = 0;
      for (; k + BATCH_ROWS <= rows.length; k += BATCH_ROWS) {
        for (let r = 0; r < BATCH_ROWS; r++) {
          const row = rows[k + r]!;
          const base = r * width;
          for (let c = 0; c < width - 1; c++) params[base + c] = row[c] ?? null;
          params[base + width - 1] = place(table, row, ordinal++, cluster);
        }
        batch.run(params);
      }
      for (; k < rows.length; k++) {
        const row = rows[k]!;
        for (let c = 0; c < width - 1; c++) one[c] = row[c] ?? null;
        one[width - 1] = place(table, row, ordinal++, cluster);
        single.run(one);
      }
    } finally {
      batch.free();
      single.free();
    }
    state.inserted = ordinal;
  });
  core.extensions.tableChanged?.(table.name, core.api);
}
