/**
 * The same 30 minutes of access-log traffic down two paths, each through the real simulated service:
 * Kinesis Streams (a producer flushing every 100 ms, one shard, a consumer calling GetRecords once a
 * second) and Firehose (a log agent sending once a second, delivered to S3 when a buffering hint fires).
 * For every record it measures the time from the moment the service accepted it (its put) to the moment
 * the consumer has it in hand, or the object holding it is in S3.
 */
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  getRecords,
  getShardIterator,
  putRecords,
} from '../../sim/kinesis/index.ts';
import {
  REQUESTS_PER_SECOND,
  RUN_SECONDS,
  runBuffering,
  WORKSHOP_AFTERNOON_MS,
  type BufferingRun,
} from '../kit/buffering-run.ts';
import { eventTimeMs, webLogTraffic } from '../../sim/weblogs/index.ts';

/** The distribution of per-record latencies of one path. */
export interface LatencySummary {
  readonly records: number;
  readonly maxMs: number;
  readonly meanMs: number;
  /** Records per bin of {@link LATENCY_BIN_EDGES_MS} (bin i holds waits in (edge i, edge i+1]). */
  readonly histogram: readonly number[];
}

/** The Streams path's run. */
export interface StreamsPathRun {
  readonly latency: LatencySummary;
  readonly getRecordsCalls: number;
  /** The producer's flush interval and the consumer's poll interval, in ms. */
  readonly producerFlushMs: number;
  readonly pollIntervalMs: number;
}

/** The Firehose path's run for one setting of the hints. */
export interface FirehosePathRun {
  readonly latency: LatencySummary;
  readonly delivery: BufferingRun;
}

/**
 * Producer flush every 100 ms: the KPL's RecordMaxBufferedTime default (AWS-FACTS row 30). Consumer polls
 * once a second: the KCL's idle time between reads (row 40) and Lambda's poll rate per shard (row 42).
 */
export const PRODUCER_FLUSH_MS = 100;
export const POLL_INTERVAL_MS = 1000;
export const STREAM_NAME = 'weblogs';

/**
 * Bin edges in ms, about evenly spaced on a log axis (1-2-5 steps), with the 2016 minimum buffer interval
 * (60 s) as an edge. Bin i holds waits in (edge i, edge i+1]; the first also holds 0.
 */
export const LATENCY_BIN_EDGES_MS: readonly number[] = [
  0, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000,
];

function binOf(ms: number): number {
  for (let bin = 0; bin < LATENCY_BIN_EDGES_MS.length - 2; bin++) {
    if (ms <= LATENCY_BIN_EDGES_MS[bin + 1]!) return bin;
  }
  return LATENCY_BIN_EDGES_MS.length - 2;
}

function summarise(latencies: Float64Array): LatencySummary {
  const histogram = new Array<number>(LATENCY_BIN_EDGES_MS.length - 1).fill(0);
  let max = 0;
  let sum = 0;
  for (const ms of latencies) {
    histogram[binOf(ms)]!++;
    if (ms > max) max = ms;
    sum += ms;
  }
  return {
    records: latencies.length,
    maxMs: max,
    meanMs: latencies.length === 0 ? 0 : sum / latencies.length,
    histogram,
  };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const decoder = new TextDecoder();
/** The client address at the start of a log line: the partition key, so one visitor's requests stay in order. */
const clientOf = (line: Uint8Array) => decoder.decode(line.subarray(0, line.indexOf(32)));

function simulateStreams(seed: number): StreamsPathRun {
  const traffic = webLogTraffic(seed, RUN_SECONDS, REQUESTS_PER_SECOND, WORKSHOP_AFTERNOON_MS);
  const kinesis = createKinesisState();
  unwrap(createStream(kinesis, { StreamName: STREAM_NAME, ShardCount: 1 }, millis(0)));
  const shardId = 'shardId-000000000000';
  let iterator: string | null = unwrap(
    getShardIterator(
      kinesis,
      { StreamName: STREAM_NAME, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
      millis(0),
    ),
  ).ShardIterator;

  const latencies = new Float64Array(traffic.records);
  let read = 0;
  let calls = 0;
  const ticksPerSecond = 1000 / PRODUCER_FLUSH_MS;
  // One extra second at the end lets the consumer pick up the last flush.
  for (let second = 0; second <= RUN_SECONDS; second++) {
    const lines = second < RUN_SECONDS ? traffic.perSecond[second]! : [];
    const flushes: { Data: Uint8Array; PartitionKey: string }[][] = Array.from(
      { length: ticksPerSecond },
      () => [],
    );
    lines.forEach((line, index) => {
      const offset = eventTimeMs(second, index, lines.length) - second * 1000;
      flushes[Math.floor(offset / PRODUCER_FLUSH_MS)]!.push({ Data: line, PartitionKey: clientOf(line) });
    });
    // A request is sent at the end of the 100 ms it happened in.
    flushes.forEach((records, k) => {
      const tick = second * 1000 + (k + 1) * PRODUCER_FLUSH_MS;
      for (let i = 0; i < records.length; i += 500) {
        const response = unwrap(
          putRecords(kinesis, { StreamName: STREAM_NAME, Records: records.slice(i, i + 500) }, millis(tick)),
        );
        if (response.FailedRecordCount > 0)
          throw new Error('The lab traffic must stay under the shard’s write limits.');
      }
      if (tick % POLL_INTERVAL_MS === 0 && iterator !== null) {
        const response = unwrap(getRecords(kinesis, { ShardIterator: iterator }, millis(tick)));
        calls++;
        for (const record of response.Records) latencies[read++] = tick - record.ApproximateArrivalTimestamp;
        iterator = response.NextShardIterator;
      }
    });
  }
  if (read !== traffic.records) throw new Error(`The consumer read ${read} of ${traffic.records} records.`);
  return {
    latency: summarise(latencies),
    getRecordsCalls: calls,
    producerFlushMs: PRODUCER_FLUSH_MS,
    pollIntervalMs: POLL_INTERVAL_MS,
  };
}

/**
 * The Firehose path: per-record time from its PutRecordBatch (the agent sends each second's lines at the
 * start of the run's second) to its object landing in S3. Records still buffered at the end are left out.
 */
function firehoseLatencies(delivery: BufferingRun, seed: number): LatencySummary {
  const traffic = webLogTraffic(seed, RUN_SECONDS, REQUESTS_PER_SECOND, WORKSHOP_AFTERNOON_MS);
  const latencies: number[] = [];
  let index = 0;
  traffic.perSecond.forEach((lines, second) => {
    for (let i = 0; i < lines.length; i++, index++) {
      const deliveredAt = delivery.recordDeliveredAtSecond[index]!;
      if (!Number.isNaN(deliveredAt)) latencies.push((deliveredAt - second) * 1000);
    }
  });
  return summarise(Float64Array.from(latencies));
}

const streamsCache = new Map<number, StreamsPathRun>();
const firehoseCache = new Map<string, FirehosePathRun>();

/** The Streams path for a seed (memoized: deterministic). */
export function runStreamsPath(seed: number): StreamsPathRun {
  const known = streamsCache.get(seed);
  if (known) return known;
  const run = simulateStreams(seed);
  if (streamsCache.size > 8) streamsCache.clear();
  streamsCache.set(seed, run);
  return run;
}

/** The Firehose path for a seed and buffering hints, uncompressed (memoized). */
export function runFirehosePath(seed: number, sizeMB: number, intervalSeconds: number): FirehosePathRun {
  const key = `${seed}/${sizeMB}/${intervalSeconds}`;
  const known = firehoseCache.get(key);
  if (known) return known;
  const delivery = runBuffering({ sizeMB, intervalSeconds, compression: 'UNCOMPRESSED' }, seed);
  const run = { delivery, latency: firehoseLatencies(delivery, seed) };
  if (firehoseCache.size > 16) firehoseCache.clear();
  firehoseCache.set(key, run);
  return run;
}
