import { BrowserPort } from './browser-port';
import { findBridge } from './electron-bridge';
import { ElectronPort } from './electron-port';
import type { DocumentCodec, PlatformPort } from './port';

/** Picks the platform at start-up: the desktop bridge when the preload exposed it, the browser otherwise. */
export function choosePlatformPort<Doc>(win: Window, codec: DocumentCodec<Doc>): PlatformPort<Doc> {
  const bridge = findBridge(win);
  return bridge ? new ElectronPort(bridge, codec) : new BrowserPort(win, win.localStorage, codec);
}
