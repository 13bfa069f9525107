/** Fidelity: the Firehose model against AWS-FACTS §3 and rows 44–49 and 52 (2016 book unless stated). */
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/core/index.ts';
import { millis } from '../../sim/core/index.ts';
import {
  createDeliveryStream,
  createFirehoseState,
  deliverDue,
  firehoseCost,
  putRecordBatch,
  randomObjectId,
  validateDeliveryStream,
  type CreateDeliveryStreamInput,
  type FirehoseState,
} from '../../sim/firehose/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import { createBucket, createS3State, getObject } from '../../sim/s3/index.ts';

const book2016 = PRICE_BOOKS['2016'];
const KIB = 1024;
const MIB = 1_048_576;

const hints = (
  BufferingHints: Partial<{ SizeInMBs: number; IntervalInSeconds: number }>,
): CreateDeliveryStreamInput => ({
  DeliveryStreamName: 'logs',
  S3DestinationConfiguration: { BucketName: 'weblogs', BufferingHints },
});

function stream(
  book = book2016,
  input: Partial<CreateDeliveryStreamInput['S3DestinationConfiguration']> = {},
) {
  const s3 = createS3State(millis(0));
  createBucket(s3, { Bucket: 'weblogs' }, millis(0));
  const firehose = createFirehoseState();
  const created = createDeliveryStream(
    firehose,
    s3,
    { DeliveryStreamName: 'logs', S3DestinationConfiguration: { BucketName: 'weblogs', ...input } },
    book,
    0,
  );
  if (!created.ok) throw new Error(created.error.message);
  return { s3, firehose };
}

function batch(firehose: FirehoseState, sizes: readonly number[], now: number) {
  return putRecordBatch(
    firehose,
    { DeliveryStreamName: 'logs', Records: sizes.map((size) => ({ Data: new Uint8Array(size) })) },
    now,
  );
}

describe('#44 buffer size 1–128 MB, default 5 (BF16)', () => {
  it.each([
    [0, false],
    [1, true],
    [128, true],
    [129, false],
  ])('SizeInMBs %i accepted: %s', (size, accepted) => {
    expect(validateDeliveryStream(hints({ SizeInMBs: size }), book2016).ok).toBe(accepted);
  });
  it('defaults to 5', () => {
    const config = validateDeliveryStream(hints({}), book2016);
    expect(config.ok && config.value.BufferingHints.SizeInMBs).toBe(5);
  });
});

describe('#45 buffer interval 60–900 s in 2016, 0–900 today, default 300 (BF16, BFnow)', () => {
  it.each([
    ['2016', 59, false],
    ['2016', 60, true],
    ['2016', 900, true],
    ['2016', 901, false],
    ['current', 0, true],
    ['current', 901, false],
  ] as const)('%s: IntervalInSeconds %i accepted: %s', (era, interval, accepted) => {
    expect(validateDeliveryStream(hints({ IntervalInSeconds: interval }), PRICE_BOOKS[era]).ok).toBe(
      accepted,
    );
  });
  it('defaults to 300', () => {
    const config = validateDeliveryStream(hints({}), book2016);
    expect(config.ok && config.value.BufferingHints.IntervalInSeconds).toBe(300);
  });
});

describe('#46 record at most 1,000 KB (BF16)', () => {
  it('accepts 1,024,000 bytes and refuses one byte more', () => {
    const { firehose } = stream();
    expect(batch(firehose, [1000 * KIB], 0).ok).toBe(true);
    const over = batch(firehose, [1000 * KIB + 1], 0);
    expect(over.ok ? '' : over.error.code).toBe('InvalidArgumentException');
  });
});

describe('#47 PutRecordBatch at most 500 records and 4 MB (BF16)', () => {
  it('accepts 500 records, refuses 501', () => {
    const { firehose } = stream();
    expect(batch(firehose, Array(500).fill(1), 0).ok).toBe(true);
    expect(batch(firehose, Array(501).fill(1), 1000).ok).toBe(false);
  });
  it('accepts 4 × 1,000 KB = 4,096,000 bytes, refuses a call over 4,194,304 bytes', () => {
    const { firehose } = stream();
    expect(batch(firehose, Array(4).fill(1000 * KIB), 0).ok).toBe(true);
    const over = batch(firehose, [...Array(4).fill(1000 * KIB), 100 * KIB], 1000);
    expect(over.ok ? '' : over.error.message).toContain('4 MB');
  });
});

describe('#48 Direct-PUT limits per delivery stream (2016: 2,000 calls/s, 5,000 records/s, 5 MB/s)', () => {
  it('the 2,001st call in one second is refused whole with ServiceUnavailableException', () => {
    const { firehose } = stream();
    for (let i = 0; i < 2000; i++) expect(batch(firehose, [0], 5000).ok).toBe(true);
    const refused = batch(firehose, [0], 5999);
    expect(refused.ok ? '' : refused.error.code).toBe('ServiceUnavailableException');
    expect(batch(firehose, [0], 6000).ok).toBe(true);
  });
  it('records past 5,000 in one second fail one by one (FailedPutCount)', () => {
    const { firehose } = stream();
    const results = Array.from({ length: 11 }, () => batch(firehose, Array(500).fill(1), 0));
    const failed = results.reduce((n, r) => n + (r.ok ? r.value.FailedPutCount : 0), 0);
    expect(failed).toBe(500);
    const last = results[10]!;
    expect(last.ok && last.value.RequestResponses[0]!.ErrorCode).toBe('ServiceUnavailableException');
  });
  it('bytes past 5 MB (5,242,880) in one second fail', () => {
    const { firehose } = stream();
    const first = batch(firehose, Array(4).fill(1000 * KIB), 0);
    const second = batch(firehose, Array(2).fill(1000 * KIB), 500);
    expect(first.ok && first.value.FailedPutCount).toBe(0);
    // 5 × 1,024,000 = 5,120,000 fits; the sixth record would make 6,144,000.
    expect(second.ok && second.value.FailedPutCount).toBe(1);
  });
  it('today allows 500,000 records/s in the big three regions (FH23)', () => {
    const { firehose } = stream(PRICE_BOOKS.current);
    const results = Array.from({ length: 11 }, () => batch(firehose, Array(500).fill(1), 0));
    expect(results.every((r) => r.ok && r.value.FailedPutCount === 0)).toBe(true);
  });
});

describe('#49 20 delivery streams per region in 2016 (BF16)', () => {
  it('refuses the 21st', () => {
    const s3 = createS3State(millis(0));
    createBucket(s3, { Bucket: 'weblogs' }, millis(0));
    const firehose = createFirehoseState();
    const create = (name: string) =>
      createDeliveryStream(
        firehose,
        s3,
        { DeliveryStreamName: name, S3DestinationConfiguration: { BucketName: 'weblogs' } },
        book2016,
        0,
      );
    for (let i = 0; i < 20; i++) expect(create(`s${i}`).ok).toBe(true);
    expect(create('s20').ok).toBe(false);
  });
});

describe('#52 $0.035 per GB ingested, each record rounded up to 5 KB (2016)', () => {
  it('3 KB bills 5 KB, 42 KB bills 45 KB, and two 1 KB records in one batch bill 10 KB', () => {
    const cases: [number[], number][] = [
      [[3 * KIB], 5 * KIB],
      [[42 * KIB], 45 * KIB],
      [[KIB, KIB], 10 * KIB],
    ];
    for (const [sizes, billed] of cases) {
      const { firehose } = stream();
      batch(firehose, sizes, 0);
      expect(firehose.deliveryStreams['logs']!.stats.billedBytes).toBe(billed);
    }
  });
  it('1 GB of 5 KB records costs $0.035', () => {
    const { firehose } = stream();
    const records = (1024 * MIB) / (5 * KIB);
    firehose.deliveryStreams['logs']!.stats.billedBytes = records * 5 * KIB;
    const cost = firehoseCost(firehose, book2016);
    expect(cost.ok && cost.value.usd).toBeCloseTo(0.035, 12);
  });
});

describe('S3 keys and records as delivered (FH17 basic-deliver.md, AWS-FACTS §3)', () => {
  it('prefix + UTC YYYY/MM/DD/HH/ + name-version-YYYY-MM-DD-HH-MM-SS-id, records concatenated as-is', () => {
    const start = Date.UTC(2016, 5, 14, 23, 59, 30);
    const { s3, firehose } = stream(book2016, {
      Prefix: 'web/',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      CompressionFormat: 'GZIP',
    });
    putRecordBatch(
      firehose,
      {
        DeliveryStreamName: 'logs',
        Records: [{ Data: new TextEncoder().encode('a') }, { Data: new TextEncoder().encode('b') }],
      },
      start,
    );
    const [entry] = deliverDue(firehose, s3, Rng.fromSeed(42), start + 60_000);
    const id = randomObjectId(Rng.fromSeed(42));
    expect(entry!.key).toBe(`web/2016/06/14/23/logs-1-2016-06-14-23-59-30-${id}`);
    const object = getObject(s3, { Bucket: 'weblogs', Key: entry!.key });
    if (!object.ok) throw new Error(object.error.message);
    expect([...object.value.Body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect([...object.value.Body.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(new TextDecoder().decode(gunzipSync(object.value.Body))).toBe('ab');
  });
});
