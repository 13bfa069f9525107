import { describe, expect, it } from 'vitest';
import { createLoadLog } from './load-log.ts';
import { loadSystemTables } from './load-system-tables.ts';
import { fixture, ROLE_ARN } from './test-support.ts';

describe('stl_load_errors and stl_load_commits', () => {
  it("have AWS's columns in AWS's order (AWS-FACTS §6.4)", () => {
    const [errors, commits] = loadSystemTables(createLoadLog());
    expect(errors!.name).toBe('stl_load_errors');
    expect(errors!.columns.map((c) => c.name)).toEqual([
      'userid',
      'slice',
      'tbl',
      'starttime',
      'session',
      'query',
      'filename',
      'line_number',
      'colname',
      'type',
      'col_length',
      'position',
      'raw_line',
      'raw_field_value',
      'err_code',
      'err_reason',
    ]);
    expect(errors!.columns.find((c) => c.name === 'err_reason')!.type).toEqual({ kind: 'char', length: 100 });
    expect(commits!.name).toBe('stl_load_commits');
    expect(commits!.columns.map((c) => c.name)).toContain('lines_scanned');
  });

  it('list the rows of every COPY so far, failed loads included, in column order', () => {
    const f = fixture();
    f.put('p/x', 'not|enough\n');
    f.copy(`COPY accesslogs FROM 's3://logs/p' IAM_ROLE '${ROLE_ARN}'`);
    const [errors] = loadSystemTables(f.ctx.log);
    const rows = errors!.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]![7]).toBe(1);
    expect(rows[0]![14]).toBe(1214);
    expect(rows[0]![6]).toBe('s3://logs/p/x');
  });
});
