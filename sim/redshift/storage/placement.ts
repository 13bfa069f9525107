/**
 * Where a new row lives: Redshift's distribution styles (AWS-FACTS §6.3).
 *
 * - EVEN: round-robin over all slices, continuing where the table's last insert stopped.
 * - KEY: the slice the distribution key's value hashes to (see hash.ts).
 * - ALL: a full copy on every node. The model stores the row once, on slice 0, and counts it on the first
 *   slice of every node (storage.ts), which is where Redshift keeps an ALL table's copy.
 * - AUTO (today's default): Redshift starts a table as ALL while it is small and switches it to EVEN as it
 *   grows (or to KEY when automatic table optimisation finds a good key, which the model does not do). AUTO
 *   rows are placed round-robin, so the table is already EVEN when it outgrows ALL; while it is small the
 *   storage report treats it as ALL (see `effectiveDistribution`).
 */
import { sliceForKey } from './hash.ts';
import { columnIndex, sliceCount, type SliceLayout, type StoredValue, type TableLayout } from './layout.ts';

/**
 * The slice for a new row, given its values in column order and its ordinal: how many rows the table had
 * received before it (EVEN and AUTO deal round-robin over it). The database's `sliceForRow` hook.
 */
export function placeRow(
  table: TableLayout,
  row: readonly StoredValue[],
  ordinal: number,
  cluster: SliceLayout,
): number {
  const slices = sliceCount(cluster);
  switch (table.distStyle) {
    case 'ALL':
      return 0;
    case 'KEY': {
      const key = table.distKey === null ? -1 : columnIndex(table, table.distKey);
      if (key < 0)
        throw new Error(`Table "${table.name}" is DISTSTYLE KEY but names no column as its DISTKEY.`);
      return sliceForKey(row[key] ?? null, slices);
    }
    case 'EVEN':
    case 'AUTO':
      return ordinal % slices;
  }
}

/** Assigns slices to a table's new rows, counting each table's rows itself (for callers without ordinals). */
export class SlicePlacement {
  private readonly ordinals = new Map<string, number>();

  constructor(private readonly cluster: SliceLayout) {}

  /** The slice for a new row of `table`, given its values in column order. */
  sliceForRow(table: TableLayout, row: readonly StoredValue[]): number {
    const ordinal = this.ordinals.get(table.name) ?? 0;
    const slice = placeRow(table, row, ordinal, this.cluster);
    this.ordinals.set(table.name, ordinal + 1);
    return slice;
  }

  /** Forget a table's round-robin position (DROP TABLE, TRUNCATE): a new table starts at slice 0. */
  forget(table: string): void {
    this.ordinals.delete(table);
  }
}
