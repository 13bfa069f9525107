/**
 * When the AWS CLI is installed, the commands are also given to it, pointed at a closed local port: a call
 * the CLI accepts gets as far as connecting ("Could not connect to the endpoint URL"), while a call with a
 * bad argument or parameter stops before (argparse's usage error, botocore's "Parameter validation
 * failed"). The CLI checks required members, types and minimum lengths itself; patterns, maximum lengths
 * and enums are the service's to check, which `validate-call.ts` does from the models. Skipped without
 * `aws` on PATH: the rest of the suite does not depend on it. Version 1 of the CLI reads --data as text, so
 * the base64 text the app shows is valid there too (as a different record).
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  createDeliveryStream,
  describeDeliveryStream,
  listObjects,
  readObject,
  realCommandFor,
  scanLeaseTable,
  type CommandContext,
} from '../../ui/shared/cli-commands.ts';
import { shellLine, simpleCommands } from '../../ui/consoles/streaming/shell-words.ts';
import { count } from '../../sim/core/index.ts';

const found = spawnSync('/bin/sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
const awsInstalled = found.status === 0 && found.stdout.trim() !== '';

/** Runs one `aws …` line (as the app shows it) against a closed port; returns what the CLI printed. */
function runAws(line: string): Promise<string> {
  const child = spawn('/bin/sh', ['-c', `${line} --endpoint-url http://127.0.0.1:9`], {
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: '/nonexistent',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_MAX_ATTEMPTS: '1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', () => resolve(output)));
}

const HALF = '170141183460469231731687303715884105728';
const context: CommandContext = {
  era: 'current',
  allowUpdateShardCount: false,
  producerStreams: { web: 'clicks' },
  openShards: () => 2,
  shard: (_stream, shardId) => ({
    ShardId: shardId,
    HashKeyRange: { StartingHashKey: '0', EndingHashKey: (BigInt(HALF) - 1n).toString() },
  }),
};

/** One command of each operation the app shows, and partition keys that need quoting or `=`. */
function sample(): string[] {
  const fixed = (key: string) =>
    realCommandFor(
      { action: 'setProducerKeys', producer: 'web', partitionKeys: { strategy: 'fixed', key } },
      context,
    );
  const commands = [
    realCommandFor(
      {
        action: 'splitShard',
        stream: 'clicks',
        shardId: 'shardId-000000000000',
        newStartingHashKey: '85070591730234615865843651857942052864',
      },
      context,
    ),
    realCommandFor(
      {
        action: 'mergeShards',
        stream: 'clicks',
        shardId: 'shardId-000000000000',
        adjacentShardId: 'shardId-000000000001',
      },
      context,
    ),
    realCommandFor({ action: 'updateShardCount', stream: 'clicks', targetShardCount: count(4) }, context),
    realCommandFor(
      { action: 'setProducerKeys', producer: 'web', partitionKeys: { strategy: 'random' } },
      context,
    ),
    fixed("it's 1234 5678"),
    fixed('--data'),
    fixed('$(whoami) *'),
    scanLeaseTable('orders-app'),
    describeDeliveryStream('weblogs'),
    listObjects('bdlab-weblogs', 'logs/2016/'),
    readObject('bdlab-weblogs', 'logs/2016/06/14/14/weblogs-1', 'none'),
    createDeliveryStream({
      name: 'weblogs-to-s3',
      bucket: 'shop-weblogs',
      prefix: 'raw/',
      sizeMB: 5,
      intervalSeconds: 300,
      compression: 'GZIP',
    }),
  ];
  return commands.flatMap((command) => {
    if (command.kind !== 'run') throw new Error(`not a command: ${command.reason}`);
    return simpleCommands(command.parts)
      .filter((words) => words[0] === 'aws')
      .map((words) => shellLine([words]));
  });
}

const REACHED_THE_NETWORK = /Could not connect to the endpoint URL/;

describe.skipIf(!awsInstalled)('the installed AWS CLI', () => {
  it('refuses what the validator refuses (so a pass below means something)', async () => {
    expect(
      await runAws('aws kinesis put-record --stream-name clicks --partition-key --data --data aGVsbG8='),
    ).toMatch(/argument --partition-key: expected one argument/);
    expect(
      await runAws("aws kinesis put-record --stream-name clicks --partition-key '' --data aGVsbG8="),
    ).toMatch(/Invalid length for parameter PartitionKey/);
  });

  it(
    'accepts one command of each operation the app shows, and keys that need quoting',
    { timeout: 120_000 },
    async () => {
      const lines = sample();
      const outputs = await Promise.all(lines.map(runAws));
      const refused = lines.flatMap((line, i) =>
        REACHED_THE_NETWORK.test(outputs[i]!) ? [] : [`${line}\n${outputs[i]}`],
      );
      expect(refused).toEqual([]);
    },
  );
});
