/**
 * The Firehose and S3 parts of a console frame: each delivery stream's buffer against its buffering hints,
 * its recent deliveries, and the newest S3 objects for the browser. Bounded lists keep frames small.
 */
import type { FirehoseState } from '../../../sim/firehose/index.ts';
import type { S3State } from '../../../sim/s3/index.ts';
import type { DeliveryStreamView, S3ObjectView, S3View } from './console-view.ts';

/** Most deliveries listed per delivery stream, and most objects listed in the S3 browser. */
export const MAX_LISTED = 50;

const MB = 1024 * 1024;

/** Every delivery stream as the Firehose panel shows it. */
export function deliveryStreamViews(
  firehose: FirehoseState | undefined,
  nowMs: number,
): DeliveryStreamView[] {
  if (firehose === undefined) return [];
  return Object.values(firehose.deliveryStreams).map((stream) => {
    const { config, buffer, stats } = stream;
    return {
      name: config.DeliveryStreamName,
      bucket: config.BucketName,
      prefix: config.Prefix,
      compression: config.CompressionFormat,
      bufferingHints: {
        // The simulator fills the buffer to SizeInMBs × 2^20 bytes (sim/firehose), so the bar uses the same.
        sizeBytes: config.BufferingHints.SizeInMBs * MB,
        intervalSeconds: config.BufferingHints.IntervalInSeconds,
      },
      buffer: {
        bytes: buffer.bytes,
        records: buffer.records.length,
        ageMs: buffer.oldestArrivalMs === null ? null : nowMs - buffer.oldestArrivalMs,
      },
      incomingRecords: stats.incomingRecords,
      incomingBytes: stats.incomingBytes,
      attemptsThrottled: stats.attemptsThrottled,
      deliveries: stream.deliveries.slice(-MAX_LISTED).reverse(),
      deliveryCount: stream.deliveries.length,
      deliveryError: stream.deliveryError?.message ?? null,
    };
  });
}

/** The S3 browser list: the newest objects over every bucket, newest first, and the totals. */
export function s3View(s3: S3State | undefined): S3View {
  if (s3 === undefined) return { objects: [], objectCount: 0, storedBytes: 0 };
  const all: S3ObjectView[] = [];
  let count = 0;
  for (const bucket of Object.values(s3.buckets)) {
    count += bucket.sortedKeys.length;
    for (const object of Object.values(bucket.objects)) {
      all.push({
        bucket: bucket.Name,
        key: object.Key,
        size: object.ContentLength,
        lastModifiedMs: object.LastModified,
        contentEncoding: object.ContentEncoding ?? null,
        etag: object.ETag,
      });
    }
  }
  all.sort((a, b) => b.lastModifiedMs - a.lastModifiedMs || (a.key < b.key ? -1 : 1));
  return { objects: all.slice(0, MAX_LISTED), objectCount: count, storedBytes: s3.usage.storedBytes };
}
