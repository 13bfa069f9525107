import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBdlab } from './capture.ts';

const folder = mkdtempSync(join(tmpdir(), 'bdlab-run-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function scenarioFile(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const bdlab = runBdlab;

const clicks = {
  seed: 1,
  durationSeconds: 60,
  arrivals: [
    { name: 'clicks', process: 'poisson', ratePerSecond: 50 },
    { name: 'heartbeat', process: 'constant', ratePerSecond: 2 },
  ],
};

describe('bdlab run', () => {
  it(
    'prints a short summary of the run (the first test also loads every service model)',
    { timeout: 60_000 },
    async () => {
      const file = scenarioFile('clicks.json', clicks);
      const { code, stdout, stderr } = await bdlab('run', file);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain(`Scenario ${file}: seed 1, 60 s simulated`);
      expect(stdout).toContain('  heartbeat  constant   2/s    120 events (expected 120)');
      expect(stdout).toContain('Final clock: 60,000 ms');
      expect(stdout).toMatch(/Digest: md5:[0-9a-f]{32}/);
    },
  );

  it('prints only the JSON report with --json, identical on every run', async () => {
    const file = scenarioFile('clicks-json.json', clicks);
    const first = await bdlab('run', file, '--json');
    const second = await bdlab('run', '--json', file);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ format: 'bdlab-scenario-report', seed: 1, finalClockMillis: 60_000 });
    expect(report.services.arrivals.sources[1]).toMatchObject({ name: 'heartbeat', events: 120 });
  });

  it('gives another report for another seed', async () => {
    const one = await bdlab('run', scenarioFile('seed1.json', clicks), '--json');
    const two = await bdlab('run', scenarioFile('seed2.json', { ...clicks, seed: 2 }), '--json');
    expect(JSON.parse(two.stdout).digest).not.toBe(JSON.parse(one.stdout).digest);
  });

  it('prints one line per problem with the path, the value and what is allowed', async () => {
    const file = scenarioFile('bad.json', {
      durationSeconds: 60,
      arival: [],
      arrivals: [{ name: 'web', process: 'poisson', ratePerSecond: -5 }],
    });
    const { code, stdout, stderr } = await bdlab('run', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `bdlab run: ${file}: $.arival: unknown field; allowed fields are seed, durationSeconds, metricResolutionSeconds, arrivals, era, startTime, level, kinesis, streams, s3, firehose, producers, consumers, actions, cost. Did you mean "arrivals"?`,
      `bdlab run: ${file}: $.seed: missing; expected an integer from 0 to 4,294,967,295.`,
      `bdlab run: ${file}: $.arrivals[0].ratePerSecond: -5 is not allowed; expected a number greater than 0 and at most 1,000,000.`,
    ]);
  });

  it('locates a JSON syntax error', async () => {
    const file = scenarioFile('broken.json', '{ "seed": 1,\n  "durationSeconds": }');
    const { code, stderr } = await bdlab('run', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^bdlab run: .*broken\.json: \$: not valid JSON at line 2, column 22: /);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says so in one line when the file cannot be read', async () => {
    const missing = join(folder, 'nope.json');
    expect(await bdlab('run', missing)).toEqual({
      code: 1,
      stdout: '',
      stderr: `bdlab run: cannot read '${missing}': no such file.\n`,
    });
    expect((await bdlab('run', folder)).stderr).toBe(`bdlab run: cannot read '${folder}': it is a folder.\n`);
  });

  it('refuses a missing file argument, an unknown option or two files with exit code 2', async () => {
    expect(await bdlab('run')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/missing the scenario file/),
    });
    expect(await bdlab('run', 'a.json', '--jsn')).toMatchObject({
      code: 2,
      stderr: "bdlab run: unknown option '--jsn'. Allowed: --json, --help.\n",
    });
    expect((await bdlab('run', 'a.json', 'b.json')).code).toBe(2);
  });

  it('shows help', async () => {
    const { code, stdout } = await bdlab('run', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: bdlab run SCENARIO.json \[--json\]/);
    expect((await bdlab('--help')).stdout).toContain('run SCENARIO.json [--json]');
  });

  describe('streaming scenarios (issue 4 §6)', () => {
    const section6 = `{ "seed": 1, "durationSeconds": 60,
  "streams": [ { "name": "clicks", "shards": 2 } ],
  "producers": [ { "stream": "clicks", "recordsPerSecond": 3000, "recordBytes": 500,
                   "partitionKeys": { "strategy": "random" } } ] }`;

    it(
      'runs the exact §6 file and reports every required field with --json',
      { timeout: 180_000 },
      async () => {
        const file = scenarioFile('section6.json', section6);
        const { code, stdout, stderr } = await bdlab('run', file, '--json');
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        const stream = report.services.streams[0];
        expect(stream.name).toBe('clicks');
        expect(stream.shards).toHaveLength(2);
        for (const shard of stream.shards) {
          expect(Object.keys(shard)).toEqual(
            expect.arrayContaining([
              'shardId',
              'parentShardId',
              'startingHashKey',
              'endingHashKey',
              'incomingRecords',
              'incomingBytes',
              'attemptsThrottled',
            ]),
          );
          expect(shard.startingHashKey).toMatch(/^\d+$/);
          expect(shard.endingHashKey).toMatch(/^\d+$/);
          expect(shard.parentShardId).toBeNull();
        }
        expect(report.services.producers.totals).toMatchObject({
          recordsOffered: 180_000,
          recordsAccepted: 121_800,
          // No retries: each refused record was refused once and dropped.
          recordsThrottled: 58_200,
          attemptsThrottled: 58_200,
          recordsDropped: 58_200,
        });
        expect(report.services.level).toMatchObject({ requested: 'auto', used: 'record' });
        expect(report.services.cost.lines.map((l: { id: string }) => l.id)).toEqual([
          'kinesis.shardHours',
          'kinesis.putPayloadUnits',
        ]);
        expect(report.services.firehose).toEqual([]);
      },
    );

    it(
      'lists each delivery stream with its deliveries and consumer lag when there are consumers',
      { timeout: 120_000 },
      async () => {
        const file = scenarioFile('firehose.json', {
          seed: 2,
          durationSeconds: 65,
          streams: [{ name: 'clicks', shards: 1 }],
          firehose: [{ name: 'logs', bufferSeconds: 60, compression: 'GZIP' }],
          producers: [
            { deliveryStream: 'logs', recordsPerSecond: 50, recordBytes: 300 },
            { stream: 'clicks', recordsPerSecond: 100, recordBytes: 100 },
          ],
          consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', workers: 1 }],
        });
        const { code, stdout } = await bdlab('run', file, '--json');
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        const [delivery] = report.services.firehose[0].deliveries;
        expect(Object.keys(delivery)).toEqual(
          expect.arrayContaining(['key', 'records', 'bytes', 'compressedBytes', 'deliveredAtMs']),
        );
        expect(report.services.consumers[0]).toHaveProperty('millisBehindLatest');
      },
    );

    it('prints the streams, producers and cost in the summary', { timeout: 180_000 }, async () => {
      const { code, stdout } = await bdlab('run', scenarioFile('section6-summary.json', section6));
      expect(code).toBe(0);
      expect(stdout).toContain('Level of detail: record');
      expect(stdout).toMatch(/shardId-000000000000 +- +60,900 +31,424,400 +29,208/);
      expect(stdout).toContain(
        'Totals: 180,000 records offered, 121,800 accepted; 58,200 records throttled at least once in 58,200 refused put attempts, 58,200 dropped after their last attempt',
      );
      expect(stdout).toMatch(/Kinesis Streams: Shard-hours +0\.03 shard-hours +\$0\.000500/);
    });

    it(
      'shows the AWS error for an oversized record on stderr and exits with 1',
      { timeout: 60_000 },
      async () => {
        const file = scenarioFile('oversized.json', {
          seed: 1,
          durationSeconds: 1,
          streams: [{ name: 'clicks', shards: 1 }],
          producers: [{ name: 'big', stream: 'clicks', recordsPerSecond: 10, recordBytes: 2_000_000 }],
        });
        const { code, stderr } = await bdlab('run', file);
        expect(code).toBe(1);
        expect(stderr).toMatch(
          /^bdlab run: .*oversized\.json: producer "big": ValidationException: 1 validation error detected: Records\[0\] is 2,000,016 bytes \(data 2,000,000 \+ partition key 16\); a record may be at most 1,048,576 bytes including its partition key\..* \(10 records lost\)\n$/,
        );
      },
    );

    it('refuses a bad streaming scenario with the path and what is allowed', async () => {
      const file = scenarioFile('bad-stream.json', {
        seed: 1,
        durationSeconds: 10,
        streams: [{ name: 'clicks', shards: 0 }],
        producers: [{ stream: 'click', recordsPerSecond: 10, recordBytes: 10 }],
      });
      const { code, stderr } = await bdlab('run', file);
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toEqual([
        `bdlab run: ${file}: $.streams[0].shards: 0 is not allowed; expected an integer from 1 to 100,000.`,
      ]);
    });
  });
});
