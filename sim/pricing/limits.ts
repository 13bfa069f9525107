import {
  bytes,
  bytesPerSecond,
  callsPerSecond,
  count,
  hours,
  mebibytes,
  MIB,
  millis,
  recordsPerSecond,
  seconds,
} from '../core/index.ts';
import type { LimitSpecs } from './facts.ts';

/**
 * Service limits and fixed model quantities the calculators use, per era. Numbers and tags from
 * AWS-FACTS.md (row numbers refer to its table "Numbers the simulator must reproduce").
 * "MB" in 2016 AWS documents means MiB (AWS-FACTS "Conventions"), so 1 MB/s = 1,048,576 bytes/s.
 */

/** Limits that were the same in 2016 and today. */
const unchanged = {
  'kinesis.shardWriteBytesPerSecond': {
    label: 'Shard write bandwidth (data blob + partition key)',
    value: bytesPerSecond(MIB),
    unit: 'bytes/s per shard',
    sources: ['BK16', 'KDS17', 'KDS23'],
    confidence: 'primary',
    note: '1 MB/s per shard; partition-key bytes count toward it (row 1).',
  },
  'kinesis.shardWriteRecordsPerSecond': {
    label: 'Shard write record rate',
    value: recordsPerSecond(1000),
    unit: 'records/s per shard',
    sources: ['BK16', 'KDS17', 'KDS23'],
    confidence: 'primary',
    note: 'Each PutRecords entry counts as one record (row 2).',
  },
  'kinesis.shardReadBytesPerSecond': {
    label: 'Shard read bandwidth, shared by all consumers',
    value: bytesPerSecond(2 * MIB),
    unit: 'bytes/s per shard',
    sources: ['BK16', 'KDS23'],
    confidence: 'primary',
    note: '2 MB/s per shard, shared by every application reading with GetRecords (row 3).',
  },
  'kinesis.shardReadCallsPerSecond': {
    label: 'GetRecords calls per shard',
    value: callsPerSecond(5),
    unit: 'calls/s per shard',
    sources: ['BK16', 'KDS23'],
    confidence: 'primary',
    note: 'Shared by every consumer application of the shard (row 4).',
  },
  'kinesis.maxRecordBytes': {
    label: 'Largest record (data blob + partition key)',
    value: bytes(MIB),
    unit: 'bytes',
    sources: ['BK16', 'BKnow'],
    confidence: 'primary',
    note: '1 MB in 2016; today a stream can be configured up to 10 MiB, default 1 MiB-compatible (row 8).',
  },
  'kinesis.retentionDefaultHours': {
    label: 'Default (and minimum) retention',
    value: hours(24),
    unit: 'h',
    sources: ['BK16', 'KDS23'],
    confidence: 'primary',
  },
  'kinesis.putPayloadUnitBytes': {
    label: 'PUT payload unit',
    value: bytes(25 * 1024),
    unit: 'bytes',
    sources: ['KPRICE16'],
    confidence: 'primary',
    note:
      'Each record is billed in 25 KB chunks, rounded up (row 23). Taken as 25 KiB = 25,600 bytes, so a ' +
      '51,200-byte KPL aggregate is exactly 2 units; the pricing page example "1 MB → 40 units" counts 1 MB as 1,000 KB.',
  },
  'kinesis.kplAggregationMaxBytes': {
    label: 'KPL AggregationMaxSize',
    value: bytes(51_200),
    unit: 'bytes',
    sources: ['KPL'],
    confidence: 'primary',
    note: 'Default in the 2015-11 sample config (in force through 2016) and today (row 31).',
  },
  'kinesis.kplRecordMaxBufferedTimeMs': {
    label: 'KPL RecordMaxBufferedTime',
    value: millis(100),
    unit: 'ms',
    sources: ['KPL'],
    confidence: 'primary',
    note: 'The KPL sends an aggregate at the latest this long after its first user record (row 30).',
  },
  'kinesis.kclIdleTimeBetweenReadsMs': {
    label: 'KCL idle time between GetRecords calls',
    value: millis(1000),
    unit: 'ms',
    sources: ['KCL16'],
    confidence: 'primary',
    note: 'So each consumer application polls each shard about once a second (row 40; Lambda also polls 1/s, row 42).',
  },
  'firehose.bufferSizeMinMiB': {
    label: 'Smallest buffer size hint',
    value: mebibytes(1),
    unit: 'MiB',
    sources: ['BF16', 'BFnow'],
    confidence: 'primary',
  },
  'firehose.bufferSizeMaxMiB': {
    label: 'Largest buffer size hint',
    value: mebibytes(128),
    unit: 'MiB',
    sources: ['BF16', 'BFnow'],
    confidence: 'primary',
    note: 'Applied before compression (row 44).',
  },
  'firehose.bufferIntervalMaxSeconds': {
    label: 'Longest buffer interval hint',
    value: seconds(900),
    unit: 's',
    sources: ['BF16', 'BFnow'],
    confidence: 'primary',
  },
  'firehose.billingIncrementBytes': {
    label: 'Firehose billing increment per record',
    value: bytes(5120),
    unit: 'bytes',
    sources: ['FH23', 'S'],
    confidence: 'primary',
    note: 'Each record is rounded up to the next 5 KB (5,120 bytes) for billing, per record, not per call (row 52).',
  },
  'firehose.maxRecordBytes': {
    label: 'Largest Firehose record',
    value: bytes(1000 * 1024),
    unit: 'bytes',
    sources: ['BF16', 'FH17', 'FH23'],
    confidence: 'primary',
    note: '1,000 KB before base64 (row 46).',
  },
  'firehose.directPutRequestsPerSecond': {
    label: 'Direct-PUT requests per delivery stream',
    value: callsPerSecond(2000),
    unit: 'requests/s',
    sources: ['BF16', 'FH17', 'FH23'],
    confidence: 'primary',
  },
  'firehose.directPutBytesPerSecond': {
    label: 'Direct-PUT bandwidth per delivery stream',
    value: bytesPerSecond(5 * MIB),
    unit: 'bytes/s',
    sources: ['BF16', 'FH17', 'FH23'],
    confidence: 'primary',
    note: '5 MB/s; raised on request (row 48).',
  },
  'ml.realtimeRequestsPerSecond': {
    label: 'Amazon ML real-time endpoint rate',
    value: callsPerSecond(200),
    unit: 'requests/s per endpoint',
    sources: ['AML-DG'],
    confidence: 'primary',
  },
} satisfies Partial<LimitSpecs>;

/** Limits in force in mid-2016. */
export const limits2016: LimitSpecs = {
  ...unchanged,
  'kinesis.defaultShardLimitPerRegion': {
    label: 'Default shard limit per account and region (us-east-1)',
    value: count(50),
    unit: 'shards',
    sources: ['S'],
    confidence: 'unconfirmed',
    note: 'Lower than today: a May-2016 article reports 25 for Tokyo; 50 for the big regions is commonly cited but unconfirmed (row 21).',
  },
  'kinesis.retentionMaxHours': {
    label: 'Longest retention',
    value: hours(168),
    unit: 'h',
    sources: ['BK16', 'KDS17'],
    confidence: 'primary',
    note: '7 days via IncreaseStreamRetentionPeriod (row 16).',
  },
  'firehose.bufferIntervalMinSeconds': {
    label: 'Shortest buffer interval hint',
    value: seconds(60),
    unit: 's',
    sources: ['BF16'],
    confidence: 'primary',
    note: '60–900 s in 2016 (row 45).',
  },
  'firehose.directPutRecordsPerSecond': {
    label: 'Direct-PUT records per delivery stream',
    value: recordsPerSecond(5000),
    unit: 'records/s',
    sources: ['BF16', 'FH17'],
    confidence: 'primary',
    note: '2016 limit (row 48).',
  },
  'emr.billingIncrementSeconds': {
    label: 'EMR and EC2 billing increment',
    value: seconds(3600),
    unit: 's',
    sources: ['EMR-SPOT', 'S'],
    confidence: 'primary',
    note: 'Per instance-hour, partial hours rounded up (AWS-FACTS §5.2).',
  },
  'emr.billingMinimumSeconds': {
    label: 'EMR and EC2 minimum charge',
    value: seconds(3600),
    unit: 's',
    sources: ['EMR-SPOT', 'S'],
    confidence: 'primary',
  },
};

/** Limits in force today. */
export const limitsCurrent: LimitSpecs = {
  ...unchanged,
  'kinesis.defaultShardLimitPerRegion': {
    label: 'Default shard limit per account and region (us-east-1)',
    value: count(500),
    unit: 'shards',
    sources: ['KDS17', 'KDS23'],
    confidence: 'primary',
    note: '500 in us-east-1, us-west-2 and eu-west-1; 200 elsewhere (row 21).',
  },
  'kinesis.retentionMaxHours': {
    label: 'Longest retention',
    value: hours(8760),
    unit: 'h',
    sources: ['KDS23'],
    confidence: 'primary',
    note: '365 days since November 2020 (row 16).',
  },
  'firehose.bufferIntervalMinSeconds': {
    label: 'Shortest buffer interval hint',
    value: seconds(0),
    unit: 's',
    sources: ['BFnow'],
    confidence: 'primary',
    note: 'The minimum became 0 in December 2023 (row 45).',
  },
  'firehose.directPutRecordsPerSecond': {
    label: 'Direct-PUT records per delivery stream',
    value: recordsPerSecond(500_000),
    unit: 'records/s',
    sources: ['FH23'],
    confidence: 'primary',
    note: 'us-east-1, us-west-2, eu-west-1; 100,000 elsewhere (row 48).',
  },
  'emr.billingIncrementSeconds': {
    label: 'EMR and EC2 billing increment',
    value: seconds(1),
    unit: 's',
    sources: ['S'],
    confidence: 'secondary',
    note: 'Per second with a one-minute minimum (AWS-FACTS §5.2, EMR FAQ copy).',
  },
  'emr.billingMinimumSeconds': {
    label: 'EMR and EC2 minimum charge',
    value: seconds(60),
    unit: 's',
    sources: ['S'],
    confidence: 'secondary',
  },
};
