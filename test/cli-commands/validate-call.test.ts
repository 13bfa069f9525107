/**
 * The checks behind "every command the app shows must run" reject what a wrong command would get wrong:
 * each case below is a mistake the app once made or could make, and must be reported.
 */
import { describe, expect, it } from 'vitest';
import { cliName } from './aws-models.ts';
import { runInShell } from './shell-argv.ts';
import { validateAwsCall } from './validate-call.ts';

const problems = (line: string): readonly string[] => validateAwsCall(line.split(' ').slice(1)).problems;
const DATA = 'aGVsbG8=';

describe('validateAwsCall', () => {
  it('accepts calls AWS accepts', () => {
    expect(
      problems(
        'aws kinesis split-shard --stream-name clicks --shard-to-split shardId-000000000000 --new-starting-hash-key 170141183460469231731687303715884105728',
      ),
    ).toEqual([]);
    expect(
      problems(
        'aws kinesis update-shard-count --stream-name clicks --target-shard-count 4 --scaling-type UNIFORM_SCALING',
      ),
    ).toEqual([]);
    expect(
      problems(`aws kinesis put-record --stream-name clicks --partition-key user-42 --data ${DATA}`),
    ).toEqual([]);
    expect(
      problems(`aws kinesis put-record --stream-name clicks --partition-key=--x --data ${DATA}`),
    ).toEqual([]);
    expect(
      problems(
        'aws kinesis put-record --stream-name clicks --partition-key k --data hello --cli-binary-format raw-in-base64-out',
      ),
    ).toEqual([]);
    expect(problems('aws dynamodb scan --table-name orders-app')).toEqual([]);
    expect(problems('aws s3 ls s3://bdlab-weblogs/logs/2016/')).toEqual([]);
    expect(problems('aws s3 cp s3://bdlab-weblogs/logs/a -')).toEqual([]);
  });

  it('rejects an operation or a parameter the CLI does not have', () => {
    expect(problems('aws kinesis split-shards --stream-name clicks')).toEqual([
      'kinesis has no operation split-shards',
    ]);
    expect(problems(`aws kinesis put-record --stream clicks --partition-key k --data ${DATA}`)[0]).toMatch(
      /"--stream" is not a parameter/,
    );
    expect(
      problems(`aws kinesis put-record --stream-name clicks --partitionKey k --data ${DATA}`).join(),
    ).toMatch(/--partitionKey/);
  });

  it('rejects a missing required parameter, or a stream named neither by name nor by ARN', () => {
    expect(
      problems('aws kinesis split-shard --stream-name clicks --shard-to-split shardId-000000000000'),
    ).toContain('missing required --new-starting-hash-key');
    expect(problems(`aws kinesis put-record --partition-key k --data ${DATA}`).join()).toMatch(
      /missing --stream-name/,
    );
  });

  it('rejects values that break the model’s pattern, length, type or enum', () => {
    expect(
      problems(
        'aws kinesis split-shard --stream-name clicks --shard-to-split s --new-starting-hash-key 0123',
      ).join(),
    ).toMatch(/does not match/);
    expect(
      problems(
        'aws kinesis split-shard --stream-name cl<icks --shard-to-split s --new-starting-hash-key 1',
      ).join(),
    ).toMatch(/does not match/);
    expect(
      problems(
        `aws kinesis put-record --stream-name clicks --partition-key ${'k'.repeat(257)} --data ${DATA}`,
      ).join(),
    ).toMatch(/longer than 256/);
    expect(
      problems(
        'aws kinesis update-shard-count --stream-name clicks --target-shard-count four --scaling-type UNIFORM_SCALING',
      ).join(),
    ).toMatch(/not a whole number/);
    expect(
      problems(
        'aws kinesis update-shard-count --stream-name clicks --target-shard-count 0 --scaling-type UNIFORM_SCALING',
      ).join(),
    ).toMatch(/below 1/);
    expect(
      problems(
        'aws kinesis update-shard-count --stream-name clicks --target-shard-count 4 --scaling-type UNIFORM',
      ).join(),
    ).toMatch(/not one of UNIFORM_SCALING/);
  });

  it('rejects --data that CLI version 2 cannot read as base64', () => {
    expect(
      problems('aws kinesis put-record --stream-name clicks --partition-key k --data hello!').join(),
    ).toMatch(/not base64/);
  });

  it('rejects a value the CLI would read as the next option', () => {
    expect(
      problems(`aws kinesis put-record --stream-name clicks --partition-key --data ${DATA}`).join(),
    ).toMatch(/--partition-key has no value/);
  });

  it('checks JSON structures member by member', () => {
    const destination = (json: object) =>
      validateAwsCall([
        'firehose',
        'create-delivery-stream',
        '--delivery-stream-name',
        'logs',
        '--s3-destination-configuration',
        JSON.stringify(json),
      ]);
    const good = {
      RoleARN: 'arn:aws:iam::123456789012:role/r',
      BucketARN: 'arn:aws:s3:::b',
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 },
      CompressionFormat: 'GZIP',
    };
    expect(destination(good)).toEqual({ problems: [], deprecated: ['S3DestinationConfiguration'] });
    expect(destination({ ...good, BucketName: 'b' }).problems.join()).toMatch(/no member BucketName/);
    expect(destination({ ...good, RoleARN: undefined }).problems.join()).toMatch(
      /missing required member RoleARN/,
    );
    expect(destination({ ...good, CompressionFormat: 'gzip' }).problems.join()).toMatch(
      /not one of UNCOMPRESSED, GZIP, ZIP, Snappy/,
    );
    expect(destination({ ...good, BufferingHints: { SizeInMBs: 129 } }).problems.join()).toMatch(/above 128/);
    expect(
      validateAwsCall([
        'firehose',
        'create-delivery-stream',
        '--delivery-stream-name',
        'logs',
        '--s3-destination-configuration',
        'RoleARN=r,BucketARN=b',
      ]).problems.join(),
    ).toMatch(/not JSON/);
  });

  it('reads boolean members as flags and lists of strings as words, and rejects their misuse', () => {
    const create =
      'aws redshift create-cluster --cluster-identifier demo --node-type dc1.large --master-username master';
    expect(
      problems(`${create} --publicly-accessible --no-encrypted --iam-roles arn:a arn:b --port 8192`),
    ).toEqual([]);
    expect(problems(`${create} --no-port 8192`)[0]).toMatch(/"--no-port" is not a parameter/);
    expect(problems(`${create} --iam-roles --port 8192`)).toEqual(['--iam-roles has no value']);
    expect(problems(`${create} --encrypted --encrypted`)).toEqual(['--encrypted is given twice']);
    expect(
      problems('aws redshift create-cluster --cluster-identifier demo --master-username master'),
    ).toEqual(['missing required --node-type']);
  });

  it('checks the high-level S3 commands the CLI adds', () => {
    expect(problems('aws s3 ls s3://Bad_Bucket/').join()).toMatch(/not a valid bucket name/);
    expect(problems('aws s3 cp s3://bdlab-weblogs/ -').join()).toMatch(/needs an object key/);
    expect(problems('aws s3 cp a b').join()).toMatch(/S3 URI on one side/);
    expect(problems('aws s3 sync a s3://b').join()).toMatch(/not a command the app shows/);
  });
});

describe('cliName', () => {
  it('spells model names as the CLI does', () => {
    expect(cliName('SplitShard')).toBe('split-shard');
    expect(cliName('ListObjectsV2')).toBe('list-objects-v2');
    expect(cliName('S3DestinationConfiguration')).toBe('s3-destination-configuration');
    expect(cliName('NewStartingHashKey')).toBe('new-starting-hash-key');
  });
});

describe('runInShell', () => {
  it('records the words each program gets', () => {
    const run = runInShell(`aws kinesis put-record --partition-key 'user 42' | head`, ['aws', 'head']);
    expect(run.commands.get('aws')).toEqual([['kinesis', 'put-record', '--partition-key', 'user 42']]);
    expect(run.commands.get('head')).toEqual([[]]);
    expect(run.stderr).toBe('');
  });

  it('shows what an unquoted value, a placeholder or a glob does', () => {
    expect(runInShell('aws kinesis put-record --partition-key user 42', ['aws']).commands.get('aws')).toEqual(
      [['kinesis', 'put-record', '--partition-key', 'user', '42']],
    );
    const placeholder = runInShell('aws kinesis put-record --stream-name <stream> --data <record>', ['aws']);
    expect(placeholder.stderr).not.toBe('');
    expect(runInShell('java -cp lib/* Main', ['java']).commands.get('java')).toEqual([
      ['-cp', 'lib/probe.jar', 'Main'],
    ]);
    expect(runInShell('aws s3 cp "entity-$N" -', ['aws']).stderr).toMatch(/N/);
    expect(
      runInShell('aws kinesis put-record --partition-key "$(openssl rand -hex 8)"', ['aws']).stderr,
    ).toMatch(/openssl/);
    expect(runInShell('aws s3 cp s3://b/k > out.txt', ['aws']).createdFiles).toEqual(['out.txt']);
  });
});
