import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { createBucket } from '../s3/index.ts';
import { createS3State } from '../s3/index.ts';
import { validateDeliveryStream, type CreateDeliveryStreamInput } from './config.ts';
import { randomObjectId } from './object-key.ts';
import { createDeliveryStream, createFirehoseState } from './state.ts';

const input = (
  destination: Partial<CreateDeliveryStreamInput['S3DestinationConfiguration']> = {},
  rest: Partial<CreateDeliveryStreamInput> = {},
): CreateDeliveryStreamInput => ({
  DeliveryStreamName: 'logs',
  S3DestinationConfiguration: { BucketName: 'weblogs', ...destination },
  ...rest,
});

const errorOf = (result: ReturnType<typeof validateDeliveryStream>) => (result.ok ? undefined : result.error);

describe('delivery stream configuration', () => {
  it('fills in the defaults: 5 MB, 300 s, UNCOMPRESSED, empty prefix', () => {
    const config = validateDeliveryStream(input(), PRICE_BOOKS['2016']);
    expect(config.ok && config.value).toEqual({
      DeliveryStreamName: 'logs',
      BucketName: 'weblogs',
      Prefix: '',
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 },
      CompressionFormat: 'UNCOMPRESSED',
    });
  });

  it('refuses an interval under 60 s in 2016 but accepts 0 s today', () => {
    const hints = { BufferingHints: { IntervalInSeconds: 0 } };
    expect(errorOf(validateDeliveryStream(input(hints), PRICE_BOOKS['2016']))?.message).toContain('60–900');
    expect(validateDeliveryStream(input(hints), PRICE_BOOKS.current).ok).toBe(true);
  });

  it('refuses a size hint outside 1–128 MB with the JSON-ish path', () => {
    const error = errorOf(
      validateDeliveryStream(input({ BufferingHints: { SizeInMBs: 129 } }), PRICE_BOOKS['2016']),
    );
    expect(error?.path).toBe('S3DestinationConfiguration.BufferingHints.SizeInMBs');
    expect(error?.message).toContain('1–128');
  });

  it('refuses Snappy as not modelled, and a Kinesis stream source as a later feature in 2016', () => {
    const snappy = errorOf(
      validateDeliveryStream(input({ CompressionFormat: 'Snappy' }), PRICE_BOOKS['2016']),
    );
    expect(snappy?.message).toContain('does not model');
    const source = errorOf(
      validateDeliveryStream(input({}, { DeliveryStreamType: 'KinesisStreamAsSource' }), PRICE_BOOKS['2016']),
    );
    expect(source?.message).toContain('later feature (August 2017)');
  });

  it('refuses bad stream and bucket names', () => {
    expect(
      errorOf(validateDeliveryStream(input({}, { DeliveryStreamName: 'a b' }), PRICE_BOOKS['2016']))?.path,
    ).toBe('DeliveryStreamName');
    expect(
      errorOf(validateDeliveryStream(input({ BucketName: 'Web_Logs' }), PRICE_BOOKS['2016']))?.path,
    ).toBe('S3DestinationConfiguration.BucketName');
  });
});

describe('CreateDeliveryStream', () => {
  it('needs an existing bucket and a free name, and allows 20 streams in 2016', () => {
    const s3 = createS3State(millis(0));
    const firehose = createFirehoseState();
    const book = PRICE_BOOKS['2016'];
    const missing = createDeliveryStream(firehose, s3, input(), book, 0);
    expect(missing.ok ? '' : missing.error.message).toContain('does not exist');
    createBucket(s3, { Bucket: 'weblogs' }, millis(0));
    for (let i = 0; i < 20; i++) {
      expect(createDeliveryStream(firehose, s3, input({}, { DeliveryStreamName: `s${i}` }), book, 0).ok).toBe(
        true,
      );
    }
    const again = createDeliveryStream(firehose, s3, input({}, { DeliveryStreamName: 's0' }), book, 0);
    expect(again.ok ? '' : again.error.code).toBe('ResourceInUseException');
    const over = createDeliveryStream(firehose, s3, input(), book, 0);
    expect(over.ok ? '' : over.error.code).toBe('LimitExceededException');
  });
});

describe('object ids', () => {
  it('come from the seeded generator: same seed, same id', () => {
    expect(randomObjectId(Rng.fromSeed(3))).toBe(randomObjectId(Rng.fromSeed(3)));
    expect(randomObjectId(Rng.fromSeed(3))).not.toBe(randomObjectId(Rng.fromSeed(4)));
  });
});
