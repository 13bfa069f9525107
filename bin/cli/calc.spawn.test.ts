import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('bdlab calc as a process', () => {
  it('prints parseable JSON on stdout', () => {
    const stdout = execFileSync(
      process.execPath,
      [
        'bin/bdlab.mjs',
        'calc',
        'kinesis',
        '--records-per-second',
        '3000',
        '--record-bytes',
        '500',
        '--consumers',
        '1',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const json = JSON.parse(stdout);
    expect(json.shards).toBe(3);
    expect(json.bindingLimit).toBe('writeRecordsPerSecond');
  });
});
