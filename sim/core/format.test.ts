import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
  formatUsd,
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

describe('formatQuantity for unit prices', () => {
  it('keeps up to four decimals, six below a cent', () => {
    expect(formatQuantity(7.168, 'USD per TB-month')).toBe('$7.168 per TB-month');
    expect(formatQuantity(0.2283105, 'USD per node-hour')).toBe('$0.2283 per node-hour');
    expect(formatQuantity(3723, 'USD per TB-year')).toBe('$3,723.00 per TB-year');
    expect(formatQuantity(0.00012345, 'USD per prediction')).toBe('$0.000123 per prediction');
  });
});
