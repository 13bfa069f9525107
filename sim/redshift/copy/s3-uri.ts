import type { StatementError } from './tokens.ts';

/** An `s3://bucket/prefix` location from COPY's FROM or UNLOAD's TO. */
export interface S3Location {
  /** As written in the statement. */
  readonly uri: string;
  readonly bucket: string;
  /** The key prefix (may be empty: the whole bucket). */
  readonly prefix: string;
}

const SCHEME = 's3://';

/** Splits an S3 URI; other data sources (EMR, DynamoDB, SSH manifests) are not simulated and say so. */
export function parseS3Uri(uri: string, position: number): S3Location | StatementError {
  if (!uri.toLowerCase().startsWith(SCHEME)) {
    const scheme = uri.indexOf('://');
    const what = scheme > 0 ? `'${uri.slice(0, scheme + 3)}'` : 'a local path';
    return {
      code: '0A000',
      message: `COPY and UNLOAD from ${what} are not available in this simulation.`,
      position,
      hint: "Use an Amazon S3 location such as 's3://my-bucket/prefix'.",
    };
  }
  const rest = uri.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const prefix = slash < 0 ? '' : rest.slice(slash + 1);
  if (bucket === '') {
    return {
      code: '22023',
      message: `The S3 location '${uri}' names no bucket.`,
      position,
      hint: "Write the bucket right after s3://, for example 's3://my-bucket/access-log-processed'.",
    };
  }
  return { uri, bucket, prefix };
}
