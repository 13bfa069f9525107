import { millis, type Millis } from '../../core/index.ts';

/**
 * How long a cluster stays `creating` and `deleting`. AWS publishes no figures; these are approximations
 * of what the console shows for small clusters ("a few minutes" for a single dc1.large in the workshop,
 * longer as nodes are added), and the UI labels them so.
 */
export const CLUSTER_DURATIONS = {
  /** Creating: a fixed part plus a part per compute node. */
  creatingBase: millis(5 * 60_000),
  creatingPerNode: millis(30_000),
  /** Deleting: a fixed part, plus the final snapshot when one is taken. */
  deleting: millis(3 * 60_000),
  finalSnapshot: millis(2 * 60_000),
  note: 'Modelled durations (approximations): AWS publishes no creation or deletion times.',
} as const;

/** How long a cluster of `nodes` compute nodes stays `creating`. */
export function creatingDuration(nodes: number): Millis {
  return millis(CLUSTER_DURATIONS.creatingBase + nodes * CLUSTER_DURATIONS.creatingPerNode);
}

/** How long a cluster stays `deleting`. */
export function deletingDuration(finalSnapshot: boolean): Millis {
  return millis(CLUSTER_DURATIONS.deleting + (finalSnapshot ? CLUSTER_DURATIONS.finalSnapshot : 0));
}
