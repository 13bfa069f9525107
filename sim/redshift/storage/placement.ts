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

/** Assigns slices to a table's new rows; holds each table's round-robin position. */
export class SlicePlacement {
  private readonly nextEven = new Map<string, number>();

  constructor(private readonly cluster: SliceLayout) {}

  /** The slice for a new row of `table`, given its values in column order. */
  sliceForRow(table: TableLayout, row: readonly StoredValue[]): number {
    const slices = sliceCount(this.cluster);
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
      case 'AUTO': {
        const slice = this.nextEven.get(table.name) ?? 0;
        this.nextEven.set(table.name, (slice + 1) % slices);
        return slice;
      }
    }
  }

  /** Forget a table's round-robin position (DROP TABLE, TRUNCATE): a new table starts at slice 0. */
  forget(table: string): void {
    this.nextEven.delete(table);
  }
}
