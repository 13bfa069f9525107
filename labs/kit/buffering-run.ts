/**
 * Runs the lab's access-log traffic through a real simulated Firehose delivery stream into the S3 model
 * and measures what the buffering hints did: how many objects, how big, how long each record waited, and
 * what the S3 requests cost. Everything is read back from the Firehose delivery log and the S3 bucket.
 */
import { Rng } from '../../sim/core/index.ts';
import { millis } from '../../sim/core/index.ts';
import {
  createDeliveryStream,
  createFirehoseState,
  deliverDue,
  putRecordBatch,
  type CompressionFormat,
  type DeliveryLogEntry,
} from '../../sim/firehose/index.ts';
import { PRICE_BOOKS, priceOf } from '../../sim/pricing/index.ts';
import { createBucket, createS3State, getObject, headObject, listObjectsV2 } from '../../sim/s3/index.ts';
import { DEFAULT_START_TIME } from '../../sim/streaming/index.ts';
import { webLogTraffic, type WebLogTraffic } from '../../sim/weblogs/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';

/** The delivery stream settings the learner tunes. */
export interface BufferingSettings {
  /** BufferingHints.SizeInMBs, 1–128. */
  readonly sizeMB: number;
  /** BufferingHints.IntervalInSeconds, 60–900 in 2016. */
  readonly intervalSeconds: number;
  readonly compression: Exclude<CompressionFormat, 'Snappy'>;
}

/** One object Firehose wrote, with how long its oldest record waited. */
export interface DeliveredObject extends DeliveryLogEntry {
  /** Delivery time minus the arrival of the object's first record, in seconds. */
  readonly oldestWaitSeconds: number;
  /** Seconds since the start of the run. */
  readonly deliveredAtSecond: number;
  readonly contentEncoding: string | null;
}

/** What one run of the lab's traffic through the delivery stream produced. */
export interface BufferingRun {
  readonly settings: BufferingSettings;
  readonly traffic: { readonly records: number; readonly bytes: number; readonly seconds: number };
  readonly objects: readonly DeliveredObject[];
  /** Objects the S3 bucket lists under the prefix at the end (read back from the S3 model). */
  readonly listedObjects: number;
  /** Records still in the buffer when the run ends, and how long the oldest of them has waited. */
  readonly stillBuffered: {
    readonly records: number;
    readonly bytes: number;
    readonly oldestWaitSeconds: number;
  };
  /**
   * For each record in arrival order, when the object holding it was delivered (seconds since the start),
   * or NaN while it is still in the buffer.
   */
  readonly recordDeliveredAtSecond: Float64Array;
  /** Bytes in the buffer at the end of each second (index = seconds since the start), from the model. */
  readonly fillAtSecond: readonly number[];
  /** The longest any record waited, delivered or still buffered, in seconds. */
  readonly maxWaitSeconds: number;
  readonly meanObjectBytes: number;
  /** Uncompressed bytes ÷ stored bytes over the delivered objects (1 when UNCOMPRESSED). */
  readonly compressionRatio: number;
  /** S3 PUT requests a 30-day month of this traffic makes at this setting, and what they cost. */
  readonly putsPerMonth: number;
  readonly putCostPerMonthUsd: number;
  /** The 2016 price of 1,000 PUT requests it used. */
  readonly putPricePer1000Usd: number;
  /**
   * The first delivered object's bytes as S3 GetObject returns them when it is GZIP, for the check that
   * unpacks it (null before any delivery, or when the objects are not GZIP and the check stops earlier). The bucket itself stays behind: the facts cross to the page after every action,
   * and every object's body would make them megabytes.
   */
  readonly firstObjectBody: Uint8Array | null;
}

/** The lab's traffic: 30 minutes of about 10 requests a second (an assumption, not an AWS figure). */
export const RUN_SECONDS = 1800;
export const REQUESTS_PER_SECOND = 10;
export const BUCKET = 'shop-weblogs';
export const PREFIX = 'raw/';
export const STREAM_NAME = 'weblogs-to-s3';
/** When the lab's runs start: the workshop's afternoon in UTC, the 2016 era's default scenario start. */
export const WORKSHOP_AFTERNOON_MS = Date.parse(DEFAULT_START_TIME['2016']);
const SECONDS_PER_MONTH = 30 * 24 * 3600;

const book = PRICE_BOOKS['2016'];

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** First-record index of each second: `arrivals[s]` records arrived before second `s`. */
function cumulativeCounts(traffic: WebLogTraffic): number[] {
  const before = [0];
  for (const lines of traffic.perSecond) before.push(before.at(-1)! + lines.length);
  return before;
}

/** The second in which record number `index` (0-based, in arrival order) arrived. */
function arrivalSecond(before: readonly number[], index: number): number {
  let low = 0;
  let high = before.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (before[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

function simulate(settings: BufferingSettings, seed: number): BufferingRun {
  const start = WORKSHOP_AFTERNOON_MS;
  const traffic = webLogTraffic(seed, RUN_SECONDS, REQUESTS_PER_SECOND, start);
  const s3 = createS3State(millis(start));
  unwrap(createBucket(s3, { Bucket: BUCKET }, millis(start)));
  const firehose = createFirehoseState();
  unwrap(
    createDeliveryStream(
      firehose,
      s3,
      {
        DeliveryStreamName: STREAM_NAME,
        S3DestinationConfiguration: {
          BucketName: BUCKET,
          Prefix: PREFIX,
          BufferingHints: { SizeInMBs: settings.sizeMB, IntervalInSeconds: settings.intervalSeconds },
          CompressionFormat: settings.compression,
        },
      },
      book,
      start,
    ),
  );
  const rng = Rng.fromSeed(seed);
  const stream = firehose.deliveryStreams[STREAM_NAME]!;
  const fillAtSecond: number[] = [];
  // The log agent sends each second's lines as PutRecordBatch calls of at most 500 records.
  for (let s = 0; s < RUN_SECONDS; s++) {
    const now = start + s * 1000;
    deliverDue(firehose, s3, rng, now);
    const lines = traffic.perSecond[s]!;
    for (let i = 0; i < lines.length; i += 500) {
      const Records = lines.slice(i, i + 500).map((Data) => ({ Data }));
      const put = unwrap(putRecordBatch(firehose, { DeliveryStreamName: STREAM_NAME, Records }, now));
      if (put.FailedPutCount > 0) throw new Error('The lab traffic must stay under the Direct-PUT limits.');
      deliverDue(firehose, s3, rng, now);
    }
    fillAtSecond.push(stream.buffer.bytes);
  }
  const end = start + RUN_SECONDS * 1000;
  deliverDue(firehose, s3, rng, end);
  fillAtSecond.push(stream.buffer.bytes);

  const before = cumulativeCounts(traffic);
  let delivered = 0;
  const recordDeliveredAtSecond = new Float64Array(traffic.records).fill(Number.NaN);
  const objects = stream.deliveries.map((entry): DeliveredObject => {
    const firstSecond = arrivalSecond(before, delivered);
    recordDeliveredAtSecond.fill((entry.deliveredAtMs - start) / 1000, delivered, delivered + entry.records);
    delivered += entry.records;
    const head = unwrap(headObject(s3, { Bucket: BUCKET, Key: entry.key }));
    return {
      ...entry,
      oldestWaitSeconds: (entry.deliveredAtMs - start) / 1000 - firstSecond,
      deliveredAtSecond: (entry.deliveredAtMs - start) / 1000,
      contentEncoding: head.ContentEncoding ?? null,
    };
  });
  const buffered = stream.buffer;
  const stillBuffered = {
    records: buffered.records.length,
    bytes: buffered.bytes,
    oldestWaitSeconds: buffered.oldestArrivalMs === null ? 0 : (end - buffered.oldestArrivalMs) / 1000,
  };
  const listed = unwrap(listObjectsV2(s3, { Bucket: BUCKET, Prefix: PREFIX }));
  const totalBytes = objects.reduce((sum, o) => sum + o.bytes, 0);
  const totalStored = objects.reduce((sum, o) => sum + o.compressedBytes, 0);
  const putPrice = unwrap(priceOf(book, 's3.putPer1000')).value;
  const putsPerMonth = Math.round(objects.length * (SECONDS_PER_MONTH / RUN_SECONDS));
  return {
    settings,
    traffic: { records: traffic.records, bytes: traffic.bytes, seconds: RUN_SECONDS },
    objects,
    listedObjects: listed.KeyCount,
    stillBuffered,
    fillAtSecond,
    recordDeliveredAtSecond,
    maxWaitSeconds: Math.max(stillBuffered.oldestWaitSeconds, ...objects.map((o) => o.oldestWaitSeconds)),
    meanObjectBytes: objects.length === 0 ? 0 : totalStored / objects.length,
    compressionRatio: totalStored === 0 ? 1 : totalBytes / totalStored,
    putsPerMonth,
    putCostPerMonthUsd: (putsPerMonth / 1000) * putPrice,
    putPricePer1000Usd: putPrice,
    firstObjectBody:
      objects[0]?.contentEncoding === 'gzip'
        ? unwrap(getObject(s3, { Bucket: BUCKET, Key: objects[0].key })).Body
        : null,
  };
}

const remembered = rememberRuns(
  ({ settings, seed }: { settings: BufferingSettings; seed: number }) =>
    `${seed}/${settings.sizeMB}/${settings.intervalSeconds}/${settings.compression}`,
  ({ settings, seed }: { settings: BufferingSettings; seed: number }) => simulate(settings, seed),
);

/** The run for these settings and seed (memoized: the run is deterministic). */
export function runBuffering(settings: BufferingSettings, seed: number): BufferingRun {
  return remembered({ settings, seed });
}
