/**
 * The resharding lineage as an icicle: each generation of shards is a column, and each shard spans the part
 * of the hash key space it covers, so a split shows as one box becoming two halves beside it and a merge as
 * two boxes becoming one. Links join each parent to its children.
 */
import type { LineageEdge, ShardView } from '../console-view.ts';

/** One shard box. */
export interface LineageNode {
  readonly shardId: string;
  readonly open: boolean;
  readonly generation: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Everything the lineage diagram draws. */
export interface LineageLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LineageNode[];
  readonly links: readonly {
    readonly from: string;
    readonly to: string;
    readonly path: string;
    readonly operation: LineageEdge['operation'];
  }[];
  readonly generations: number;
}

/** Lays the shards out by generation (a shard is one generation after its latest parent). */
export function layoutLineage(
  shards: readonly ShardView[],
  edges: readonly LineageEdge[],
  size = { width: 440, height: 240 },
): LineageLayout {
  const generation = new Map<string, number>();
  for (const shard of shards) {
    const parents = [shard.parentShardId, shard.adjacentParentShardId].filter((p): p is string => p !== null);
    const fromEdges = edges.filter((e) => e.childShardId === shard.shardId).map((e) => e.parentShardId);
    const all = new Set([...parents, ...fromEdges]);
    generation.set(shard.shardId, Math.max(-1, ...[...all].map((p) => generation.get(p) ?? -1)) + 1);
  }
  const generations = Math.max(0, ...generation.values()) + 1;
  const gap = 28;
  const columnWidth = (size.width - gap * (generations - 1)) / generations;
  const nodes: LineageNode[] = shards.map((shard) => {
    const g = generation.get(shard.shardId) ?? 0;
    return {
      shardId: shard.shardId,
      open: shard.status === 'OPEN',
      generation: g,
      x: g * (columnWidth + gap),
      y: shard.startFraction * size.height + 1,
      width: columnWidth,
      height: Math.max(2, (shard.endFraction - shard.startFraction) * size.height - 2),
    };
  });
  const byId = new Map(nodes.map((n) => [n.shardId, n]));
  const links = edges.flatMap((edge) => {
    const from = byId.get(edge.parentShardId);
    const to = byId.get(edge.childShardId);
    if (from === undefined || to === undefined) return [];
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = to.x;
    const y2 = to.y + to.height / 2;
    const mid = (x1 + x2) / 2;
    return [
      {
        from: edge.parentShardId,
        to: edge.childShardId,
        operation: edge.operation,
        path: `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}`,
      },
    ];
  });
  return { width: size.width, height: size.height, nodes, links, generations };
}

/** One resharding operation: the parents it closed and the children it opened. */
export interface LineageOperation {
  readonly operation: LineageEdge['operation'];
  readonly atMs: number;
  readonly parents: readonly string[];
  readonly children: readonly string[];
}

/** The edges grouped back into operations (one per operation and time), in the order they happened. */
export function lineageOperations(edges: readonly LineageEdge[]): LineageOperation[] {
  const operations: {
    operation: LineageEdge['operation'];
    atMs: number;
    parents: string[];
    children: string[];
  }[] = [];
  for (const edge of edges) {
    let entry = operations.find((o) => o.operation === edge.operation && o.atMs === edge.atMs);
    if (entry === undefined) {
      entry = { operation: edge.operation, atMs: edge.atMs, parents: [], children: [] };
      operations.push(entry);
    }
    if (!entry.parents.includes(edge.parentShardId)) entry.parents.push(edge.parentShardId);
    if (!entry.children.includes(edge.childShardId)) entry.children.push(edge.childShardId);
  }
  return operations.sort((a, b) => a.atMs - b.atMs);
}
