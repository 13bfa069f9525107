import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The main window's web preferences: renderer isolated from Node and Electron (context isolation, OS
 * sandbox, no Node integration anywhere), web security on, no `<webview>`, no insecure content, no
 * experimental Blink features, and no navigation by dropping a file on the window.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

/** Smallest window the agenda and calculators stay readable in. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;

/**
 * The main window: titled, with the app's icon (the web build's favicon, so the window and the page show the
 * same mark), 1280×800 by default, hidden until its first paint so it never flashes white.
 */
export function mainWindowOptions(
  preloadPath: string,
  devTools: boolean,
  icon?: BrowserWindowConstructorOptions['icon'],
): BrowserWindowConstructorOptions {
  return {
    title: 'Big Data Day Lab',
    ...(icon === undefined ? {} : { icon }),
    width: 1280,
    height: 800,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath, devTools),
  };
}
