import { extname, resolve, sep } from 'node:path';

/** The app's own URL scheme: pages are served from `bdlab://app/…`, never from `file://`. */
export const APP_SCHEME = 'bdlab';
/** The single host of the app scheme. */
export const APP_HOST = 'app';
/** The app's origin as the renderer sees it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: a standard, secure scheme (so `'self'`, relative
 * URLs, localStorage and secure-context APIs behave as on https) that `fetch` may use (sql.js fetches its
 * `.wasm`). It does not bypass CSP and gets no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
} as const;

/** Content types by file extension; anything else is served as `application/octet-stream`. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The content type for a file path, by its extension. */
export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Parses `url` and returns it when it is exactly on the app origin (no user, password or port). */
export function parseAppUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const onOrigin =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  return onOrigin ? parsed : undefined;
}

/** Where an app-protocol request leads: a file under the web root, or an HTTP status and why. */
export type AppRequestTarget =
  | { readonly ok: true; readonly filePath: string; readonly mimeType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Maps a `bdlab://app/…` URL to a file inside `webRoot` (the built renderer, `dist/web`). `/` means
 * `index.html`. Refuses other origins, malformed escapes, encoded slashes, backslashes, NUL bytes, dot
 * segments and anything that would resolve outside `webRoot`.
 */
export function resolveAppRequest(url: string, webRoot: string): AppRequestTarget {
  const parsed = parseAppUrl(url);
  if (parsed === undefined) return { ok: false, status: 403, reason: `not an ${APP_ORIGIN} URL` };
  const rawPath = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  if (/%2f|%5c|%00/i.test(rawPath)) return { ok: false, status: 403, reason: 'encoded separator in path' };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  const segments = path.split('/').slice(1);
  if (
    path.includes('\\') ||
    segments.some((segment) => segment === '..' || segment === '.' || segment === '')
  ) {
    return { ok: false, status: 403, reason: 'path escapes the app folder' };
  }
  const root = resolve(webRoot);
  const filePath = resolve(root, ...segments);
  if (!filePath.startsWith(root + sep))
    return { ok: false, status: 403, reason: 'path escapes the app folder' };
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}
