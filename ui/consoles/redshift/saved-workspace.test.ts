import { describe, expect, it } from 'vitest';
import { documentWorkspaceStore, readSavedWorkspace, REDSHIFT_CONSOLE_ID } from './saved-workspace.ts';
import type { SavedWorkspace } from './workspace.svelte.ts';

const workspace: SavedWorkspace = {
  editorText: 'select 1;',
  session: { journal: [{ atMs: 5, action: { type: 'sql', sql: 'create table t (x int)' } }], nowMs: 5 },
};

describe('readSavedWorkspace', () => {
  it('reads back what the console saved', () => {
    expect(readSavedWorkspace(JSON.parse(JSON.stringify(workspace)))).toEqual({ workspace });
  });

  it('refuses a damaged entry, naming it', () => {
    const damaged = { ...workspace, session: { nowMs: 0, journal: [{ atMs: 0, action: { type: 'sql' } }] } };
    expect(readSavedWorkspace(damaged)).toEqual({
      problem: 'Change 1 of the saved Redshift session is damaged.',
    });
    expect(readSavedWorkspace({ editorText: 3 })).toHaveProperty('problem');
  });
});

function fakeDocument(saved?: unknown) {
  const values = new Map<string, unknown>(saved === undefined ? [] : [[REDSHIFT_CONSOLE_ID, saved]]);
  const notices: string[] = [];
  const timers: (() => void)[] = [];
  const doc = {
    savedConsole: (id: string) => values.get(id),
    saveConsole: (id: string, v: unknown) => values.set(id, v),
    notify: (n: { message: string }) => notices.push(n.message),
  };
  const clock = { setTimeout: (f: () => void) => timers.push(f), clearTimeout: () => timers.splice(0) };
  return { doc, values, notices, timers, clock };
}

describe('documentWorkspaceStore', () => {
  it('loads nothing from a fresh document, and warns before starting fresh over a damaged one', () => {
    expect(documentWorkspaceStore(fakeDocument().doc).load()).toBeNull();
    const damaged = fakeDocument({ editorText: 1 });
    expect(documentWorkspaceStore(damaged.doc).load()).toBeNull();
    expect(damaged.notices[0]).toMatch(/starts fresh/);
  });

  it('saves session changes at once and typing after a pause, the last text winning', () => {
    const { doc, values, timers, clock } = fakeDocument();
    const store = documentWorkspaceStore(doc, clock);
    store.save(workspace);
    expect(values.get(REDSHIFT_CONSOLE_ID)).toBe(workspace);
    store.save({ ...workspace, editorText: 'select 2;' });
    store.save({ ...workspace, editorText: 'select 3;' });
    expect(values.get(REDSHIFT_CONSOLE_ID)).toBe(workspace);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(values.get(REDSHIFT_CONSOLE_ID)).toMatchObject({ editorText: 'select 3;' });
  });

  it('saves the waiting text at once when flushed (before a run, or as the page goes away)', () => {
    const { doc, values, timers, clock } = fakeDocument();
    const store = documentWorkspaceStore(doc, clock);
    store.save(workspace);
    store.save({ ...workspace, editorText: 'select 4;' });
    store.flush();
    expect(values.get(REDSHIFT_CONSOLE_ID)).toMatchObject({ editorText: 'select 4;' });
    expect(timers).toHaveLength(0);
  });
});
