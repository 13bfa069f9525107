/**
 * "Show the real command": the AWS CLI call that does in a real account what a console action does in the
 * simulator. Kinesis actions map one to one onto an API call; the others (a producer's key choice, a KCL
 * worker process) are not API calls, so their command is what one would run instead, said as such.
 */
import type { ConsoleAction, PartitionKeyStrategy } from './protocol.ts';

const SAFE_WORD = /^[A-Za-z0-9_./:=@%+-]+$/;

/** Quotes a value for a POSIX shell only when it needs it (single quotes, with `'` written as `'\''`). */
export function shellQuote(value: string): string {
  if (value !== '' && SAFE_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function command(words: readonly string[]): string {
  return words.map((word, i) => (i < 3 || word.startsWith('--') ? word : shellQuote(word))).join(' ');
}

/** The partition key a producer using `strategy` sends, as a shell word (random keys are 16 hex digits). */
function partitionKeyWord(strategy: PartitionKeyStrategy): string {
  switch (strategy.strategy) {
    case 'fixed':
      return shellQuote(strategy.key);
    case 'zipf':
    case 'sequential':
      return '"entity-$N"';
    case 'random':
      return '"$(openssl rand -hex 8)"';
  }
}

/**
 * The AWS CLI equivalent of a console action. Split needs its `newStartingHashKey` filled in (the worker
 * resolves the default midpoint before it applies and logs the action).
 */
export function cliCommandFor(action: ConsoleAction): string {
  switch (action.action) {
    case 'splitShard':
      return command([
        'aws',
        'kinesis',
        'split-shard',
        '--stream-name',
        action.stream,
        '--shard-to-split',
        action.shardId,
        '--new-starting-hash-key',
        action.newStartingHashKey ?? '<decimal hash key>',
      ]);
    case 'mergeShards':
      return command([
        'aws',
        'kinesis',
        'merge-shards',
        '--stream-name',
        action.stream,
        '--shard-to-merge',
        action.shardId,
        '--adjacent-shard-to-merge',
        action.adjacentShardId,
      ]);
    case 'updateShardCount':
      return command([
        'aws',
        'kinesis',
        'update-shard-count',
        '--stream-name',
        action.stream,
        '--target-shard-count',
        String(action.targetShardCount),
        '--scaling-type',
        'UNIFORM_SCALING',
      ]);
    case 'setProducerKeys':
      return (
        `# Not an API call: the producer's code picks the key. Each record is then sent as\n` +
        `aws kinesis put-record --stream-name <stream> --partition-key ${partitionKeyWord(action.partitionKeys)} --data <record>`
      );
    case 'crashWorker':
      return (
        `# Not an API call: stop worker ${action.workerId}'s process (kill <pid>), then watch its leases expire\n` +
        `aws dynamodb scan --table-name ${shellQuote(action.consumer)} --projection-expression 'leaseKey, leaseOwner, leaseCounter, checkpoint'`
      );
    case 'addWorker':
      return (
        `# Not an API call: start one more KCL worker process with the same application name\n` +
        `java -cp 'lib/*' com.amazonaws.services.kinesis.multilang.MultiLangDaemon ${shellQuote(`${action.consumer}.properties`)}`
      );
  }
}
