/**
 * The console's built-in streaming scenarios: each teaches one thing and is small enough to run at record
 * level in the browser. They are written in the scenario format `bdlab run` accepts, so a learner can copy
 * one into the JSON editor, change it and run it, or save it and run it from the command line.
 */

/** A time in a built-in scenario worth stopping at, and what to look at or do there. */
export interface MomentOfInterest {
  readonly atSeconds: number;
  readonly note: string;
}

/** A built-in scenario: what it shows, its JSON and where the clock stops to let the learner look and act. */
export interface BuiltInScenario {
  readonly id: string;
  readonly title: string;
  /** What to watch for, in one or two sentences. */
  readonly summary: string;
  readonly scenario: Readonly<Record<string, unknown>>;
  /** Where the console pauses (unless the learner turns it off), in time order. */
  readonly moments: readonly MomentOfInterest[];
}

/** The built-in scenarios, in the order the picker lists them. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  {
    id: 'balanced',
    title: 'A balanced stream',
    summary:
      'Random partition keys spread 1,500 records/s evenly over 2 shards: each shard takes about 750 records/s, under its 1,000 records/s limit, and nothing is throttled.',
    moments: [
      {
        atSeconds: 10,
        note: 'Each shard takes about 750 records/s, under its 1,000 records/s limit: nothing is throttled. Play on, or change the key strategy to a fixed key and watch one shard hit its limit.',
      },
    ],
    scenario: {
      seed: 1,
      durationSeconds: 300,
      streams: [{ name: 'clicks', shards: 2 }],
      producers: [
        {
          name: 'web',
          stream: 'clicks',
          recordsPerSecond: 1500,
          recordBytes: 500,
          partitionKeys: { strategy: 'random' },
        },
      ],
    },
  },
  {
    id: 'hot-key',
    title: 'A hot key',
    summary:
      'Every record uses the partition key "user-42", so all 1,500 records/s land on one shard: it takes 1,000 and throttles the rest while the other shard idles. Split the hot shard and watch the key follow one child: one key always lands on one shard. Then change the key strategy.',
    moments: [
      {
        atSeconds: 5,
        note: 'Every record of "user-42" goes to one shard: it takes 1,000 of the 1,500 records/s and throttles the rest while the other shard idles. Split the hot shard now (Kinesis actions, below) and watch where the key lands.',
      },
      {
        atSeconds: 60,
        note: 'A minute in. If you split the hot shard, the key still lands on one child: one key always goes to one shard. Change the key strategy to spread it.',
      },
    ],
    scenario: {
      seed: 1,
      durationSeconds: 300,
      streams: [{ name: 'clicks', shards: 2 }],
      producers: [
        {
          name: 'web',
          stream: 'clicks',
          recordsPerSecond: 1500,
          recordBytes: 500,
          partitionKeys: { strategy: 'fixed', key: 'user-42' },
          retries: { maxAttempts: 3, baseBackoffMs: 100 },
        },
      ],
    },
  },
  {
    id: 'kpl',
    title: 'A KPL producer',
    summary:
      '4,000 small records/s would need 4 shards one by one; the KPL aggregates them into Kinesis records of up to 50 KB, so 2 shards take them with room to spare and far fewer PUT payload units are billed.',
    moments: [
      {
        atSeconds: 10,
        note: 'The KPL packs many small user records into each Kinesis record: two shards take 4,000 records/s with room to spare, and far fewer PUT payload units are billed (see the cost panel).',
      },
    ],
    scenario: {
      seed: 1,
      durationSeconds: 120,
      streams: [{ name: 'telemetry', shards: 2 }],
      producers: [
        {
          name: 'sensors',
          stream: 'telemetry',
          recordsPerSecond: 4000,
          recordBytes: 120,
          partitionKeys: { strategy: 'zipf', keys: 500, exponent: 0.8 },
          kpl: { aggregation: true, recordMaxBufferedTimeMs: 100 },
        },
      ],
    },
  },
  {
    id: 'firehose',
    title: 'A Firehose pipeline',
    summary:
      'Web logs (200 records/s of 300 bytes, about 3.4 MiB a minute) go to a Firehose delivery stream that buffers up to 5 MB or 60 seconds: the 60-second interval fires before the buffer is full, and each delivery is a GZIP object in S3. Open one to read it.',
    moments: [
      {
        atSeconds: 61,
        note: 'The 60-second buffering interval fired before the 5 MB size: the first GZIP object is in S3. Open it to read the log lines.',
      },
    ],
    scenario: {
      seed: 1,
      durationSeconds: 300,
      producers: [
        {
          name: 'web-servers',
          deliveryStream: 'weblogs',
          recordsPerSecond: 200,
          recordBytes: 300,
        },
      ],
      firehose: [
        {
          name: 'weblogs',
          bufferMB: 5,
          bufferSeconds: 60,
          compression: 'GZIP',
          prefix: 'logs/',
          bucket: 'bdlab-weblogs',
        },
      ],
    },
  },
  {
    id: 'kcl-resharding',
    title: 'A KCL app with resharding',
    summary:
      'A KCL application with two workers reads a 2-shard stream; at 60 s a shard is split. The lease table shows the parent drained to SHARD_END before its children are processed. Crash a worker: its processors checkpoint a minute after they start, so a crash in the first minute leaves a lease at LATEST and its new owner skips the records in between; a later crash makes the new owner resume from the checkpoint and process some records twice.',
    moments: [
      {
        atSeconds: 25,
        note: 'The record processors write their first checkpoint about 60 s after they start. Crash a worker now and its new owner starts at LATEST: the records in between are skipped. Crash one after 60 s instead and it resumes from the checkpoint, processing some twice.',
      },
      {
        atSeconds: 60,
        note: 'The scenario splits shardId-000000000000 now: watch the parent read to SHARD_END before the KCL starts its children.',
      },
    ],
    scenario: {
      seed: 1,
      durationSeconds: 240,
      streams: [{ name: 'orders', shards: 2 }],
      producers: [
        {
          name: 'shop',
          stream: 'orders',
          recordsPerSecond: 800,
          recordBytes: 400,
          partitionKeys: { strategy: 'zipf', keys: 1000, exponent: 1 },
        },
      ],
      consumers: [{ type: 'kcl', name: 'orders-app', stream: 'orders', workers: 2 }],
      actions: [{ atSeconds: 60, action: 'splitShard', stream: 'orders', shardId: 'shardId-000000000000' }],
    },
  },
];

/** A built-in scenario by id. */
export function findBuiltIn(id: string): BuiltInScenario | undefined {
  return BUILT_IN_SCENARIOS.find((s) => s.id === id);
}
