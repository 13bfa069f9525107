import { describe, expect, it } from 'vitest';
import { col, layout } from '../storage/test-tables.ts';
import { modelQuery } from './model.ts';
import { planContext, rows, sql } from './test-plan.ts';
import { nodeThroughput } from './throughput.ts';

const oneNode = { nodeType: 'dc1.large', nodes: 1, slicesPerNode: 2 };
const day = (i: number) =>
  new Date(Date.UTC(2015, 0, 1) + Math.floor(i / 4000) * 86_400_000).toISOString().slice(0, 10);

/** 400,000 log rows over 100 days, inserted in a scrambled order, with a BIGINT payload. */
const logs = (sortKey: string[] | undefined) => ({
  layout: layout('logs', [col('day', 'date'), col('ts', 'bigint'), col('status', 'integer')], 'EVEN', {
    sortKey,
  }),
  rows: rows(400_000, (i) => {
    const j = (i * 7919) % 400_000;
    return [day(j), j, 200 + (j % 3)];
  }),
});

describe('the query-time model', { timeout: 60_000 }, () => {
  it('skips the blocks a range on the sort key rules out, and reads only the columns the query uses', async () => {
    const sorted = await planContext(oneNode, [logs(['ts'])]);
    const query = sql('select count(*), max(status) from logs where ts between 100000 and 140000');
    const model = modelQuery(query, sorted);
    const total = (k: 'blocksScanned' | 'blocksSkipped' | 'rowsScanned') =>
      model.scan.reduce((s, x) => s + x[k], 0);
    // ts is 8 bytes: 131,072 values a block, 200,000 rows a slice ⇒ 2 blocks of ts and 1 of status per slice.
    expect(total('blocksScanned') + total('blocksSkipped')).toBe(6);
    expect(total('blocksSkipped')).toBeGreaterThan(0);
    expect(total('rowsScanned')).toBeLessThan(400_000);
    expect(model.scan.map((s) => s.slice)).toEqual([0, 1]);

    const unsorted = await planContext(oneNode, [logs(undefined)]);
    const full = modelQuery(query, unsorted);
    expect(full.scan.reduce((s, x) => s + x.blocksSkipped, 0)).toBe(0);
    expect(full.modelledMillis).toBeGreaterThan(model.modelledMillis);
  });

  it('reads zone maps of sort-key columns and of unsorted tables, not of other columns of a sorted table', async () => {
    const query = sql('select count(*) from logs where ts < 1000');
    // insertion order is scrambled, so ts skips nothing in load order
    const unsorted = modelQuery(query, await planContext(oneNode, [logs(undefined)]));
    expect(unsorted.scan.reduce((s, x) => s + x.blocksSkipped, 0)).toBe(0);
    // sorted by day, ts is not a sort-key column: assumed to skip nothing (documented in predicates.ts)
    const byDay = modelQuery(query, await planContext(oneNode, [logs(['day'])]));
    expect(byDay.scan.reduce((s, x) => s + x.blocksSkipped, 0)).toBe(0);
    const byTs = modelQuery(query, await planContext(oneNode, [logs(['ts'])]));
    expect(byTs.scan.reduce((s, x) => s + x.blocksSkipped, 0)).toBeGreaterThan(0);
  });

  it('cannot skip on text whose first eight bytes are the same (zone maps keep 8 bytes)', async () => {
    const urls = {
      layout: layout('hits', [col('url', 'char', { length: 4096 })], 'EVEN', { sortKey: ['url'] }),
      rows: rows(2000, (i) => [`http://www.example.com/page/${String(i).padStart(5, '0')}`]),
    };
    const context = await planContext(oneNode, [urls]);
    const exact = modelQuery(
      sql("select * from hits where url = 'http://www.example.com/page/00007'"),
      context,
    );
    expect(exact.scan.reduce((s, x) => s + x.blocksSkipped, 0)).toBe(0);
    const other = modelQuery(sql("select * from hits where url = 'https://x'"), context);
    expect(other.scan.reduce((s, x) => s + x.blocksSkipped, 0)).toBe(
      other.scan.reduce((s, x) => s + x.blocksSkipped + x.blocksScanned, 0),
    );
  });

  it('evaluates GETDATE()-style constants through the database, and skips nothing it cannot evaluate', async () => {
    const query = sql('select count(*) from logs where day >= getdate() - 10');
    const withClock = await planContext(oneNode, [logs(['day'])], (e) =>
      e.type === 'binary' ? '2015-05-01' : undefined,
    );
    // day is 4 bytes: 262,144 a block, so each slice has one block; the last day is 2015-04-10 ⇒ all skipped.
    expect(modelQuery(query, withClock).scan.every((s) => s.blocksSkipped === 1 && s.rowsScanned === 0)).toBe(
      true,
    );
    const withoutClock = await planContext(oneNode, [logs(['day'])]);
    expect(modelQuery(query, withoutClock).scan.every((s) => s.blocksSkipped === 0)).toBe(true);
  });

  it('is as slow as its slowest slice: a skewed DISTKEY costs more than EVEN for the same rows', async () => {
    const cluster = { nodeType: 'dc1.large', nodes: 2, slicesPerNode: 2 };
    const table = (dist: 'EVEN' | 'KEY') => ({
      layout: layout('t', [col('k', 'integer'), col('v', 'bigint')], dist, {
        distKey: dist === 'KEY' ? 'k' : undefined,
      }),
      rows: rows(300_000, (i) => [i % 10 === 0 ? i : 1, i]),
    });
    const query = sql('select sum(v) from t');
    const even = modelQuery(query, await planContext(cluster, [table('EVEN')]));
    const skewed = modelQuery(query, await planContext(cluster, [table('KEY')]));
    expect(skewed.modelledMillis).toBeGreaterThan(even.modelledMillis * 1.5);
    expect(Math.max(...skewed.scan.map((s) => s.rowsScanned))).toBeGreaterThan(270_000);
  });

  it('charges the network for rows a join moves, nothing for a collocated join', async () => {
    const cluster = { nodeType: 'dc1.large', nodes: 2, slicesPerNode: 2 };
    const t = (name: string, key: string) => ({
      layout: layout(name, [col('id', 'integer'), col('k', 'integer')], 'KEY', { distKey: key }),
      rows: rows(20_000, (i) => [i, i % 5000]),
    });
    const query = sql('select count(*) from a join b on a.id = b.id');
    const collocated = modelQuery(query, await planContext(cluster, [t('a', 'id'), t('b', 'id')]));
    expect(collocated.parts.bytesMoved).toBe(0);
    const both = modelQuery(query, await planContext(cluster, [t('a', 'k'), t('b', 'k')]));
    expect(both.explain.join('\n')).toMatch(/XN Hash Join DS_DIST_BOTH/);
    expect(both.parts.bytesMoved).toBeGreaterThan(0);
    expect(both.modelledMillis).toBeGreaterThan(collocated.modelledMillis);
  });

  it('derives each node type’s speeds from the catalogue: dc2 scans faster than dc1, ds2 (HDD) per vCPU slower', () => {
    expect(nodeThroughput('dc2.large').scanPerSlice).toBeGreaterThan(
      nodeThroughput('dc1.large').scanPerSlice,
    );
    expect(nodeThroughput('ds2.xlarge').scanPerSlice).toBe(nodeThroughput('dc1.large').scanPerSlice); // 2 vCPU/slice × 0.5
    expect(nodeThroughput('dc1.8xlarge').networkPerNode).toBeGreaterThan(
      nodeThroughput('dc1.large').networkPerNode,
    );
    expect(() => nodeThroughput('m4.large')).toThrow(/Unknown node type "m4.large"/);
  });
});
