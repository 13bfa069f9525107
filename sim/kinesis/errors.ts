import { fail, type Result } from '../core/index.ts';
import type { KinesisError, KinesisErrorCode } from './types.ts';

/** A failed result with an AWS error code, a learner-readable message and, optionally, the request field. */
export function kinesisFail(
  code: KinesisErrorCode,
  message: string,
  path?: string,
): Result<never, KinesisError> {
  return fail(path === undefined ? { code, message } : { code, message, path });
}

/** The AWS-like message of a throttled write, naming account, stream and shard. */
export function writeThrottleMessage(accountId: string, streamName: string, shardId: string): string {
  return (
    `Rate exceeded for shard ${shardId} in stream ${streamName} under account ${accountId}. ` +
    'The shard accepts 1 MiB/s or 1,000 records/s, whichever comes first; spread partition keys or add shards.'
  );
}
