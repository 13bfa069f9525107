/** Test support: table layouts and rows used by the storage and plan tests. */
import type { ColumnLayout, DistStyle, TableLayout } from './layout.ts';

/** A column of a test table. */
export function col(
  name: string,
  kind: string,
  extra: Partial<ColumnLayout['type']> = {},
  encode: string | null = null,
): ColumnLayout {
  return { name, type: { kind, ...extra }, encode };
}

/** A test table layout. */
export function layout(
  name: string,
  columns: ColumnLayout[],
  distStyle: DistStyle,
  options: { distKey?: string; sortKey?: string[]; interleaved?: boolean } = {},
): TableLayout {
  return {
    name,
    columns,
    distStyle,
    distKey: options.distKey ?? null,
    sortKey:
      options.sortKey === undefined
        ? null
        : { style: options.interleaved === true ? 'INTERLEAVED' : 'COMPOUND', columns: options.sortKey },
  };
}
