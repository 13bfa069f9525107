import { describe, expect, it } from 'vitest';
import { runBdlab } from './capture.ts';

async function human(...argv: string[]): Promise<string> {
  const { code, stdout, stderr } = await runBdlab('calc', ...argv);
  expect({ argv, code, stderr }).toEqual({ argv, code: 0, stderr: '' });
  return stdout;
}

/** Every calculator with awkward inputs: fractional rates, one of everything, the current book. */
const RUNS: readonly (readonly string[])[] = [
  ['kinesis', '--records-per-second', '3000', '--record-bytes', '500', '--consumers', '1'],
  ['kinesis', '--records-per-second', '1', '--record-bytes', '1', '--consumers', '1', '--prices', 'current'],
  [
    'kinesis',
    '--records-per-second',
    '1234.5',
    '--peak-records-per-second',
    '5000',
    '--record-bytes',
    '777',
    '--partition-key-bytes',
    '16',
    '--consumers',
    '3',
    '--kpl',
    '--retention-hours',
    '48',
  ],
  ['firehose', '--records-per-second', '100', '--record-bytes', '3000', '--buffer-interval-seconds', '60'],
  [
    'firehose',
    '--gb-per-month',
    '33.3',
    '--record-bytes',
    '1234',
    '--buffer-size-mb',
    '1',
    '--prices',
    'current',
  ],
  [
    's3',
    '--terabytes',
    '1.3',
    '--storage-class',
    'standard-ia',
    '--put-requests',
    '12345',
    '--get-requests',
    '77',
  ],
  ['s3', '--terabytes', '0.7', '--months', '3', '--storage-class', 'glacier'],
  [
    'emr',
    '--instance-type',
    'm3.xlarge',
    '--instance-count',
    '3',
    '--hours',
    '1',
    '--purchase',
    'spot',
    '--spot-price',
    '0.0333',
  ],
  ['redshift', '--node-type', 'ds2.xlarge', '--node-count', '4'],
  ['redshift', '--node-type', 'ra3.xlplus', '--node-count', '2', '--prices', 'current'],
  ['ml', '--compute-hours', '1.5', '--batch-predictions', '1'],
  ['pipeline', '--log-lines-per-second', '7', '--bytes-per-line', '123'],
];

describe('bdlab calc human output', () => {
  it('never shows float noise: at most four significant digits after the decimal point', async () => {
    for (const run of RUNS) {
      const noisy = (await human(...run)).split('\n').filter((line) => /\.0*[1-9]\d{4,}/.test(line));
      expect({ run, noisy }).toEqual({ run, noisy: [] });
    }
  });

  it('never writes "1 shards", "1 calls/s" or "1 units"', async () => {
    for (const run of RUNS) {
      const text = await human(...run);
      expect(text).not.toMatch(/(^|[^\d,.])1 (shards|calls|units|records|bytes|slices|instance-hours)\b/m);
    }
    const one = await human(...RUNS[1]!);
    expect(one).toContain('= 1 shard\n');
    expect(one).toContain('= 1 call/s per shard\n');
    expect(one).toContain('= 1 unit\n');
  });

  it('labels binary units honestly', async () => {
    const kinesis = await human(...RUNS[0]!);
    expect(kinesis).toContain('⌈peak write bytes/s ÷ 1 MiB/s per shard⌉');
    expect(kinesis).toContain('⌈record bytes ÷ 25 KiB⌉');
    const firehose = await human(...RUNS[3]!);
    expect(firehose).toContain('Billed per month  1,253.13 GB (1 GB = 2^30 bytes)');
    expect(firehose).toContain('buffer MiB × 1,048,576 ÷ bytes/s');
  });

  it('shows rates as unit prices, so a headline matches its worked step', async () => {
    expect(await human(...RUNS[6]!)).toContain('Per TB-month  $7.168');
    const ra3 = await human(...RUNS[9]!);
    expect(ra3).toContain('Per hour     $2.172');
    expect(ra3).toContain('= $2.172 × 8,760');
  });

  it('does not invent a buffer size or delay Firehose cannot estimate (0 s interval)', async () => {
    const text = await human(...RUNS[4]!, '--buffer-interval-seconds', '0');
    expect(text).toContain('Object size       not estimated');
    expect(text).toContain('Buffer delay      not estimated');
  });
});
