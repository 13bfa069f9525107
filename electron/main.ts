import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, protocol, session, shell } from 'electron';
import { serializeDocument } from '../sim/persist/index.ts';
import { hardenSession, hardenWebContents } from './app/harden.ts';
import { registerIpcHandlers } from './app/ipc-handlers.ts';
import { buildMenuTemplate, PRESENTER_ZOOM_FACTOR } from './app/menu.ts';
import { SIMULATION_JS_FLAGS } from './app/v8-flags.ts';
import { readImportedFile } from './ipc/imported-file.ts';
import { DocumentStore } from './persistence/document-store.ts';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security/app-protocol.ts';
import { createAppRequestHandler } from './security/serve-app-file.ts';
import { mainWindowOptions } from './security/web-preferences.ts';
// The page's favicon (a copy: electron/ does not import ui/), inlined so the package needs no icon file.
import appIcon from './assets/app-icon.png?inline';

const PRODUCT_NAME = 'Big Data Day Lab';
const devTools = !app.isPackaged;
const webRoot = join(app.getAppPath(), 'dist', 'web');
const preloadPath = join(import.meta.dirname, '..', 'preload', 'preload.cjs');
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

// Same folder in development and when packaged, named for the product rather than the npm package.
app.setName(PRODUCT_NAME);
app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));
app.enableSandbox();
app.commandLine.appendSwitch('js-flags', SIMULATION_JS_FLAGS.join(' '));
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

let mainWindow: BrowserWindow | undefined;
const store = new DocumentStore({ folder: app.getPath('userData') });

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions(preloadPath, devTools, nativeImage.createFromDataURL(appIcon)),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function exportProgress(): Promise<void> {
  const { document } = await store.load();
  const name = `bdlab-progress-${new Date().toISOString().slice(0, 10)}.json`;
  const options = {
    defaultPath: join(app.getPath('documents'), name),
    filters: [{ name: 'JSON file', extensions: ['json'] }],
  };
  const choice = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  if (!choice.canceled && choice.filePath)
    await writeFile(choice.filePath, serializeDocument(document), 'utf8');
}

function installMenu(): void {
  const template = buildMenuTemplate(
    {
      exportProgress: () =>
        void exportProgress().catch((error: unknown) =>
          dialog.showErrorBox(PRODUCT_NAME, `Could not export your progress: ${(error as Error).message}`),
        ),
      setPresenterText: (on) => mainWindow?.webContents.setZoomFactor(on ? PRESENTER_ZOOM_FACTOR : 1),
      showAbout: () => app.showAboutPanel(),
    },
    { platform: process.platform, devTools },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function start(): void {
  if (!existsSync(join(webRoot, 'index.html'))) {
    dialog.showErrorBox(
      PRODUCT_NAME,
      `The app's pages are missing from ${webRoot}. Run \`npm run build\` first.`,
    );
    app.quit();
    return;
  }
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppRequestHandler(webRoot));
  registerIpcHandlers(ipcMain, {
    store,
    appContents: () => mainWindow?.webContents,
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    showOpenDialog: (options) => {
      const full = { ...options, properties: ['openFile' as const] };
      return mainWindow ? dialog.showOpenDialog(mainWindow, full) : dialog.showOpenDialog(full);
    },
    defaultExportPath: (fileName) => join(app.getPath('documents'), fileName),
    writeTextFile: (path, text) => writeFile(path, text, 'utf8'),
    readImportedFile,
    openExternal,
  });
  app.setAboutPanelOptions({
    applicationName: PRODUCT_NAME,
    applicationVersion: app.getVersion(),
    credits:
      'Teaches the one-day big-data-on-AWS workshop by simulation: no AWS account, no network, no cost.',
  });
  installMenu();
  mainWindow = createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would write the same progress file; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === undefined && app.isReady()) mainWindow = createMainWindow();
  });
  void app.whenReady().then(start);
}
