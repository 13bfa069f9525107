import { describe, expect, it } from 'vitest';
import { GIB, HOURS_PER_MONTH, millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { s3Cost } from './cost.ts';
import { createBucket, deleteObject, getObject, putObject } from './objects.ts';
import { createS3State } from './state.ts';

const month = HOURS_PER_MONTH * 3_600_000;

describe('S3 cost meter', () => {
  it('accrues storage for the virtual time bytes are kept, and stops when they are deleted', () => {
    const state = createS3State(millis(0));
    createBucket(state, { Bucket: 'bkt' }, millis(0));
    putObject(state, { Bucket: 'bkt', Key: 'k', Body: new Uint8Array(1024) }, millis(0));
    deleteObject(state, { Bucket: 'bkt', Key: 'k' }, millis(month / 2));
    const cost = s3Cost(state, PRICE_BOOKS['2016'], millis(month));
    expect(cost.ok && cost.value.gbMonths).toBeCloseTo(1024 / GIB / 2, 15);
  });

  it('prices requests per 1,000 PUT and per 10,000 GET', () => {
    const state = createS3State(millis(0));
    createBucket(state, { Bucket: 'bkt' }, millis(0));
    putObject(state, { Bucket: 'bkt', Key: 'k', Body: new Uint8Array(0) }, millis(0));
    for (let i = 0; i < 10_000; i++) getObject(state, { Bucket: 'bkt', Key: 'k' });
    const cost = s3Cost(state, PRICE_BOOKS['2016'], millis(0));
    if (!cost.ok) throw new Error(cost.error.message);
    const line = (id: string) => cost.value.lines.find((l) => l.id === id)!;
    expect(line('putCopyPostListRequests').quantity).toBe(2);
    expect(line('putCopyPostListRequests').usd).toBeCloseTo(0.00001, 12);
    expect(line('getRequests').usd).toBeCloseTo(0.004, 12);
  });
});
