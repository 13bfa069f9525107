import { findLimit, PRICE_BOOKS } from './books.ts';
import type { LimitRecord } from './types.ts';

/**
 * What changed in AWS's streaming services between the 2016 workshop and today, for the screens that
 * teach the 2016 numbers and must say what is different now. Limit changes are read from the two books
 * (so they cannot drift from what the simulator enforces); features that arrived later are listed here
 * with their dates and sources from AWS-FACTS.md.
 */

/** A limit whose value differs between the 2016 book and today's. */
export interface LimitChange {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly in2016: LimitRecord;
  readonly today: LimitRecord;
}

/** The limits under `prefixes` (such as `kinesis.`) that differ between the 2016 book and today's. */
export function limitChanges(prefixes: readonly string[]): LimitChange[] {
  const then = PRICE_BOOKS['2016'].limits;
  const now = PRICE_BOOKS.current;
  const changes: LimitChange[] = [];
  for (const [id, in2016] of Object.entries(then)) {
    const today = findLimit(now, id);
    if (!prefixes.some((prefix) => id.startsWith(prefix))) continue;
    if (today === undefined || today.value === in2016.value) continue;
    changes.push({ id, label: in2016.label, unit: in2016.unit, in2016, today });
  }
  return changes;
}

/** A capability AWS added (or changed) after the workshop, and what this simulator does about it. */
export interface FeatureChange {
  readonly service: 'Kinesis Streams' | 'Firehose' | 'KCL' | 'Lambda';
  readonly feature: string;
  /** How it was in mid-2016. */
  readonly in2016: string;
  /** How it is today. */
  readonly today: string;
  /** When it changed (ISO date, or a year-month when only that is known). */
  readonly since: string;
  /** Source tags (sources.ts), as AWS-FACTS.md cites them. */
  readonly sources: readonly string[];
  /** What the simulator models, so no one mistakes a 2016 run for today's service. */
  readonly inThisSimulator: string;
}

/** Streaming features that came after the workshop, oldest first [AWS-FACTS §1.3, §1.6, §1.7, §1.10, §2.2, §2.3, §3]. */
export const STREAMING_FEATURE_CHANGES: readonly FeatureChange[] = [
  {
    service: 'Kinesis Streams',
    feature: 'UpdateShardCount',
    in2016: 'Not in the API at workshop time: resharding was SplitShard and MergeShards, one pair at a time.',
    today:
      'Uniform scaling to between ½× and 2× the open shards, at most 10 times per rolling 24 h per stream.',
    since: '2016-11-15',
    sources: ['BK16b', 'BKnow'],
    inThisSimulator:
      'Refused in the 2016 era unless a scenario sets "kinesis": { "allowUpdateShardCount": true }; the current era applies today’s rules.',
  },
  {
    service: 'Firehose',
    feature: 'A Kinesis stream as the source',
    in2016: 'Direct PUT only: producers called PutRecord or PutRecordBatch on the delivery stream.',
    today: 'A delivery stream can read from a Kinesis stream; the Direct-PUT limits then do not apply.',
    since: '2017-08-21',
    sources: ['BKhist', 'FH23'],
    inThisSimulator: 'Direct PUT only, in both eras.',
  },
  {
    service: 'Kinesis Streams',
    feature: 'Enhanced fan-out',
    in2016: 'Every consumer application shares each shard’s 2 MiB/s and 5 GetRecords calls/s.',
    today:
      'Up to 20 registered consumers each get their own 2 MiB/s per shard, pushed over HTTP/2 (SubscribeToShard).',
    since: '2018-08-02',
    sources: ['BKhist', 'KDS23'],
    inThisSimulator: 'Not modelled: every consumer reads with GetRecords and shares the shard’s limits.',
  },
  {
    service: 'Lambda',
    feature: 'Parallel batches and error handling',
    in2016:
      'One invocation per shard at a time; a failing batch is retried until it succeeds or its records expire.',
    today:
      'ParallelizationFactor 1–10, MaximumRetryAttempts, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError, on-failure destinations.',
    since: '2019-11-25',
    sources: ['LAM23'],
    inThisSimulator: 'The 2016 behaviour, in both eras.',
  },
  {
    service: 'Kinesis Streams',
    feature: 'On-demand capacity mode',
    in2016: 'Provisioned shards only: you choose and pay for the shard count.',
    today: 'No shard count to manage; billed per stream-hour and per GB, scaling to twice the 30-day peak.',
    since: '2021-11-29',
    sources: ['KDS23'],
    inThisSimulator: 'Not modelled: streams are provisioned, in both eras.',
  },
  {
    service: 'KCL',
    feature: 'Lease balancing',
    in2016: 'KCL 1.x balances by lease count, stealing at most one lease per cycle.',
    today:
      'KCL 2.x reads with enhanced fan-out by default; KCL 3.0 assigns leases by CPU and throughput, with graceful hand-off.',
    since: '2024-11-06',
    sources: ['KCLnow'],
    inThisSimulator: 'KCL 1.x lease counting, in both eras.',
  },
  {
    service: 'Kinesis Streams',
    feature: 'Record size',
    in2016: 'A record is at most 1 MiB; a PutRecords request at most 5 MiB.',
    today: 'A stream can take records up to 10 MiB and PutRecords requests up to 10 MiB.',
    since: '2025-10-27',
    sources: ['BKnow'],
    inThisSimulator: 'The 1 MiB record and 5 MiB request limits, in both eras.',
  },
];
