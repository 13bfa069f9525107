import { beforeEach, describe, expect, it } from 'vitest';
import { ClusterStorage } from './storage.ts';
import { loadTable, openTestDatabase, type TestDatabase } from './test-sqlite.ts';
import { col, layout } from './test-tables.ts';
import { BLOCK_BYTES, storedWidth } from './width.ts';

let db: TestDatabase;
const oneSlice = { nodeType: 'dc1.large', nodes: 1, slicesPerNode: 1 };

beforeEach(async () => {
  db = await openTestDatabase();
});

/** The values 0 … n−1 in a scrambled but fixed order. */
const scrambled = (n: number): number[] => Array.from({ length: n }, (_, i) => (i * 7919) % n);

describe('1 MB blocks per column per slice (AWS-FACTS §6.2)', { timeout: 30_000 }, () => {
  it('fills a block with 1 MiB ÷ width values: 262,144 INTEGERs, 131,072 BIGINTs', () => {
    const storage = new ClusterStorage(db, oneSlice);
    const t = layout('t', [col('a', 'integer'), col('b', 'bigint')], 'EVEN');
    loadTable(
      db,
      storage,
      t,
      scrambled(300_000).map((v) => [v, v]),
    );
    const report = storage.tableStorage(t);
    expect(report.columnBlocks(0).map((b) => b.numValues)).toEqual([262_144, 37_856]);
    expect(report.columnBlocks(1).map((b) => b.numValues)).toEqual([131_072, 131_072, 37_856]);
    expect(report.sizeBlocks).toBe(5);
  });

  it('packs VARCHAR by bytes plus the 4-byte length, and counts blocks the same way with or without sorting', () => {
    const storage = new ClusterStorage(db, { nodeType: 'dc1.large', nodes: 1, slicesPerNode: 2 });
    const t = layout('t', [col('s', 'varchar', { length: 200 })], 'EVEN', { sortKey: ['s'] });
    const value = (i: number): string => `value-${i}-`.padEnd(100 + (i % 50), 'x');
    loadTable(
      db,
      storage,
      t,
      Array.from({ length: 40_000 }, (_, i) => [value(i)]),
    );
    const report = storage.tableStorage(t);
    const blocks = report.columnBlocks(0);
    for (const share of report.slices) {
      const bytes = Array.from({ length: 40_000 }, (_, i) => i)
        .filter((i) => i % 2 === share.slice)
        .reduce((sum, i) => sum + value(i).length + 4, 0);
      expect(share.blocks).toBe(Math.ceil(bytes / BLOCK_BYTES));
      expect(blocks.filter((b) => b.slice === share.slice)).toHaveLength(share.blocks);
    }
  });

  it('uses the fixed size of an encoding that has one (BYTEDICT 1 byte), and RAW for LZO', () => {
    expect(storedWidth(col('a', 'bigint', {}, 'bytedict'))).toBe(1);
    expect(storedWidth(col('a', 'bigint', {}, 'mostly16'))).toBe(2);
    expect(storedWidth(col('a', 'bigint', {}, 'lzo'))).toBe(8);
    expect(storedWidth(col('a', 'smallint', {}, 'mostly32'))).toBe(2);
    expect(storedWidth(col('a', 'varchar', { length: 10 }, 'lzo'))).toBeNull();
    expect(storedWidth(col('a', 'decimal', { precision: 19, scale: 2 }))).toBe(16);
    expect(storedWidth(col('a', 'char', { length: 12 }))).toBe(12);
  });
});

describe('zone maps in sort-key order', { timeout: 30_000 }, () => {
  const rows = 300_000;
  let tables = 0;
  const load = (sortKey?: string[], interleaved = false) => {
    const storage = new ClusterStorage(db, oneSlice);
    const t = layout(`t${tables++}`, [col('a', 'integer'), col('b', 'integer')], 'EVEN', {
      sortKey,
      interleaved,
    });
    // a is scrambled; b is a independent second ordering
    loadTable(
      db,
      storage,
      t,
      scrambled(rows).map((a, i) => [a, (i * 104_729) % rows]),
    );
    return storage.tableStorage(t);
  };
  /** The share of the column's range an average block covers (1 = every block spans everything). */
  const spread = (blocks: readonly { min: unknown; max: unknown }[]): number =>
    blocks.reduce((sum, b) => sum + (Number(b.max) - Number(b.min)), 0) / blocks.length / rows;

  it('gives a compound key’s first column disjoint, ordered blocks', () => {
    const blocks = load(['a']).columnBlocks(0);
    expect(blocks.map((b) => [b.min, b.max])).toEqual([
      [0, 262_143],
      [262_144, 299_999],
    ]);
  });

  it('leaves an unsorted table in insertion order, where every block spans nearly the whole range', () => {
    expect(spread(load().columnBlocks(0))).toBeGreaterThan(0.99);
  });

  it('narrows both columns of an interleaved key partly, and only the first of a compound key', () => {
    const compound = load(['a', 'b']);
    expect(spread(compound.columnBlocks(0))).toBeLessThan(0.5);
    expect(spread(compound.columnBlocks(1))).toBeGreaterThan(0.99);
    const interleaved = load(['a', 'b'], true);
    expect(spread(interleaved.columnBlocks(0))).toBeLessThan(0.9);
    expect(spread(interleaved.columnBlocks(1))).toBeLessThan(0.9);
    expect(spread(interleaved.columnBlocks(0))).toBeGreaterThan(spread(compound.columnBlocks(0)));
  });
});
