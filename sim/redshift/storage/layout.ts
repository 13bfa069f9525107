/**
 * What storage needs to know about a table and a cluster. These are structural views of the database's
 * `TableDefinition` and `ClusterShape` (sim/redshift/database/): any definition with these fields fits, so
 * storage never imports the database that calls it.
 */

import type { StoredValue } from '../types/index.ts';

export type { StoredValue };

/** The part of a Redshift column type that decides its stored width. */
export interface ColumnTypeLike {
  readonly kind: string;
  /** Bytes, for `char`/`varchar`. */
  readonly length?: number;
  /** Digits, for `decimal`. */
  readonly precision?: number;
  readonly scale?: number;
}

/** One user column. */
export interface ColumnLayout {
  readonly name: string;
  readonly type: ColumnTypeLike;
  /** The ENCODE keyword in lower case, or null for none given (RAW). */
  readonly encode: string | null;
}

/** Redshift's distribution styles as CREATE TABLE declares them. */
export type DistStyle = 'EVEN' | 'KEY' | 'ALL' | 'AUTO';

/** A table's declared layout: columns, distribution and sort key. */
export interface TableLayout {
  readonly name: string;
  readonly columns: readonly ColumnLayout[];
  readonly distStyle: DistStyle;
  readonly distKey: string | null;
  readonly sortKey: {
    readonly style: 'COMPOUND' | 'INTERLEAVED';
    readonly columns: readonly string[];
  } | null;
}

/** The cluster's shape: slices are numbered 0 … nodes × slicesPerNode − 1, node by node. */
export interface SliceLayout {
  readonly nodeType: string;
  readonly nodes: number;
  readonly slicesPerNode: number;
}

export { SLICE_COLUMN } from '../database/index.ts';

/** Number of slices in the cluster. */
export function sliceCount(cluster: SliceLayout): number {
  return cluster.nodes * cluster.slicesPerNode;
}

/** The compute node (0-based) that holds a slice. */
export function nodeOfSlice(cluster: SliceLayout, slice: number): number {
  return Math.floor(slice / cluster.slicesPerNode);
}

/** The first slice of every node: where a DISTSTYLE ALL copy lives. */
export function firstSlices(cluster: SliceLayout): number[] {
  return Array.from({ length: cluster.nodes }, (_, node) => node * cluster.slicesPerNode);
}

/** The column's position among the user columns, or −1. */
export function columnIndex(table: TableLayout, column: string): number {
  return table.columns.findIndex((c) => c.name === column);
}
export { quoteIdentifier } from '../sql/index.ts';
