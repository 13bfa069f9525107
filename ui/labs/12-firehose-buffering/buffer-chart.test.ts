import { describe, expect, it } from 'vitest';
import { runBuffering } from '../../../labs/kit/buffering-run';
import { layoutBufferChart } from './buffer-chart';

describe('Firehose buffer chart', () => {
  it('marks each delivery with its trigger and leaves a far-off size hint off the chart', () => {
    const layout = layoutBufferChart(
      runBuffering({ sizeMB: 5, intervalSeconds: 300, compression: 'UNCOMPRESSED' }, 2016),
    );
    expect(layout.deliveries.map((d) => d.trigger)).toEqual(Array(6).fill('interval'));
    expect(layout.sizeLimitY).toBeNull();
    expect(layout.xTicks.map((t) => t.label)).toEqual([
      '0 min',
      '5 min',
      '10 min',
      '15 min',
      '20 min',
      '25 min',
      '30 min',
    ]);
    expect(layout.yTicks.every((t) => t.label.endsWith(' KiB'))).toBe(true);
  });

  it('draws the size hint when the buffer reaches it, on a MiB axis', () => {
    const layout = layoutBufferChart(
      runBuffering({ sizeMB: 1, intervalSeconds: 900, compression: 'UNCOMPRESSED' }, 2016),
    );
    expect(layout.deliveries.some((d) => d.trigger === 'size')).toBe(true);
    expect(layout.sizeLimitY).not.toBeNull();
    expect(layout.sizeLimitY!).toBeGreaterThanOrEqual(layout.plot.top);
    expect(layout.yTicks.at(-1)!.label).toMatch(/MiB$/);
  });
});
