import { gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { createBucket, getObject, listObjectsV2 } from '../s3/index.ts';
import { createS3State, type S3State } from '../s3/index.ts';
import type { CompressionFormat, CreateDeliveryStreamInput } from './config.ts';
import { firehoseCost } from './cost.ts';
import { bufferStatus, deliverDue, nextFirehoseDeliveryAt } from './deliver.ts';
import { putRecord, putRecordBatch } from './ingest.ts';
import { createDeliveryStream, createFirehoseState, type FirehoseState } from './state.ts';

const book = PRICE_BOOKS['2016'];
/** 2016-06-14T10:59:58Z, the workshop's afternoon. */
const T0 = Date.UTC(2016, 5, 14, 10, 59, 58);
const text = (s: string) => new TextEncoder().encode(s);

function setup(overrides: Partial<CreateDeliveryStreamInput['S3DestinationConfiguration']> = {}) {
  const s3 = createS3State(millis(T0));
  createBucket(s3, { Bucket: 'weblogs' }, millis(T0));
  const firehose = createFirehoseState();
  const created = createDeliveryStream(
    firehose,
    s3,
    {
      DeliveryStreamName: 'web-logs',
      S3DestinationConfiguration: {
        BucketName: 'weblogs',
        Prefix: 'raw/',
        BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        ...overrides,
      },
    },
    book,
    T0,
  );
  if (!created.ok) throw new Error(created.error.message);
  return { s3, firehose, rng: Rng.fromSeed(7) };
}

function putLines(firehose: FirehoseState, count: number, now: number) {
  const records = Array.from({ length: count }, (_, i) => ({ Data: text(`line ${i}\n`) }));
  const result = putRecordBatch(firehose, { DeliveryStreamName: 'web-logs', Records: records }, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function onlyObject(s3: S3State) {
  const list = listObjectsV2(s3, { Bucket: 'weblogs' });
  if (!list.ok || list.value.Contents.length !== 1) throw new Error('expected one object');
  const got = getObject(s3, { Bucket: 'weblogs', Key: list.value.Contents[0]!.Key });
  if (!got.ok) throw new Error(got.error.message);
  return got.value;
}

describe('Firehose delivery', () => {
  it('delivers on the interval hint, under prefix + UTC YYYY/MM/DD/HH/ and the Firehose object name', () => {
    const { s3, firehose, rng } = setup();
    putLines(firehose, 3, T0);
    expect(deliverDue(firehose, s3, rng, T0 + 59_999)).toEqual([]);
    expect(nextFirehoseDeliveryAt(firehose, T0)).toBe(T0 + 60_000);
    const [entry] = deliverDue(firehose, s3, rng, T0 + 60_000);
    expect(entry!.key).toMatch(
      /^raw\/2016\/06\/14\/10\/web-logs-1-2016-06-14-10-59-58-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(entry).toMatchObject({ records: 3, bytes: 21, compressedBytes: 21, deliveredAtMs: T0 + 60_000 });
    expect(new TextDecoder().decode(onlyObject(s3).Body)).toBe('line 0\nline 1\nline 2\n');
  });

  it('adds no slash after the prefix', () => {
    const { s3, firehose, rng } = setup({ Prefix: 'myApp' });
    putLines(firehose, 1, T0);
    expect(deliverDue(firehose, s3, rng, T0 + 60_000)[0]!.key.startsWith('myApp2016/06/14/10/')).toBe(true);
  });

  it('delivers as soon as the size hint (1 MiB before compression) is reached', () => {
    const { s3, firehose, rng } = setup({ CompressionFormat: 'GZIP' });
    const chunk = { Data: new Uint8Array(1000 * 1024).fill(65) };
    expect(putRecordBatch(firehose, { DeliveryStreamName: 'web-logs', Records: [chunk] }, T0).ok).toBe(true);
    expect(deliverDue(firehose, s3, rng, T0)).toEqual([]);
    putRecordBatch(
      firehose,
      { DeliveryStreamName: 'web-logs', Records: [{ Data: new Uint8Array(30 * 1024) }] },
      T0 + 10,
    );
    const [entry] = deliverDue(firehose, s3, rng, T0 + 10);
    expect(entry!.trigger).toBe('size');
    expect(entry!.bytes).toBe(1030 * 1024);
    expect(entry!.compressedBytes).toBeLessThan(entry!.bytes / 100);
  });

  it.each<[CompressionFormat, string | undefined]>([
    ['GZIP', 'gzip'],
    ['ZIP', undefined],
  ])(
    '%s output is byte-identical across runs and unpacks to the concatenated records',
    (format, encoding) => {
      const bodies = [1, 2].map(() => {
        const { s3, firehose, rng } = setup({ CompressionFormat: format });
        putLines(firehose, 100, T0);
        deliverDue(firehose, s3, rng, T0 + 60_000);
        return onlyObject(s3);
      });
      expect(bodies[0]!.Body).toEqual(bodies[1]!.Body);
      expect(bodies[0]!.ContentEncoding).toBe(encoding);
      const expected = Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join('');
      const raw =
        format === 'GZIP' ? gunzipSync(bodies[0]!.Body) : Object.values(unzipSync(bodies[0]!.Body))[0]!;
      expect(new TextDecoder().decode(raw)).toBe(expected);
    },
  );

  it('exposes the buffer filling while its interval timer runs', () => {
    const { firehose } = setup();
    const stream = firehose.deliveryStreams['web-logs']!;
    expect(bufferStatus(stream, T0).msUntilInterval).toBeNull();
    putLines(firehose, 10, T0);
    const status = bufferStatus(stream, T0 + 15_000);
    expect(status).toMatchObject({ bufferedRecords: 10, bufferedBytes: 70, sizeLimitBytes: 1_048_576 });
    expect(status.msUntilInterval).toBe(45_000);
    expect(status.fillFraction).toBeCloseTo(70 / 1_048_576, 12);
  });

  it('keeps the data and retries when the bucket has gone', () => {
    const { s3, firehose, rng } = setup();
    putLines(firehose, 1, T0);
    delete s3.buckets['weblogs'];
    expect(deliverDue(firehose, s3, rng, T0 + 60_000)).toEqual([]);
    const stream = firehose.deliveryStreams['web-logs']!;
    expect(stream.deliveryError?.message).toContain('NoSuchBucket');
    expect(stream.buffer.records).toHaveLength(1);
    expect(nextFirehoseDeliveryAt(firehose, T0 + 60_000)).toBe(T0 + 65_000);
  });
});

describe('Firehose ingestion', () => {
  it('PutRecord returns a RecordId; an unknown stream is ResourceNotFoundException', () => {
    const { firehose } = setup();
    const put = putRecord(firehose, { DeliveryStreamName: 'web-logs', Record: { Data: text('x') } }, T0);
    expect(put.ok && put.value.RecordId).toMatch(/^web-logs-/);
    const missing = putRecord(firehose, { DeliveryStreamName: 'nope', Record: { Data: text('x') } }, T0);
    expect(missing.ok ? '' : missing.error.code).toBe('ResourceNotFoundException');
  });

  it('refuses an oversized record, an empty batch and more than 500 records', () => {
    const { firehose } = setup();
    const big = putRecord(
      firehose,
      { DeliveryStreamName: 'web-logs', Record: { Data: new Uint8Array(1000 * 1024 + 1) } },
      T0,
    );
    expect(big.ok ? '' : big.error.message).toContain('1,024,000 bytes');
    const empty = putRecordBatch(firehose, { DeliveryStreamName: 'web-logs', Records: [] }, T0);
    expect(empty.ok ? '' : empty.error.code).toBe('InvalidArgumentException');
    const many = Array.from({ length: 501 }, () => ({ Data: text('x') }));
    const tooMany = putRecordBatch(firehose, { DeliveryStreamName: 'web-logs', Records: many }, T0);
    expect(tooMany.ok ? '' : tooMany.error.message).toContain('501');
  });

  it('throttles records over 5,000 per second with per-record ServiceUnavailableException', () => {
    const { firehose } = setup();
    let failed = 0;
    for (let i = 0; i < 11; i++) failed += putLines(firehose, 500, T0 + 2000 + i).FailedPutCount;
    expect(failed).toBe(500);
    const next = putLines(firehose, 500, T0 + 3000);
    expect(next.FailedPutCount).toBe(0);
  });

  it('bills each record rounded up to 5 KB', () => {
    const { firehose } = setup();
    putRecordBatch(
      firehose,
      { DeliveryStreamName: 'web-logs', Records: [{ Data: text('a') }, { Data: text('b') }] },
      T0,
    );
    expect(firehose.deliveryStreams['web-logs']!.stats.billedBytes).toBe(10 * 1024);
    const cost = firehoseCost(firehose, book);
    expect(cost.ok && cost.value.usd).toBeCloseTo(((10 * 1024) / 2 ** 30) * 0.035, 15);
  });
});
