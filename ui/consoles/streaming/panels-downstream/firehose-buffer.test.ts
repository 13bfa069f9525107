import { describe, expect, it } from 'vitest';
import { bufferMeters, triggerCounts } from './firehose-buffer';
import { deliveryStreamFixture } from './panel-fixtures';

const MIB = 1_048_576;

describe('bufferMeters', () => {
  it('shows no running timer and no projection while the buffer is empty', () => {
    const meters = bufferMeters(deliveryStreamFixture({ buffer: { bytes: 0, records: 0, ageMs: null } }));
    expect(meters).toEqual({ sizeFraction: 0, intervalFraction: 0, msUntilInterval: null, projection: null });
  });

  it('projects the interval hint first when the buffer fills slowly (2 MiB in 120 s of a 5 MiB / 300 s)', () => {
    const meters = bufferMeters(deliveryStreamFixture());
    expect(meters.sizeFraction).toBeCloseTo(0.4, 10);
    expect(meters.intervalFraction).toBeCloseTo(0.4, 10);
    expect(meters.msUntilInterval).toBe(180_000);
    // 3 MiB more at 2 MiB per 120 s takes 180 s: a tie goes to the interval, which is already counting.
    expect(meters.projection).toEqual({ firstTrigger: 'interval', msUntilSize: 180_000 });
  });

  it('projects the size hint first when the buffer fills fast (4 MiB in 10 s)', () => {
    const meters = bufferMeters(
      deliveryStreamFixture({ buffer: { bytes: 4 * MIB, records: 8000, ageMs: 10_000 } }),
    );
    expect(meters.projection).toEqual({ firstTrigger: 'size', msUntilSize: 2500 });
  });

  it('says the size hint is reached once the buffer holds the hint', () => {
    const meters = bufferMeters(
      deliveryStreamFixture({ buffer: { bytes: 6 * MIB, records: 9000, ageMs: 4000 } }),
    );
    expect(meters.sizeFraction).toBe(1);
    expect(meters.projection).toEqual({ firstTrigger: 'size', msUntilSize: 0 });
  });

  it('cannot estimate a rate from records that arrived this instant', () => {
    const meters = bufferMeters(deliveryStreamFixture({ buffer: { bytes: 500, records: 1, ageMs: 0 } }));
    expect(meters.projection).toEqual({ firstTrigger: 'interval', msUntilSize: null });
    expect(meters.msUntilInterval).toBe(300_000);
  });
});

describe('triggerCounts', () => {
  it('counts which hint fired each listed delivery', () => {
    expect(triggerCounts(deliveryStreamFixture())).toEqual({ size: 1, interval: 1 });
  });
});
