import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../../labs/01-data-bus/catalogue';
import { layoutArrows, pendingArrow, type Box } from './arrow-geometry';

const boxes = new Map<ItemId, Box>([
  ['web-apps', { x: 0, y: 0, width: 100, height: 40 }],
  ['kinesis', { x: 200, y: 0, width: 100, height: 40 }],
  ['s3', { x: 200, y: 100, width: 100, height: 40 }],
  ['lambda', { x: 400, y: 0, width: 100, height: 40 }],
]);

describe('layoutArrows', () => {
  it('goes from the right side of a source to the left side of a target further right', () => {
    const [arrow] = layoutArrows([{ from: 'web-apps', to: 'kinesis' }], boxes);
    expect(arrow).toEqual({
      key: 'web-apps>kinesis',
      from: 'web-apps',
      to: 'kinesis',
      path: 'M 100 20 C 150 20 150 20 200 20',
    });
  });

  it('goes back from the left side of a processor to the right side of the store it writes to', () => {
    const [arrow] = layoutArrows([{ from: 'lambda', to: 's3' }], boxes);
    expect(arrow!.path).toBe('M 400 20 C 350 20 350 120 300 120');
  });

  it('loops out on the right between two pieces of one column', () => {
    const [arrow] = layoutArrows([{ from: 'kinesis', to: 's3' }], boxes);
    expect(arrow!.path).toBe('M 300 20 C 324 20 324 120 300 120');
  });

  it('spreads the arrows leaving one piece along its side, in the order of their targets', () => {
    const arrows = layoutArrows(
      [
        { from: 'web-apps', to: 's3' },
        { from: 'web-apps', to: 'kinesis' },
      ],
      boxes,
    );
    expect(arrows.map((a) => a.path.split(' ').slice(0, 3).join(' '))).toEqual(['M 100 26.7', 'M 100 13.3']);
  });

  it('leaves out a connection whose piece is not on the board', () => {
    expect(layoutArrows([{ from: 'logs', to: 's3' }], boxes)).toEqual([]);
  });

  it('draws a dragged connection from the side facing the pointer', () => {
    expect(pendingArrow(boxes.get('kinesis')!, 50, 20)).toBe('M 200 20 C 125 20 125 20 50 20');
  });
});
