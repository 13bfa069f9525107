import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatMib,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
  formatUsd,
  unitAgreeingWith,
} from './format.ts';

describe('format', () => {
  it('groups numbers the en-US way', () => {
    expect(formatNumber(1_048_576)).toBe('1,048,576');
    expect(formatNumber(17.476266)).toBe('17.48');
    expect(formatCount(2999.6)).toBe('3,000');
  });

  it('keeps small money meaningful and large money in cents', () => {
    expect(formatUsd(143.226)).toBe('$143.23');
    expect(formatUsd(0.7)).toBe('$0.70');
    expect(formatUsd(0.0275)).toBe('$0.0275');
    expect(formatUsd(0.0001)).toBe('$0.0001');
    expect(formatUsd(-2)).toBe('−$2.00');
    expect(formatUnitPrice(0.015)).toBe('$0.015');
  });

  it('uses binary units for bytes', () => {
    expect(formatBytes(500)).toBe('500 bytes');
    expect(formatBytes(1_048_576)).toBe('1 MiB');
    expect(formatBytes(51_200)).toBe('50 KiB');
  });

  it('writes durations in the largest sensible units', () => {
    expect(formatDuration(0.2)).toBe('200 ms');
    expect(formatDuration(17.4762)).toBe('17.5 s');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(604_800)).toBe('7 d');
  });

  it('formats quantities with their unit', () => {
    expect(formatPercent(0.4567)).toBe('45.7 %');
    expect(formatQuantity(3, 'shards')).toBe('3 shards');
    expect(formatQuantity(32.85, 'USD')).toBe('$32.85');
  });
});

describe('formatMib', () => {
  it('shows mebibytes with two decimals, as a rate compared with 1 MiB/s reads', () => {
    expect(formatMib(786_432)).toBe('0.75 MiB');
    expect(formatMib(5 * 1_048_576)).toBe('5.00 MiB');
    expect(formatMib(1_090_000)).toBe('1.04 MiB');
    expect(formatMib(2048 * 1_048_576)).toBe('2,048.00 MiB');
  });

  it('takes other precision when asked, as the CLI drops trailing zeros', () => {
    expect(formatMib(1_572_864, { maxDecimals: 2 })).toBe('1.5 MiB');
    expect(formatMib(0, { maxDecimals: 2 })).toBe('0 MiB');
  });
});

describe('money precision', () => {
  it('shows cents from a dollar up and four significant digits below, with no float noise', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(1.086)).toBe('$1.09');
    expect(formatUsd(0.672)).toBe('$0.672');
    expect(formatUsd(0.2283105023)).toBe('$0.2283');
    expect(formatUsd(0.1 + 0.2)).toBe('$0.30');
    expect(formatUsd(0.00000166667)).toBe('$0.000001667');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(-0)).toBe('$0.00');
  });

  it('keeps book unit prices as stated and trims computed rates', () => {
    expect(formatUnitPrice(0.0275)).toBe('$0.0275');
    expect(formatUnitPrice(0.000001)).toBe('$0.000001');
    expect(formatUnitPrice(1.086)).toBe('$1.086');
    expect(formatUnitPrice(4.8)).toBe('$4.80');
    expect(formatUnitPrice(13.04)).toBe('$13.04');
    expect(formatUnitPrice(0.2283105023)).toBe('$0.2283');
    expect(formatUnitPrice(0.014 * 3)).toBe('$0.042');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(1 - 1.0000000001)).toBe('0');
    expect(formatQuantity((1 - 1.0000000001) * 100, '%')).toBe('0 %');
  });
});

describe('formatQuantity for unit prices', () => {
  it('keeps four significant digits and at least cents', () => {
    expect(formatQuantity(7.168, 'USD per TB-month')).toBe('$7.168 per TB-month');
    expect(formatQuantity(0.2283105, 'USD per node-hour')).toBe('$0.2283 per node-hour');
    expect(formatQuantity(3723, 'USD per TB-year')).toBe('$3,723.00 per TB-year');
    expect(formatQuantity(0.00012345, 'USD per prediction')).toBe('$0.0001235 per prediction');
  });
});

describe('units agree in number with their value', () => {
  it('makes the counted noun singular after exactly 1', () => {
    expect(formatQuantity(1, 'shards')).toBe('1 shard');
    expect(formatQuantity(2, 'shards')).toBe('2 shards');
    expect(formatQuantity(1, 'calls/s per shard')).toBe('1 call/s per shard');
    expect(formatQuantity(5, 'calls/s per shard')).toBe('5 calls/s per shard');
    expect(formatQuantity(1, 'units')).toBe('1 unit');
    expect(formatQuantity(1, 'user records')).toBe('1 user record');
    expect(formatQuantity(1, 'instance-hours')).toBe('1 instance-hour');
    expect(formatQuantity(1, 'bytes/s')).toBe('1 byte/s');
    expect(formatQuantity(1, 'objects/h')).toBe('1 object/h');
    expect(formatBytes(1)).toBe('1 byte');
  });

  it('keeps plurals for fractions and zero, and never touches unit symbols', () => {
    expect(formatQuantity(0, 'shards')).toBe('0 shards');
    expect(formatQuantity(1.5, 'slices')).toBe('1.5 slices');
    expect(formatQuantity(1, 's')).toBe('1 s');
    expect(formatQuantity(1, 'ms')).toBe('1 ms');
    expect(formatQuantity(1, 'GB')).toBe('1 GB');
    expect(formatQuantity(1, 'h')).toBe('1 h');
    expect(unitAgreeingWith('1,000', 'records/s')).toBe('records/s');
  });

  it('reads a value that rounds to 1 for display as singular', () => {
    expect(formatQuantity(1.0000001, 'shards')).toBe('1 shard');
  });
});
