import { gzipSync, zipSync } from 'fflate';
import type { DeliveryStreamConfig } from './config.ts';

/** Earliest time a ZIP entry can carry: DOS dates start at 1980-01-01. */
const DOS_EPOCH_MS = Date.UTC(1980, 0, 1);

/**
 * fflate writes a ZIP entry's DOS date from the Date's local-time fields, so the UTC fields of the virtual
 * time are copied into a local-time Date: the archive then says the UTC time whatever the machine's zone.
 */
function dosDate(atMs: number): Date {
  const utc = new Date(Math.max(atMs, DOS_EPOCH_MS));
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}

/** What an object's bytes are and how S3 should describe them. */
export interface CompressedObject {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly contentEncoding?: string;
}

/**
 * Compresses a buffer as the delivery stream is configured, reproducibly: GZIP with a zero modification
 * time and no file name in the header; ZIP with one entry named after the object and dated at the virtual
 * time in UTC (never before 1980, which ZIP cannot express). Same records in, same bytes out.
 */
export function compressObject(
  data: Uint8Array,
  format: DeliveryStreamConfig['CompressionFormat'],
  entryName: string,
  atMs: number,
): CompressedObject {
  switch (format) {
    case 'GZIP':
      return {
        body: gzipSync(data, { mtime: 0 }),
        contentType: 'application/octet-stream',
        contentEncoding: 'gzip',
      };
    case 'ZIP':
      return {
        body: zipSync({ [entryName]: data }, { mtime: dosDate(atMs) }),
        contentType: 'application/zip',
      };
    case 'UNCOMPRESSED':
      return { body: data, contentType: 'application/octet-stream' };
  }
}
