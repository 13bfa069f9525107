import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../sim/redshift/database/database-harness.ts';
import { openLabWarehouse } from './lab-warehouse.ts';
import { sqlJsPort } from './sql-js-port.ts';
import { ACCESSLOGS_DDL, accessLogRows, warehouseLogObjects, workshopCopy } from './web-log-warehouse.ts';

beforeAll(async () => {
  sqlJsPort.provide(loadSqlJs);
  await sqlJsPort.prepare();
});

describe('the SQL labs’ warehouse', () => {
  it('fails the workshop’s COPY on files that kept Apache’s "-" sizes, and says where in stl_load_errors', () => {
    const { db } = openLabWarehouse(warehouseLogObjects('dash'));
    const [create, copy] = db.execute(`${ACCESSLOGS_DDL}\n${workshopCopy()}`);
    expect(create!.status).toBe('ok');
    expect(copy!.status).toBe('error');
    expect(copy!.error!.message).toMatch(/^Load into table 'accesslogs' failed\./);
    const [errors] = db.execute(
      'SELECT colname, err_code, trim(raw_field_value) FROM stl_load_errors ORDER BY starttime;',
    );
    expect(errors!.rows![0]).toEqual(['response_size', 1207, '-']);
    const [count] = db.execute('SELECT COUNT(*) FROM accesslogs;');
    expect(count!.rows).toEqual([[0]]);
  });

  it("loads every line with NULL AS '-', or from the cleaned files as they are", () => {
    const lines = accessLogRows().length;
    const missing = accessLogRows().filter((row) => row.responseSize === null).length;
    for (const [objects, options] of [
      [warehouseLogObjects('dash'), "NULL AS '-'"],
      [warehouseLogObjects('empty'), ''],
    ] as const) {
      const { db } = openLabWarehouse(objects);
      const results = db.execute(`${ACCESSLOGS_DDL}\n${workshopCopy(options)}`);
      expect(results.map((r) => r.error?.message ?? 'ok')).toEqual(['ok', 'ok']);
      expect(results[1]!.rowsLoaded).toBe(lines);
      const [nulls] = db.execute('SELECT COUNT(*) FROM accesslogs WHERE response_size IS NULL;');
      expect(nulls!.rows).toEqual([[missing]]);
    }
  });
});
