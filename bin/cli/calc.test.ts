import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBdlab } from './capture.ts';

const folder = mkdtempSync(join(tmpdir(), 'bdlab-calc-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const bdlab = runBdlab;

const kinesis3000 = [
  'calc',
  'kinesis',
  '--records-per-second',
  '3000',
  '--record-bytes',
  '500',
  '--consumers',
  '1',
];

describe('bdlab calc', () => {
  it('prints only JSON with --json: 3 shards bound by records per second', async () => {
    const { code, stdout, stderr } = await bdlab(...kinesis3000, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json.shards).toBe(3);
    expect(json.bindingLimit).toBe('writeRecordsPerSecond');
    expect(json.shardsByLimit).toEqual({
      writeBytesPerSecond: 2,
      writeRecordsPerSecond: 3,
      readBytesPerSecond: 1,
      readCallsPerSecond: 1,
    });
    // AWS-FACTS rows 22–24: $32.85 shard-hours + $110.376 payload units
    expect(json.monthlyCostUsd).toBeCloseTo(143.226, 9);
    expect(json.priceBook.id).toBe('2016');
  });

  it('shows the formula lines with the learner’s numbers', async () => {
    const { code, stdout } = await bdlab(...kinesis3000);
    expect(code).toBe(0);
    expect(stdout).toContain('Shards            3 — bound by write records per second');
    expect(stdout).toContain('     = ⌈3,000 ÷ 1,000⌉\n     = 3 shards');
    expect(stdout).toContain('     = 3 × 730 × $0.015\n     = $32.85');
    expect(stdout).toContain('kinesis.shardHour  $0.015 per shard-hour  [secondary; KPRICE16, PL2023, S]');
  });

  it('rejects a bad value in one line naming the flag, the value and what is allowed', async () => {
    const { code, stdout, stderr } = await bdlab(
      'calc',
      'kinesis',
      '--records-per-second',
      '3000',
      '--record-bytes',
      '0.5',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'bdlab calc: --record-bytes 0.5 is not allowed for kinesis; use an integer from 1 to 1,048,576.\n',
    );
  });

  it('lists the allowed flags for an unknown one', async () => {
    const { code, stderr } = await bdlab(...kinesis3000, '--shards', '4');
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toContain('unknown flag --shards for kinesis. Allowed flags: --records-per-second,');
  });

  it('rejects a number that is not one', async () => {
    const { code, stderr } = await bdlab(
      'calc',
      'kinesis',
      '--records-per-second',
      'lots',
      '--record-bytes',
      '5',
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      "bdlab calc: --records-per-second 'lots' is not a decimal number; write digits such as 1000, 1_000 or 2.5e3 (average user records per second).\n",
    );
  });

  it('knows the 2016 and current retention limits', async () => {
    const args = [
      'calc',
      'kinesis',
      '--records-per-second',
      '10',
      '--record-bytes',
      '5',
      '--retention-hours',
      '720',
    ];
    expect((await bdlab(...args)).stderr).toBe(
      'bdlab calc: --retention-hours 720 is not allowed for kinesis; use an integer from 24 to 168.\n',
    );
    expect((await bdlab(...args, '--prices', 'current')).code).toBe(0);
  });

  it('says more than five consumers cannot be fixed by shards', async () => {
    const { code, stdout } = await bdlab(
      'calc',
      'kinesis',
      '--records-per-second',
      '10',
      '--record-bytes',
      '5',
      '--consumers',
      '6',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.shardsByLimit.readCallsPerSecond).toBeNull();
    expect(json.notes[0].text).toContain('Adding shards cannot fix this');
  });

  it('reads overrides from a price file', async () => {
    const file = join(folder, 'prices.json');
    writeFileSync(file, JSON.stringify({ basedOn: '2016', prices: { 'kinesis.shardHour': 0.02 } }));
    const { code, stdout } = await bdlab(...kinesis3000, '--prices', file, '--json');
    expect(code).toBe(0);
    // 3 × 730 × $0.02 = $43.80 + $110.376
    expect(JSON.parse(stdout).monthlyCostUsd).toBeCloseTo(154.176, 9);
    expect(JSON.parse(stdout).priceBook.overridden).toEqual(['kinesis.shardHour']);
  });

  it('names the bad key and value of a price file', async () => {
    const file = join(folder, 'bad.json');
    writeFileSync(file, JSON.stringify({ prices: { 'kinesis.shardHours': 0.02 } }));
    const { code, stderr } = await bdlab(...kinesis3000, '--prices', file);
    expect(code).toBe(2);
    expect(stderr).toContain('"kinesis.shardHours" is not a price id. Did you mean kinesis.shardHour');
  });

  it('fails with exit 1 when the book has no price, asking for an override', async () => {
    const { code, stderr } = await bdlab('calc', 'emr', '--hours', '1', '--instance-type', 'r3.xlarge');
    expect(code).toBe(1);
    expect(stderr).toContain('no price for EC2 r3.xlarge on-demand (Linux) (ec2.r3.xlarge.onDemandHour)');
  });

  it('runs every service with its example', async () => {
    const examples: Record<string, string[]> = {
      firehose: ['--records-per-second', '100', '--record-bytes', '3000', '--buffer-interval-seconds', '60'],
      s3: ['--terabytes', '10', '--months', '12'],
      emr: ['--instance-type', 'm3.xlarge', '--instance-count', '2', '--hours', '1.5'],
      redshift: ['--node-type', 'ds2.xlarge', '--node-count', '4'],
      ml: ['--compute-hours', '10', '--batch-predictions', '100000'],
      pipeline: ['--log-lines-per-second', '100', '--bytes-per-line', '300'],
    };
    for (const [service, args] of Object.entries(examples)) {
      const { code, stderr } = await bdlab('calc', service, ...args, '--json');
      expect({ service, code, stderr }).toEqual({ service, code: 0, stderr: '' });
    }
  });

  it('prints help for calc and for each service', async () => {
    const help = await bdlab('calc', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: bdlab calc <service>');
    const kinesis = await bdlab('calc', 'kinesis', '--help');
    expect(kinesis.stdout).toContain('--records-per-second <n>');
    expect(kinesis.stdout).toContain('--kpl');
    expect((await bdlab('calc')).code).toBe(2);
  });

  it('lists the price book with sources', async () => {
    const { code, stdout } = await bdlab('calc', 'prices', '--prices', 'current');
    expect(code).toBe(0);
    expect(stdout).toContain('Price book: Current us-east-1');
    expect(stdout).toContain('glacier.storage');
    expect(stdout).toContain('PL2023');
  });
});
