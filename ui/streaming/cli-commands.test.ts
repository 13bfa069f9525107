import { describe, expect, it } from 'vitest';
import { cliCommandFor, shellQuote } from './cli-commands.ts';

describe('cliCommandFor', () => {
  it('writes SplitShard as aws kinesis split-shard with the decimal starting hash key', () => {
    expect(
      cliCommandFor({
        action: 'splitShard',
        stream: 'clicks',
        shardId: 'shardId-000000000000',
        newStartingHashKey: '170141183460469231731687303715884105728',
      }),
    ).toBe(
      'aws kinesis split-shard --stream-name clicks --shard-to-split shardId-000000000000 --new-starting-hash-key 170141183460469231731687303715884105728',
    );
  });

  it('writes MergeShards with both shard ids', () => {
    expect(
      cliCommandFor({
        action: 'mergeShards',
        stream: 'clicks',
        shardId: 'shardId-000000000001',
        adjacentShardId: 'shardId-000000000002',
      }),
    ).toBe(
      'aws kinesis merge-shards --stream-name clicks --shard-to-merge shardId-000000000001 --adjacent-shard-to-merge shardId-000000000002',
    );
  });

  it('writes UpdateShardCount with its only scaling type', () => {
    expect(cliCommandFor({ action: 'updateShardCount', stream: 'clicks', targetShardCount: 4 })).toBe(
      'aws kinesis update-shard-count --stream-name clicks --target-shard-count 4 --scaling-type UNIFORM_SCALING',
    );
  });

  it('quotes a stream name the shell would split', () => {
    expect(
      cliCommandFor({ action: 'updateShardCount', stream: "it's a stream", targetShardCount: 2 }),
    ).toContain(`--stream-name 'it'\\''s a stream' `);
  });

  it('says a key strategy is a producer change and shows the put-record it leads to', () => {
    const text = cliCommandFor({
      action: 'setProducerKeys',
      producer: 'web',
      partitionKeys: { strategy: 'fixed', key: 'user 42' },
    });
    expect(text.split('\n')[0]).toMatch(/^# Not an API call/);
    expect(text).toContain("--partition-key 'user 42'");
  });

  it('shows the lease table scan after a worker crash', () => {
    expect(cliCommandFor({ action: 'crashWorker', consumer: 'orders-app', workerId: 'worker-1' })).toContain(
      'aws dynamodb scan --table-name orders-app',
    );
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('shardId-000000000000')).toBe('shardId-000000000000');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
