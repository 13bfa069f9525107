/**
 * "Show the real command": what a learner would type against a real AWS account to do or see what the
 * console, its panels and the labs do in the simulator. Every command is built from its words and quoted
 * for a POSIX shell, names are the ones the simulation uses, a value AWS would refuse is shown as refused
 * (the simulator's own checks decide), and an API the selected era did not have yet has no command.
 * Where no AWS CLI call exists (a KCL worker is the learner's own process), the command is the nearest
 * real step and the note says so. `test/cli-commands/` checks every command against AWS's API models.
 */
import { validateDeliveryStream, type CompressionFormat } from '../../sim/firehose/index.ts';
import type { KinesisEra, KinesisState } from '../../sim/kinesis/index.ts';
import { PRICE_BOOKS, STREAMING_FEATURE_CHANGES } from '../../sim/pricing/index.ts';
import { Rng } from '../../sim/core/index.ts';
import { partitionKeyFor, type PartitionKeyStrategy } from '../../sim/streaming/index.ts';
import type { StreamingAction } from '../../sim/streaming/index.ts';
import type { StreamView } from '../consoles/streaming/console-view.ts';
import {
  newStartingHashKeyRefusal,
  partitionKeyRefusal,
  updateShardCountRefusal,
  type ShardToSplit,
} from '../consoles/streaming/command-checks.ts';
import { shellTokens, type ShellPart } from '../consoles/streaming/shell-words.ts';

/** What "Show the real command" shows. */
export type RealCommand =
  /**
   * A command line to paste (`text`, its `tokens` joined by spaces), the commands it runs (`parts`), and
   * what it does and what to replace.
   */
  | {
      readonly kind: 'run';
      readonly text: string;
      readonly tokens: readonly string[];
      readonly parts: readonly ShellPart[];
      readonly note: string;
    }
  /** AWS would refuse the call with these values: why, in AWS's words. */
  | { readonly kind: 'refused'; readonly reason: string }
  /** The action has no command in the selected era (the API came later). */
  | { readonly kind: 'absent'; readonly reason: string };

/** What a console action's command needs to know beyond the action. */
export interface CommandContext {
  /** Whose API the learner is using: the 2016 workshop's or today's. */
  readonly era: KinesisEra;
  /** The scenario lets UpdateShardCount run in the 2016 era as a what-if. */
  readonly allowUpdateShardCount: boolean;
  /** The Kinesis stream each producer writes to. */
  readonly producerStreams: Readonly<Record<string, string>>;
  /** How many open shards a stream has; undefined when there is no such stream. */
  readonly openShards: (stream: string) => number | undefined;
  /** A shard of a stream with its hash key range, open or closed; undefined when there is none. */
  readonly shard: (stream: string, shardId: string) => ShardToSplit | undefined;
  /**
   * The simulator already applied the action (the action log): its values were accepted, and are not
   * checked again against a state that has moved on (after UpdateShardCount the target is the count).
   */
  readonly accepted?: boolean;
}

function run(parts: readonly ShellPart[], note: string): RealCommand {
  const tokens = shellTokens(parts);
  return { kind: 'run', text: tokens.join(' '), tokens, parts, note };
}

/**
 * An AWS CLI call of an API operation with its `--parameter value` pairs. A value that begins with `-` is
 * joined to its parameter (`--partition-key=-x`): the CLI would otherwise read it as the next option.
 */
function awsApiCall(service: string, operation: string, parameters: readonly [string, string][]): string[] {
  return [
    'aws',
    service,
    operation,
    ...parameters.flatMap(([name, value]) => (value.startsWith('-') ? [`${name}=${value}`] : [name, value])),
  ];
}

/**
 * The API that the selected era did not have yet, by AWS's operation name (from the era changes the console
 * lists under "What is different today"), or undefined when the era has it.
 */
function laterFeature(operation: string, era: KinesisEra) {
  return era === '2016'
    ? STREAMING_FEATURE_CHANGES.find((change) => change.feature === operation)
    : undefined;
}

/** One access-log line as the producers send it: the example record of a put-record command. */
const EXAMPLE_RECORD =
  '10.0.0.1 - user42 [14/Jul/2016:09:00:00 +0000] "GET /products/42 HTTP/1.1" 200 5120 "-" "curl/7.47"';

const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The data note: which CLI reads `--data` how. */
const DATA_NOTE =
  `AWS CLI version 2 reads --data as base64: the value above is the access-log line “${EXAMPLE_RECORD}”, encoded. ` +
  'To pass the text itself, add --cli-binary-format raw-in-base64-out (or use CLI version 1, the CLI of 2016).';

/**
 * The first partition key a producer with `strategy` sends (drawn as the simulation draws it), so the
 * example command holds a key the producer really uses.
 */
function exampleKey(strategy: PartitionKeyStrategy): string {
  return partitionKeyFor(strategy, Rng.fromSeed(1), 0);
}

function keysNote(strategy: PartitionKeyStrategy): string {
  switch (strategy.strategy) {
    case 'random':
      return 'The producer sends a new random key of 16 hex digits with every record; this is one of them.';
    case 'fixed':
      return 'The producer sends this one key with every record.';
    case 'zipf':
    case 'sequential':
      return `The producer sends the keys entity-1 to entity-${strategy.keys} (one per entity); this is the first.`;
  }
}

/** PutRecord as a producer with `strategy` sends each record to `stream`. */
export function putRecordCommand(stream: string, strategy: PartitionKeyStrategy): RealCommand {
  const key = exampleKey(strategy);
  const refused = partitionKeyRefusal(key);
  if (refused !== null) return { kind: 'refused', reason: refused };
  return run(
    [
      awsApiCall('kinesis', 'put-record', [
        ['--stream-name', stream],
        ['--partition-key', key],
        ['--data', base64(EXAMPLE_RECORD)],
      ]),
    ],
    `Not an API call itself: the producer's code picks the key. ${keysNote(strategy)} ${DATA_NOTE}`,
  );
}

/** SplitShard of `shard` at `newStartingHashKey` (decimal), or why AWS would refuse it. */
export function splitShardCommand(
  stream: string,
  shard: ShardToSplit,
  newStartingHashKey: string,
): RealCommand {
  const refused = newStartingHashKeyRefusal(shard, newStartingHashKey);
  if (refused !== null) return { kind: 'refused', reason: refused };
  return run(
    [
      awsApiCall('kinesis', 'split-shard', [
        ['--stream-name', stream],
        ['--shard-to-split', shard.ShardId],
        ['--new-starting-hash-key', newStartingHashKey],
      ]),
    ],
    'Closes the shard and opens two children: one from its StartingHashKey to the key before this one, one from this key to its EndingHashKey.',
  );
}

const leaseTableScan = (applicationName: string): ShellPart[] => [
  awsApiCall('dynamodb', 'scan', [['--table-name', applicationName]]),
];

/** The scan that shows a KCL application's lease table (a DynamoDB table named after the application). */
export function scanLeaseTable(applicationName: string): RealCommand {
  return run(
    leaseTableScan(applicationName),
    'The KCL keeps one DynamoDB table per application, named after it, with one item per shard lease (leaseKey, leaseOwner, leaseCounter, checkpoint, parentShardIds).',
  );
}

/** Adding a KCL worker: the learner's own process, so the command starts one (KCL 1.x MultiLangDaemon). */
export function addKclWorker(applicationName: string): RealCommand {
  return run(
    [
      [
        'java',
        '-cp',
        'lib/*',
        'com.amazonaws.services.kinesis.multilang.MultiLangDaemon',
        `${applicationName}.properties`,
      ],
    ],
    `No AWS CLI call starts a KCL worker: the KCL runs inside your own program. This starts one more worker of a KCL 1.x MultiLangDaemon application from the folder holding its jars (lib/) and its properties file, which names the application (${applicationName}) and the stream; usually on one more EC2 instance (aws ec2 run-instances, or a larger Auto Scaling group). It finds the lease table and takes leases until the counts are even.`,
  );
}

/** Crashing a KCL worker: nothing to call; the lease table shows its leases expire and move. */
export function crashKclWorker(applicationName: string, workerId: string): RealCommand {
  return run(
    leaseTableScan(applicationName),
    `No AWS CLI call stops a KCL worker: you kill ${workerId}'s process or terminate its EC2 instance (aws ec2 terminate-instances). Its leases stop being renewed and other workers take them once they expire (failoverTimeMillis, 10 s by default); this scan shows leaseOwner change.`,
  );
}

/**
 * The AWS CLI equivalent of a console action. A split needs its `newStartingHashKey` (the engine fills in
 * the midpoint it chose) and is checked against the shard's range.
 */
export function realCommandFor(action: StreamingAction, context: CommandContext): RealCommand {
  switch (action.action) {
    case 'splitShard': {
      const shard = context.shard(action.stream, action.shardId);
      if (shard === undefined) {
        return {
          kind: 'refused',
          reason: `ResourceNotFoundException: stream ${action.stream} has no shard ${action.shardId}.`,
        };
      }
      return splitShardCommand(action.stream, shard, action.newStartingHashKey ?? '');
    }
    case 'mergeShards':
      return run(
        [
          awsApiCall('kinesis', 'merge-shards', [
            ['--stream-name', action.stream],
            ['--shard-to-merge', action.shardId],
            ['--adjacent-shard-to-merge', action.adjacentShardId],
          ]),
        ],
        'Closes both shards and opens one child holding both hash key ranges; the two ranges must touch.',
      );
    case 'updateShardCount': {
      const later = laterFeature('UpdateShardCount', context.era);
      if (later !== undefined && !context.allowUpdateShardCount) {
        return {
          kind: 'absent',
          reason: `No command in 2016: UpdateShardCount arrived on ${later.since}, after the workshop. ${later.in2016}`,
        };
      }
      const open = context.openShards(action.stream);
      const refused = context.accepted
        ? null
        : open === undefined
          ? `ResourceNotFoundException: there is no stream ${action.stream}.`
          : updateShardCountRefusal(context.era, open, action.targetShardCount);
      if (refused !== null) return { kind: 'refused', reason: refused };
      return run(
        [
          awsApiCall('kinesis', 'update-shard-count', [
            ['--stream-name', action.stream],
            ['--target-shard-count', String(action.targetShardCount)],
            ['--scaling-type', 'UNIFORM_SCALING'],
          ]),
        ],
        later === undefined
          ? 'Splits or merges shards until the stream has the target count, evenly spread (UNIFORM_SCALING is the only scaling type).'
          : `UpdateShardCount arrived on ${later.since}, after the workshop: this scenario allows it as a what-if, and today's CLI has it.`,
      );
    }
    case 'setProducerKeys': {
      const stream = context.producerStreams[action.producer];
      if (stream === undefined) {
        return { kind: 'refused', reason: `Producer ${action.producer} does not write to a Kinesis stream.` };
      }
      return putRecordCommand(stream, action.partitionKeys);
    }
    case 'crashWorker':
      return crashKclWorker(action.consumer, action.workerId);
    case 'addWorker':
      return addKclWorker(action.consumer);
  }
}

/** Listing a bucket at a prefix, one "folder" level at a time as the browser shows it. */
export function listObjects(bucket: string, prefix: string): RealCommand {
  return run(
    [['aws', 's3', 'ls', `s3://${bucket}/${prefix}`]],
    'Lists the objects and the next-level "folders" (common prefixes up to the next /). Firehose writes keys under a UTC YYYY/MM/DD/HH/ prefix.',
  );
}

/** How an object's bytes are compressed, as the browser detects it. */
export type ObjectCompression = 'gzip' | 'zip' | 'none';

/** Downloading an object and reading it, decompressing it as Firehose compressed it. */
export function readObject(bucket: string, key: string, compression: ObjectCompression): RealCommand {
  const source = `s3://${bucket}/${key}`;
  switch (compression) {
    case 'gzip':
      return run(
        [['aws', 's3', 'cp', source, '-'], '|', ['gunzip'], '|', ['head']],
        'Copies the object to standard output and decompresses it (Firehose GZIP objects have no .gz extension).',
      );
    case 'zip': {
      const file = `${key.split('/').at(-1) ?? key}.zip`;
      return run(
        [['aws', 's3', 'cp', source, file], '&&', ['unzip', '-p', file], '|', ['head']],
        'Downloads the ZIP archive Firehose wrote into the current folder and prints its one entry.',
      );
    }
    case 'none':
      return run([['aws', 's3', 'cp', source, '-'], '|', ['head']], 'Copies the object to standard output.');
  }
}

/** Reading a delivery stream's configuration and buffering hints. */
export function describeDeliveryStream(name: string): RealCommand {
  return run(
    [awsApiCall('firehose', 'describe-delivery-stream', [['--delivery-stream-name', name]])],
    'Shows the S3 destination, its BufferingHints (SizeInMBs, IntervalInSeconds) and CompressionFormat. The buffer itself is not visible through the API: CloudWatch shows the deliveries (DeliveryToS3.Records, DeliveryToS3.DataFreshness).',
  );
}

/** A delivery stream to S3 as lab 12 configures it. */
export interface DeliveryStreamSettings {
  readonly name: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly sizeMB: number;
  readonly intervalSeconds: number;
  readonly compression: CompressionFormat;
}

/** The IAM role Firehose assumes to write to the bucket: the one name the simulation does not know. */
const EXAMPLE_ROLE_ARN = 'arn:aws:iam::123456789012:role/firehose-delivery';

/** CreateDeliveryStream with an S3 destination (2016's API: S3DestinationConfiguration), or why not. */
export function createDeliveryStream(settings: DeliveryStreamSettings): RealCommand {
  const checked = validateDeliveryStream(
    {
      DeliveryStreamName: settings.name,
      S3DestinationConfiguration: {
        BucketName: settings.bucket,
        Prefix: settings.prefix,
        BufferingHints: { SizeInMBs: settings.sizeMB, IntervalInSeconds: settings.intervalSeconds },
        CompressionFormat: settings.compression,
      },
    },
    PRICE_BOOKS['2016'],
  );
  if (!checked.ok) return { kind: 'refused', reason: `${checked.error.code}: ${checked.error.message}` };
  const destination = {
    RoleARN: EXAMPLE_ROLE_ARN,
    BucketARN: `arn:aws:s3:::${settings.bucket}`,
    Prefix: settings.prefix,
    BufferingHints: { SizeInMBs: settings.sizeMB, IntervalInSeconds: settings.intervalSeconds },
    CompressionFormat: settings.compression,
  };
  return run(
    [
      awsApiCall('firehose', 'create-delivery-stream', [
        ['--delivery-stream-name', settings.name],
        ['--s3-destination-configuration', JSON.stringify(destination)],
      ]),
    ],
    'Replace 123456789012 with your account id and firehose-delivery with an IAM role that Firehose may assume to write to the bucket. The destination is JSON; the CLI also takes its shorthand (Key=Value,…). Today the API prefers --extended-s3-destination-configuration, which takes the same members and more.',
  );
}

/** What the commands of the console's actions on `stream` need, from the frame the console shows. */
export function streamCommandContext(stream: StreamView): CommandContext {
  return {
    era: stream.api.era,
    allowUpdateShardCount: stream.api.allowUpdateShardCount,
    producerStreams: Object.fromEntries(stream.keyStrategies.map((p) => [p.producer, stream.name])),
    openShards: (name) => (name === stream.name ? stream.openShardCount : undefined),
    shard: (name, shardId) => {
      const shard = name === stream.name ? stream.shards.find((s) => s.shardId === shardId) : undefined;
      return (
        shard && {
          ShardId: shard.shardId,
          HashKeyRange: { StartingHashKey: shard.startingHashKey, EndingHashKey: shard.endingHashKey },
        }
      );
    },
  };
}

/** What the commands of logged actions need, from the running simulation (the console's worker). */
export function kinesisCommandContext(
  kinesis: KinesisState | undefined,
  producerStreams: Readonly<Record<string, string>>,
): CommandContext {
  return {
    era: kinesis?.era ?? '2016',
    allowUpdateShardCount: kinesis?.allowUpdateShardCount ?? false,
    producerStreams,
    openShards: (name) => kinesis?.streams[name]?.shards.filter((s) => s.closedAt === undefined).length,
    shard: (name, shardId) => kinesis?.streams[name]?.shards.find((s) => s.ShardId === shardId),
  };
}
