import { describe, expect, it } from 'vitest';
import { runFirehosePath, runStreamsPath } from '../../../labs/11-streams-vs-firehose/latency-run';
import { layoutLatencyChart } from './latency-chart';

describe('latency chart', () => {
  it('puts every Streams bar below one second, Firehose bars above it, and none past 1 min at the fastest hints', () => {
    const layout = layoutLatencyChart(runStreamsPath(2016).latency, runFirehosePath(2016, 5, 300).latency);
    const oneSecondX = layout.xTicks.find((t) => t.label === '1 s')!.x;
    const streams = layout.bars.filter((b) => b.path === 'streams');
    const firehose = layout.bars.filter((b) => b.path === 'firehose');
    expect(streams.every((b) => b.toMs <= 1000 && b.x < oneSecondX)).toBe(true);
    expect(firehose.every((b) => b.toMs >= 1000)).toBe(true);
    const minuteX = layout.xTicks.find((t) => t.label === '1 min')!.x;
    const fastest = layoutLatencyChart(runStreamsPath(2016).latency, runFirehosePath(2016, 1, 60).latency);
    expect(
      fastest.bars.filter((b) => b.path === 'firehose').every((b) => b.x + b.width <= minuteX + 0.001),
    ).toBe(true);
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
