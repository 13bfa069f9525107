import { describe, expect, it } from 'vitest';
import {
  createDeliveryStream,
  crashKclWorker,
  readObject,
  realCommandFor,
  type CommandContext,
  type RealCommand,
} from './cli-commands.ts';
import { shellLine, shellQuote } from '../consoles/streaming/shell-words.ts';
import { count } from '../../sim/core/index.ts';

const HALF = '170141183460469231731687303715884105728';
const shards: Record<string, { StartingHashKey: string; EndingHashKey: string }> = {
  'shardId-000000000000': { StartingHashKey: '0', EndingHashKey: (BigInt(HALF) - 1n).toString() },
  'shardId-000000000001': { StartingHashKey: HALF, EndingHashKey: '340282366920938463463374607431768211455' },
};

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    era: '2016',
    allowUpdateShardCount: false,
    producerStreams: { web: 'clicks' },
    openShards: (stream) => (stream === 'clicks' ? 2 : undefined),
    shard: (stream, shardId) =>
      stream === 'clicks' && shards[shardId]
        ? { ShardId: shardId, HashKeyRange: shards[shardId]! }
        : undefined,
    ...overrides,
  };
}

const text = (command: RealCommand): string => (command.kind === 'run' ? command.text : `[${command.kind}]`);

describe('realCommandFor', () => {
  it('writes SplitShard with the decimal starting hash key', () => {
    expect(
      text(
        realCommandFor(
          {
            action: 'splitShard',
            stream: 'clicks',
            shardId: 'shardId-000000000000',
            newStartingHashKey: '85070591730234615865843651857942052864',
          },
          context(),
        ),
      ),
    ).toBe(
      'aws kinesis split-shard --stream-name clicks --shard-to-split shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864',
    );
  });

  it('shows a hash key AWS would refuse as refused, with the reason, never as a command', () => {
    for (const key of ['1234 5678', '…', '', '0085', '1', HALF]) {
      const command = realCommandFor(
        { action: 'splitShard', stream: 'clicks', shardId: 'shardId-000000000000', newStartingHashKey: key },
        context(),
      );
      expect(command.kind, key).toBe('refused');
    }
    const spaced = realCommandFor(
      {
        action: 'splitShard',
        stream: 'clicks',
        shardId: 'shardId-000000000000',
        newStartingHashKey: '1234 5678',
      },
      context(),
    );
    expect(spaced).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^ValidationException: /),
    });
  });

  it('writes MergeShards with both shard ids', () => {
    expect(
      text(
        realCommandFor(
          {
            action: 'mergeShards',
            stream: 'clicks',
            shardId: 'shardId-000000000000',
            adjacentShardId: 'shardId-000000000001',
          },
          context(),
        ),
      ),
    ).toBe(
      'aws kinesis merge-shards --stream-name clicks --shard-to-merge shardId-000000000000 --adjacent-shard-to-merge shardId-000000000001',
    );
  });

  it('has no UpdateShardCount in 2016, one as a what-if when the scenario allows it, and one today', () => {
    const update = { action: 'updateShardCount', stream: 'clicks', targetShardCount: count(4) } as const;
    expect(realCommandFor(update, context())).toEqual({
      kind: 'absent',
      reason: expect.stringMatching(/^No command in 2016: UpdateShardCount arrived on 2016-11-15/),
    });
    const whatIf = realCommandFor(update, context({ allowUpdateShardCount: true }));
    expect(text(whatIf)).toBe(
      'aws kinesis update-shard-count --stream-name clicks --target-shard-count 4 --scaling-type UNIFORM_SCALING',
    );
    expect(whatIf.kind === 'run' && whatIf.note).toMatch(/what-if/);
    expect(realCommandFor(update, context({ era: 'current' })).kind).toBe('run');
    // Half to double the open shards: 5 is refused by the model's own rule.
    const tooMany = realCommandFor({ ...update, targetShardCount: count(5) }, context({ era: 'current' }));
    expect(tooMany).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^InvalidArgumentException: .*from 1 to 4/),
    });
  });

  it('shows the put-record a producer sends: its stream, a key it uses, base64 data and which CLI reads it so', () => {
    const command = realCommandFor(
      { action: 'setProducerKeys', producer: 'web', partitionKeys: { strategy: 'fixed', key: 'user 42' } },
      context(),
    );
    if (command.kind !== 'run') throw new Error(command.reason);
    expect(command.text).toMatch(
      /^aws kinesis put-record --stream-name clicks --partition-key 'user 42' --data [A-Za-z0-9+/]+=*$/,
    );
    const data = command.text.split(' --data ')[1]!;
    expect(new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)))).toMatch(
      /^10\.0\.0\.1 - user42 \[/,
    );
    expect(command.note).toMatch(/CLI version 2 reads --data as base64/);
    expect(command.note).toMatch(/--cli-binary-format raw-in-base64-out/);
    expect(
      text(
        realCommandFor(
          {
            action: 'setProducerKeys',
            producer: 'web',
            partitionKeys: { strategy: 'zipf', keys: 10, exponent: 1 },
          },
          context(),
        ),
      ),
    ).toMatch(/--partition-key entity-\d+ /);
    expect(
      realCommandFor(
        { action: 'setProducerKeys', producer: 'web', partitionKeys: { strategy: 'fixed', key: '' } },
        context(),
      ),
    ).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^ValidationException: .*length between 1 and 256/),
    });
  });

  it('joins a value that begins with "-" to its parameter, so the CLI does not read it as an option', () => {
    expect(
      text(
        realCommandFor(
          { action: 'setProducerKeys', producer: 'web', partitionKeys: { strategy: 'fixed', key: '-x' } },
          context(),
        ),
      ),
    ).toMatch(/ --partition-key=-x --data /);
  });

  it('shows the lease table scan after a worker crash, and says no API call stops a worker', () => {
    const crash = crashKclWorker('orders-app', 'worker-1');
    expect(text(crash)).toBe('aws dynamodb scan --table-name orders-app');
    expect(crash.kind === 'run' && crash.note).toMatch(/No AWS CLI call stops a KCL worker/);
  });
});

describe('readObject', () => {
  it('downloads a ZIP object under its own name and prints its entry', () => {
    expect(text(readObject('bdlab-weblogs', 'logs/2016/06/14/14/weblogs-1', 'zip'))).toBe(
      'aws s3 cp s3://bdlab-weblogs/logs/2016/06/14/14/weblogs-1 weblogs-1.zip && unzip -p weblogs-1.zip | head',
    );
  });
});

describe('createDeliveryStream', () => {
  const settings = {
    name: 'weblogs-to-s3',
    bucket: 'shop-weblogs',
    prefix: 'raw/',
    sizeMB: 5,
    intervalSeconds: 300,
    compression: 'GZIP',
  } as const;

  it('writes the S3 destination as JSON with the lab’s hints', () => {
    const command = createDeliveryStream(settings);
    expect(text(command)).toBe(
      `aws firehose create-delivery-stream --delivery-stream-name weblogs-to-s3 --s3-destination-configuration '{"RoleARN":"arn:aws:iam::123456789012:role/firehose-delivery","BucketARN":"arn:aws:s3:::shop-weblogs","Prefix":"raw/","BufferingHints":{"SizeInMBs":5,"IntervalInSeconds":300},"CompressionFormat":"GZIP"}'`,
    );
    expect(command.kind === 'run' && command.note).toMatch(/Replace 123456789012 with your account id/);
  });

  it('refuses what Firehose refused in 2016', () => {
    expect(createDeliveryStream({ ...settings, sizeMB: 129 }).kind).toBe('refused');
    expect(createDeliveryStream({ ...settings, intervalSeconds: 30 }).kind).toBe('refused');
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('shardId-000000000000')).toBe('shardId-000000000000');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('lib/*')).toBe("'lib/*'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });

  it('joins commands with their operators', () => {
    expect(shellLine([['aws', 's3', 'cp', 's3://b/k', '-'], '|', ['gunzip']])).toBe(
      'aws s3 cp s3://b/k - | gunzip',
    );
  });
});
