import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compressObject } from '../../../../sim/firehose/index.ts';
import { detectCompression, openObject, PREVIEW_CHARACTERS, toOpenedObject } from './object-body';

const text = '{"page":"/home"}\n{"page":"/cart"}\n';
const raw = new TextEncoder().encode(text);

describe('openObject', () => {
  it('decompresses a GZIP object exactly as the Firehose model wrote it', () => {
    const { body } = compressObject(raw, 'GZIP', 'obj', 0);
    const opened = openObject('b', 'k', body, 'gzip');
    expect(opened.compression).toBe('gzip');
    expect(opened.text).toBe(text);
    expect(opened.storedBytes).toBe(body.length);
    expect(opened.decodedBytes).toBe(raw.length);
    expect(opened.truncated).toBe(false);
  });

  it('opens the one entry of a ZIP object and names it', () => {
    const { body } = compressObject(raw, 'ZIP', 'clicks-1-2016-05-24-14-00-00-abc', Date.UTC(2016, 4, 24));
    const opened = openObject('b', 'k', body, null);
    expect(opened.compression).toBe('zip');
    expect(opened.zipEntry).toBe('clicks-1-2016-05-24-14-00-00-abc');
    expect(opened.text).toBe(text);
  });

  it('shows an uncompressed object as it is', () => {
    expect(detectCompression(raw)).toBe('none');
    expect(openObject('b', 'k', raw, null).text).toBe(text);
  });

  it('cuts a long object at the preview limit and says so', () => {
    const long = gzipSync(new Uint8Array(PREVIEW_CHARACTERS * 2).fill(0x61), { mtime: 0 });
    const opened = openObject('b', 'k', long, 'gzip');
    expect(opened.text.length).toBe(PREVIEW_CHARACTERS);
    expect(opened.decodedBytes).toBe(PREVIEW_CHARACTERS * 2);
    expect(opened.truncated).toBe(true);
  });

  it('escapes control bytes and calls mostly-binary content binary', () => {
    const opened = openObject('b', 'k', new Uint8Array([0, 1, 2, 0x41]), null);
    expect(opened.text).toBe('\\x00\\x01\\x02A');
    expect(opened.binary).toBe(true);
  });

  it('says which object is broken when GZIP bytes do not decompress', () => {
    const broken = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]);
    expect(() => openObject('logs', 'raw/x', broken, 'gzip')).toThrow(
      /s3:\/\/logs\/raw\/x starts like a GZIP file but cannot be decompressed/,
    );
  });
});

describe('toOpenedObject', () => {
  it('keeps a body the worker decoded, reading its compression from the content encoding', () => {
    const opened = toOpenedObject(
      'b',
      'k',
      {
        bucket: 'b',
        key: 'k',
        contentType: 'application/octet-stream',
        contentEncoding: 'gzip',
        storedBytes: 40,
        decodedBytes: 100,
        text: 'hello',
        truncated: false,
      },
      'gzip',
    );
    expect(opened).toMatchObject({ compression: 'gzip', storedBytes: 40, decodedBytes: 100, text: 'hello' });
  });
});
