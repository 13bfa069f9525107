import { Rng } from '../../sim/core/index.ts';
import { millis } from '../../sim/core/index.ts';
import {
  createDeliveryStream,
  createFirehoseState,
  deliverDue,
  putRecordBatch,
  type DeliveryLogEntry,
} from '../../sim/firehose/index.ts';
import {
  addUserRecord,
  createKplProducer,
  defaultKplConfig,
  evenShardRanges,
  flushDue,
  onPutRecordsResult,
  type PutRecordsCall,
} from '../../sim/kpl/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import { createBucket, createS3State } from '../../sim/s3/index.ts';
import { formatNumber, median, timeMillis, type BenchRow, type BenchSuite } from './bench.ts';

const book = PRICE_BOOKS['2016'];
const RUNS = 3;

/** Every entry accepted, as Kinesis answers a call within its limits. */
function success(call: PutRecordsCall) {
  return {
    FailedRecordCount: 0,
    Records: call.input.Records.map((_, i) => ({
      ShardId: 'shardId-000000000000',
      SequenceNumber: String(i),
    })),
  };
}

/**
 * KPL aggregation end to end: 200,000 user records of 100 bytes with 1,000 partition keys into 4 shards,
 * flushed every 100 ms of virtual time: shard prediction (MD5), aggregation (protobuf + MD5), collection.
 */
function kplRun(userRecords: number): { ms: number; kinesisRecords: number } {
  const state = createKplProducer({
    StreamName: 'bench',
    shards: evenShardRanges(4),
    config: { ...defaultKplConfig(book), RateLimit: 100_000 },
    book,
    now: 0,
  });
  const data = new Uint8Array(100).fill(120);
  const keys = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
  const ms = timeMillis(() => {
    for (let i = 0; i < userRecords; i++) {
      const now = i * 0.02;
      addUserRecord(state, { PartitionKey: keys[i % 1000]!, Data: data }, now);
      if (i % 5000 === 4999) {
        for (const call of flushDue(state, now))
          onPutRecordsResult(state, call.requestId, success(call), now);
      }
    }
    const end = userRecords * 0.02 + 100;
    for (const call of flushDue(state, end)) onPutRecordsResult(state, call.requestId, success(call), end);
  });
  if (state.stats.userRecordsSucceeded !== userRecords) throw new Error('KPL bench lost user records');
  return { ms, kinesisRecords: state.stats.kinesisRecordsSent };
}

/** Web-log-like lines of about 1 KiB, varied enough that gzip has real work to do. */
function logLines(count: number): Uint8Array[] {
  const rng = Rng.fromSeed(2016);
  const encoder = new TextEncoder();
  const paths = ['/index.html', '/products/42', '/cart', '/checkout', '/search?q=kinesis'];
  return Array.from({ length: count }, () => {
    const ip = `10.${rng.nextInt(0, 255)}.${rng.nextInt(0, 255)}.${rng.nextInt(0, 255)}`;
    const line = `${ip} - - [14/Jun/2016:10:${rng.nextInt(10, 59)}:${rng.nextInt(10, 59)} +0000] "GET ${paths[rng.nextInt(0, 4)]} HTTP/1.1" 200 ${rng.nextInt(100, 99_999)} "${'x'.repeat(rng.nextInt(700, 900))}"\n`;
    return encoder.encode(line);
  });
}

/**
 * Firehose with GZIP: 500-record PutRecordBatch calls of ~1 KiB lines, 10 calls per virtual second (the
 * 2016 limit of 5,000 records/s), 5 MB buffers, delivered compressed into the S3 model.
 */
function firehoseRun(
  lines: readonly Uint8Array[],
  calls: number,
): { ms: number; bytes: number; objects: number } {
  const s3 = createS3State(millis(0));
  createBucket(s3, { Bucket: 'bench-logs' }, millis(0));
  const firehose = createFirehoseState();
  const created = createDeliveryStream(
    firehose,
    s3,
    {
      DeliveryStreamName: 'bench',
      S3DestinationConfiguration: { BucketName: 'bench-logs', CompressionFormat: 'GZIP' },
    },
    book,
    0,
  );
  if (!created.ok) throw new Error(created.error.message);
  const rng = Rng.fromSeed(1);
  const delivered: DeliveryLogEntry[] = [];
  const ms = timeMillis(() => {
    for (let call = 0; call < calls; call++) {
      const now = call * 100;
      const start = (call * 500) % (lines.length - 500);
      const records = lines.slice(start, start + 500).map((Data) => ({ Data }));
      const put = putRecordBatch(firehose, { DeliveryStreamName: 'bench', Records: records }, now);
      if (!put.ok || put.value.FailedPutCount > 0) throw new Error('Firehose bench was throttled');
      delivered.push(...deliverDue(firehose, s3, rng, now));
    }
  });
  return {
    ms,
    bytes: delivered.reduce((sum, entry) => sum + entry.bytes, 0),
    objects: delivered.length,
  };
}

/** KPL aggregation throughput and Firehose GZIP delivery throughput. */
export const firehoseSuite: BenchSuite = {
  name: 'KPL & Firehose',
  run(): BenchRow[] {
    const userRecords = 200_000;
    kplRun(20_000);
    const kpl = Array.from({ length: RUNS }, () => kplRun(userRecords));
    const kplMs = median(kpl.map((r) => r.ms));
    const lines = logLines(5000);
    firehoseRun(lines, 20);
    const fh = Array.from({ length: RUNS }, () => firehoseRun(lines, 100));
    const fhMs = median(fh.map((r) => r.ms));
    return [
      {
        measure: `KPL aggregate + collect, ${formatNumber(userRecords)} user records of 100 B → ${formatNumber(kpl[0]!.kinesisRecords)} Kinesis records`,
        value: formatNumber(userRecords / (kplMs / 1000)),
        unit: 'user records/s',
      },
      {
        measure: `Firehose PutRecordBatch + GZIP delivery to S3, ${fh[0]!.objects} objects of 5 MB`,
        value: formatNumber(fh[0]!.bytes / 1_000_000 / (fhMs / 1000), 1),
        unit: 'MB/s (uncompressed)',
      },
    ];
  },
};
