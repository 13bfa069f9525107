/**
 * Every command the app shows must run: a learner pastes it into a shell, the shell splits it into the
 * words the app meant, and AWS accepts the call (operation, parameters, required members, types, lengths,
 * patterns and enums from AWS's API models). Values AWS would refuse are shown as refused, and APIs the
 * selected era did not have are not shown at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simpleCommands, type ShellPart } from '../../ui/consoles/streaming/shell-words.ts';
import { collectShownCommands, labTextCommands, type ShownCommand } from './collect-commands.ts';
import { commandLineProblems, PROGRAMS } from './check-line.ts';
import { runInShell } from './shell-argv.ts';
import { validateAwsCall } from './validate-call.ts';

describe('every command the app shows', () => {
  let shown: ShownCommand[];
  // Runs each built-in scenario for 65 simulated seconds in three eras: well over the default hook time.
  beforeAll(() => {
    shown = collectShownCommands();
  }, 300_000);

  it('is gathered from the console, its panels and the labs', () => {
    const runnable = shown.filter((s) => s.command.kind === 'run');
    const operations = new Set(
      runnable.flatMap((s) =>
        s.command.kind === 'run'
          ? simpleCommands(s.command.parts)
              .filter((w) => w[0] === 'aws')
              .map((w) => `${w[1]} ${w[2]}`)
          : [],
      ),
    );
    expect([...operations].sort()).toEqual([
      'dynamodb scan',
      'firehose create-delivery-stream',
      'firehose describe-delivery-stream',
      'iam attach-role-policy',
      'iam create-role',
      'iam put-role-policy',
      'kinesis merge-shards',
      'kinesis put-record',
      'kinesis split-shard',
      'kinesis update-shard-count',
      'redshift create-cluster',
      'redshift delete-cluster',
      'redshift describe-clusters',
      'redshift modify-cluster-iam-roles',
      's3 cp',
      's3 ls',
    ]);
  });

  it('runs in a POSIX shell as the words meant and is accepted by the AWS API models', () => {
    // Distinct command lines only: the same line is shown in many places.
    const lines = new Map<string, { where: string; parts: readonly ShellPart[] }>();
    for (const { where, command } of shown) {
      if (command.kind === 'run' && !lines.has(command.text))
        lines.set(command.text, { where, parts: command.parts });
    }
    const failures = [...lines].flatMap(([text, { where, parts }]) =>
      commandLineProblems(text, simpleCommands(parts)).map((problem) => `${where}\n  ${text}\n  ${problem}`),
    );
    expect(failures).toEqual([]);
    expect(lines.size).toBeGreaterThan(100);
  });

  it('shows values AWS would refuse as refused, with AWS’s reason', () => {
    /** The kinds of command shown for the form entries whose description matches (there must be some). */
    const kindsOf = (pattern: RegExp) => {
      const kinds = shown.filter((s) => pattern.test(s.where)).map((s) => s.command.kind);
      expect(kinds.length, String(pattern)).toBeGreaterThan(0);
      return new Set(kinds);
    };
    // A partition key with a space is a valid key (quoted); an empty one or 257 characters is not.
    expect(kindsOf(/form .*"key":"user 42"/)).toEqual(new Set(['run']));
    expect(kindsOf(/form .*"key":""/)).toEqual(new Set(['refused']));
    expect(kindsOf(/form .*"key":"k{257}"/)).toEqual(new Set(['refused']));
    // Hash keys with spaces, a typographic ellipsis, leading zeros or outside the shard are refused.
    for (const key of ['1234 5678', '…', '007', '-1', '1e5', '12,345']) {
      const kinds = shown
        .filter((s) => s.where.includes(`"newStartingHashKey":${JSON.stringify(key)}`))
        .map((s) => s.command.kind);
      expect(kinds.length, key).toBeGreaterThan(0);
      expect(new Set(kinds), key).toEqual(new Set(['refused']));
    }
    // AWS accepts a split key strictly inside the shard, from its StartingHashKey + 2 to its EndingHashKey − 1.
    const consoleSplits = shown.filter(
      (s) =>
        s.where.startsWith('console, balanced (2016), form') && s.where.includes('"shardId-000000000000"'),
    );
    const splitAt = (key: string) =>
      consoleSplits.find((s) => s.where.includes(`"newStartingHashKey":"${key}"`))?.command.kind;
    expect(splitAt('1')).toBe('refused');
    expect(splitAt('2')).toBe('run');
    expect(splitAt('170141183460469231731687303715884105726')).toBe('run');
    expect(splitAt('170141183460469231731687303715884105727')).toBe('refused');
    expect(kindsOf(/form .*"key":"(?:😀){129}"/u)).toEqual(new Set(['run']));
    const reasons = shown.flatMap((s) => (s.command.kind === 'refused' ? [s.command.reason] : []));
    expect(reasons.some((r) => r.startsWith('ValidationException'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('InvalidArgumentException'))).toBe(true);
    // Lab 12: hints outside 2016's limits (1–128 MB, 60–900 s) and Snappy (later) have no command.
    const lab12 = shown.filter((s) => s.where.startsWith('lab 12'));
    expect(lab12.filter((s) => s.command.kind === 'run').length).toBe(3 * 3 * 3);
  });

  it('logs an action the simulator applied with its command, and one it refused as refused', () => {
    const logged = (outcome: string) =>
      new Set(shown.filter((s) => s.where.includes(`action log (${outcome})`)).map((s) => s.command.kind));
    expect(logged('ok')).toEqual(new Set(['run']));
    const updates = shown.filter((s) => /action log \(ok\): Update/.test(s.where));
    expect(updates.length).toBeGreaterThan(0);
    expect(logged('error')).toEqual(new Set(['refused']));
  });

  it('has no UpdateShardCount in 2016 unless the scenario allows it, and says why', () => {
    const updates = (era: string) =>
      shown.filter((s) => s.where.includes(`(${era})`) && s.where.includes('"updateShardCount"'));
    const in2016 = updates('2016');
    expect(in2016.length).toBeGreaterThan(0);
    for (const { command } of in2016) {
      expect(command.kind).toBe('absent');
      if (command.kind === 'absent') expect(command.reason).toMatch(/2016-11-15/);
    }
    expect(updates('2016 with UpdateShardCount allowed').some((s) => s.command.kind === 'run')).toBe(true);
    expect(updates('current').some((s) => s.command.kind === 'run')).toBe(true);
    const texts = shown.flatMap((s) =>
      s.where.includes('(2016)') && s.command.kind === 'run' ? [s.command.text] : [],
    );
    expect(texts.some((t) => t.includes('update-shard-count'))).toBe(false);
  });

  it('says which CLI reads --data how', () => {
    const puts = shown.filter((s) => s.command.kind === 'run' && s.command.text.includes('put-record'));
    expect(puts.length).toBeGreaterThan(0);
    for (const { command } of puts) {
      if (command.kind !== 'run') continue;
      expect(command.note).toMatch(/version 2 reads --data as base64/);
      expect(command.note).toMatch(/--cli-binary-format raw-in-base64-out/);
    }
  });
});

describe('command lines in the labs’ texts', () => {
  it('run and are accepted like the app’s own', () => {
    const failures = labTextCommands().flatMap(({ where, line }) => {
      const shell = runInShell(line, PROGRAMS);
      const calls = shell.commands.get('aws') ?? [];
      return [
        ...(shell.stderr === '' ? [] : [`${where}: ${line}: ${shell.stderr.trim()}`]),
        ...calls.flatMap((argv) => validateAwsCall(argv).problems.map((p) => `${where}: ${line}: ${p}`)),
      ];
    });
    expect(failures).toEqual([]);
  });
});

describe('where commands are written', () => {
  it('builds every AWS CLI command in the command modules that are checked here', () => {
    // A command typed anywhere else would escape this test: find `aws <service> <command>` in code
    // (comment lines aside) outside the command modules (ui/shared/cli-commands.ts for streaming,
    // ui/shared/redshift-commands.ts for Redshift and IAM).
    const modules = [join('ui', 'shared', 'cli-commands.ts'), join('ui', 'shared', 'redshift-commands.ts')];
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          /\.(ts|svelte)$/.test(entry.name) &&
          !/\.test\.ts$/.test(entry.name) &&
          !modules.includes(path)
        ) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
              if (/\baws (kinesis|firehose|s3|s3api|dynamodb|ec2|lambda|emr|redshift|iam) [a-z]/.test(line))
                offenders.push(`${path}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    for (const root of ['ui', 'labs', 'sim', 'bin', 'electron']) walk(root);
    expect(offenders).toEqual([]);
  });
});
