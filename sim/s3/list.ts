import protobuf from 'protobufjs/minimal.js';
import { fail, ok, type Result } from '../core/index.ts';
import { invalidArgument, noSuchBucket } from './errors.ts';
import { indexAfter, indexAtOrAfter } from './key-order.ts';
import type { S3State } from './state.ts';

/** Most keys one ListObjectsV2 page returns; a larger MaxKeys is capped to it, as S3 does. */
export const MAX_KEYS_PER_PAGE = 1000;

/** A ListObjectsV2 request, with S3's field names. */
export interface ListObjectsV2Input {
  readonly Bucket: string;
  readonly Prefix?: string;
  /** Groups keys that share the text up to the next delimiter after the prefix into CommonPrefixes. */
  readonly Delimiter?: string;
  /** 0–1,000, default 1,000. */
  readonly MaxKeys?: number;
  /** The `NextContinuationToken` of the previous page. */
  readonly ContinuationToken?: string;
  /** List only keys after this one (ignored when a continuation token is given). */
  readonly StartAfter?: string;
}

/** One listed object. */
export interface ListedObject {
  readonly Key: string;
  readonly Size: number;
  readonly ETag: string;
  readonly LastModified: number;
}

/** A ListObjectsV2 page. */
export interface ListObjectsV2Output {
  readonly Name: string;
  readonly Prefix: string;
  readonly Delimiter?: string;
  readonly MaxKeys: number;
  /** Objects on this page plus common prefixes on this page. */
  readonly KeyCount: number;
  readonly IsTruncated: boolean;
  readonly Contents: readonly ListedObject[];
  readonly CommonPrefixes: readonly { readonly Prefix: string }[];
  readonly NextContinuationToken?: string;
}

interface Cursor {
  /** The last key or common prefix returned. */
  readonly after: string;
  /** True when `after` is a common prefix: every key starting with it was rolled up and is skipped. */
  readonly rolledUp: boolean;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Continuation tokens are opaque to the caller: base64 of a small JSON cursor. */
function encodeToken(cursor: Cursor): string {
  const bytes = utf8Encoder.encode(JSON.stringify([cursor.after, cursor.rolledUp ? 1 : 0]));
  return protobuf.util.base64.encode(bytes, 0, bytes.length);
}

function decodeToken(token: string): Cursor | undefined {
  try {
    const buffer = new Uint8Array(protobuf.util.base64.length(token));
    protobuf.util.base64.decode(token, buffer, 0);
    const value: unknown = JSON.parse(utf8Decoder.decode(buffer));
    if (Array.isArray(value) && typeof value[0] === 'string' && (value[1] === 0 || value[1] === 1)) {
      return { after: value[0], rolledUp: value[1] === 1 };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Lists a bucket's keys in S3's order (UTF-8 bytes), one page of at most MaxKeys entries, with Prefix,
 * Delimiter (CommonPrefixes), StartAfter and continuation tokens. Counts one LIST request.
 */
export function listObjectsV2(state: S3State, input: ListObjectsV2Input): Result<ListObjectsV2Output> {
  const bucket = state.buckets[input.Bucket];
  if (!bucket) return fail(noSuchBucket(input.Bucket));
  const maxKeys = input.MaxKeys ?? MAX_KEYS_PER_PAGE;
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    return fail(invalidArgument('MaxKeys', `MaxKeys must be a whole number of 0 or more (got ${maxKeys}).`));
  }
  const pageSize = Math.min(maxKeys, MAX_KEYS_PER_PAGE);
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter === '' ? undefined : input.Delimiter;
  let cursor: Cursor | undefined;
  if (input.ContinuationToken !== undefined) {
    cursor = decodeToken(input.ContinuationToken);
    if (!cursor) {
      return fail(
        invalidArgument(
          'ContinuationToken',
          'The continuation token is not one this bucket listing returned; pass NextContinuationToken unchanged.',
        ),
      );
    }
  } else if (input.StartAfter !== undefined) {
    cursor = { after: input.StartAfter, rolledUp: false };
  }
  state.usage.putCopyPostListRequests++;

  const keys = bucket.sortedKeys;
  let index = indexAtOrAfter(keys, prefix);
  if (cursor) index = Math.max(index, indexAfter(keys, cursor.after));
  const contents: ListedObject[] = [];
  const commonPrefixes: { Prefix: string }[] = [];
  let last: Cursor | undefined;
  let truncated = false;
  for (; index < keys.length; index++) {
    const key = keys[index]!;
    if (!key.startsWith(prefix)) break;
    if (cursor?.rolledUp && key.startsWith(cursor.after)) continue;
    if (last?.rolledUp && key.startsWith(last.after)) continue;
    if (contents.length + commonPrefixes.length >= pageSize) {
      truncated = true;
      break;
    }
    const cut = delimiter === undefined ? -1 : key.indexOf(delimiter, prefix.length);
    if (cut >= 0) {
      const common = key.slice(0, cut + delimiter!.length);
      commonPrefixes.push({ Prefix: common });
      last = { after: common, rolledUp: true };
    } else {
      const object = bucket.objects[key]!;
      contents.push({
        Key: key,
        Size: object.ContentLength,
        ETag: object.ETag,
        LastModified: object.LastModified,
      });
      last = { after: key, rolledUp: false };
    }
  }
  return ok({
    Name: bucket.Name,
    Prefix: prefix,
    ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
    MaxKeys: maxKeys,
    KeyCount: contents.length + commonPrefixes.length,
    IsTruncated: truncated,
    Contents: contents,
    CommonPrefixes: commonPrefixes,
    ...(truncated && last ? { NextContinuationToken: encodeToken(last) } : {}),
  });
}
