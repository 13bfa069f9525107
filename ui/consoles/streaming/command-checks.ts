/**
 * Whether Kinesis would accept a value a learner typed, asked of the simulator's own Kinesis model (never a
 * rule rewritten here), so that "Show the real command" shows a call AWS would refuse as refused.
 */
import { millis } from '../../../sim/core/index.ts';
import {
  checkNewStartingHashKey,
  createKinesisState,
  createStream,
  putRecord,
  updateShardCount,
  type KinesisEra,
  type KinesisError,
  type ShardToSplit,
} from '../../../sim/kinesis/index.ts';

const SCRATCH_STREAM = 'command-check';
const AT_START = millis(0);

/** Answers already computed: the console asks again with every frame while a form stays the same. */
const partitionKeyAnswers = new Map<string, string | null>();
const updateShardCountAnswers = new Map<string, string | null>();
const MAX_REMEMBERED_ANSWERS = 64;

function remember(
  answers: Map<string, string | null>,
  question: string,
  ask: () => string | null,
): string | null {
  const known = answers.get(question);
  if (known !== undefined) return known;
  const answer = ask();
  if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.clear();
  answers.set(question, answer);
  return answer;
}

/** AWS's error as the app shows a refusal: its code and its sentence. */
function refusal(error: KinesisError): string {
  return `${error.code}: ${error.message}`;
}

/**
 * Why PutRecord would refuse `key` as a PartitionKey, or null when it accepts it: the key is put on a
 * scratch stream of the model, so the model's own checks (length in characters) decide.
 */
export function partitionKeyRefusal(key: string): string | null {
  return remember(partitionKeyAnswers, key, () => askPutRecord(key));
}

function askPutRecord(key: string): string | null {
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
export type { ShardToSplit };

/**
 * Why SplitShard would refuse `key` as the NewStartingHashKey of `shard`, or null when it accepts it: the
 * Kinesis model's own check (the pattern, then a key strictly inside the shard's range).
 */
export function newStartingHashKeyRefusal(shard: ShardToSplit, key: string): string | null {
  const checked = checkNewStartingHashKey(shard, key);
  return checked.ok ? null : refusal(checked.error);
}

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
  return remember(updateShardCountAnswers, `${era}|${openShards}|${targetShardCount}`, () => {
    const shardLimit = openShards * 3 + 1;
    const kinesis = createKinesisState({ era, allowUpdateShardCount: true, shardLimit });
    createStream(kinesis, { StreamName: SCRATCH_STREAM, ShardCount: openShards }, AT_START);
    const update = updateShardCount(
      kinesis,
      { StreamName: SCRATCH_STREAM, TargetShardCount: targetShardCount, ScalingType: 'UNIFORM_SCALING' },
      AT_START,
    );
    return update.ok ? null : refusal(update.error);
  });
}
