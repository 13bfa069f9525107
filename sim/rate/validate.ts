import { fail, ok, type Result, type SimError } from '../core/index.ts';
import { kinesisLimits } from '../kinesis/index.ts';
import type { RateKeyDistribution, RateLevelInput, RateProducerInput, RateStreamInput } from './types.ts';

/**
 * Checks a rate-level input before anything runs: every problem names its field (`producers[0].recordBytes`)
 * and says what is allowed. The shard count and stream name are checked by CreateStream itself (see
 * topology.ts), and resharding actions by the reshard APIs, so those messages are the record level's.
 */

const CODE = 'InvalidRateLevelInput';

function problem(path: string, message: string): Result<never, SimError> {
  return fail({ code: CODE, message, path });
}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function wholeAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function checkKeys(keys: RateKeyDistribution, path: string, maxKeyLength: number): Result<void> {
  switch (keys?.kind) {
    case 'uniform':
      if (!wholeAtLeast(keys.keyBytes, 1) || keys.keyBytes > 4 * maxKeyLength) {
        return problem(
          `${path}.keyBytes`,
          `keyBytes must be a whole number of bytes from 1 to ${4 * maxKeyLength} (a partition key has 1–${maxKeyLength} characters); got ${String(keys.keyBytes)}.`,
        );
      }
      return ok(undefined);
    case 'fixed':
      return checkKey(keys.partitionKey, `${path}.partitionKey`, maxKeyLength);
    case 'weighted': {
      if (!Array.isArray(keys.keys) || keys.keys.length === 0) {
        return problem(`${path}.keys`, 'keys must list at least one { partitionKey, weight }.');
      }
      let total = 0;
      for (let i = 0; i < keys.keys.length; i++) {
        const entry = keys.keys[i]!;
        const checked = checkKey(entry.partitionKey, `${path}.keys[${i}].partitionKey`, maxKeyLength);
        if (!checked.ok) return checked;
        if (typeof entry.weight !== 'number' || !Number.isFinite(entry.weight) || entry.weight < 0) {
          return problem(
            `${path}.keys[${i}].weight`,
            `weight must be a number ≥ 0; got ${String(entry.weight)}.`,
          );
        }
        total += entry.weight;
      }
      return total > 0 ? ok(undefined) : problem(`${path}.keys`, 'At least one key needs a weight above 0.');
    }
    case 'zipf':
      if (!wholeAtLeast(keys.keys, 1)) {
        return problem(
          `${path}.keys`,
          `keys must be a whole number ≥ 1 (how many entities); got ${String(keys.keys)}.`,
        );
      }
      if (typeof keys.exponent !== 'number' || !Number.isFinite(keys.exponent) || keys.exponent < 0) {
        return problem(
          `${path}.exponent`,
          `exponent must be a number ≥ 0 (0 = all keys equally likely, 1 = classic Zipf); got ${String(keys.exponent)}.`,
        );
      }
      if (keys.exactKeys !== undefined && !wholeAtLeast(keys.exactKeys, 1)) {
        return problem(
          `${path}.exactKeys`,
          `exactKeys must be a whole number ≥ 1; got ${String(keys.exactKeys)}.`,
        );
      }
      return ok(undefined);
    default:
      return problem(`${path}.kind`, 'kind must be "uniform", "fixed", "zipf" or "weighted".');
  }
}

function checkKey(key: unknown, path: string, maxKeyLength: number): Result<void> {
  if (typeof key !== 'string' || key.length < 1 || key.length > maxKeyLength) {
    const got = typeof key === 'string' ? `${key.length} characters` : 'no key';
    return problem(path, `A partition key has 1–${maxKeyLength} characters (got ${got}).`);
  }
  return ok(undefined);
}

function checkStream(stream: RateStreamInput, path: string, maxRetention: number): Result<void> {
  if (stream.retentionHours !== undefined) {
    const hours = stream.retentionHours;
    if (!wholeAtLeast(hours, 24) || hours > maxRetention) {
      return problem(
        `${path}.retentionHours`,
        `retentionHours must be a whole number from 24 to ${maxRetention} in this era; got ${String(hours)}.`,
      );
    }
  }
  const names = new Set<string>();
  for (let i = 0; i < (stream.consumers ?? []).length; i++) {
    const consumer = stream.consumers![i]!;
    const at = `${path}.consumers[${i}]`;
    if (typeof consumer.name !== 'string' || consumer.name === '' || names.has(consumer.name)) {
      return problem(`${at}.name`, 'Each consumer needs a name, unique within its stream.');
    }
    names.add(consumer.name);
    if (consumer.pollsPerSecond !== undefined && !positive(consumer.pollsPerSecond)) {
      return problem(
        `${at}.pollsPerSecond`,
        `pollsPerSecond must be above 0; got ${String(consumer.pollsPerSecond)}.`,
      );
    }
    const limit = consumer.maxRecordsPerCall;
    if (limit !== undefined && (!wholeAtLeast(limit, 1) || limit > 10_000)) {
      return problem(
        `${at}.maxRecordsPerCall`,
        `maxRecordsPerCall (GetRecords Limit) must be a whole number from 1 to 10,000; got ${String(limit)}.`,
      );
    }
    if (consumer.maxRecordsPerSecond !== undefined && !positive(consumer.maxRecordsPerSecond)) {
      return problem(
        `${at}.maxRecordsPerSecond`,
        `maxRecordsPerSecond must be above 0; got ${String(consumer.maxRecordsPerSecond)}.`,
      );
    }
  }
  return ok(undefined);
}

function checkProducer(
  producer: RateProducerInput,
  path: string,
  streams: ReadonlySet<string>,
  maxKeyLength: number,
  maxRecordBytes: number,
): Result<void> {
  if (!streams.has(producer.stream)) {
    return problem(
      `${path}.stream`,
      `Stream ${JSON.stringify(producer.stream)} is not one of the streams (${[...streams].join(', ')}).`,
    );
  }
  if (typeof producer.ratePerSecond !== 'function') {
    return problem(`${path}.ratePerSecond`, 'ratePerSecond must be a function of simulated seconds.');
  }
  if (
    typeof producer.recordBytes !== 'number' ||
    !Number.isFinite(producer.recordBytes) ||
    producer.recordBytes < 0
  ) {
    return problem(
      `${path}.recordBytes`,
      `recordBytes must be a number of bytes ≥ 0; got ${String(producer.recordBytes)}.`,
    );
  }
  const keys = checkKeys(producer.keys, `${path}.keys`, maxKeyLength);
  if (!keys.ok) return keys;
  if (producer.recordBytes + 1 > maxRecordBytes) {
    return fail({
      code: 'ValidationException',
      message: `A record of ${producer.recordBytes.toLocaleString('en-US')} bytes plus its partition key exceeds the ${maxRecordBytes.toLocaleString('en-US')}-byte record limit. Split the payload or store it in S3 and send a pointer.`,
      path: `${path}.recordBytes`,
    });
  }
  if (producer.maxAttempts !== undefined && !wholeAtLeast(producer.maxAttempts, 1)) {
    return problem(
      `${path}.maxAttempts`,
      `maxAttempts must be a whole number ≥ 1 (1 = no retries); got ${String(producer.maxAttempts)}.`,
    );
  }
  const aggregation = producer.aggregation;
  if (aggregation !== undefined) {
    const factor = aggregation.userRecordsPerKinesisRecord;
    if (factor !== undefined && !(positive(factor) && factor >= 1)) {
      return problem(
        `${path}.aggregation.userRecordsPerKinesisRecord`,
        `userRecordsPerKinesisRecord must be ≥ 1; got ${String(factor)}.`,
      );
    }
    if (aggregation.recordMaxBufferedTimeMs !== undefined && !positive(aggregation.recordMaxBufferedTimeMs)) {
      return problem(
        `${path}.aggregation.recordMaxBufferedTimeMs`,
        'recordMaxBufferedTimeMs must be above 0 ms.',
      );
    }
    const size = aggregation.maxAggregateBytes;
    if (size !== undefined && (!wholeAtLeast(size, 64) || size > maxRecordBytes)) {
      return problem(
        `${path}.aggregation.maxAggregateBytes`,
        `maxAggregateBytes must be a whole number from 64 to ${maxRecordBytes.toLocaleString('en-US')}; got ${String(size)}.`,
      );
    }
  }
  return ok(undefined);
}

/** Checks a rate-level input; the first problem found is returned with its path. */
export function validateRateLevelInput(input: RateLevelInput): Result<void> {
  const limits = kinesisLimits(input.era ?? '2016');
  if (!positive(input.durationSeconds)) {
    return problem(
      'durationSeconds',
      `durationSeconds must be above 0; got ${String(input.durationSeconds)}.`,
    );
  }
  const dt = input.resolutionSeconds ?? 1;
  if (!wholeAtLeast(dt, 1)) {
    return problem(
      'resolutionSeconds',
      `resolutionSeconds must be a whole number of seconds ≥ 1; got ${String(dt)}.`,
    );
  }
  const period = input.seriesPeriodSeconds;
  if (period !== undefined && (!wholeAtLeast(period, dt) || period % dt !== 0)) {
    return problem(
      'seriesPeriodSeconds',
      `seriesPeriodSeconds must be a whole multiple of resolutionSeconds (${dt}); got ${String(period)}.`,
    );
  }
  if (!Array.isArray(input.streams) || input.streams.length === 0) {
    return problem('streams', 'Give at least one stream.');
  }
  const names = new Set<string>();
  for (let i = 0; i < input.streams.length; i++) {
    const stream = input.streams[i]!;
    if (names.has(stream.name))
      return problem(`streams[${i}].name`, `Stream name ${JSON.stringify(stream.name)} is used twice.`);
    names.add(stream.name);
    const checked = checkStream(stream, `streams[${i}]`, limits.retentionMaxHours);
    if (!checked.ok) return checked;
  }
  if (!Array.isArray(input.producers)) return problem('producers', 'producers must be a list.');
  for (let i = 0; i < input.producers.length; i++) {
    const checked = checkProducer(
      input.producers[i]!,
      `producers[${i}]`,
      names,
      limits.partitionKeyMaxLength,
      limits.maxRecordBytes,
    );
    if (!checked.ok) return checked;
  }
  for (let i = 0; i < (input.actions ?? []).length; i++) {
    const action = input.actions![i]!;
    if (typeof action.atSeconds !== 'number' || !(action.atSeconds >= 0)) {
      return problem(
        `actions[${i}].atSeconds`,
        `atSeconds must be a time ≥ 0; got ${String(action.atSeconds)}.`,
      );
    }
    if (!names.has(action.stream)) {
      return problem(
        `actions[${i}].stream`,
        `Stream ${JSON.stringify(action.stream)} is not one of the streams.`,
      );
    }
  }
  return ok(undefined);
}
