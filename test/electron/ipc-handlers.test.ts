import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, type IpcHandlerDependencies } from '../../electron/app/ipc-handlers.ts';
import { IPC_CHANNELS } from '../../electron/ipc/channels.ts';
import { createBridge } from '../../electron/ipc/create-bridge.ts';
import { createDefaultDocument } from '../../sim/persist/index.ts';

type Handler = (event: IpcMainInvokeEvent, payload?: unknown) => Promise<unknown>;

/** Registers the handlers against a recording ipcMain and fake dialogs, store and shell. */
function setup(overrides: Partial<IpcHandlerDependencies> = {}) {
  const appContents = { isDestroyed: () => false } as unknown as WebContents;
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
  const deps = {
    store: {
      load: vi.fn(async () => ({ document: createDefaultDocument() })),
      save: vi.fn(async () => undefined),
    },
    appContents: () => appContents,
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/me/shards.csv' })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/me/prices.json'] })),
    defaultExportPath: (name: string) => `/home/me/Documents/${name}`,
    writeTextFile: vi.fn(async () => undefined),
    readImportedFile: vi.fn(async () => ({ name: 'prices.json', contents: '{}' })),
    openExternal: vi.fn(async () => undefined),
    ...overrides,
  };
  registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, deps);
  const fromApp = {
    sender: appContents,
    senderFrame: { url: 'bdlab://app/index.html', parent: null },
  } as unknown as IpcMainInvokeEvent;
  const call = (channel: string, payload?: unknown, event: IpcMainInvokeEvent = fromApp) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler(event, payload));
  };
  return { deps, handlers, call, appContents };
}

describe('registerIpcHandlers', () => {
  it('handles exactly the bridge channels', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it.each(Object.values(IPC_CHANNELS))(
    '%s refuses a foreign origin, a subframe and another window',
    async (channel) => {
      const { call, appContents, deps } = setup();
      const top = { url: 'bdlab://app/index.html', parent: null };
      const events = [
        { sender: appContents, senderFrame: { url: 'https://evil.example/', parent: null } },
        { sender: appContents, senderFrame: { url: 'file:///tmp/x.html', parent: null } },
        { sender: appContents, senderFrame: { url: 'bdlab://app/x.html', parent: top } },
        { sender: { isDestroyed: () => false }, senderFrame: top },
      ];
      for (const event of events) {
        await expect(call(channel, undefined, event as unknown as IpcMainInvokeEvent)).rejects.toThrow(
          'IpcSenderRefused',
        );
      }
      expect(deps.store.load).not.toHaveBeenCalled();
      expect(deps.showSaveDialog).not.toHaveBeenCalled();
      expect(deps.openExternal).not.toHaveBeenCalled();
    },
  );

  it('loads and saves the document, refusing an invalid one before it reaches the store', async () => {
    const { call, deps } = setup();
    expect(await call(IPC_CHANNELS.loadDocument)).toEqual({ document: createDefaultDocument() });
    await expect(call(IPC_CHANNELS.saveDocument, { schemaVersion: 3 })).rejects.toThrow(
      'InvalidDocument: $.settings',
    );
    expect(deps.store.save).not.toHaveBeenCalled();
    await call(IPC_CHANNELS.saveDocument, createDefaultDocument());
    expect(deps.store.save).toHaveBeenCalledWith(createDefaultDocument());
  });

  it('exports through the save dialog, and reports a cancelled dialog', async () => {
    const { call, deps } = setup();
    const request = { suggestedName: 'shards.csv', mimeType: 'text/csv', contents: 'a,b\n' };
    expect(await call(IPC_CHANNELS.exportFile, request)).toEqual({
      saved: true,
      path: '/home/me/shards.csv',
    });
    expect(deps.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/me/Documents/shards.csv',
      filters: [
        { name: 'CSV file', extensions: ['csv'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(deps.writeTextFile).toHaveBeenCalledWith('/home/me/shards.csv', 'a,b\n');
    const cancelled = setup({ showSaveDialog: vi.fn(async () => ({ canceled: true })) });
    expect(await cancelled.call(IPC_CHANNELS.exportFile, request)).toEqual({ saved: false });
    expect(cancelled.deps.writeTextFile).not.toHaveBeenCalled();
  });

  it('refuses a bad export before showing any dialog', async () => {
    const { call, deps } = setup();
    const bad = { suggestedName: '../../x.csv', mimeType: 'text/csv', contents: '' };
    await expect(call(IPC_CHANNELS.exportFile, bad)).rejects.toThrow('InvalidIpcPayload');
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
  });

  it('imports through the open dialog with the accepted types, null when cancelled', async () => {
    const { call, deps } = setup();
    expect(await call(IPC_CHANNELS.importFile, { accept: ['.json'] })).toEqual({
      name: 'prices.json',
      contents: '{}',
    });
    expect(deps.showOpenDialog).toHaveBeenCalledWith({ filters: [{ name: '.json', extensions: ['json'] }] });
    await expect(call(IPC_CHANNELS.importFile, { accept: ['*'] })).rejects.toThrow('InvalidIpcPayload');
    const cancelled = setup({ showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) });
    expect(await cancelled.call(IPC_CHANNELS.importFile, { accept: ['.json'] })).toBeNull();
  });

  it('opens only allow-listed links, answering false otherwise', async () => {
    const openExternal = vi.fn(async (_url: string) => undefined);
    const { call } = setup({ openExternal });
    expect(await call(IPC_CHANNELS.openExternal, 'https://docs.aws.amazon.com/redshift/')).toBe(true);
    expect(await call(IPC_CHANNELS.openExternal, 'javascript:alert(1)')).toBe(false);
    expect(await call(IPC_CHANNELS.openExternal, 'https://evil.example/')).toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/redshift/']]);
  });
});

describe('createBridge (window.bdlab)', () => {
  it('exposes exactly the five calls and kind, frozen, each on its own channel with only its own argument', async () => {
    const invoke = vi.fn(async (..._args: unknown[]) => 'answer');
    const bridge = createBridge(invoke);
    expect(Object.keys(bridge).sort()).toEqual(
      ['exportFile', 'importFile', 'kind', 'loadDocument', 'openExternal', 'saveDocument'].sort(),
    );
    expect(bridge.kind).toBe('electron');
    expect(Object.isFrozen(bridge)).toBe(true);
    const document = createDefaultDocument();
    const exportRequest = { suggestedName: 'a.csv', mimeType: 'text/csv', contents: '' };
    await bridge.loadDocument();
    await bridge.saveDocument(document);
    await bridge.exportFile(exportRequest);
    await bridge.importFile({ accept: ['.json'] });
    await (bridge.openExternal as (url: string, extra: string) => Promise<boolean>)(
      'https://aws.amazon.com/',
      'x',
    );
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.loadDocument],
      [IPC_CHANNELS.saveDocument, document],
      [IPC_CHANNELS.exportFile, exportRequest],
      [IPC_CHANNELS.importFile, { accept: ['.json'] }],
      [IPC_CHANNELS.openExternal, 'https://aws.amazon.com/'],
    ]);
  });

  it('uses distinct, namespaced channel names', () => {
    const names = Object.values(IPC_CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^bdlab:[a-z-]+$/);
  });
});
