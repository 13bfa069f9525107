/**
 * The shard map: the 128-bit hash key space as one bar from 0 to 2^128 − 1, each open shard a segment over
 * its range (shaded by how full it was in the last second), and the producers' keys as marks where their
 * MD5 lands, sized by the share of records they carry.
 */
import type { StreamView } from '../console-view.ts';
import { latestLoad, shortShardId } from './utilization.ts';

/** One open shard on the bar. */
export interface MapSegment {
  readonly shardId: string;
  readonly label: string;
  readonly x: number;
  readonly width: number;
  readonly utilization: number;
  readonly throttled: number;
}

/** One key mark below the bar. */
export interface MapMark {
  readonly x: number;
  readonly label: string;
  readonly share: number;
  readonly shardId: string;
  /** Only the heaviest keys get a text label; the rest are unlabelled ticks (all are in the table). */
  readonly labelled: boolean;
}

/** Everything the shard map draws. */
export interface ShardMapLayout {
  readonly width: number;
  readonly bar: { readonly top: number; readonly height: number };
  readonly segments: readonly MapSegment[];
  readonly marks: readonly MapMark[];
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
}

const TICKS: readonly [number, string][] = [
  [0, '0'],
  [0.25, '2¹²⁶'],
  [0.5, '2¹²⁷'],
  [0.75, '3 × 2¹²⁶'],
  [1, '2¹²⁸ − 1'],
];

/** Keys labelled on the map (the rest are ticks). */
export const LABELLED_KEYS = 3;

/** Lays out the map of one stream's open shards and key landings. */
export function layoutShardMap(stream: StreamView, width = 1000): ShardMapLayout {
  const bar = { top: 26, height: 46 };
  const open = stream.shards.filter((s) => s.status === 'OPEN');
  const heaviest = [...stream.keyLandings].sort((a, b) => b.share - a.share).slice(0, LABELLED_KEYS);
  return {
    width,
    bar,
    segments: open.map((shard) => {
      const load = latestLoad(shard, stream.limits);
      return {
        shardId: shard.shardId,
        label: shortShardId(shard.shardId),
        x: shard.startFraction * width,
        width: (shard.endFraction - shard.startFraction) * width,
        utilization: Math.min(1, load.utilization),
        throttled: load.throttled,
      };
    }),
    marks: stream.keyLandings.map((mark) => ({
      x: mark.fraction * width,
      label: mark.label,
      share: mark.share,
      shardId: mark.shardId,
      labelled: heaviest.includes(mark),
    })),
    ticks: TICKS.map(([fraction, label]) => ({ x: fraction * width, label })),
  };
}
