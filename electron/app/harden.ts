import type { Session, WebContents } from 'electron';
import { decideNavigation, WINDOW_OPEN_RESPONSE } from '../security/navigation.ts';
import { decidePermission } from '../security/permissions.ts';

/** Hands an allow-listed URL to the system browser. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Requests the app never makes: everything on the network and on disk. The renderer's files come from the
 * app protocol; this closes the door even if a CSP were ever loosened by mistake.
 */
export const BLOCKED_REQUEST_URL_PATTERNS: readonly string[] = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
  'file://*/*',
];

/** Denies every permission request and check, every USB/HID/serial device, and every network request. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: [...BLOCKED_REQUEST_URL_PATTERNS] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/**
 * Locks down any webContents the app creates: no new windows, no navigation away from the loaded page (an
 * allow-listed https link opens in the system browser instead), no `<webview>`.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const openIfAllowed = (url: string): void => {
    const decision = decideNavigation(url);
    if (decision.openExternally !== undefined)
      void openExternal(decision.openExternally).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return WINDOW_OPEN_RESPONSE;
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
