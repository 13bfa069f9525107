import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  mimeTypeFor,
  resolveAppRequest,
} from '../../electron/security/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp.ts';
import { createAppRequestHandler } from '../../electron/security/serve-app-file.ts';

const root = '/srv/bdlab/dist/web';

describe('the bdlab:// scheme', () => {
  it('is a standard, secure scheme that fetch can use and that does not bypass CSP', () => {
    expect(APP_SCHEME).toBe('bdlab');
    expect(APP_ENTRY_URL).toBe('bdlab://app/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false,
    });
  });
});

describe('resolveAppRequest', () => {
  it('maps app URLs to files under the web root, / to index.html', () => {
    expect(resolveAppRequest('bdlab://app/', root)).toEqual({
      ok: true,
      filePath: `${root}/index.html`,
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('bdlab://app/assets/sql-wasm-abc.wasm?v=1#x', root)).toEqual({
      ok: true,
      filePath: `${root}/assets/sql-wasm-abc.wasm`,
      mimeType: 'application/wasm',
    });
    expect(resolveAppRequest('bdlab://app/assets/a%20b.js', root)).toMatchObject({
      filePath: `${root}/assets/a b.js`,
    });
  });

  it.each([
    'bdlab://app/assets/..%2f..%2fsecret',
    'bdlab://app/assets/%2E%2E%5C..%5Csecret',
    'bdlab://app/assets\\..\\..\\secret',
    'bdlab://app//etc/passwd',
    'bdlab://app/index.html%00.png',
  ])('refuses path traversal with 403: %s', (url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it.each(['bdlab://app/../../etc/passwd', 'bdlab://app/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps dot segments the URL parser already resolved inside the root: %s',
    (url) => {
      expect(resolveAppRequest(url, root)).toMatchObject({ ok: true, filePath: `${root}/etc/passwd` });
    },
  );

  it.each([
    'bdlab://other/index.html',
    'bdlab://app:8080/index.html',
    'bdlab://user:pw@app/index.html',
    'https://app/index.html',
    'file:///srv/bdlab/dist/web/index.html',
    'not a url',
  ])('refuses anything but the app origin: %s', (url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 400 to a malformed escape', () => {
    expect(resolveAppRequest('bdlab://app/%E0%A4%A.js', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['sql-wasm.wasm', 'application/wasm'],
    ['logo.svg', 'image/svg+xml'],
    ['shot.PNG', 'image/png'],
    ['inter.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['weird.bin', 'application/octet-stream'],
  ])('%s is served as %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});

describe('createAppRequestHandler', () => {
  let webRoot: string;
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'bdlab-web-'));
    webRoot = join(outside, 'web');
    await mkdir(join(webRoot, 'assets'), { recursive: true });
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(webRoot, 'assets', 'sql-wasm.wasm'), new Uint8Array([0, 97, 115, 109]));
    await writeFile(join(outside, 'secret.txt'), 'secret');
  });
  afterAll(async () => {
    await rm(outside, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => createAppRequestHandler(webRoot)(new Request(url, { method }));

  it('serves a file with its content type and the CSP header', async () => {
    const response = await get('bdlab://app/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves WebAssembly as application/wasm so it can be compiled while streaming', async () => {
    const response = await get('bdlab://app/assets/sql-wasm.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('never serves a file outside the web root, and answers errors with the CSP too', async () => {
    const response = await get('bdlab://app/%2e%2e/secret.txt');
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for missing files and folders, 405 for writes, no body for HEAD', async () => {
    expect((await get('bdlab://app/missing.js')).status).toBe(404);
    expect((await get('bdlab://app/assets')).status).toBe(404);
    expect((await get('bdlab://app/index.html', 'POST')).status).toBe(405);
    const head = await get('bdlab://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
