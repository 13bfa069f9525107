import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportedFile } from '../../electron/ipc/imported-file.ts';
import {
  checkExportRequest,
  checkFileName,
  checkImportRequest,
  checkSaveDocumentPayload,
  exportDialogFilters,
} from '../../electron/ipc/payloads.ts';
import { createDefaultDocument } from '../../sim/persist/index.ts';

const errorOf = (result: { ok: boolean; error?: { message: string } }): string =>
  result.ok ? 'accepted' : (result.error?.message ?? '');

describe('checkFileName', () => {
  it.each(['kinesis-shards.csv', 'Pipeline cost (2016).json', 'résumé.txt'])('accepts %s', (name) => {
    expect(checkFileName(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', '1 to 200 characters'],
    ['x'.repeat(201), '1 to 200 characters'],
    ['../../.bashrc', 'folder separator'],
    ['a/b.csv', 'folder separator'],
    ['a\\b.csv', 'folder separator'],
    ['nul\u0000.csv', 'folder separator'],
    ['line\nbreak.csv', 'folder separator'],
    ['.hidden', 'not a usable file name'],
    ['CON.txt', 'not a usable file name'],
    ['trailing.', 'not a usable file name'],
    ['bdlab-\u202Enosj.exe', 'invisible character'],
    ['bdlab\u200B.json', 'invisible character'],
  ])('refuses %j', (name, reason) => {
    expect(errorOf(checkFileName(name))).toContain(reason);
  });

  it('refuses non-strings', () => {
    expect(errorOf(checkFileName(42))).toContain('must be a string');
  });
});

describe('checkSaveDocumentPayload', () => {
  it('accepts a valid document and refuses an invalid one with its path', () => {
    expect(checkSaveDocumentPayload(createDefaultDocument()).ok).toBe(true);
    expect(errorOf(checkSaveDocumentPayload({ schemaVersion: 3 }))).toContain('$.settings');
    expect(errorOf(checkSaveDocumentPayload('{}'))).toContain('$ is');
  });

  it('refuses documents over 5 MB', () => {
    const big = { ...createDefaultDocument(), progress: { labs: { x: 'y'.repeat(5 * 1024 * 1024) } } };
    expect(errorOf(checkSaveDocumentPayload(big))).toContain('the limit is 5242880');
  });
});

describe('checkExportRequest', () => {
  const request = { suggestedName: 'shards.csv', mimeType: 'text/csv', contents: 'a,b\n1,2\n' };

  it('accepts a sane request and offers its extension in the dialog', () => {
    expect(checkExportRequest(request)).toEqual({ ok: true, value: request });
    expect(exportDialogFilters(request)).toEqual([
      { name: 'CSV file', extensions: ['csv'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it.each([
    [null, 'must be an object'],
    [{ ...request, path: '/etc/passwd' }, 'Unknown field(s)'],
    [{ ...request, suggestedName: '/tmp/x.csv' }, 'folder separator'],
    [{ ...request, mimeType: 'text/csv; x=1' }, 'content type'],
    [{ ...request, contents: 12 }, 'contents must be a string'],
    [{ ...request, contents: 'x'.repeat(10 * 1024 * 1024 + 1) }, 'the limit is 10485760'],
  ])('refuses %#', (payload, reason) => {
    expect(errorOf(checkExportRequest(payload))).toContain(reason);
  });
});

describe('checkImportRequest', () => {
  it('turns extensions and content types into dialog extensions', () => {
    expect(checkImportRequest({ accept: ['.json', 'application/json', 'text/csv', '.CSV'] })).toEqual({
      ok: true,
      value: ['json', 'csv'],
    });
  });

  it.each([
    [{}, 'an "accept" list'],
    [{ accept: [] }, '1 to 20'],
    [{ accept: Array.from({ length: 21 }, () => '.json') }, '1 to 20'],
    [{ accept: ['*'] }, 'accept[0] is "*"'],
    [{ accept: ['.json', '../x'] }, 'accept[1]'],
    [{ accept: ['.json', 7] }, 'accept[1] is 7'],
  ])('refuses %j', (payload, reason) => {
    expect(errorOf(checkImportRequest(payload))).toContain(reason);
  });
});

describe('readImportedFile', () => {
  it('reads UTF-8 text without a byte-order mark, and refuses binaries and big files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bdlab-import-'));
    try {
      await writeFile(join(folder, 'prices.json'), '\uFEFF{"a":1}');
      expect(await readImportedFile(join(folder, 'prices.json'))).toEqual({
        name: 'prices.json',
        contents: '{"a":1}',
      });
      await writeFile(join(folder, 'image.png'), new Uint8Array([0x89, 0x50, 0xff, 0xfe, 0x00]));
      await expect(readImportedFile(join(folder, 'image.png'))).rejects.toThrow(
        'image.png is not UTF-8 text',
      );
      await writeFile(join(folder, 'huge.json'), 'x'.repeat(5 * 1024 * 1024 + 1));
      await expect(readImportedFile(join(folder, 'huge.json'))).rejects.toThrow('up to 5242880 bytes');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
