/**
 * The AWS CLI's high-level S3 commands (`aws s3 ls`, `aws s3 cp`) are written in the CLI itself
 * (awscli/customizations/s3), not generated from an API model, so no model lists them. This checks them as
 * the CLI's command reference describes them, and checks the API calls they make against the S3 model:
 * - `aws s3 ls [s3://bucket[/prefix]]` lists one level: ListObjectsV2 with Bucket, Prefix and Delimiter `/`.
 * - `aws s3 cp <from> <to>`: each side is an S3 URI `s3://bucket/key`, a local path, or `-` (standard
 *   input or output, for a stream to or from S3); one side at least is S3. S3 to local is GetObject with
 *   Bucket and Key.
 * Bucket names follow the S3 User Guide's naming rules (3–63 characters: lower-case letters, digits, `.`
 * and `-`, beginning and ending with a letter or digit), which the model leaves to the service.
 */
import { serviceModel } from './aws-models.ts';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

interface S3Uri {
  readonly bucket: string;
  readonly key: string;
}

function parseS3Uri(text: string): S3Uri | undefined {
  if (!text.startsWith('s3://')) return undefined;
  const rest = text.slice('s3://'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/** The API call a high-level command makes, checked against the S3 model's required members and lengths. */
function checkApiCall(operation: string, values: Record<string, string>): string[] {
  const input = serviceModel('s3api')!.input(operation);
  const problems: string[] = [];
  for (const required of input.required) {
    if (values[required] === undefined) problems.push(`${operation} needs ${required}`);
  }
  for (const [member, value] of Object.entries(values)) {
    const shape = input.members[member];
    if (shape === undefined) problems.push(`${operation} has no member ${member}`);
    else if (shape.min !== undefined && Array.from(value).length < shape.min) {
      problems.push(`${operation}: ${member} ${JSON.stringify(value)} is shorter than ${shape.min}`);
    }
  }
  return problems;
}

function checkBucket(uri: S3Uri): string[] {
  return BUCKET_NAME.test(uri.bucket) && !uri.bucket.includes('..')
    ? []
    : [`${JSON.stringify(uri.bucket)} is not a valid bucket name`];
}

/** Problems of `aws s3 <command> <args>`, empty when the CLI would run it. */
export function validateS3Command(command: string, args: readonly string[]): string[] {
  switch (command) {
    case 'ls': {
      if (args.length > 1) return [`aws s3 ls takes one S3 URI, got ${args.length} arguments`];
      if (args.length === 0) return [];
      const uri = parseS3Uri(args[0]!);
      if (uri === undefined) return [`${JSON.stringify(args[0])} is not an S3 URI (s3://bucket/prefix)`];
      return [
        ...checkBucket(uri),
        ...checkApiCall('ListObjectsV2', { Bucket: uri.bucket, Prefix: uri.key, Delimiter: '/' }),
      ];
    }
    case 'cp': {
      if (args.length !== 2)
        return [`aws s3 cp takes a source and a destination, got ${args.length} arguments`];
      const [from, to] = args.map(parseS3Uri);
      if (from === undefined && to === undefined) return ['aws s3 cp needs an S3 URI on one side at least'];
      const problems: string[] = [];
      if (from !== undefined) {
        problems.push(...checkBucket(from));
        if (from.key === '' || from.key.endsWith('/')) problems.push('aws s3 cp from S3 needs an object key');
        problems.push(...checkApiCall('GetObject', { Bucket: from.bucket, Key: from.key }));
      }
      if (to !== undefined) problems.push(...checkBucket(to));
      if (args[0] === '-' && to === undefined) problems.push('aws s3 cp - (standard input) must copy to S3');
      if (args[1] === '-' && from === undefined)
        problems.push('aws s3 cp to - (standard output) must copy from S3');
      return problems;
    }
    default:
      return [`aws s3 ${command} is not a command the app shows, so it is not checked here`];
  }
}
