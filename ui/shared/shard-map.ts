/**
 * The shard map's geometry: the 128-bit hash key space as one bar from 0 to 2^128 − 1, each open shard a
 * segment over its range, and keys as marks where their MD5 hash key lands, their labels stacked in rows
 * so that none overlaps the one before. Shared by the streaming console and the streaming labs.
 */
import { formatPercent } from '../../sim/core/index.ts';
import { hashKeyFraction, hashKeyRangeContains } from '../../sim/kinesis/index.ts';
import { shortShardId } from './hash-space';

/** One open shard on the map. */
export interface MapShard {
  readonly shardId: string;
  /** Decimal hash keys, as Kinesis writes them. */
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  /** The shard refused records: drawn in the error colour and labelled `throttling`. */
  readonly hot: boolean;
  /** How full the shard was, 0 to 1: shades its segment and is written after its name. */
  readonly load?: number;
  /** The segment's name; `shard 4` from the id when absent. */
  readonly label?: string;
}

/** A key whose hash key is marked on the map. */
export interface MapMarker {
  /** What the map writes beside the mark (short for re-keyed keys, such as `#3`). */
  readonly label: string;
  /** The key's full name for screen readers, when the label is short. */
  readonly name?: string;
  /** Decimal MD5 hash key. */
  readonly hashKey: string;
  /** A key made by re-keying a hot key: drawn apart from the keys the producer started with. */
  readonly reKeyed?: boolean;
  /** The share of the records the key carries, 0 to 1, written after its label. */
  readonly share?: number;
  /** False for an unlabelled tick (when only the heaviest keys are named); labelled when absent. */
  readonly labelled?: boolean;
}

/** A shard's segment on the bar, in view-box units. */
export interface MapSegment {
  readonly shardId: string;
  readonly x0: number;
  readonly x1: number;
  readonly hot: boolean;
  /** Fill opacity: by load when the load is known. */
  readonly opacity: number;
  /** Written above the segment; null when the segment is too narrow for it. */
  readonly text: string | null;
}

/** A key's mark: a line down from the bar, to its label's row when it has one. */
export interface MapMark {
  readonly key: string;
  readonly x: number;
  readonly text: string | null;
  readonly row: number;
  readonly reKeyed: boolean;
}

/** Everything the shard map draws. */
export interface KeySpaceLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly bar: { readonly top: number; readonly height: number };
  readonly segments: readonly MapSegment[];
  readonly marks: readonly MapMark[];
  /** Rows of mark labels under the bar (at least one, so the axis sits clear of the bar). */
  readonly rows: number;
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  /** Where the axis labels sit. */
  readonly tickY: number;
}

/** Monospace 13 px: about 8 units a character. */
const CHAR = 8;
const ROW = 20;
const TICKS: readonly [number, string][] = [
  [0, '0'],
  [0.25, '2¹²⁶'],
  [0.5, '2¹²⁷'],
  [0.75, '3 × 2¹²⁶'],
  [1, '2¹²⁸ − 1'],
];

/** Lays out the map of `shards` with `markers`, `width` view-box units wide. */
export function layoutKeySpace(
  shards: readonly MapShard[],
  markers: readonly MapMarker[],
  width = 1000,
): KeySpaceLayout {
  const left = 10;
  const right = width - 10;
  const bar = { top: 34, height: 46 };
  const x = (hashKey: string) => left + hashKeyFraction(hashKey) * (right - left);
  const segments = shards.map((shard): MapSegment => {
    const x0 = x(shard.startingHashKey);
    const x1 = x(shard.endingHashKey);
    const text = [
      shard.label ?? shortShardId(shard.shardId),
      ...(shard.load === undefined ? [] : [formatPercent(shard.load, 0)]),
      ...(shard.hot ? ['throttling'] : []),
    ].join(' · ');
    return {
      shardId: shard.shardId,
      x0,
      x1,
      hot: shard.hot,
      opacity: shard.load === undefined ? 0.35 : 0.12 + 0.78 * Math.min(1, shard.load),
      text: x1 - x0 > text.length * CHAR ? text : null,
    };
  });
  // Labels go on the first row where they clear the label before them.
  const rowEnds: number[] = [];
  const marks = markers
    .map((marker) => ({ marker, x: x(marker.hashKey) }))
    .sort((a, b) => a.x - b.x)
    .map(({ marker, x: at }): MapMark => {
      const text =
        marker.labelled === false
          ? null
          : marker.share === undefined
            ? marker.label
            : `${marker.label} (${formatPercent(marker.share, 0)})`;
      let row = -1;
      if (text !== null) {
        const half = (text.length * CHAR) / 2 + 6;
        row = rowEnds.findIndex((end) => end < at - half);
        if (row === -1) row = rowEnds.length;
        rowEnds[row] = at + half;
      }
      return { key: marker.label, x: at, text, row, reKeyed: marker.reKeyed === true };
    });
  const rows = Math.max(1, rowEnds.length);
  const tickY = bar.top + bar.height + 26 + rows * ROW;
  return {
    width,
    height: tickY + 8,
    left,
    right,
    bar,
    segments,
    marks,
    rows,
    ticks: TICKS.map(([fraction, label]) => ({ x: left + fraction * (right - left), label })),
    tickY,
  };
}

/** What the map says to a screen reader when its caller does not say it: each range and where keys land. */
export function describeKeySpace(shards: readonly MapShard[], markers: readonly MapMarker[]): string {
  const shardOf = (hashKey: string) =>
    shards.find((s) =>
      hashKeyRangeContains({ StartingHashKey: s.startingHashKey, EndingHashKey: s.endingHashKey }, hashKey),
    )?.shardId;
  return (
    shards
      .map(
        (s) =>
          `${s.shardId} holds hash keys ${s.startingHashKey} to ${s.endingHashKey}${s.hot ? ' and refuses records' : ''}`,
      )
      .join('; ') +
    '. ' +
    markers
      .map((m) => `${m.name ?? m.label} lands at ${m.hashKey}, in ${shardOf(m.hashKey) ?? 'no open shard'}`)
      .join('; ')
  );
}
