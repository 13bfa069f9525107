/**
 * Where the board's connection arrows go: from the pieces' boxes (in the board's own coordinates) to one
 * SVG path per connection. Pure, so the layout can be tested without a browser.
 */
import type { ItemId } from '../../../labs/01-data-bus/catalogue';
import type { Connection } from '../../../labs/01-data-bus/workspace';

/** A piece's box on the board, in CSS pixels from the board's top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One arrow to draw. */
export interface Arrow {
  readonly key: string;
  readonly from: ItemId;
  readonly to: ItemId;
  /** An SVG path (`M … C …`) ending where the arrowhead goes. */
  readonly path: string;
}

const centerX = (b: Box) => b.x + b.width / 2;
const centerY = (b: Box) => b.y + b.height / 2;

/** Evenly spread attachment points along a box's side, so arrows leaving one piece do not overlap. */
const spread = (box: Box, index: number, count: number) => box.y + (box.height * (index + 1)) / (count + 1);

/** A curve from (x1, y1) leaving in direction `out` (±1) to (x2, y2) arriving in direction `into`. */
function curve(x1: number, y1: number, out: number, x2: number, y2: number, into: number): string {
  const bend = Math.max(24, Math.abs(x2 - x1) / 2);
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M ${r(x1)} ${r(y1)} C ${r(x1 + out * bend)} ${r(y1)} ${r(x2 - into * bend)} ${r(y2)} ${r(x2)} ${r(y2)}`;
}

/**
 * The arrows for `connections` between pieces whose boxes are known; a connection whose piece has no box
 * (not on the board) is left out. An arrow leaves the side of its source that faces the target and enters
 * the facing side of the target; between pieces of one column it loops out on the right.
 */
export function layoutArrows(connections: readonly Connection[], boxes: ReadonlyMap<ItemId, Box>): Arrow[] {
  const drawn = connections.filter((c) => boxes.has(c.from) && boxes.has(c.to));
  const slot = (c: Connection, end: 'from' | 'to') => {
    const siblings = drawn
      .filter((other) => other[end] === c[end])
      .sort((a, b) => {
        const other = end === 'from' ? 'to' : 'from';
        return centerY(boxes.get(a[other])!) - centerY(boxes.get(b[other])!);
      });
    return { index: siblings.indexOf(c), count: siblings.length };
  };
  return drawn.map((c) => {
    const from = boxes.get(c.from)!;
    const to = boxes.get(c.to)!;
    const out = slot(c, 'from');
    const into = slot(c, 'to');
    const y1 = spread(from, out.index, out.count);
    const y2 = spread(to, into.index, into.count);
    const dx = centerX(to) - centerX(from);
    let path: string;
    if (Math.abs(dx) < Math.min(from.width, to.width) / 2) {
      path = curve(from.x + from.width, y1, 1, to.x + to.width, y2, -1);
    } else if (dx > 0) {
      path = curve(from.x + from.width, y1, 1, to.x, y2, 1);
    } else {
      path = curve(from.x, y1, -1, to.x + to.width, y2, -1);
    }
    return { key: `${c.from}>${c.to}`, from: c.from, to: c.to, path };
  });
}

/** The line drawn while the learner drags a new connection from `from` to the pointer at (x, y). */
export function pendingArrow(from: Box, x: number, y: number): string {
  const right = x >= centerX(from);
  return curve(right ? from.x + from.width : from.x, centerY(from), right ? 1 : -1, x, y, right ? 1 : -1);
}
