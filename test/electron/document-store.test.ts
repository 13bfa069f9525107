import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../electron/persistence/document-store.ts';
import { nodeFileSystem, type PersistenceFileSystem } from '../../electron/persistence/file-system.ts';
import {
  CURRENT_SCHEMA_VERSION,
  createDefaultDocument,
  serializeDocument,
  type PersistedDocument,
} from '../../sim/persist/index.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bdlab-store-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A document that differs from the default by its lab progress, so saves can be told apart. */
const atStep = (step: number): PersistedDocument => ({
  ...createDefaultDocument(),
  progress: { labs: { 'kinesis-shards': { step } } },
});

const files = async (): Promise<string[]> => (await readdir(folder)).sort();

describe('DocumentStore: normal use', () => {
  it('starts with the default document and no notice on first run', async () => {
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: createDefaultDocument() });
  });

  it('reads back what it saved, from a new store as after a restart', async () => {
    await new DocumentStore({ folder }).save(atStep(1));
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(1) });
  });

  it('rotates the previous good file into the backup after a successful write', async () => {
    const store = new DocumentStore({ folder });
    await store.save(atStep(1));
    expect(await files()).toEqual(['bdlab-progress.json']);
    await store.save(atStep(2));
    expect(await readFile(store.backupPath, 'utf8')).toBe(serializeDocument(atStep(1)));
    expect(await readFile(store.path, 'utf8')).toBe(serializeDocument(atStep(2)));
  });

  it('refuses an invalid document with its path and writes nothing', async () => {
    const store = new DocumentStore({ folder });
    const bad = {
      ...createDefaultDocument(),
      settings: { ...createDefaultDocument().settings, theme: 'blue' },
    };
    await expect(store.save(bad)).rejects.toThrow('$.settings.theme is "blue"');
    expect(await files()).toEqual([]);
  });

  it('refuses a document over 5 MB', async () => {
    const big = { ...createDefaultDocument(), progress: { labs: { huge: 'x'.repeat(5 * 1024 * 1024) } } };
    await expect(new DocumentStore({ folder }).save(big)).rejects.toThrow('the limit is 5242880');
  });
});

describe('DocumentStore: recovery', () => {
  async function savedTwice(): Promise<DocumentStore> {
    const store = new DocumentStore({ folder });
    await store.save(atStep(1));
    await store.save(atStep(2));
    return store;
  }

  it('recovers a corrupt file from the backup, keeps the corrupt file aside and says so', async () => {
    const store = await savedTwice();
    await writeFile(store.path, 'garbage\u0000{');
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(atStep(1));
    expect(loaded.notice).toMatch(/could not be read \(it is not complete JSON.*Restored the last good copy/);
    expect(await readFile(`${store.path}.corrupt-1`, 'utf8')).toBe('garbage\u0000{');
    expect(await readFile(store.path, 'utf8')).toBe(serializeDocument(atStep(1)));
  });

  it('recovers a truncated file from the backup', async () => {
    const store = await savedTwice();
    const text = serializeDocument(atStep(2));
    await writeFile(store.path, text.slice(0, text.length / 2));
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(atStep(1));
    expect(loaded.notice).toContain('cut short');
  });

  it('recovers a file that parses but fails validation, naming the bad path', async () => {
    const store = await savedTwice();
    await writeFile(store.path, JSON.stringify({ ...atStep(2), progress: { labs: 3 } }));
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(atStep(1));
    expect(loaded.notice).toContain('$.progress.labs is 3');
  });

  it('starts fresh with a notice when both files are bad, keeping both aside', async () => {
    const store = await savedTwice();
    await writeFile(store.path, '');
    await writeFile(store.backupPath, '{"schemaVersion":');
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(createDefaultDocument());
    expect(loaded.notice).toContain('it is empty');
    expect(loaded.notice).toContain('Started with default settings');
    expect(await files()).toEqual(['bdlab-progress.json.bak.corrupt-1', 'bdlab-progress.json.corrupt-1']);
  });

  it('numbers kept-aside files so an earlier one is never overwritten', async () => {
    const store = await savedTwice();
    await writeFile(`${store.path}.corrupt-1`, 'older damage');
    await writeFile(store.path, 'new damage');
    await new DocumentStore({ folder }).load();
    expect(await readFile(`${store.path}.corrupt-1`, 'utf8')).toBe('older damage');
    expect(await readFile(`${store.path}.corrupt-2`, 'utf8')).toBe('new damage');
  });

  it('restores a missing main file from the backup with a notice', async () => {
    const store = await savedTwice();
    await rm(store.path);
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(atStep(1));
    expect(loaded.notice).toContain('was missing');
  });

  it('keeps a file from a newer app version in place, untouched, and refuses to overwrite it', async () => {
    const store = new DocumentStore({ folder });
    const newer = JSON.stringify({ schemaVersion: 9, whatever: true });
    await writeFile(store.path, newer);
    const loaded = await store.load();
    expect(loaded.document).toEqual(createDefaultDocument());
    expect(loaded.notice).toContain('saved by a newer version');
    expect(loaded.notice).toContain('Changes you make now are not saved');
    expect(await files()).toEqual(['bdlab-progress.json']);
    await expect(store.save(atStep(1))).rejects.toThrow(/not saved: .* newer version .* Update the app/);
    expect(await readFile(store.path, 'utf8')).toBe(newer);
    expect(await files()).toEqual(['bdlab-progress.json']);
  });

  it('shows the older backup beside a newer file, without copying it over the newer file', async () => {
    const store = await savedTwice();
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, settings: {}, progress: {} });
    await writeFile(store.path, newer);
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(atStep(1));
    expect(loaded.notice).toContain('Showing your older backup meanwhile');
    expect(await readFile(store.path, 'utf8')).toBe(newer);
  });

  it('recovers with a notice when a folder stands where the progress file should be', async () => {
    const store = await savedTwice();
    await rm(store.path);
    await mkdir(store.path);
    await writeFile(join(store.path, 'inside.txt'), 'kept');
    const loaded = await new DocumentStore({ folder }).load();
    expect(loaded.document).toEqual(atStep(1));
    expect(loaded.notice).toContain('(it is a folder, not a file)');
    expect(loaded.notice).toContain('bdlab-progress.json.corrupt-1');
    expect(await readFile(join(`${store.path}.corrupt-1`, 'inside.txt'), 'utf8')).toBe('kept');
    await new DocumentStore({ folder }).save(atStep(3));
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(3) });
  });

  it('moves aside a file damaged after load instead of overwriting it on the next save', async () => {
    const store = await savedTwice();
    await writeFile(store.path, 'damaged');
    await store.save(atStep(3));
    expect(await readFile(`${store.path}.corrupt-1`, 'utf8')).toBe('damaged');
    expect(await readFile(store.backupPath, 'utf8')).toBe(serializeDocument(atStep(1)));
  });
});

describe('DocumentStore: interrupted writes lose nothing but the write in flight', () => {
  it('survives a crash half-way through writing the temp file', async () => {
    await new DocumentStore({ folder }).save(atStep(1));
    const crashing: PersistenceFileSystem = {
      ...nodeFileSystem,
      async writeNewFileDurably(path, text) {
        await writeFile(path, text.slice(0, 20));
        throw new Error('power cut');
      },
      unlink: async () => undefined, // the process died: nothing cleans up
    };
    await expect(new DocumentStore({ folder, fileSystem: crashing }).save(atStep(2))).rejects.toThrow(
      'the previous save is unchanged',
    );
    expect((await files()).some((name) => name.endsWith('.tmp'))).toBe(true);
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(1) });
    expect(await files()).toEqual(['bdlab-progress.json']);
  });

  it('survives a crash between the temp write and the rename', async () => {
    await new DocumentStore({ folder }).save(atStep(1));
    const failingRename: PersistenceFileSystem = {
      ...nodeFileSystem,
      rename: async () => {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      },
    };
    await expect(new DocumentStore({ folder, fileSystem: failingRename }).save(atStep(2))).rejects.toThrow(
      'EIO',
    );
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(1) });
    expect(await files()).toEqual(['bdlab-progress.json']);
  });

  it('says the new file is in place when only the folder flush after the rename failed', async () => {
    await new DocumentStore({ folder }).save(atStep(1));
    const failingSync: PersistenceFileSystem = {
      ...nodeFileSystem,
      syncDirectory: async () => {
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      },
    };
    const error = await new DocumentStore({ folder, fileSystem: failingSync })
      .save(atStep(2))
      .catch((e) => e);
    expect(String(error)).toContain('was written to');
    expect(String(error)).toContain('could not confirm it reached the disk (EIO');
    expect(String(error)).not.toContain('unchanged');
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(2) });
    expect(await readFile(join(folder, 'bdlab-progress.json.bak'), 'utf8')).toBe(
      serializeDocument(atStep(1)),
    );
  });

  it('keeps saving after a failed write', async () => {
    let failNext = true;
    const flaky: PersistenceFileSystem = {
      ...nodeFileSystem,
      async writeNewFileDurably(path, text) {
        if (failNext) {
          failNext = false;
          throw new Error('ENOSPC: no space left on device');
        }
        await nodeFileSystem.writeNewFileDurably(path, text);
      },
    };
    const store = new DocumentStore({ folder, fileSystem: flaky });
    await expect(store.save(atStep(1))).rejects.toThrow('ENOSPC');
    await store.save(atStep(2));
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(2) });
  });
});

describe('DocumentStore: migration and concurrency', () => {
  it('migrates a version-0 file on load and keeps the original as the backup on the next save', async () => {
    const store = new DocumentStore({ folder });
    const v0 = JSON.stringify({ theme: 'dark', priceBook: 'current', labs: { intro: { seen: true } } });
    await writeFile(store.path, v0);
    const loaded = await store.load();
    expect(loaded).toEqual({
      document: {
        schemaVersion: 3,
        settings: {
          priceBook: 'current',
          theme: 'dark',
          priceOverrides: {},
          learnerName: '',
          dayPlan: { labIds: null, endsAt: null },
        },
        progress: { labs: { intro: { seen: true } } },
        consoles: {},
      },
    });
    await store.save(loaded.document);
    expect(await readFile(store.backupPath, 'utf8')).toBe(v0);
  });

  it('runs concurrent saves one at a time, in call order, and the last one wins', async () => {
    let active = 0;
    let mostActive = 0;
    const watched: PersistenceFileSystem = {
      ...nodeFileSystem,
      async writeNewFileDurably(path, text) {
        active += 1;
        mostActive = Math.max(mostActive, active);
        await new Promise((resolve) => setImmediate(resolve));
        await nodeFileSystem.writeNewFileDurably(path, text);
      },
      async rename(from, to) {
        await nodeFileSystem.rename(from, to);
        active -= 1;
      },
    };
    const store = new DocumentStore({ folder, fileSystem: watched });
    await Promise.all(Array.from({ length: 12 }, (_, step) => store.save(atStep(step))));
    expect(mostActive).toBe(1);
    expect(await new DocumentStore({ folder }).load()).toEqual({ document: atStep(11) });
    expect(await readFile(store.backupPath, 'utf8')).toBe(serializeDocument(atStep(10)));
  });
});
