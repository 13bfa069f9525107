/**
 * Fidelity: every price and limit in the two books matches the reference row it cites.
 * Rows are AWS-FACTS.md "Numbers the simulator must reproduce" unless a section is named.
 */
import { describe, expect, it } from 'vitest';
import { limitOf, PRICE_BOOKS, priceOf, SOURCES } from '../../sim/pricing/index.ts';
import type { LimitId, PriceBook } from '../../sim/pricing/index.ts';

const b2016 = PRICE_BOOKS['2016'];
const current = PRICE_BOOKS.current;

function price(book: PriceBook, id: string) {
  const found = priceOf(book, id);
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
}

describe('Kinesis Streams (AWS-FACTS §1)', () => {
  it.each<[string, LimitId, number]>([
    ['row 1: shard write 1 MB/s', 'kinesis.shardWriteBytesPerSecond', 1_048_576],
    ['row 2: shard write 1,000 records/s', 'kinesis.shardWriteRecordsPerSecond', 1000],
    ['row 3: shard read 2 MB/s', 'kinesis.shardReadBytesPerSecond', 2_097_152],
    ['row 4: GetRecords 5 calls/s per shard', 'kinesis.shardReadCallsPerSecond', 5],
    ['row 15: retention default 24 h', 'kinesis.retentionDefaultHours', 24],
    ['row 31: KPL AggregationMaxSize 51,200 bytes', 'kinesis.kplAggregationMaxBytes', 51_200],
    ['row 30: KPL RecordMaxBufferedTime 100 ms', 'kinesis.kplRecordMaxBufferedTimeMs', 100],
    ['row 40: KCL idle time between reads 1,000 ms', 'kinesis.kclIdleTimeBetweenReadsMs', 1000],
  ])('%s, in both books', (_row, id, value) => {
    expect(limitOf(b2016, id).value).toBe(value);
    expect(limitOf(current, id).value).toBe(value);
  });

  it('row 16: retention max 168 h in 2016, 8,760 h today', () => {
    expect(limitOf(b2016, 'kinesis.retentionMaxHours').value).toBe(168);
    expect(limitOf(current, 'kinesis.retentionMaxHours').value).toBe(8760);
  });

  it('row 22: shard-hour $0.015 (KPRICE16, PL2023)', () => {
    expect(price(b2016, 'kinesis.shardHour').value).toBe(0.015);
    expect(price(current, 'kinesis.shardHour')).toMatchObject({
      value: 0.015,
      sources: ['PL2023'],
      confidence: 'primary',
    });
  });

  it('rows 23–24: 25 KB PUT payload unit at $0.014 per million, secondary', () => {
    expect(limitOf(b2016, 'kinesis.putPayloadUnitBytes').value).toBe(25 * 1024);
    expect(price(b2016, 'kinesis.putPayloadUnitsPerMillion')).toMatchObject({
      value: 0.014,
      confidence: 'secondary',
    });
  });

  it('row 25: extended retention $0.020, unconfirmed for 2016', () => {
    expect(price(b2016, 'kinesis.extendedRetentionShardHour')).toMatchObject({
      value: 0.02,
      confidence: 'unconfirmed',
    });
    expect(price(current, 'kinesis.extendedRetentionShardHour')).toMatchObject({
      value: 0.02,
      confidence: 'primary',
    });
  });

  it('row 29: on-demand stream-hour $0.04 exists only today', () => {
    expect(price(current, 'kinesis.onDemandStreamHour').value).toBe(0.04);
    expect(priceOf(b2016, 'kinesis.onDemandStreamHour').ok).toBe(false);
  });
});

describe('Firehose (AWS-FACTS §3)', () => {
  it('row 44: buffer size 1–128 MB', () => {
    expect(limitOf(b2016, 'firehose.bufferSizeMinMiB').value).toBe(1);
    expect(limitOf(b2016, 'firehose.bufferSizeMaxMiB').value).toBe(128);
  });

  it('row 45: buffer interval 60–900 s in 2016, 0–900 s today', () => {
    expect(limitOf(b2016, 'firehose.bufferIntervalMinSeconds').value).toBe(60);
    expect(limitOf(current, 'firehose.bufferIntervalMinSeconds').value).toBe(0);
    expect(limitOf(current, 'firehose.bufferIntervalMaxSeconds').value).toBe(900);
  });

  it('row 48: Direct-PUT 5,000 records/s, 5 MB/s, 2,000 requests/s in 2016; 500,000 records/s today', () => {
    expect(limitOf(b2016, 'firehose.directPutRecordsPerSecond').value).toBe(5000);
    expect(limitOf(b2016, 'firehose.directPutBytesPerSecond').value).toBe(5 * 1_048_576);
    expect(limitOf(b2016, 'firehose.directPutRequestsPerSecond').value).toBe(2000);
    expect(limitOf(current, 'firehose.directPutRecordsPerSecond').value).toBe(500_000);
  });

  it('row 52: $0.035/GB in 2016 (the slide’s "$0.035 / GB"), $0.029/GB first 500 TB today, 5 KB rounding', () => {
    expect(price(b2016, 'firehose.ingestPerGb')).toMatchObject({ value: 0.035, sources: ['S', 'SLIDES'] });
    expect(price(current, 'firehose.ingestPerGb')).toMatchObject({
      value: 0.029,
      tier: { from: 0, to: 512_000 },
    });
    expect(limitOf(current, 'firehose.billingIncrementBytes').value).toBe(5120);
  });
});

describe('S3 and Glacier (AWS-FACTS §4)', () => {
  it('row 55: 2016 ladder $0.0300 → $0.0275; today $0.023 first 50 TB', () => {
    const ladder = [1, 2, 3, 4, 5, 6].map((tier) => price(b2016, `s3.standard.tier${tier}`).value);
    expect(ladder).toEqual([0.03, 0.0295, 0.029, 0.0285, 0.028, 0.0275]);
    expect(price(current, 's3.standard.tier1')).toMatchObject({ value: 0.023, tier: { to: 50 * 1024 } });
  });

  it('row 56: PUT $0.005 per 1,000, GET $0.004 per 10,000', () => {
    expect(price(b2016, 's3.putPer1000').value).toBe(0.005);
    expect(price(b2016, 's3.getPer10000').value).toBe(0.004);
  });

  it('row 57: Glacier $0.007 in 2016, unconfirmed; no current price', () => {
    expect(price(b2016, 'glacier.storage')).toMatchObject({ value: 0.007, confidence: 'unconfirmed' });
    expect(priceOf(current, 'glacier.storage').ok).toBe(false);
  });
});

describe('EMR and Redshift (AWS-FACTS §5–6)', () => {
  it('row 60: m3.xlarge $0.266 + EMR fee $0.070 in 2016; none sourced today', () => {
    expect(price(b2016, 'ec2.m3.xlarge.onDemandHour').value).toBe(0.266);
    expect(price(b2016, 'emr.m3.xlarge.feeHour').value).toBe(0.07);
    expect(priceOf(current, 'ec2.m3.xlarge.onDemandHour').ok).toBe(false);
  });

  it('rows 65 and §6.1: Redshift node-hours dc1.large $0.25 (primary), dc1.8xlarge $4.80, ds2.xlarge $0.85, ds2.8xlarge $6.80', () => {
    expect(price(b2016, 'redshift.dc1.large.nodeHour')).toMatchObject({ value: 0.25, confidence: 'primary' });
    expect(price(b2016, 'redshift.dc1.8xlarge.nodeHour').value).toBe(4.8);
    expect(price(b2016, 'redshift.ds2.xlarge.nodeHour').value).toBe(0.85);
    expect(price(b2016, 'redshift.ds2.8xlarge.nodeHour').value).toBe(6.8);
  });

  it('§6.1 today: dc2.large $0.25, dc2.8xlarge $4.80, ra3.xlplus $1.086, ra3.4xlarge $3.26, ra3.16xlarge $13.04', () => {
    const ids = ['dc2.large', 'dc2.8xlarge', 'ra3.xlplus', 'ra3.4xlarge', 'ra3.16xlarge'];
    expect(ids.map((id) => price(current, `redshift.${id}.nodeHour`).value)).toEqual([
      0.25, 4.8, 1.086, 3.26, 13.04,
    ]);
  });
});

describe('Amazon ML (AWS-FACTS §7, row 80; SEED-FIGURES "Amazon ML pricing")', () => {
  it('uses the slide amounts, flagged; the reservation amount is unconfirmed', () => {
    expect(price(b2016, 'ml.computeHour')).toMatchObject({ value: 0.42, sources: ['SLIDES', 'AML-DG'] });
    expect(price(b2016, 'ml.batchPer1000').value).toBe(0.1);
    expect(price(b2016, 'ml.realtimePrediction').value).toBe(0.0001);
    expect(price(b2016, 'ml.reservedCapacityPer10MbHour')).toMatchObject({
      value: 0.001,
      confidence: 'unconfirmed',
    });
    expect(limitOf(b2016, 'ml.realtimeRequestsPerSecond').value).toBe(200);
  });
});

describe('every record is sourced', () => {
  it.each([b2016, current])('$label: each price and limit cites known sources and a confidence', (book) => {
    for (const record of [...Object.values(book.prices), ...Object.values(book.limits)]) {
      expect(record.sources.length, record.id).toBeGreaterThan(0);
      for (const tag of record.sources) expect(SOURCES[tag], `${record.id} cites ${tag}`).toBeDefined();
      expect(['primary', 'secondary', 'unconfirmed']).toContain(record.confidence);
    }
  });

  it.each([b2016, current])('$label: nothing is both priced and listed as missing', (book) => {
    for (const id of Object.keys(book.missing)) expect(book.prices[id], id).toBeUndefined();
  });
});
