import type { BdlabBridge } from './bridge.ts';
import { IPC_CHANNELS } from './channels.ts';

/** Sends one request to main and resolves with its answer (`ipcRenderer.invoke` in the preload). */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object the preload exposes as `window.bdlab`: five functions that each forward exactly their own
 * arguments on their own channel. The renderer never sees `ipcRenderer`, a channel name or an event.
 */
export function createBridge(invoke: Invoke): BdlabBridge {
  return Object.freeze({
    kind: 'electron' as const,
    loadDocument: () => invoke(IPC_CHANNELS.loadDocument) as ReturnType<BdlabBridge['loadDocument']>,
    saveDocument: (document: unknown) => invoke(IPC_CHANNELS.saveDocument, document) as Promise<void>,
    exportFile: (request: Parameters<BdlabBridge['exportFile']>[0]) =>
      invoke(IPC_CHANNELS.exportFile, request) as ReturnType<BdlabBridge['exportFile']>,
    importFile: (request: Parameters<BdlabBridge['importFile']>[0]) =>
      invoke(IPC_CHANNELS.importFile, request) as ReturnType<BdlabBridge['importFile']>,
    openExternal: (url: string) => invoke(IPC_CHANNELS.openExternal, url) as Promise<boolean>,
  });
}
