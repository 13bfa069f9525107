import { beforeEach, describe, expect, it } from 'vitest';
import { ClusterStorage } from './storage.ts';
import { loadTable, openTestDatabase, type TestDatabase } from './test-sqlite.ts';
import { col, layout } from './test-tables.ts';
import { sliceForKey } from './hash.ts';

const cluster = { nodeType: 'dc1.large', nodes: 2, slicesPerNode: 2 };
let db: TestDatabase;
let storage: ClusterStorage;

beforeEach(async () => {
  db = await openTestDatabase();
  storage = new ClusterStorage(db, cluster);
});

const numbers = (n: number, from = 0): number[][] => Array.from({ length: n }, (_, i) => [from + i]);

describe('slice placement (AWS-FACTS §6.3)', () => {
  it('deals EVEN rows round-robin and continues where the last insert stopped', () => {
    const t = layout('t', [col('id', 'integer')], 'EVEN');
    loadTable(db, storage, t, numbers(10));
    expect(storage.tableStorage(t).slices.map((s) => s.rows)).toEqual([3, 3, 2, 2]);
    db.run('INSERT INTO t VALUES (100, ?)', [storage.sliceForRow(t, [100])]);
    storage.invalidate('t');
    expect(storage.tableStorage(t).slices.map((s) => s.rows)).toEqual([3, 3, 3, 2]);
  });

  it('puts KEY rows on the slice their key hashes to, so equal keys share a slice', () => {
    const t = layout('t', [col('id', 'integer'), col('k', 'varchar', { length: 10 })], 'KEY', {
      distKey: 'k',
    });
    loadTable(db, storage, t, [
      [1, 'x'],
      [2, 'x'],
      [3, 'y'],
      [4, null],
    ]);
    const slices = db.exec('SELECT id, __slice FROM t ORDER BY id')[0]!.values;
    expect(slices).toEqual([
      [1, sliceForKey('x', 4)],
      [2, sliceForKey('x', 4)],
      [3, sliceForKey('y', 4)],
      [4, 0],
    ]);
  });

  it('refuses a KEY table without a DISTKEY column, saying which table', () => {
    const t = layout('orphan', [col('id', 'integer')], 'KEY');
    expect(() => storage.sliceForRow(t, [1])).toThrow(/"orphan" is DISTSTYLE KEY but names no column/);
  });

  it('stores an ALL table once and counts a full copy on the first slice of every node', () => {
    const t = layout('dim', [col('id', 'integer')], 'ALL');
    loadTable(db, storage, t, numbers(5));
    const report = storage.tableStorage(t);
    expect(report.slices.map((s) => s.rows)).toEqual([5, 0, 5, 0]);
    expect(report.rows).toBe(5);
    expect(report.skewRows).toBeNull();
    expect(report.sizeBlocks).toBe(2);
    expect(report.columnBlocks(0).map((b) => b.slice)).toEqual([0, 2]);
  });

  it('reports skew as rows on the fullest slice over rows on the emptiest, null when a slice is empty', () => {
    const even = layout('even', [col('id', 'integer')], 'EVEN');
    loadTable(db, storage, even, numbers(10));
    expect(storage.tableStorage(even).skewRows).toBe(1.5);
    const skewed = layout('skewed', [col('id', 'integer'), col('k', 'integer')], 'KEY', { distKey: 'k' });
    loadTable(
      db,
      storage,
      skewed,
      Array.from({ length: 20 }, (_, i) => [i, 7]),
    );
    const report = storage.tableStorage(skewed);
    expect(report.slices.filter((s) => s.rows > 0)).toHaveLength(1);
    expect(report.skewRows).toBeNull();
  });

  it('keeps an AUTO table ALL while every column fits one block, then EVEN', () => {
    const t = layout('auto', [col('id', 'bigint')], 'AUTO');
    loadTable(db, storage, t, numbers(1000));
    expect(storage.tableStorage(t).diststyle).toBe('AUTO(ALL)');
    expect(storage.tableStorage(t).slices.map((s) => s.rows)).toEqual([1000, 0, 1000, 0]);
    const big = layout('auto_big', [col('id', 'bigint')], 'AUTO');
    loadTable(db, storage, big, numbers(131_073));
    const report = storage.tableStorage(big);
    expect(report.diststyle).toBe('AUTO(EVEN)');
    expect(report.slices.map((s) => s.rows)).toEqual([32769, 32768, 32768, 32768]);
  });

  it('labels the declared styles as SVV_TABLE_INFO does', () => {
    const key = layout('k', [col('a', 'integer')], 'KEY', { distKey: 'a' });
    loadTable(db, storage, key, numbers(3));
    expect(storage.tableStorage(key).diststyle).toBe('KEY(a)');
  });
});

describe('the report cache', () => {
  it('keeps a report until the table is invalidated, then reads the rows again', () => {
    const t = layout('t', [col('id', 'integer')], 'EVEN');
    loadTable(db, storage, t, numbers(4));
    expect(storage.tableStorage(t).rows).toBe(4);
    db.run('DELETE FROM t WHERE id < 2');
    expect(storage.tableStorage(t).rows).toBe(4);
    storage.invalidate('t');
    expect(storage.tableStorage(t).rows).toBe(2);
  });

  it('keeps row counts through reported appends without reading the table, and reads it after any other write', () => {
    const t = layout('t', [col('id', 'integer')], 'EVEN');
    loadTable(db, storage, t, numbers(8));
    expect(storage.tableStorage(t).rowsPerSlice).toEqual([2, 2, 2, 2]);
    // an append placed 4 rows on slice 0: the report adds them without a scan (none happened in SQLite)
    storage.appended('t', [4, 0, 0, 0], false);
    expect(storage.tableStorage(t).rowsPerSlice).toEqual([6, 2, 2, 2]);
    storage.invalidateAll();
    expect(storage.tableStorage(t).rowsPerSlice).toEqual([2, 2, 2, 2]);
    // a table that never had rows starts from zero; one whose counts are unknown is read again
    storage.appended('fresh', [1, 0, 0, 0], true);
    storage.invalidate('t');
    storage.appended('t', [9, 9, 9, 9], false);
    expect(storage.tableStorage(t).rowsPerSlice).toEqual([2, 2, 2, 2]);
  });

  it('recomputes when the same name comes back with another layout', () => {
    const t = layout('t', [col('id', 'integer')], 'EVEN');
    loadTable(db, storage, t, numbers(4));
    expect(storage.tableStorage(t).diststyle).toBe('EVEN');
    expect(storage.tableStorage({ ...t, distStyle: 'ALL' }).diststyle).toBe('ALL');
  });

  it('gives each table a stable id from 100,100 up', () => {
    expect(storage.tableId('a')).toBe(100_100);
    expect(storage.tableId('b')).toBe(100_101);
    expect(storage.tableId('a')).toBe(100_100);
  });
});
