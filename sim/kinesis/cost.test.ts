import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { kinesisCost, shardHours } from './cost.ts';
import { increaseStreamRetentionPeriod } from './retention.ts';
import { createKinesisState, createStream } from './stream.ts';

const HOUR = 3_600_000;

function twoStreams() {
  const kinesis = createKinesisState();
  createStream(kinesis, { StreamName: 'clicks', ShardCount: 2 }, millis(0));
  createStream(kinesis, { StreamName: 'orders', ShardCount: 1 }, millis(0));
  return kinesis;
}

describe('the Kinesis cost meter', () => {
  it('prorates shard-hours over the time each shard of the named streams was open', () => {
    const kinesis = twoStreams();
    expect(shardHours(kinesis, ['clicks'], HOUR / 2)).toBe(1);
    expect(shardHours(kinesis, ['clicks', 'orders'], HOUR)).toBe(3);
  });

  it('prices shard-hours and PUT payload units from the book, per million units', () => {
    const book = PRICE_BOOKS['2016'];
    const lines = kinesisCost(twoStreams(), ['clicks', 'orders'], 2_000_000, book, HOUR);
    expect(lines.map((l) => l.id)).toEqual(['shardHours', 'putPayloadUnits']);
    const [hours, units] = lines;
    expect(hours!.quantity).toBe(3);
    expect(hours!.usd).toBeCloseTo(3 * 0.015, 10);
    expect(units!.usd).toBeCloseTo(2 * 0.014, 10);
  });

  it('adds extended retention only for streams kept beyond 24 hours', () => {
    const kinesis = twoStreams();
    const raised = increaseStreamRetentionPeriod(
      kinesis,
      { StreamName: 'orders', RetentionPeriodHours: 48 },
      millis(0),
    );
    expect(raised.ok).toBe(true);
    const lines = kinesisCost(kinesis, ['clicks', 'orders'], 0, PRICE_BOOKS['2016'], HOUR);
    expect(lines.map((l) => [l.id, l.quantity])).toContainEqual(['extendedRetention', 1]);
  });
});
