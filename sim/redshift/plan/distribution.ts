/**
 * The redistribution label of a join step, derived from how its two inputs are distributed (AWS-FACTS §6.5,
 * RS-DG23 `c_data_redistribution.md`, `c-the-query-plan.md`):
 * - the inner input is ALL: no movement (DS_DIST_ALL_NONE);
 * - the outer input is ALL and the inner is not: the whole inner input goes to one slice (DS_DIST_ALL_INNER);
 * - both are distributed on their join columns: collocated (DS_DIST_NONE);
 * - only the outer is: the inner is redistributed to match it (DS_DIST_INNER), and the other way round
 *   (DS_DIST_OUTER);
 * - neither: the inner is broadcast to every node (DS_BCAST_INNER) when that moves fewer bytes than
 *   redistributing both on the join key (DS_DIST_BOTH), which is the choice AWS describes ("either both
 *   tables are distributed or the inner table is broadcast to every node").
 */

/** Redshift's labels for how a join step moves data. */
export type JoinDistribution =
  | 'DS_DIST_NONE'
  | 'DS_DIST_ALL_NONE'
  | 'DS_DIST_INNER'
  | 'DS_DIST_OUTER'
  | 'DS_BCAST_INNER'
  | 'DS_DIST_ALL_INNER'
  | 'DS_DIST_BOTH';

/**
 * Where an input's rows are: a full copy on every node, hashed on some columns (every `alias.column` that
 * is known to hold equal values, after a collocated join both sides' keys), or spread with no useful key.
 */
export type InputPlacement =
  | { readonly kind: 'all' }
  | { readonly kind: 'key'; readonly columns: ReadonlySet<string> }
  | { readonly kind: 'spread' };

/** One side of a join step. */
export interface JoinSide {
  readonly placement: InputPlacement;
  /** The side's join column as `alias.column`, or null when the step has no equality to join on. */
  readonly key: string | null;
  /** Estimated bytes the side sends if it moves (rows × width). */
  readonly bytes: number;
}

/** Whether a side is already distributed on its join column. */
function onKey(side: JoinSide): boolean {
  return side.key !== null && side.placement.kind === 'key' && side.placement.columns.has(side.key);
}

/** The label for joining `outer` with `inner` on a cluster of `nodes` compute nodes. */
export function joinDistribution(outer: JoinSide, inner: JoinSide, nodes: number): JoinDistribution {
  if (inner.placement.kind === 'all') return 'DS_DIST_ALL_NONE';
  if (outer.placement.kind === 'all') return 'DS_DIST_ALL_INNER';
  if (outer.key === null || inner.key === null) return 'DS_BCAST_INNER';
  if (onKey(outer) && onKey(inner)) return 'DS_DIST_NONE';
  if (onKey(outer)) return 'DS_DIST_INNER';
  if (onKey(inner)) return 'DS_DIST_OUTER';
  return inner.bytes * nodes < outer.bytes + inner.bytes ? 'DS_BCAST_INNER' : 'DS_DIST_BOTH';
}

/** Where the joined rows are after the step. */
export function joinedPlacement(outer: JoinSide, inner: JoinSide, label: JoinDistribution): InputPlacement {
  const keys = (...sides: JoinSide[]): InputPlacement => {
    const columns = new Set<string>();
    for (const side of sides) {
      if (side.placement.kind === 'key') side.placement.columns.forEach((c) => columns.add(c));
      if (side.key !== null) columns.add(side.key);
    }
    return { kind: 'key', columns };
  };
  switch (label) {
    case 'DS_DIST_ALL_NONE':
      return outer.placement;
    case 'DS_DIST_ALL_INNER':
      return { kind: 'spread' };
    case 'DS_BCAST_INNER':
      return outer.placement;
    case 'DS_DIST_NONE':
      return keys(outer, inner);
    case 'DS_DIST_INNER':
      return keys(outer, { ...inner, placement: { kind: 'spread' } });
    case 'DS_DIST_OUTER':
      return keys({ ...outer, placement: { kind: 'spread' } }, inner);
    case 'DS_DIST_BOTH':
      return keys({ ...outer, placement: { kind: 'spread' } }, { ...inner, placement: { kind: 'spread' } });
  }
}

/**
 * Bytes a step sends between nodes: a redistributed side sends the share of its rows that hash to another
 * node, (nodes − 1) ÷ nodes of it; a broadcast sends the inner input to every other node; DS_DIST_ALL_INNER
 * sends the inner input to the one slice doing the join. On a single node the movement stays in memory.
 */
export function bytesMoved(label: JoinDistribution, outer: JoinSide, inner: JoinSide, nodes: number): number {
  const away = (nodes - 1) / nodes;
  switch (label) {
    case 'DS_DIST_NONE':
    case 'DS_DIST_ALL_NONE':
      return 0;
    case 'DS_DIST_INNER':
      return inner.bytes * away;
    case 'DS_DIST_OUTER':
      return outer.bytes * away;
    case 'DS_DIST_BOTH':
      return (outer.bytes + inner.bytes) * away;
    case 'DS_BCAST_INNER':
      return inner.bytes * (nodes - 1);
    case 'DS_DIST_ALL_INNER':
      return inner.bytes * away;
  }
}
