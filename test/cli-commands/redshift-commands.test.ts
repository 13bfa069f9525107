/**
 * The Redshift and IAM commands: refused exactly when the simulator refuses (with its reason), and, when
 * the AWS CLI is installed, accepted by it up to the network (as real-cli.test.ts does for streaming).
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simpleCommands, shellLine } from '../../ui/consoles/streaming/shell-words.ts';
import { clusterFormInputs, redshiftCommands, WORKSHOP_CLUSTER } from './redshift-shown.ts';
import { commandLineProblems } from './check-line.ts';
import { createClusterCommand } from '../../ui/shared/redshift-commands.ts';

describe('Redshift commands', () => {
  const shown = redshiftCommands();

  it('writes the workshop’s create-cluster as the session printed it', () => {
    const command = createClusterCommand(WORKSHOP_CLUSTER, '2016');
    expect(command.kind === 'run' && command.text).toBe(
      'aws redshift create-cluster --cluster-identifier demo --db-name demo --node-type dc1.large --cluster-type single-node --master-username master --master-user-password Workshop2016 --publicly-accessible --port 8192',
    );
  });

  it('refuses a form exactly when the simulator does, with AWS’s code and the reason', () => {
    for (const era of ['2016', 'current'] as const) {
      const kinds = Object.fromEntries(
        clusterFormInputs(era).map(({ where, input }) => {
          const command = createClusterCommand(input, era);
          return [
            where.replace(/^.*\), /, ''),
            command.kind === 'refused' ? command.reason.split(':')[0] : command.kind,
          ];
        }),
      );
      expect(kinds, era).toEqual({
        workshop: 'run',
        'multi-node': 'run',
        'large type': 'run',
        'encrypted with a key': 'run',
        'not encrypted, private': 'run',
        'with a role': 'run',
        defaults: 'run',
        'password with shell characters': 'run',
        'password with a space': 'InvalidParameterValue',
        'short password': 'InvalidParameterValue',
        'uppercase identifier': 'InvalidParameterValue',
        'single-node with a node count': 'InvalidParameterValue',
        'multi-node with one node': 'InvalidParameterCombination',
        'other era’s node type': era === '2016' ? 'InvalidParameterValue' : 'NumberOfNodesQuotaExceeded',
        'port out of range': 'InvalidParameterValue',
      });
    }
  });

  it('connects with psql only once the cluster is available, to its endpoint and port', () => {
    const psql = shown.filter((s) => s.where === 'create-cluster form (2016), workshop, psql')[0]!.command;
    expect(psql.kind === 'run' && psql.tokens).toEqual([
      'psql',
      '-h',
      expect.stringMatching(/^demo\.c[0-9a-z]{11}\.us-east-1\.redshift\.amazonaws\.com$/),
      '-p',
      '8192',
      '-U',
      'master',
      'demo',
    ]);
    const early = shown.find(
      (s) => s.where === 'create-cluster form (2016), workshop, psql while creating',
    )!.command;
    expect(early).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^InvalidClusterState: .*creating/),
    });
  });

  it('refuses a delete without a snapshot decision, and one of a cluster still creating', () => {
    const reason = (where: string) => {
      const command = shown.find(
        (s) => s.where === `create-cluster form (2016), workshop, ${where}`,
      )!.command;
      return command.kind === 'refused' ? command.reason : command.kind;
    };
    expect(reason('delete (skip snapshot)')).toBe('run');
    expect(reason('delete (final snapshot)')).toBe('run');
    expect(reason('delete (neither)')).toMatch(
      /^InvalidParameterCombination: FinalClusterSnapshotIdentifier is required/,
    );
    expect(reason('delete while creating (skip snapshot)')).toMatch(/^InvalidClusterState/);
  });

  it('refuses an IAM call IAM would refuse, with IAM’s code', () => {
    const reason = (where: string) => {
      const command = shown.find((s) => s.where === where)!.command;
      return command.kind === 'refused' ? command.reason : command.kind;
    };
    expect(reason('COPY role, create')).toBe('run');
    expect(reason('COPY role, create with a bad name')).toMatch(/^ValidationError: /);
    expect(reason('COPY role, create with a permission policy as trust')).toMatch(
      /^MalformedPolicyDocument: Has prohibited field Resource/,
    );
    expect(reason('COPY role, inline policy that is broken')).toMatch(
      /^MalformedPolicyDocument: This policy contains invalid Json.*line 1, column 16/,
    );
  });

  it('passes the shell and AWS’s API models', () => {
    const problems = shown.flatMap(({ where, command }) =>
      command.kind === 'run'
        ? commandLineProblems(command.text, simpleCommands(command.parts)).map((p) => `${where}: ${p}`)
        : [],
    );
    expect(problems).toEqual([]);
  });
});

const found = spawnSync('/bin/sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
const awsInstalled = found.status === 0 && found.stdout.trim() !== '';

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

describe.skipIf(!awsInstalled)('the installed AWS CLI', () => {
  it(
    'accepts one command of each Redshift and IAM operation the app shows',
    { timeout: 180_000 },
    async () => {
      const byOperation = new Map<string, string>();
      for (const { command } of redshiftCommands()) {
        if (command.kind !== 'run') continue;
        for (const words of simpleCommands(command.parts)) {
          const key = `${words[1]} ${words[2]}`;
          if (words[0] === 'aws' && !byOperation.has(key)) byOperation.set(key, shellLine([words]));
        }
      }
      expect(byOperation.size).toBe(7);
      const lines = [...byOperation.values()];
      const outputs = await Promise.all(lines.map(runAws));
      const refused = lines.flatMap((line, i) =>
        /Could not connect to the endpoint URL/.test(outputs[i]!) ? [] : [`${line}\n${outputs[i]}`],
      );
      expect(refused).toEqual([]);
    },
  );
});
