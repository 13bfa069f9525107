import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { SimError } from '../../sim/core/index.ts';
import type { ImportedFile, LoadDocumentResult, ExportFileResult } from '../ipc/bridge.ts';
import { IPC_CHANNELS } from '../ipc/channels.ts';
import {
  checkExportRequest,
  checkImportRequest,
  checkSaveDocumentPayload,
  exportDialogFilters,
} from '../ipc/payloads.ts';
import type { DocumentStore } from '../persistence/document-store.ts';
import { checkExternalUrl } from '../security/external-links.ts';
import { checkIpcSender, type IpcSenderFacts } from '../security/ipc-sender.ts';

/** Everything the IPC handlers need from main, injected so tests can run them without Electron. */
export interface IpcHandlerDependencies {
  readonly store: Pick<DocumentStore, 'load' | 'save'>;
  /** The main window's webContents: the only one allowed to call. */
  readonly appContents: () => WebContents | undefined;
  readonly showSaveDialog: (options: {
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }) => Promise<{ canceled: boolean; filePath?: string }>;
  readonly showOpenDialog: (options: {
    filters: { name: string; extensions: string[] }[];
  }) => Promise<{ canceled: boolean; filePaths: string[] }>;
  readonly defaultExportPath: (fileName: string) => string;
  readonly writeTextFile: (path: string, text: string) => Promise<void>;
  readonly readImportedFile: (path: string) => Promise<ImportedFile>;
  readonly openExternal: (url: string) => Promise<void>;
}

/** What main knows about the frame behind an IPC event. */
export function senderFactsOf(
  event: IpcMainInvokeEvent,
  appContents: WebContents | undefined,
): IpcSenderFacts {
  let frame: WebFrameMain | null;
  try {
    frame = event.senderFrame;
  } catch {
    frame = null; // the frame was disposed while the message was in flight
  }
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    isAppWindow: appContents !== undefined && !appContents.isDestroyed() && event.sender === appContents,
  };
}

const reject = (error: SimError): never => {
  throw new Error(`${error.code}: ${error.message}`);
};

/**
 * Registers one `ipcMain.handle` per bridge call. Each handler first checks the sender (the main frame of
 * the app window, on the app origin) and then the payload; anything else rejects with a clear error.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcHandlerDependencies): void {
  const guarded = <T>(channel: string, handler: (payload: unknown) => Promise<T>): void => {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const sender = checkIpcSender(senderFactsOf(event, deps.appContents()));
      if (!sender.ok) return reject(sender.error);
      return handler(payload);
    });
  };

  guarded(IPC_CHANNELS.loadDocument, async (): Promise<LoadDocumentResult> => deps.store.load());

  guarded(IPC_CHANNELS.saveDocument, async (payload): Promise<void> => {
    const document = checkSaveDocumentPayload(payload);
    if (!document.ok) return reject(document.error);
    await deps.store.save(document.value);
  });

  guarded(IPC_CHANNELS.exportFile, async (payload): Promise<ExportFileResult> => {
    const request = checkExportRequest(payload);
    if (!request.ok) return reject(request.error);
    const choice = await deps.showSaveDialog({
      defaultPath: deps.defaultExportPath(request.value.suggestedName),
      filters: exportDialogFilters(request.value),
    });
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
    await deps.writeTextFile(choice.filePath, request.value.contents);
    return { saved: true, path: choice.filePath };
  });

  guarded(IPC_CHANNELS.importFile, async (payload): Promise<ImportedFile | null> => {
    const extensions = checkImportRequest(payload);
    if (!extensions.ok) return reject(extensions.error);
    const choice = await deps.showOpenDialog({
      filters: [{ name: extensions.value.map((e) => `.${e}`).join(', '), extensions: [...extensions.value] }],
    });
    const [path] = choice.filePaths;
    if (choice.canceled || path === undefined) return null;
    return deps.readImportedFile(path);
  });

  guarded(IPC_CHANNELS.openExternal, async (payload): Promise<boolean> => {
    const url = checkExternalUrl(payload);
    if (!url.ok) return false;
    await deps.openExternal(url.value);
    return true;
  });
}
