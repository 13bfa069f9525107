// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BrowserPort, browserStorageKeys } from './browser-port';
import type { DocumentCodec } from './port';

interface TestDoc {
  readonly schemaVersion: 1;
  readonly theme: string;
}

/** A codec for a tiny schema: version 1 with a string `theme`; anything else is refused with a reason. */
const codec: DocumentCodec<TestDoc> = {
  createDefault: () => ({ schemaVersion: 1, theme: 'system' }),
  read(raw) {
    const doc = raw as Partial<TestDoc> | null;
    if (doc?.schemaVersion !== 1 || typeof doc.theme !== 'string') {
      return { ok: false, error: '$.theme must be a string' };
    }
    return { ok: true, document: { schemaVersion: 1, theme: doc.theme } };
  },
};

function memoryStorage(initial: Record<string, string> = {}): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const port = (storage: Storage) => new BrowserPort(window, storage, codec);

describe('BrowserPort documents', () => {
  it('gives the default document, with no notice, on first use', async () => {
    expect(await port(memoryStorage()).loadDocument()).toEqual({ document: codec.createDefault() });
  });

  it('loads what it saved', async () => {
    const storage = memoryStorage();
    await port(storage).saveDocument({ schemaVersion: 1, theme: 'dark' });
    expect((await port(storage).loadDocument()).document.theme).toBe('dark');
  });

  it('keeps the previous good copy as the backup on each save', async () => {
    const storage = memoryStorage();
    await port(storage).saveDocument({ schemaVersion: 1, theme: 'dark' });
    await port(storage).saveDocument({ schemaVersion: 1, theme: 'light' });
    expect(JSON.parse(storage.data.get(browserStorageKeys.backup)!)).toEqual({
      schemaVersion: 1,
      theme: 'dark',
    });
  });

  it('recovers from a truncated document using the backup, with a notice, and keeps the damaged copy', async () => {
    const storage = memoryStorage();
    await port(storage).saveDocument({ schemaVersion: 1, theme: 'dark' });
    await port(storage).saveDocument({ schemaVersion: 1, theme: 'light' });
    const truncated = storage.data.get(browserStorageKeys.document)!.slice(0, 10);
    storage.setItem(browserStorageKeys.document, truncated);

    const loaded = await port(storage).loadDocument();
    expect(loaded.document.theme).toBe('dark');
    expect(loaded.notice?.level).toBe('warning');
    expect(loaded.notice?.message).toContain('not valid JSON');
    expect(storage.data.get(browserStorageKeys.damaged)).toBe(truncated);
  });

  it('recovers from a document that fails validation, naming the problem', async () => {
    const storage = memoryStorage({
      [browserStorageKeys.document]: JSON.stringify({ schemaVersion: 1, theme: 7 }),
      [browserStorageKeys.backup]: JSON.stringify({ schemaVersion: 1, theme: 'light' }),
    });
    const loaded = await port(storage).loadDocument();
    expect(loaded.document.theme).toBe('light');
    expect(loaded.notice?.message).toContain('$.theme must be a string');
  });

  it('falls back to defaults with an error notice when the backup is damaged too', async () => {
    const storage = memoryStorage({
      [browserStorageKeys.document]: '{',
      [browserStorageKeys.backup]: '[]',
    });
    const loaded = await port(storage).loadDocument();
    expect(loaded.document).toEqual(codec.createDefault());
    expect(loaded.notice?.level).toBe('error');
    expect(loaded.notice?.message).toContain('its backup was damaged too');
  });

  it('does not overwrite the backup with a damaged document', async () => {
    const storage = memoryStorage({
      [browserStorageKeys.document]: '{',
      [browserStorageKeys.backup]: JSON.stringify({ schemaVersion: 1, theme: 'light' }),
    });
    await port(storage).saveDocument({ schemaVersion: 1, theme: 'dark' });
    expect(JSON.parse(storage.data.get(browserStorageKeys.backup)!).theme).toBe('light');
  });

  it('turns a full storage into a readable error', async () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await expect(port(storage).saveDocument(codec.createDefault())).rejects.toThrow(
      /refused to store your progress \(The quota has been exceeded\.\)/,
    );
  });
});

describe('BrowserPort links', () => {
  it('refuses anything but http(s) links', async () => {
    const opened: string[] = [];
    const fakeWindow = { ...window, open: (url: string) => void opened.push(url) } as unknown as Window;
    const links = new BrowserPort(fakeWindow, memoryStorage(), codec);
    expect(await links.openExternal('javascript:alert(1)')).toBe(false);
    expect(await links.openExternal('https://aws.amazon.com/kinesis/')).toBe(true);
    expect(opened).toEqual(['https://aws.amazon.com/kinesis/']);
  });
});

describe('BrowserPort and a document from a newer app version', () => {
  const newerCodec: DocumentCodec<TestDoc> = {
    ...codec,
    read(raw) {
      const version = (raw as { schemaVersion?: number } | null)?.schemaVersion ?? 0;
      return version > 1 ? { ok: false, error: 'saved by a newer version', newer: true } : codec.read(raw);
    },
  };
  const newer = JSON.stringify({ schemaVersion: 2, theme: 'dark', more: true });

  it('keeps it in place, shows the backup and refuses to overwrite it', async () => {
    const storage = memoryStorage({
      [browserStorageKeys.document]: newer,
      [browserStorageKeys.backup]: JSON.stringify({ schemaVersion: 1, theme: 'light' }),
    });
    const browser = new BrowserPort(window, storage, newerCodec);
    const loaded = await browser.loadDocument();
    expect(loaded.document).toEqual({ schemaVersion: 1, theme: 'light' });
    expect(loaded.notice?.message).toContain('saved by a newer version');
    expect(loaded.notice?.message).toContain('Changes you make now are not saved');
    await expect(browser.saveDocument({ schemaVersion: 1, theme: 'dark' })).rejects.toThrow(/not saved/);
    expect(storage.data.get(browserStorageKeys.document)).toBe(newer);
    expect(storage.data.has(browserStorageKeys.damaged)).toBe(false);
  });
});

describe('BrowserPort exports', () => {
  it('refuses a file name with a bidirectional override before downloading anything', async () => {
    const browser = port(memoryStorage());
    await expect(
      browser.exportFile({
        suggestedName: 'progress-\u202Enosj.exe',
        mimeType: 'application/json',
        contents: '{}',
      }),
    ).rejects.toThrow(/not exported: .*invisible character/);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });
});
