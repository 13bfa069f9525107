import { readFile } from 'node:fs/promises';
import { resolveAppRequest } from './app-protocol.ts';
import { SECURITY_HEADERS } from './csp.ts';

/** Reads a whole file; injectable for tests. */
export type ReadWholeFile = (path: string) => Promise<Uint8Array>;

const plain = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });

/**
 * The handler `protocol.handle` installs for the app scheme: serves files from `webRoot` with their content
 * type and the security headers (CSP included), and nothing else — no directory listings, no other origins,
 * only GET and HEAD.
 */
export function createAppRequestHandler(
  webRoot: string,
  read: ReadWholeFile = (path) => readFile(path),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = resolveAppRequest(request.url, webRoot);
    if (!target.ok) return plain(target.status, target.reason);
    let body: Uint8Array;
    try {
      body = await read(target.filePath);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR'
        ? plain(404, 'Not found')
        : plain(500, 'Could not read the file');
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': target.mimeType, 'Cache-Control': 'no-cache' },
    });
  };
}
