import { beforeEach, describe, expect, it } from 'vitest';
import { storageSystemTables } from './system-tables.ts';
import { ClusterStorage } from './storage.ts';
import { loadTable, openTestDatabase, type TestDatabase } from './test-sqlite.ts';
import { col, layout } from './test-tables.ts';
import type { TableLayout } from './layout.ts';

let db: TestDatabase;
let storage: ClusterStorage;
let tables: TableLayout[];
const table = (name: string) => {
  const t = storageSystemTables(() => ({ storage, tables: () => tables })).find((s) => s.name === name)!;
  return t.rows(null).map((row) => Object.fromEntries(t.columns.map((c, i) => [c.name, row[i]])));
};

beforeEach(async () => {
  db = await openTestDatabase();
  storage = new ClusterStorage(db, { nodeType: 'dc1.large', nodes: 2, slicesPerNode: 2 });
  const events = layout(
    'event',
    [col('eventid', 'integer'), col('eventname', 'varchar', { length: 200 })],
    'KEY',
    {
      distKey: 'eventid',
      sortKey: ['eventid'],
    },
  );
  const venue = layout('venue', [col('venueid', 'smallint', {}, 'bytedict')], 'ALL');
  const empty = layout('empty', [col('x', 'integer')], 'EVEN');
  tables = [events, venue, empty];
  loadTable(
    db,
    storage,
    events,
    Array.from({ length: 100 }, (_, i) => [i, `event ${i}`]),
  );
  loadTable(db, storage, venue, [[1], [2], [3]]);
  loadTable(db, storage, empty, []);
});

describe('storage system tables', () => {
  it('STV_SLICES maps each slice to its node (RS-DG23 r_STV_SLICES.md)', () => {
    expect(table('stv_slices').map((r) => [r.node, r.slice, r.localslice])).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [1, 2, 0],
      [1, 3, 1],
    ]);
  });

  it('SVV_TABLE_INFO lists tables with rows, with AWS’s columns (RS-DG23 r_SVV_TABLE_INFO.md)', () => {
    const rows = table('svv_table_info');
    expect(rows.map((r) => r.table)).toEqual(['event', 'venue']);
    const event = rows[0]!;
    expect(event).toMatchObject({
      schema: 'public',
      diststyle: 'KEY(eventid)',
      sortkey1: 'eventid',
      encoded: 'N',
    });
    expect(event).toMatchObject({
      sortkey_num: 1,
      tbl_rows: 100,
      max_varchar: 200,
      unsorted: 0,
      sortkey1_enc: 'none',
    });
    expect(event.size).toBe(8); // two columns on four slices, one block each
    expect(event.skew_rows).toBeGreaterThanOrEqual(1);
    expect(event.skew_sortkey1).toBe(1);
    const venue = rows[1]!;
    expect(venue).toMatchObject({
      diststyle: 'ALL',
      encoded: 'Y',
      sortkey1: null,
      skew_rows: null,
      size: 2,
      unsorted: null,
    });
    // 8 blocks of 1 MiB over two 160 GB nodes
    expect(event.pct_used).toBeCloseTo((8 * 1_048_576 * 100) / 320e9, 4);
  });

  it('STV_BLOCKLIST has one row per block, its count agreeing with SVV_TABLE_INFO.size', () => {
    const blocks = table('stv_blocklist');
    const info = table('svv_table_info');
    for (const t of info) expect(blocks.filter((b) => b.tbl === t.table_id)).toHaveLength(Number(t.size));
    const eventId = info[0]!.table_id;
    const keyBlocks = blocks.filter((b) => b.tbl === eventId && b.col === 0);
    expect(keyBlocks.reduce((sum, b) => sum + Number(b.num_values), 0)).toBe(100);
    expect(
      keyBlocks.every((b) => typeof b.minvalue === 'bigint' && b.minvalue <= (b.maxvalue as bigint)),
    ).toBe(true);
  });

  it('STV_TBL_PERM gives rows per slice, summing to the table for KEY and to a copy per node for ALL', () => {
    const perm = table('stv_tbl_perm');
    const sum = (name: string) => perm.filter((r) => r.name === name).reduce((s, r) => s + Number(r.rows), 0);
    expect(sum('event')).toBe(100);
    expect(sum('venue')).toBe(6);
  });
});
