import { describe, expect, it } from 'vitest';
import { choosePlatformPort } from './choose-port';
import type { BdlabBridge } from './electron-bridge';
import { ElectronPort } from './electron-port';
import type { DocumentCodec } from './port';

interface TestDoc {
  readonly theme: string;
}

const codec: DocumentCodec<TestDoc> = {
  createDefault: () => ({ theme: 'system' }),
  read: (raw) =>
    typeof (raw as TestDoc | null)?.theme === 'string'
      ? { ok: true, document: { theme: (raw as TestDoc).theme } }
      : { ok: false, error: '$.theme must be a string' },
};

/** A bridge that answers like the preload would, recording what the renderer sent. */
function fakeBridge(load: () => Promise<{ document: unknown; notice?: string }>) {
  const sent: { saved: unknown[]; opened: string[] } = { saved: [], opened: [] };
  const bridge: BdlabBridge = {
    kind: 'electron',
    loadDocument: load,
    saveDocument: async (document) => void sent.saved.push(document),
    exportFile: async () => ({ saved: true, path: '/home/learner/prices.json' }),
    importFile: async () => null,
    openExternal: async (url) => {
      sent.opened.push(url);
      return true;
    },
  };
  return { bridge, sent };
}

describe('ElectronPort', () => {
  it('passes the main process’s recovery message on as a notice', async () => {
    const { bridge } = fakeBridge(async () => ({
      document: { theme: 'dark' },
      notice: 'Restored the backup.',
    }));
    expect(await new ElectronPort(bridge, codec).loadDocument()).toEqual({
      document: { theme: 'dark' },
      notice: { level: 'warning', message: 'Restored the backup.' },
    });
  });

  it('validates what the bridge returns and falls back to defaults with the reason', async () => {
    const { bridge } = fakeBridge(async () => ({ document: { theme: 3 } }));
    const loaded = await new ElectronPort(bridge, codec).loadDocument();
    expect(loaded.document).toEqual({ theme: 'system' });
    expect(loaded.notice?.level).toBe('error');
    expect(loaded.notice?.message).toContain('$.theme must be a string');
  });

  it('never rejects on load, even when the bridge fails', async () => {
    const { bridge } = fakeBridge(async () => {
      throw new Error('disk unreadable');
    });
    const loaded = await new ElectronPort(bridge, codec).loadDocument();
    expect(loaded.document).toEqual({ theme: 'system' });
    expect(loaded.notice?.message).toContain('disk unreadable');
  });

  it('sends plain data on save', async () => {
    const { bridge, sent } = fakeBridge(async () => ({ document: {} }));
    const withExtras = Object.assign(Object.create({ inherited: true }), { theme: 'light' });
    await new ElectronPort(bridge, codec).saveDocument(withExtras);
    expect(sent.saved).toEqual([{ theme: 'light' }]);
    expect(Object.getPrototypeOf(sent.saved[0])).toBe(Object.prototype);
  });

  it('refuses non-web links before they reach the main process', async () => {
    const { bridge, sent } = fakeBridge(async () => ({ document: {} }));
    const port = new ElectronPort(bridge, codec);
    expect(await port.openExternal('file:///etc/passwd')).toBe(false);
    expect(await port.openExternal('https://docs.aws.amazon.com/kinesis/')).toBe(true);
    expect(sent.opened).toEqual(['https://docs.aws.amazon.com/kinesis/']);
  });
});

describe('choosePlatformPort', () => {
  const storage = {} as Storage;

  it('picks the desktop port when the preload exposed the bridge', () => {
    const { bridge } = fakeBridge(async () => ({ document: {} }));
    const win = { bdlab: bridge, localStorage: storage } as unknown as Window;
    expect(choosePlatformPort(win, codec).kind).toBe('electron');
  });

  it('picks the browser port otherwise, including for a look-alike object', () => {
    expect(choosePlatformPort({ localStorage: storage } as unknown as Window, codec).kind).toBe('browser');
    const impostor = { bdlab: { kind: 'web' }, localStorage: storage } as unknown as Window;
    expect(choosePlatformPort(impostor, codec).kind).toBe('browser');
  });
});
