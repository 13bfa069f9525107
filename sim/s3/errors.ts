import type { SimError } from '../core/index.ts';

/** S3's `NoSuchBucket` error for `bucket`. */
export function noSuchBucket(bucket: string): SimError {
  return {
    code: 'NoSuchBucket',
    message: `The specified bucket does not exist: "${bucket}". Create it first (CreateBucket) or check the name.`,
    path: 'Bucket',
  };
}

/** S3's `NoSuchKey` error for `key` in `bucket`. */
export function noSuchKey(bucket: string, key: string): SimError {
  return {
    code: 'NoSuchKey',
    message: `The specified key does not exist: "${key}" in bucket "${bucket}". List the bucket to see its keys.`,
    path: 'Key',
  };
}

/** S3's `InvalidArgument` error for a request field. */
export function invalidArgument(field: string, message: string): SimError {
  return { code: 'InvalidArgument', message, path: field };
}
