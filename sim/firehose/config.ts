import { fail, ok, type Result, type SimError } from '../core/index.ts';
import { bytes, count, MIB, seconds, type Bytes, type Count, type Seconds } from '../core/index.ts';
import { limitOf } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import { validateBucketName } from '../s3/index.ts';

/** Compression formats of an S3 destination, as the API spells them. */
export type CompressionFormat = 'UNCOMPRESSED' | 'GZIP' | 'ZIP' | 'Snappy';

/** Where a delivery stream's records come from. */
export type DeliveryStreamType = 'DirectPut' | 'KinesisStreamAsSource';

/** When Firehose delivers: whichever hint is reached first (AWS-FACTS §3). */
export interface BufferingHints {
  /** Buffer size in MB (MiB), measured before compression. */
  readonly SizeInMBs: number;
  readonly IntervalInSeconds: number;
}

/** A CreateDeliveryStream request with an S3 destination, in the API's shape (bucket by name, not ARN). */
export interface CreateDeliveryStreamInput {
  readonly DeliveryStreamName: string;
  /** Defaults to DirectPut; a Kinesis stream source did not exist in 2016. */
  readonly DeliveryStreamType?: DeliveryStreamType;
  readonly S3DestinationConfiguration: {
    readonly BucketName: string;
    /** Put before the `YYYY/MM/DD/HH/` time prefix as written: Firehose adds no slash after it. */
    readonly Prefix?: string;
    readonly BufferingHints?: Partial<BufferingHints>;
    readonly CompressionFormat?: CompressionFormat;
  };
}

/** A validated delivery stream configuration, every default filled in. */
export interface DeliveryStreamConfig {
  readonly DeliveryStreamName: string;
  readonly BucketName: string;
  readonly Prefix: string;
  readonly BufferingHints: BufferingHints;
  readonly CompressionFormat: Exclude<CompressionFormat, 'Snappy'>;
}

/**
 * Defaults and per-call limits not in sim/pricing, stated here with their source: BufferingHints defaults
 * 5 MB and 300 s (BF16, AWS-FACTS §3, rows 44–45); PutRecordBatch at most 500 records and 4 MiB per call
 * (BF16, row 47).
 */
export const DEFAULT_BUFFER_SIZE_MIB = 5;
export const DEFAULT_BUFFER_INTERVAL_SECONDS: Seconds = seconds(300);
export const PUT_RECORD_BATCH_MAX_RECORDS: Count = count(500);
export const PUT_RECORD_BATCH_MAX_BYTES: Bytes = bytes(4 * MIB);

const invalid = (path: string, message: string): SimError => ({
  code: 'InvalidArgumentException',
  message,
  path,
});

/**
 * Checks a CreateDeliveryStream request against the era's rules (from the price book): name 1–64
 * characters of letters, digits, `_ . -`; Direct PUT only (a Kinesis stream as source arrived in August
 * 2017); BufferingHints SizeInMBs 1–128 and IntervalInSeconds 60–900 in 2016 (0–900 today); compression
 * UNCOMPRESSED, GZIP or ZIP. Snappy is refused as not modelled: no maintained Snappy package is available
 * to produce real Snappy bytes.
 */
export function validateDeliveryStream(
  input: CreateDeliveryStreamInput,
  book: PriceBook,
): Result<DeliveryStreamConfig> {
  const name = input.DeliveryStreamName;
  if (!/^[a-zA-Z0-9_.-]{1,64}$/.test(name)) {
    return fail(
      invalid(
        'DeliveryStreamName',
        `DeliveryStreamName "${name}" is not valid: use 1 to 64 letters, digits, underscores (_), dots (.) or hyphens (-).`,
      ),
    );
  }
  if ((input.DeliveryStreamType ?? 'DirectPut') !== 'DirectPut') {
    const message =
      book.id === '2016'
        ? 'A Kinesis stream as the source of a delivery stream is a later feature (August 2017): in 2016 producers put records straight into Firehose (Direct PUT). Remove DeliveryStreamType or set it to DirectPut.'
        : 'A Kinesis stream as source is not modelled by this simulator yet: use DirectPut.';
    return fail({ code: 'InvalidArgumentException', message, path: 'DeliveryStreamType' });
  }
  const destination = input.S3DestinationConfiguration;
  const bucket = validateBucketName(destination.BucketName);
  if (!bucket.ok) return fail({ ...bucket.error, path: 'S3DestinationConfiguration.BucketName' });
  const hints = destination.BufferingHints ?? {};
  const size = hints.SizeInMBs ?? DEFAULT_BUFFER_SIZE_MIB;
  const minSize = limitOf(book, 'firehose.bufferSizeMinMiB').value;
  const maxSize = limitOf(book, 'firehose.bufferSizeMaxMiB').value;
  if (!Number.isInteger(size) || size < minSize || size > maxSize) {
    return fail(
      invalid(
        'S3DestinationConfiguration.BufferingHints.SizeInMBs',
        `SizeInMBs ${size} is outside ${minSize}–${maxSize} MB: pick a whole number of MB in that range (default ${DEFAULT_BUFFER_SIZE_MIB}).`,
      ),
    );
  }
  const interval = hints.IntervalInSeconds ?? DEFAULT_BUFFER_INTERVAL_SECONDS;
  const minInterval = limitOf(book, 'firehose.bufferIntervalMinSeconds').value;
  const maxInterval = limitOf(book, 'firehose.bufferIntervalMaxSeconds').value;
  if (!Number.isInteger(interval) || interval < minInterval || interval > maxInterval) {
    return fail(
      invalid(
        'S3DestinationConfiguration.BufferingHints.IntervalInSeconds',
        `IntervalInSeconds ${interval} is outside ${minInterval}–${maxInterval} s in the "${book.label}" era: pick a whole number of seconds in that range (default ${DEFAULT_BUFFER_INTERVAL_SECONDS}).`,
      ),
    );
  }
  const compression = destination.CompressionFormat ?? 'UNCOMPRESSED';
  if (compression === 'Snappy') {
    return fail(
      invalid(
        'S3DestinationConfiguration.CompressionFormat',
        'Snappy is a real Firehose option, but this simulator does not model it (it cannot produce real Snappy bytes offline). Use GZIP, ZIP or UNCOMPRESSED.',
      ),
    );
  }
  if (!['UNCOMPRESSED', 'GZIP', 'ZIP'].includes(compression)) {
    return fail(
      invalid(
        'S3DestinationConfiguration.CompressionFormat',
        `CompressionFormat "${String(compression)}" is not one of UNCOMPRESSED, GZIP, ZIP, Snappy.`,
      ),
    );
  }
  return ok({
    DeliveryStreamName: name,
    BucketName: destination.BucketName,
    Prefix: destination.Prefix ?? '',
    BufferingHints: { SizeInMBs: size, IntervalInSeconds: interval },
    CompressionFormat: compression,
  });
}
