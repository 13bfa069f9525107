/** Fidelity: the S3 cost meter against AWS-FACTS §4, rows 55–56 (2016 book). */
import { describe, expect, it } from 'vitest';
import { GIB, HOURS_PER_MONTH, millis } from '../../sim/core/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import { createBucket, createS3State, getObject, putObject, s3Cost } from '../../sim/s3/index.ts';

const book = PRICE_BOOKS['2016'];
const month = HOURS_PER_MONTH * 3_600_000;

describe('#55 S3 Standard $0.0300 per GB-month for the first TB (2016)', () => {
  it('1 GB-month (here 1 MiB kept for 1,024 months of 730 hours) costs $0.03', () => {
    const state = createS3State(millis(0));
    createBucket(state, { Bucket: 'lake' }, millis(0));
    putObject(state, { Bucket: 'lake', Key: 'one-mib', Body: new Uint8Array(GIB / 1024) }, millis(0));
    const cost = s3Cost(state, book, millis(1024 * month));
    if (!cost.ok) throw new Error(cost.error.message);
    expect(cost.value.gbMonths).toBeCloseTo(1, 12);
    expect(cost.value.lines[0]!.usd).toBeCloseTo(0.03, 12);
  });

  it('walks the ladder: 2 TB-months = 1,024 × $0.0300 + 1,024 × $0.0295', () => {
    const state = createS3State(millis(0));
    state.usage.byteMillis = 2048 * GIB * month;
    const cost = s3Cost(state, book, millis(0));
    expect(cost.ok && cost.value.lines[0]!.usd).toBeCloseTo(1024 * 0.03 + 1024 * 0.0295, 9);
  });
});

describe('#56 S3 requests: PUT $0.005 per 1,000, GET $0.004 per 10,000', () => {
  it('1,000 PUTs cost $0.005 and 10,000 GETs cost $0.004', () => {
    const state = createS3State(millis(0));
    createBucket(state, { Bucket: 'lake' }, millis(0));
    for (let i = 0; i < 999; i++)
      putObject(state, { Bucket: 'lake', Key: `k${i}`, Body: new Uint8Array(0) }, millis(0));
    for (let i = 0; i < 10_000; i++) getObject(state, { Bucket: 'lake', Key: 'k0' });
    const cost = s3Cost(state, book, millis(0));
    if (!cost.ok) throw new Error(cost.error.message);
    const byId = Object.fromEntries(cost.value.lines.map((line) => [line.id, line]));
    // CreateBucket is a PUT too: 1 + 999 = 1,000.
    expect(byId['putCopyPostListRequests']!.quantity).toBe(1000);
    expect(byId['putCopyPostListRequests']!.usd).toBeCloseTo(0.005, 12);
    expect(byId['getRequests']!.usd).toBeCloseTo(0.004, 12);
  });
});
