import { describe, expect, it } from 'vitest';
import { layoutPerSecond, placeRuleLabel } from './per-second-chart';

const plot = { left: 80, right: 940, top: 16, bottom: 260 };
const format = (v: number) => String(v);

describe('the limit label of the per-second chart', () => {
  it('stays above the line at its right end when no data line runs there', () => {
    const layout = layoutPerSecond(
      [{ key: 'a', label: 'a', values: [100, 100, 100, 100] }],
      4,
      1000,
      null,
      format,
      '1,000 records/s per shard',
    );
    expect(layout.limitLabel).toEqual({ x: plot.right - 4, y: layout.limitY! - 6, anchor: 'end' });
  });

  it('moves off a data line that runs just above the limit at the right end', () => {
    // The lag chart of lab 6: a lag of 1.05 s at the end of the run, the limit 1 s.
    const layout = layoutPerSecond(
      [{ key: 'lag', label: 'lag', values: [0, 0, 0, 0, 0, 0, 0, 0, 1.05, 1.05, 1.05, 1.05] }],
      12,
      1,
      null,
      format,
      'caught up: under 1 s',
    );
    expect(layout.limitLabel).not.toEqual({ x: plot.right - 4, y: layout.limitY! - 6, anchor: 'end' });
    expect(layout.limitLabel).toEqual({ x: plot.right - 4, y: layout.limitY! + 17, anchor: 'end' });
  });

  it('goes to the left end when lines run both just above and just below the limit on the right', () => {
    const at = placeRuleLabel(
      [
        [
          [600, 90],
          [940, 90],
        ],
        [
          [600, 115],
          [940, 115],
        ],
      ],
      plot,
      100,
      'limit',
    );
    expect(at).toEqual({ x: plot.left + 4, y: 94, anchor: 'start' });
  });
});
