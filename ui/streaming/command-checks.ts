/**
 * Whether Kinesis would accept a value a learner typed, asked of the simulator's own Kinesis model (never a
 * rule rewritten here), so that "Show the real command" shows a call AWS would refuse as refused.
 */
import { millis } from '../../sim/core/units.ts';
import {
  createKinesisState,
  createStream,
  parseHashKey,
  putRecord,
  updateShardCount,
  type HashKeyRange,
  type KinesisEra,
  type KinesisError,
} from '../../sim/kinesis/index.ts';

const SCRATCH_STREAM = 'command-check';
const AT_START = millis(0);

/** AWS's error as the app shows a refusal: its code and its sentence. */
function refusal(error: KinesisError): string {
  return `${error.code}: ${error.message}`;
}

/**
 * Why PutRecord would refuse `key` as a PartitionKey, or null when it accepts it: the key is put on a
 * scratch stream of the model, so the model's own checks (length in characters) decide.
 */
export function partitionKeyRefusal(key: string): string | null {
  const kinesis = createKinesisState();
  createStream(kinesis, { StreamName: SCRATCH_STREAM, ShardCount: 1 }, AT_START);
  const put = putRecord(
    kinesis,
    { StreamName: SCRATCH_STREAM, PartitionKey: key, Data: new Uint8Array(0) },
    AT_START,
  );
  return put.ok ? null : refusal(put.error);
}

/** The shard a split names, as DescribeStream shows it. */
export interface ShardToSplit {
  readonly ShardId: string;
  readonly HashKeyRange: HashKeyRange;
}

/**
 * Why SplitShard would refuse `key` as the NewStartingHashKey of `shard`, or null when it accepts it. The
 * pattern is the model's (`parseHashKey`); the range is SplitShard's rule in sim/kinesis (a key above the
 * shard's StartingHashKey and not above its EndingHashKey).
 */
export function newStartingHashKeyRefusal(shard: ShardToSplit, key: string): string | null {
  const cut = parseHashKey(key);
  const start = BigInt(shard.HashKeyRange.StartingHashKey);
  const end = BigInt(shard.HashKeyRange.EndingHashKey);
  if (cut !== undefined && cut > start && cut <= end) return null;
  return refusal({
    code: cut === undefined ? 'ValidationException' : 'InvalidArgumentException',
    message:
      cut === undefined
        ? `NewStartingHashKey ${JSON.stringify(key)} is not a hash key: write a whole decimal number from 0 to 2^128 − 1, without leading zeros, signs, spaces or digit grouping.`
        : `NewStartingHashKey ${key} is outside ${shard.ShardId}, which holds ${start} to ${end}.`,
  });
}

/** Answers already computed: the console asks again with every frame while the form stays the same. */
const updateShardCountAnswers = new Map<string, string | null>();
const MAX_REMEMBERED_ANSWERS = 64;

/**
 * Why UpdateShardCount would refuse `targetShardCount` for a stream of `openShards` open shards, or null when
 * it accepts it: the call is made on a scratch stream with as many open shards (and room in the account's
 * shard limit, which the scenario sets), so the model's own rules decide (a whole number, ½× to 2×).
 */
export function updateShardCountRefusal(
  era: KinesisEra,
  openShards: number,
  targetShardCount: number,
): string | null {
  const question = `${era}|${openShards}|${targetShardCount}`;
  const known = updateShardCountAnswers.get(question);
  if (known !== undefined) return known;
  const shardLimit = openShards * 3 + 1;
  const kinesis = createKinesisState({ era, allowUpdateShardCount: true, shardLimit });
  createStream(kinesis, { StreamName: SCRATCH_STREAM, ShardCount: openShards }, AT_START);
  const update = updateShardCount(
    kinesis,
    { StreamName: SCRATCH_STREAM, TargetShardCount: targetShardCount, ScalingType: 'UNIFORM_SCALING' },
    AT_START,
  );
  const answer = update.ok ? null : refusal(update.error);
  if (updateShardCountAnswers.size >= MAX_REMEMBERED_ANSWERS) updateShardCountAnswers.clear();
  updateShardCountAnswers.set(question, answer);
  return answer;
}
