import type { Millis } from '../core/index.ts';

/** One stored object: its bytes and the metadata S3 returns with them. */
export interface S3Object {
  readonly Key: string;
  /** The object's bytes, kept as a Uint8Array in memory (see snapshot.ts for the saved form). */
  readonly Body: Uint8Array;
  readonly ContentLength: number;
  readonly ContentType: string;
  /** Such as `gzip`; absent when the bytes are stored as they are. */
  readonly ContentEncoding?: string;
  /** Virtual time of the PUT, in milliseconds since the epoch of the simulation clock. */
  readonly LastModified: Millis;
  /** MD5 of the bytes as 32 lowercase hex digits in double quotes, as S3 returns it for a single-part PUT. */
  readonly ETag: string;
  /** User metadata (`x-amz-meta-*`). */
  readonly Metadata: Readonly<Record<string, string>>;
}

/** One bucket: its objects by key, and the keys kept in S3's listing order. */
export interface S3Bucket {
  readonly Name: string;
  readonly CreationDate: Millis;
  readonly objects: Record<string, S3Object>;
  /** Every key of `objects`, sorted by UTF-8 bytes (compareKeys), so listing never sorts. */
  readonly sortedKeys: string[];
}

/** What the account has been billed for so far (see cost.ts). */
export interface S3Usage {
  /** Bytes stored right now, over all buckets. */
  storedBytes: number;
  /** Bytes × milliseconds accrued up to `accruedUntil`: storage is billed for the time bytes are kept. */
  byteMillis: number;
  accruedUntil: Millis;
  /** PUT, COPY, POST and LIST requests (billed per 1,000). */
  putCopyPostListRequests: number;
  /** GET and HEAD requests (billed per 10,000). */
  getRequests: number;
}

/** The simulated S3 of one account and region. */
export interface S3State {
  readonly buckets: Record<string, S3Bucket>;
  readonly usage: S3Usage;
}

/** An empty S3 whose storage meter starts at `now`. */
export function createS3State(now: Millis): S3State {
  return {
    buckets: {},
    usage: { storedBytes: 0, byteMillis: 0, accruedUntil: now, putCopyPostListRequests: 0, getRequests: 0 },
  };
}

/** Adds storage time up to `now` to the meter; every operation that changes stored bytes calls it first. */
export function accrueStorage(usage: S3Usage, now: Millis): void {
  if (now > usage.accruedUntil) {
    usage.byteMillis += usage.storedBytes * (now - usage.accruedUntil);
    usage.accruedUntil = now;
  }
}
