import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'bdlab-sql-spawn-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('bdlab sql as a process', () => {
  it('prints parseable JSON on stdout and exits 1 when a statement failed', { timeout: 60_000 }, () => {
    const script = join(folder, 'q.sql');
    writeFileSync(script, 'SELECT 1 AS one;\nSELECT * FROM missing;\n');
    const child = spawnSync(process.execPath, ['bin/bdlab.mjs', 'sql', script, '--json'], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(1);
    const report = JSON.parse(child.stdout);
    expect(report.statements.map((s: { status: string }) => s.status)).toEqual(['ok', 'error']);
    expect(report.statements[0].rows).toEqual([[1]]);
  });
});
