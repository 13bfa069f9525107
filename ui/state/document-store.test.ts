import { describe, expect, it } from 'vitest';
import { createDefaultDocument, type PersistedDocument } from '../../sim/persist';
import type { PlatformPort } from '../platform/port';
import { DocumentStore } from './document-store.svelte';

/** A port that records saves; `failWith` makes the next saves reject. */
function fakePort(loaded: { document: PersistedDocument; notice?: { level: 'warning'; message: string } }) {
  const saved: PersistedDocument[] = [];
  let failWith: string | undefined;
  const port: PlatformPort<PersistedDocument> = {
    kind: 'browser',
    loadDocument: async () => loaded,
    saveDocument: async (document) => {
      if (failWith) throw new Error(failWith);
      saved.push(document);
    },
    exportFile: async () => ({ saved: true }),
    importFile: async () => null,
    openExternal: async () => true,
  };
  return { port, saved, fail: (message: string) => (failWith = message) };
}

describe('DocumentStore', () => {
  it('turns a recovery message from the platform into a notice', async () => {
    const { port } = fakePort({
      document: createDefaultDocument(),
      notice: { level: 'warning', message: 'Restored the last good copy.' },
    });
    const store = await DocumentStore.load(port);
    expect(store.notices).toEqual([{ level: 'warning', message: 'Restored the last good copy.' }]);
    store.dismissNotice(0);
    expect(store.notices).toEqual([]);
  });

  it('saves a console’s workspace beside the others, and reads it back', async () => {
    const { port, saved } = fakePort({
      document: { ...createDefaultDocument(), consoles: { other: { a: 1 } } },
    });
    const store = await DocumentStore.load(port);
    expect(store.savedConsole('redshift')).toBeUndefined();
    store.saveConsole('redshift', { editorText: 'select 1' });
    await store.whenSaved();
    expect(store.savedConsole('redshift')).toEqual({ editorText: 'select 1' });
    expect(saved.at(-1)?.consoles).toEqual({ other: { a: 1 }, redshift: { editorText: 'select 1' } });
  });

  it('saves every settings change, in order', async () => {
    const { port, saved } = fakePort({ document: createDefaultDocument() });
    const store = await DocumentStore.load(port);
    const defaults = createDefaultDocument().settings;
    store.setPriceBook('current');
    store.setTheme('dark');
    store.setPriceOverrides({ 'kinesis.shardHour': 0.02 });
    await store.whenSaved();
    expect(saved.map((document) => document.settings)).toEqual([
      { ...defaults, priceBook: 'current', theme: 'system', priceOverrides: {} },
      { ...defaults, priceBook: 'current', theme: 'dark', priceOverrides: {} },
      { ...defaults, priceBook: 'current', theme: 'dark', priceOverrides: { 'kinesis.shardHour': 0.02 } },
    ]);
  });

  it('saves the learner’s name trimmed, and the instructor’s day plan', async () => {
    const { port, saved } = fakePort({ document: createDefaultDocument() });
    const store = await DocumentStore.load(port);
    store.setLearnerName('  Ada Lovelace ');
    store.setDayPlan({ labIds: ['data-bus', 'hot-shard'], endsAt: '17:30' });
    store.setDayPlan({ labIds: null, endsAt: null });
    await store.whenSaved();
    expect(saved.map((document) => document.settings.learnerName)).toEqual([
      'Ada Lovelace',
      'Ada Lovelace',
      'Ada Lovelace',
    ]);
    expect(saved.map((document) => document.settings.dayPlan)).toEqual([
      { labIds: null, endsAt: null },
      { labIds: ['data-bus', 'hot-shard'], endsAt: '17:30' },
      { labIds: null, endsAt: null },
    ]);
  });

  it('keeps the change on screen and reports it when a save fails', async () => {
    const { port, fail } = fakePort({ document: createDefaultDocument() });
    const store = await DocumentStore.load(port);
    fail('This browser refused to store your progress (quota).');
    store.setTheme('light');
    await store.whenSaved();
    expect(store.settings.theme).toBe('light');
    expect(store.notices).toEqual([
      { level: 'error', message: 'This browser refused to store your progress (quota).' },
    ]);
  });

  it('saves lab progress per lab, imports some labs keeping the others, and clears them all', async () => {
    const { port, saved } = fakePort({ document: createDefaultDocument() });
    const store = await DocumentStore.load(port);
    store.saveProgress('data-bus', { step: 1 });
    store.saveProgress('right-tool', { step: 2 });
    expect(store.savedProgress('data-bus')).toEqual({ step: 1 });
    store.importLabProgress({ 'data-bus': { step: 3 } });
    expect(store.document.progress.labs).toEqual({ 'data-bus': { step: 3 }, 'right-tool': { step: 2 } });
    store.clearLabProgress();
    expect(store.savedProgress('data-bus')).toBeUndefined();
    await store.whenSaved();
    expect(saved.map((document) => Object.keys(document.progress.labs))).toEqual([
      ['data-bus'],
      ['data-bus', 'right-tool'],
      ['data-bus', 'right-tool'],
      [],
    ]);
    expect(saved.at(-1)!.settings).toEqual(createDefaultDocument().settings);
  });

  it('shows a repeated save failure once', async () => {
    const { port, fail } = fakePort({ document: createDefaultDocument() });
    const store = await DocumentStore.load(port);
    fail('This browser refused to store your progress (quota).');
    store.saveProgress('data-bus', { step: 1 });
    store.saveProgress('data-bus', { step: 2 });
    await store.whenSaved();
    expect(store.notices).toHaveLength(1);
    expect(store.savedProgress('data-bus')).toEqual({ step: 2 });
  });
});
