import { describe, expect, it } from 'vitest';
import { runFirehosePath, runStreamsPath } from '../../../labs/11-streams-vs-firehose/latency-run';
import { layoutLatencyChart } from './latency-chart';

describe('latency chart', () => {
  it('puts every Streams bar below one second and every Firehose bar at a minute or more for the default hints', () => {
    const layout = layoutLatencyChart(runStreamsPath(2016).latency, runFirehosePath(2016, 5, 300).latency);
    const oneSecondX = layout.xTicks.find((t) => t.label === '1 s')!.x;
    const streams = layout.bars.filter((b) => b.path === 'streams');
    const firehose = layout.bars.filter((b) => b.path === 'firehose');
    expect(streams.every((b) => b.toMs <= 1000 && b.x < oneSecondX)).toBe(true);
    expect(firehose.every((b) => b.fromMs >= 1000)).toBe(true);
    expect(streams.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1, 9);
    expect(layout.xTicks.map((t) => t.label)).toEqual([
      '10 ms',
      '100 ms',
      '1 s',
      '10 s',
      '1 min',
      '5 min',
      '15 min',
    ]);
  });
});
