import { describe, expect, it } from 'vitest';
import { millis } from '../../../sim/core/index.ts';
import { createCluster, createClusterState } from '../../../sim/redshift/index.ts';
import { JOURNALED_PASSWORD, KEPT_RESULTS, RedshiftEngine } from './redshift-engine.ts';
import { FIRST_WINDOW_ROWS } from './result-pages.ts';
import { RecordingWarehouse, workshopForm as form } from './warehouse-double.ts';

function engineWith(warehouse: RecordingWarehouse) {
  const warehouses = [warehouse];
  const engine = new RedshiftEngine({
    epochMs: 0,
    wallNow: () => 0,
    openWarehouse: () => warehouses.shift() ?? new RecordingWarehouse(),
  });
  return engine;
}

describe('RedshiftEngine', () => {
  it('stops the clock where the cluster becomes available, with a note', async () => {
    const engine = engineWith(new RecordingWarehouse());
    await engine.answer({ type: 'apply', action: { type: 'createCluster', form } });
    engine.running = true;
    engine.advanceTo(3_600_000);
    expect(engine.nowMs).toBe(600_000);
    expect(engine.running).toBe(false);
    expect(engine.view().clock.moment?.note).toMatch(/available/);
    engine.advanceTo(700_000);
    expect(engine.view().clock.moment).toBeNull();
  });

  it('runs past the moment when the learner turned pausing off', async () => {
    const engine = engineWith(new RecordingWarehouse());
    engine.pauseAtMoments = false;
    await engine.answer({ type: 'apply', action: { type: 'createCluster', form } });
    engine.advanceTo(3_600_000);
    expect(engine.nowMs).toBe(3_600_000);
  });

  it('journals a cluster action, and not a refused one', async () => {
    const engine = engineWith(new RecordingWarehouse());
    const first = await engine.answer({ type: 'apply', action: { type: 'createCluster', form } });
    expect(first).toMatchObject({ type: 'applied', entry: { atMs: 0, action: { type: 'createCluster' } } });
    const again = await engine.answer({ type: 'apply', action: { type: 'createCluster', form } });
    expect(again).toMatchObject({ type: 'refused', errors: [{ code: 'ClusterAlreadyExists' }] });
  });

  it("never journals the learner's master password, and its stand-in meets AWS's password rules", async () => {
    const typed = { ...form, MasterUserPassword: 'MyRealPassw0rd' };
    const engine = engineWith(new RecordingWarehouse());
    const answer = await engine.answer({ type: 'apply', action: { type: 'createCluster', form: typed } });
    expect(JSON.stringify(answer)).not.toContain('MyRealPassw0rd');
    expect(answer).toMatchObject({ entry: { action: { form: { MasterUserPassword: JOURNALED_PASSWORD } } } });
    // A replay runs the journaled form through the real cluster model, which must accept the stand-in.
    const replayed = createCluster(
      createClusterState('2016'),
      {
        ClusterIdentifier: 'demo',
        NodeType: 'dc1.large',
        MasterUsername: 'master',
        MasterUserPassword: JOURNALED_PASSWORD,
      },
      millis(0),
    );
    expect(replayed.ok).toBe(true);
  });

  it('journals statements that change the database and succeeded, never reads or failures', async () => {
    const engine = engineWith(
      new RecordingWarehouse((sql) =>
        sql.startsWith('create')
          ? { command: 'CREATE TABLE', changesState: true, rows: null, columns: null }
          : sql.startsWith('bad')
            ? { status: 'error', error: { code: '42601', message: 'syntax error' }, changesState: true }
            : {},
      ),
    );
    const apply = (sql: string) => engine.answer({ type: 'apply', action: { type: 'sql', sql } });
    expect(await apply('create table t (x int)')).toMatchObject({
      entry: { action: { sql: 'create table t (x int)' } },
    });
    expect(await apply('select 1')).toMatchObject({ entry: null, statement: { rows: [[1]] } });
    expect(await apply('bad')).toMatchObject({ entry: null, statement: { status: 'error' } });
  });

  it('moves the clock by a statement’s modelled time', async () => {
    const engine = engineWith(new RecordingWarehouse(() => ({ modelledMillis: 1500 })));
    await engine.answer({ type: 'apply', action: { type: 'sql', sql: 'select 1' } });
    expect(engine.nowMs).toBe(1500);
  });

  it('sends the first window of a large result and serves the rest page by page', async () => {
    const rows = Array.from({ length: FIRST_WINDOW_ROWS + 10 }, (_, i) => [i]);
    const engine = engineWith(new RecordingWarehouse(() => ({ rows, rowCount: rows.length })));
    const answer = await engine.answer({ type: 'apply', action: { type: 'sql', sql: 'select *' } });
    if (answer.type !== 'applied' || answer.statement === null) throw new Error('expected a statement');
    expect(answer.statement.rows).toHaveLength(FIRST_WINDOW_ROWS);
    expect(answer.statement.rowCount).toBe(FIRST_WINDOW_ROWS + 10);
    const more = await engine.answer({
      type: 'rows',
      resultId: answer.statement.resultId!,
      offset: FIRST_WINDOW_ROWS,
      limit: 50,
    });
    expect(more).toEqual({ type: 'rows', rows: rows.slice(FIRST_WINDOW_ROWS) });
  });

  it('keeps only the latest results, and says so for an older one', async () => {
    const rows = Array.from({ length: FIRST_WINDOW_ROWS + 1 }, (_, i) => [i]);
    const engine = engineWith(new RecordingWarehouse(() => ({ rows, rowCount: rows.length })));
    for (let i = 0; i <= KEPT_RESULTS; i++)
      await engine.answer({ type: 'apply', action: { type: 'sql', sql: 'select *' } });
    expect(() => engine.answer({ type: 'rows', resultId: 1, offset: 0, limit: 1 })).toThrow(/no longer kept/);
    expect(engine.answer({ type: 'rows', resultId: 2, offset: 0, limit: 1 })).toEqual({
      type: 'rows',
      rows: [[0]],
    });
  });

  it('replays a journal at the times it was recorded, then moves to the page’s clock', async () => {
    const warehouse = new RecordingWarehouse(() => ({ changesState: true }));
    const engine = engineWith(warehouse);
    const answer = await engine.answer({
      type: 'restore',
      nowMs: 900_000,
      journal: [
        { atMs: 0, action: { type: 'createCluster', form } },
        { atMs: 700_000, action: { type: 'sql', sql: 'create table t (x int)' } },
      ],
    });
    expect(answer).toEqual({ type: 'restored', replayed: 2, failed: [] });
    expect(warehouse.calls).toEqual(['create demo at 0', 'create table t (x int) at 700000']);
    expect(engine.nowMs).toBe(900_000);
    // Replaying does not stop at moments of interest, and leaves the learner's choice as it was.
    expect(engine.pauseAtMoments).toBe(true);
  });

  it('reports journal entries that no longer replay', async () => {
    const engine = engineWith(
      new RecordingWarehouse(() => ({ status: 'error', error: { code: 'XX000', message: 'gone' } })),
    );
    const answer = await engine.answer({
      type: 'restore',
      nowMs: 0,
      journal: [{ atMs: 0, action: { type: 'sql', sql: 'x' } }],
    });
    expect(answer).toMatchObject({ failed: [{ message: 'gone' }] });
  });
});
