import { describe, expect, it } from 'vitest';
import { inProcessWorker } from '../shell/in-process.ts';
import type { RedshiftWorker } from './console-client.svelte.ts';
import { RedshiftEngine } from './redshift-engine.ts';
import { RedshiftSession, type SavedSession } from './redshift-session.svelte.ts';
import { scriptStatements } from './statements.ts';
import { RecordingWarehouse, workshopForm } from './warehouse-double.ts';

/** A session whose every worker is an in-process engine over a fresh warehouse double, as a real worker would be. */
function sessionWith(saved: SavedSession | null = null) {
  const warehouses: RecordingWarehouse[] = [];
  let release: (() => void) | undefined;
  const saves: SavedSession[] = [];
  const startWorker = () => {
    const engine = new RedshiftEngine({
      epochMs: 0,
      wallNow: () => 0,
      openWarehouse: () => {
        const warehouse = new RecordingWarehouse((sql) =>
          sql.startsWith('select slow')
            ? new Promise((resolve) => (release = () => resolve({})))
            : sql.startsWith('create')
              ? { command: 'CREATE TABLE', changesState: true }
              : {},
        );
        warehouses.push(warehouse);
        return warehouse;
      },
    });
    return inProcessWorker(engine) as RedshiftWorker;
  };
  const session = new RedshiftSession(
    { startWorker, wallNow: () => 0, save: (s) => saves.push(s), scheduleFrame: (f) => queueMicrotask(f) },
    saved,
  );
  return { session, warehouses, saves, release: () => release?.() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RedshiftSession', () => {
  it('journals the cluster and the statements that changed the database, and saves the journal', async () => {
    const { session, saves } = sessionWith();
    expect(await session.createCluster(workshopForm)).toBe(true);
    await session.run(scriptStatements('create table t (x int); select 1;'));
    expect(session.journal.map((e) => e.action.type)).toEqual(['createCluster', 'sql']);
    expect(saves.at(-1)?.journal).toHaveLength(2);
    expect(session.results.map((r) => r.outcome?.command)).toEqual(['CREATE TABLE', 'SELECT']);
  });

  it('keeps a refusal with AWS’s code and does not journal it', async () => {
    const { session } = sessionWith();
    await session.createCluster(workshopForm);
    expect(await session.createCluster(workshopForm)).toBe(false);
    expect(session.refused[0]?.code).toBe('ClusterAlreadyExists');
    expect(session.journal).toHaveLength(1);
  });

  it('cancels a running statement by replacing the worker and replaying the journal into the new one', async () => {
    const { session, warehouses } = sessionWith();
    await session.createCluster(workshopForm);
    await session.run(scriptStatements('create table t (x int);'));
    const running = session.run(scriptStatements('select slow from t; select 2;'));
    await settle();
    expect(session.work).toMatchObject({ kind: 'statement', index: 0, total: 2 });
    session.cancel();
    await running;
    await settle();
    expect(warehouses).toHaveLength(2);
    expect(warehouses[1]!.calls).toEqual(['create demo at 0', 'create table t (x int) at 0']);
    expect(session.work).toBeNull();
    expect(session.results.map((r) => r.outcome)).toEqual([null, null]);
    expect(session.journal).toHaveLength(2);
    expect(session.cancelled).toMatch(/replayed the 2 earlier changes/);
  });

  it('rebuilds a saved session when the app opens again', async () => {
    const { session, warehouses } = sessionWith({
      journal: [
        { atMs: 0, action: { type: 'createCluster', form: workshopForm } },
        { atMs: 700_000, action: { type: 'sql', sql: 'create table t (x int)' } },
      ],
      nowMs: 800_000,
    });
    expect(session.work).toMatchObject({ kind: 'restoring', entries: 2 });
    await settle();
    await settle();
    expect(warehouses[0]!.calls).toEqual(['create demo at 0', 'create table t (x int) at 700000']);
    expect(session.work).toBeNull();
    expect(session.journal).toHaveLength(2);
  });
});
