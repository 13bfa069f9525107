import { fail, ok, type Result } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import { validateBucketName } from './bucket-name.ts';
import { invalidArgument, noSuchBucket, noSuchKey } from './errors.ts';
import { compareKeys, indexAtOrAfter } from './key-order.ts';
import { md5Hex } from '../core/index.ts';
import { accrueStorage, type S3Bucket, type S3Object, type S3State } from './state.ts';

/** Longest object key S3 accepts, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

const utf8 = new TextEncoder();

/** Creates a bucket. Fails with `InvalidBucketName` or `BucketAlreadyOwnedByYou`. */
export function createBucket(
  state: S3State,
  input: { readonly Bucket: string },
  now: Millis,
): Result<S3Bucket> {
  const name = validateBucketName(input.Bucket);
  if (!name.ok) return name;
  if (state.buckets[input.Bucket]) {
    return fail({
      code: 'BucketAlreadyOwnedByYou',
      message: `You already own a bucket named "${input.Bucket}"; use it or pick another name.`,
      path: 'Bucket',
    });
  }
  const bucket: S3Bucket = { Name: input.Bucket, CreationDate: now, objects: {}, sortedKeys: [] };
  state.buckets[input.Bucket] = bucket;
  state.usage.putCopyPostListRequests++;
  return ok(bucket);
}

/** Deletes an empty bucket. Fails with `NoSuchBucket` or `BucketNotEmpty`. */
export function deleteBucket(state: S3State, input: { readonly Bucket: string }): Result<true> {
  const bucket = state.buckets[input.Bucket];
  if (!bucket) return fail(noSuchBucket(input.Bucket));
  if (bucket.sortedKeys.length > 0) {
    return fail({
      code: 'BucketNotEmpty',
      message: `The bucket "${input.Bucket}" still holds ${bucket.sortedKeys.length} objects; delete them first.`,
      path: 'Bucket',
    });
  }
  delete state.buckets[input.Bucket];
  return ok(true);
}

/** A PutObject request, with S3's field names. */
export interface PutObjectInput {
  readonly Bucket: string;
  readonly Key: string;
  readonly Body: Uint8Array;
  /** Defaults to `binary/octet-stream`, as S3 does. */
  readonly ContentType?: string;
  readonly ContentEncoding?: string;
  readonly Metadata?: Readonly<Record<string, string>>;
}

function checkKey(key: string): Result<string> {
  const length = utf8.encode(key).length;
  if (length === 0) return fail(invalidArgument('Key', 'An object key cannot be empty.'));
  if (length > MAX_KEY_BYTES) {
    return fail({
      code: 'KeyTooLongError',
      message: `The key is ${length} bytes long in UTF-8; S3 keys may be at most ${MAX_KEY_BYTES} bytes.`,
      path: 'Key',
    });
  }
  return ok(key);
}

/**
 * Stores an object (replacing any object with the same key, last writer wins). LastModified is the
 * virtual time `now`; the ETag is the MD5 of the bytes. Counts one PUT request and meters the storage.
 */
export function putObject(
  state: S3State,
  input: PutObjectInput,
  now: Millis,
): Result<{ readonly ETag: string }> {
  const bucket = state.buckets[input.Bucket];
  if (!bucket) return fail(noSuchBucket(input.Bucket));
  const key = checkKey(input.Key);
  if (!key.ok) return key;
  accrueStorage(state.usage, now);
  const previous = bucket.objects[input.Key];
  if (previous) {
    state.usage.storedBytes -= previous.ContentLength;
  } else {
    bucket.sortedKeys.splice(indexAtOrAfter(bucket.sortedKeys, input.Key), 0, input.Key);
  }
  const object: S3Object = {
    Key: input.Key,
    Body: input.Body,
    ContentLength: input.Body.length,
    ContentType: input.ContentType ?? 'binary/octet-stream',
    ...(input.ContentEncoding === undefined ? {} : { ContentEncoding: input.ContentEncoding }),
    LastModified: now,
    ETag: `"${md5Hex(input.Body)}"`,
    Metadata: { ...input.Metadata },
  };
  bucket.objects[input.Key] = object;
  state.usage.storedBytes += object.ContentLength;
  state.usage.putCopyPostListRequests++;
  return ok({ ETag: object.ETag });
}

/** Bucket and key of GetObject, HeadObject and DeleteObject. */
export interface ObjectAddress {
  readonly Bucket: string;
  readonly Key: string;
}

function find(state: S3State, input: ObjectAddress): Result<S3Object> {
  const bucket = state.buckets[input.Bucket];
  if (!bucket) return fail(noSuchBucket(input.Bucket));
  const object = bucket.objects[input.Key];
  return object ? ok(object) : fail(noSuchKey(input.Bucket, input.Key));
}

/** Returns an object with its bytes. Counts one GET request. */
export function getObject(state: S3State, input: ObjectAddress): Result<S3Object> {
  const found = find(state, input);
  if (found.ok) state.usage.getRequests++;
  return found;
}

/** An object's metadata without its bytes. */
export type HeadObjectOutput = Omit<S3Object, 'Body'>;

/** Returns an object's metadata. Counts one GET-class request (HEAD is billed as GET). */
export function headObject(state: S3State, input: ObjectAddress): Result<HeadObjectOutput> {
  const found = find(state, input);
  if (!found.ok) return found;
  state.usage.getRequests++;
  const { Body: _body, ...metadata } = found.value;
  return ok(metadata);
}

/**
 * Deletes an object. Like S3, deleting a key that does not exist succeeds; only a missing bucket fails.
 * DELETE requests are free, so no request is counted; storage stops accruing for the removed bytes.
 */
export function deleteObject(state: S3State, input: ObjectAddress, now: Millis): Result<true> {
  const bucket = state.buckets[input.Bucket];
  if (!bucket) return fail(noSuchBucket(input.Bucket));
  const object = bucket.objects[input.Key];
  if (!object) return ok(true);
  accrueStorage(state.usage, now);
  state.usage.storedBytes -= object.ContentLength;
  delete bucket.objects[input.Key];
  const index = indexAtOrAfter(bucket.sortedKeys, input.Key);
  if (bucket.sortedKeys[index] !== undefined && compareKeys(bucket.sortedKeys[index], input.Key) === 0) {
    bucket.sortedKeys.splice(index, 1);
  }
  return ok(true);
}
