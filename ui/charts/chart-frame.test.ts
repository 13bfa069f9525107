import { describe, expect, it } from 'vitest';
import { describeSeries, horizontalRule, lineEntry, seriesColour, verticalRule } from './chart-frame';

const plot = { left: 50, top: 20, right: 750, bottom: 220 };

describe('seriesColour', () => {
  it('cycles through the six theme chart colours', () => {
    expect([0, 1, 5, 6, 13].map(seriesColour)).toEqual([
      'var(--chart-1)',
      'var(--chart-2)',
      'var(--chart-6)',
      'var(--chart-1)',
      'var(--chart-2)',
    ]);
  });
});

describe('horizontalRule', () => {
  it('spans the plot at y, its label right-aligned just above the line', () => {
    const rule = horizontalRule(plot, 'limit', 100, { colour: 'var(--error)' }, { text: 'Shard limit' });
    expect([rule.x1, rule.x2, rule.y1, rule.y2]).toEqual([50, 750, 100, 100]);
    expect(rule.label).toEqual({ text: 'Shard limit', x: 746, y: 94, anchor: 'end', colour: 'var(--text)' });
  });

  it('has no label unless given one', () => {
    expect(horizontalRule(plot, 'limit', 100, { colour: 'red' }).label).toBeNull();
  });
});

describe('verticalRule', () => {
  it('runs top to bottom of the plot at x, its label inside the top of the plot', () => {
    const rule = verticalRule(plot, 'fix', 300, { colour: 'red' }, { text: 'Split', colour: 'blue' });
    expect([rule.x1, rule.x2, rule.y1, rule.y2]).toEqual([300, 300, 20, 220]);
    expect(rule.label).toEqual({ text: 'Split', x: 304, y: 34, anchor: 'start', colour: 'blue' });
  });

  it('stacks labels by row, above the plot when asked', () => {
    const first = verticalRule(plot, 'a', 300, { colour: 'red' }, { text: 'a', above: true, row: 0 });
    const second = verticalRule(plot, 'b', 310, { colour: 'red' }, { text: 'b', above: true, row: 1 });
    expect(first.label?.y).toBe(10);
    expect(second.label?.y).toBe(24);
  });
});

describe('legend and description helpers', () => {
  it('makes a line entry whose swatch is the series stroke', () => {
    const stroke = { colour: 'var(--chart-1)', dash: '4 4' };
    expect(lineEntry('batch', 'Batch view', stroke)).toEqual({
      key: 'batch',
      label: 'Batch view',
      swatch: { kind: 'line', stroke },
    });
  });

  it('joins series descriptions with semicolons and ends with a full stop', () => {
    expect(describeSeries([1, 2], (n) => `s${n}: ${n * 10}`)).toBe('s1: 10; s2: 20.');
    expect(describeSeries([], String)).toBe('');
  });
});
