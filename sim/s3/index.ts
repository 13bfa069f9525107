/** The simulated Amazon S3: buckets, objects with bytes and metadata, listing, and the cost meter. */
export { validateBucketName } from './bucket-name.ts';
export { bucketNameSchema, s3Component, s3Schema, type S3Report, type S3Scenario } from './component.ts';
export { s3Cost, type S3Cost, type S3CostLine } from './cost.ts';
export { noSuchBucket, noSuchKey } from './errors.ts';
export { compareKeys } from './key-order.ts';
export {
  listObjectsV2,
  MAX_KEYS_PER_PAGE,
  type ListedObject,
  type ListObjectsV2Input,
  type ListObjectsV2Output,
} from './list.ts';
export { md5Digest, md5Hex } from '../core/index.ts';
export {
  createBucket,
  deleteBucket,
  deleteObject,
  getObject,
  headObject,
  MAX_KEY_BYTES,
  putObject,
  type HeadObjectOutput,
  type ObjectAddress,
  type PutObjectInput,
} from './objects.ts';
export { bytesReplacer, bytesReviver, s3StateFromJson, s3StateToJson, type SavedBytes } from './snapshot.ts';
export {
  accrueStorage,
  createS3State,
  type S3Bucket,
  type S3Object,
  type S3State,
  type S3Usage,
} from './state.ts';
