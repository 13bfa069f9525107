import { gunzipSync } from 'fflate';
import { getObject, listObjectsV2, type S3State } from '../../s3/index.ts';
import type { S3Location } from './s3-uri.ts';
import type { StatementError } from './tokens.ts';

/** One object COPY reads: its key, full URI (stl_load_errors.filename) and stored size. */
export interface SourceObject {
  readonly key: string;
  readonly uri: string;
  /** Bytes as stored in S3 (compressed size for GZIP files). */
  readonly size: number;
}

/**
 * Every object under the prefix, in S3's key order, paging through ListObjectsV2 as Redshift does. A missing
 * bucket or an empty prefix fails the COPY with Redshift's message.
 */
export function listSource(s3: S3State, location: S3Location): SourceObject[] | StatementError {
  if (!s3.buckets[location.bucket]) {
    return {
      code: 'XX000',
      message: 'S3ServiceException:The specified bucket does not exist,Status 404,Error NoSuchBucket',
      hint: `There is no bucket "${location.bucket}" in this account's simulated S3; check the name in the FROM clause.`,
    };
  }
  const objects: SourceObject[] = [];
  let token: string | undefined;
  do {
    const page = listObjectsV2(s3, {
      Bucket: location.bucket,
      Prefix: location.prefix,
      ...(token === undefined ? {} : { ContinuationToken: token }),
    });
    if (!page.ok) return { code: 'XX000', message: page.error.message };
    for (const object of page.value.Contents) {
      objects.push({ key: object.Key, uri: `s3://${location.bucket}/${object.Key}`, size: object.Size });
    }
    token = page.value.NextContinuationToken;
  } while (token !== undefined);
  if (objects.length === 0) {
    return {
      code: '8001',
      message: `The specified S3 prefix '${location.prefix}' does not exist`,
      hint: `No object in bucket "${location.bucket}" has a key starting with "${location.prefix}". List the bucket to see its keys.`,
    };
  }
  return objects;
}

/** The bytes COPY loads from one object: gunzipped with GZIP, as stored otherwise. */
export function readSourceObject(
  s3: S3State,
  bucket: string,
  object: SourceObject,
  gzip: boolean,
): Uint8Array | StatementError {
  const got = getObject(s3, { Bucket: bucket, Key: object.key });
  if (!got.ok) return { code: 'XX000', message: got.error.message };
  if (!gzip) return got.value.Body;
  try {
    return gunzipSync(got.value.Body);
  } catch (error) {
    return damagedGzip(object, got.value.Body, error);
  }
}

/** Redshift's zlib messages: a file that is not gzip at all, and one that ends early. */
function damagedGzip(object: SourceObject, body: Uint8Array, error: unknown): StatementError {
  const notGzip = body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b;
  const detail = error instanceof Error ? error.message : String(error);
  const message = notGzip
    ? 'gzip: incorrect header check. Unknown zlib error code. zlib error code: -3'
    : detail.includes('unexpected EOF')
      ? 'gzip: unexpected end of stream. Unknown zlib error code. zlib error code: -1'
      : 'gzip: invalid compressed data. Unknown zlib error code. zlib error code: -3';
  return {
    code: 'XX000',
    message: `${message}\n  context: S3 key being read : ${object.uri}`,
    hint: notGzip
      ? `${object.uri} is not gzip data. Remove GZIP from the COPY if the files are plain text, or recompress them.`
      : `${object.uri} is damaged (cut short or corrupted). Upload it again; nothing was loaded.`,
  };
}
