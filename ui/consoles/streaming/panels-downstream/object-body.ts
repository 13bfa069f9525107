/**
 * Opening an S3 object in the browser: recognise how its bytes are compressed (GZIP or ZIP, the formats
 * Firehose writes), decompress them with fflate and keep a text preview. Detection reads the bytes' magic
 * numbers rather than trusting the key, because Firehose objects carry no file extension.
 */
import { gunzipSync, unzipSync } from 'fflate';
import type { ObjectBodyView } from '../console-view';
import type { ObjectCompression } from '../../../shared/cli-commands';

/** Characters of decoded text the preview keeps; the rest is counted, not shown. */
export const PREVIEW_CHARACTERS = 20_000;

/** An opened object: the console's body view plus how it was compressed and any ZIP entry name. */
export interface OpenedObject extends ObjectBodyView {
  readonly compression: ObjectCompression;
  /** Name of the ZIP entry shown, when the object is a ZIP archive. */
  readonly zipEntry: string | null;
  /** True when the content is mostly not printable text (shown escaped). */
  readonly binary: boolean;
}

/** GZIP starts with 1f 8b (RFC 1952); a ZIP local file header with "PK\x03\x04" (APPNOTE 4.3.7). */
export function detectCompression(body: Uint8Array): ObjectCompression {
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) return 'gzip';
  if (body.length >= 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04) {
    return 'zip';
  }
  return 'none';
}

function isMostlyBinary(data: Uint8Array): boolean {
  const sample = data.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Shows control characters as `\xNN` so binary payloads stay readable and cannot break the layout. */
function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * Decompresses `body` as its magic number says and decodes it as UTF-8 for the preview. Throws an Error
 * whose message says what is wrong with the object when the bytes claim a format they do not hold.
 */
export function openObject(
  bucket: string,
  key: string,
  body: Uint8Array,
  contentEncoding: string | null,
): OpenedObject {
  const compression = detectCompression(body);
  let decoded: Uint8Array;
  let zipEntry: string | null = null;
  try {
    if (compression === 'gzip') {
      decoded = gunzipSync(body);
    } else if (compression === 'zip') {
      const entries = Object.entries(unzipSync(body));
      const first = entries[0];
      if (!first) throw new Error('the archive has no entries');
      [zipEntry, decoded] = first;
    } else {
      decoded = body;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `s3://${bucket}/${key} starts like a ${compression.toUpperCase()} file but cannot be decompressed (${reason}).`,
    );
  }
  const binary = isMostlyBinary(decoded);
  const text = new TextDecoder('utf-8').decode(decoded.subarray(0, PREVIEW_CHARACTERS * 4));
  const preview = text.length > PREVIEW_CHARACTERS ? text.slice(0, PREVIEW_CHARACTERS) : text;
  return {
    bucket,
    key,
    contentType: compression === 'zip' ? 'application/zip' : 'application/octet-stream',
    contentEncoding,
    storedBytes: body.length,
    decodedBytes: decoded.length,
    text: escapeControls(preview),
    truncated: preview.length < text.length || decoded.length > PREVIEW_CHARACTERS * 4,
    compression,
    zipEntry,
    binary,
  };
}

/** What `loadObject` may answer: the object's bytes, or a body the worker already decoded. */
export type LoadedObject = Uint8Array | ObjectBodyView;

/**
 * Turns whatever `loadObject` answered into an opened object: raw bytes are decoded here; a body view
 * decoded elsewhere keeps its figures, its compression read from the content encoding and type.
 */
export function toOpenedObject(
  bucket: string,
  key: string,
  loaded: LoadedObject,
  contentEncoding: string | null,
): OpenedObject {
  if (loaded instanceof Uint8Array) return openObject(bucket, key, loaded, contentEncoding);
  if ('compression' in loaded) return loaded as OpenedObject;
  const compression: ObjectCompression =
    loaded.contentEncoding === 'gzip' ? 'gzip' : loaded.contentType === 'application/zip' ? 'zip' : 'none';
  return { ...loaded, compression, zipEntry: null, binary: false };
}
