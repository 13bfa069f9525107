import {
  bytes,
  hours,
  seconds,
  secondsToMillis,
  type Bytes,
  type Hours,
  type Millis,
} from '../core/index.ts';
import {
  simulateRateLevel,
  validateRateLevelInput,
  type RateKeyDistribution,
  type RateLevelInput,
  type RateLevelResult,
  type RateReshardAction,
} from '../rate/index.ts';
import type { SchemaIssue } from '../scenario/index.ts';
import { zipfKey, zipfWeights, type KeySalt, type PartitionKeyStrategy } from './keys.ts';
import { meanRecordBytes, rateAt } from './load-shape.ts';
import { producerName } from './producer-state.ts';
import type { StreamingScenario } from './scenario-schema.ts';

/**
 * The rate level (sim/rate) behind a scenario: how a scenario maps to `simulateRateLevel`'s input, what
 * the rate level cannot run, and the plain-data summary of its result the report is written from.
 */

/** Random keys are 16 hex characters (see keys.ts): 16 UTF-8 bytes each. */
const RANDOM_KEY_BYTES = 16;

/** Most keys a salted strategy may have at rate level: each is listed with its weight. */
export const RATE_LEVEL_MAX_SALTED_KEYS = 65_536;

/** A salted strategy's keys with their shares of the records, the salted key split evenly over its suffixes. */
function saltedKeys(strategy: PartitionKeyStrategy, salt: KeySalt): RateKeyDistribution {
  const weights: { partitionKey: string; weight: number }[] = [];
  const add = (key: string, weight: number) => {
    if (key !== salt.key) weights.push({ partitionKey: key, weight });
    else {
      for (let i = 0; i < salt.suffixes; i++) {
        weights.push({ partitionKey: `${key}#${i}`, weight: weight / salt.suffixes });
      }
    }
  };
  if (strategy.strategy === 'fixed') add(strategy.key, 1);
  else if (strategy.strategy === 'zipf') {
    zipfWeights(strategy.keys, strategy.exponent).forEach((w, i) => add(zipfKey(i + 1), w));
  } else if (strategy.strategy === 'sequential') {
    for (let i = 0; i < strategy.keys; i++) add(zipfKey(i + 1), 1 / strategy.keys);
  }
  return { kind: 'weighted', keys: weights };
}

function keysOf(strategy: PartitionKeyStrategy): RateKeyDistribution {
  if (strategy.strategy !== 'random' && strategy.salt !== undefined)
    return saltedKeys(strategy, strategy.salt);
  switch (strategy.strategy) {
    case 'random':
      return { kind: 'uniform', keyBytes: RANDOM_KEY_BYTES };
    case 'fixed':
      return { kind: 'fixed', partitionKey: strategy.key };
    case 'zipf':
      return { kind: 'zipf', keys: strategy.keys, exponent: strategy.exponent };
    case 'sequential':
      // entity-1…N in turn is each entity equally often: a Zipf law with exponent 0 over the same keys.
      return { kind: 'zipf', keys: strategy.keys, exponent: 0 };
  }
}

/** The rate level's input for a scenario (call `rateLevelIssues` first). */
export function rateLevelInput(scenario: StreamingScenario): RateLevelInput {
  const actions: RateReshardAction[] = [];
  for (const a of scenario.actions) {
    if (a.action === 'splitShard' || a.action === 'mergeShards' || a.action === 'updateShardCount') {
      actions.push(a as RateReshardAction);
    }
  }
  return {
    era: scenario.era,
    durationSeconds: scenario.durationSeconds,
    resolutionSeconds: 1,
    allowUpdateShardCount: scenario.kinesis.allowUpdateShardCount,
    ...(scenario.kinesis.shardLimit !== undefined ? { shardLimit: scenario.kinesis.shardLimit } : {}),
    streams: scenario.streams.map((s) => ({
      name: s.name,
      shards: s.shards,
      retentionHours: s.retentionHours,
    })),
    producers: scenario.producers.map((p, i) => ({
      name: producerName(p, i),
      stream: p.stream ?? '',
      ratePerSecond: (t: number) => rateAt(p.recordsPerSecond, p.rate, t),
      recordBytes: meanRecordBytes(p.recordBytes),
      keys: keysOf(p.partitionKeys),
      ...(p.kpl?.aggregation
        ? { aggregation: { recordMaxBufferedTimeMs: p.kpl.recordMaxBufferedTimeMs } }
        : {}),
      ...(p.retries ? { maxAttempts: p.retries.maxAttempts } : {}),
    })),
    actions,
  };
}

const RECORD_LEVEL_ONLY =
  'is simulated at record level only; lower the rates or the duration (or set "level": "record")';

/** What a scenario asks for that the rate level does not model, and the rate level's own input checks. */
export function rateLevelIssues(scenario: StreamingScenario): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  scenario.producers.forEach((p, i) => {
    if (p.deliveryStream !== undefined) {
      issues.push({ path: `$.producers[${i}].deliveryStream`, message: `Firehose ${RECORD_LEVEL_ONLY}.` });
    }
    const keys = p.partitionKeys;
    if (keys.strategy !== 'random' && keys.strategy !== 'fixed' && keys.salt !== undefined) {
      if (keys.keys > RATE_LEVEL_MAX_SALTED_KEYS) {
        issues.push({
          path: `$.producers[${i}].partitionKeys.salt`,
          message: `salting one of more than ${RATE_LEVEL_MAX_SALTED_KEYS.toLocaleString('en-US')} keys ${RECORD_LEVEL_ONLY}.`,
        });
      }
    }
  });
  const consumers = (scenario as { consumers?: unknown[] }).consumers ?? [];
  if (consumers.length > 0) {
    issues.push({ path: '$.consumers', message: `a consumer application ${RECORD_LEVEL_ONLY}.` });
  }
  scenario.actions.forEach((a, i) => {
    if (
      a.action === 'setProducerKeys' ||
      a.action === 'crashWorker' ||
      a.action === 'addWorker' ||
      a.action === 'pauseConsumer' ||
      a.action === 'resumeConsumer'
    ) {
      issues.push({ path: `$.actions[${i}].action`, message: `"${a.action}" ${RECORD_LEVEL_ONLY}.` });
    }
  });
  if (issues.length > 0) return issues;
  const checked = validateRateLevelInput(rateLevelInput(scenario));
  if (!checked.ok)
    issues.push({ path: `$.${checked.error.path ?? ''}`.replace(/\.$/, ''), message: checked.error.message });
  return issues;
}

/** A rate-level shard as the report needs it (the series stay out: they are typed arrays, not report data). */
export interface RateShardSummary {
  readonly shardId: string;
  readonly parentShardId: string | null;
  readonly adjacentParentShardId: string | null;
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly openedAtMs: Millis;
  readonly closedAtMs: Millis | null;
  readonly incomingRecords: number;
  readonly incomingBytes: Bytes;
  /** Put attempts refused for throughput (WriteProvisionedThroughputExceeded): retries count again. */
  readonly attemptsThrottled: number;
  readonly putPayloadUnits: number;
  readonly getRecordsCalls: number;
  readonly shardHours: number;
}

/** The rate level's result as plain data, kept in the simulation state so it is saved and digested with it. */
export interface RateRunSummary {
  readonly totals: RateLevelResult['totals'];
  readonly streams: readonly {
    readonly name: string;
    readonly retentionHours: Hours;
    readonly totals: RateLevelResult['totals'];
    readonly shards: readonly RateShardSummary[];
  }[];
  readonly keyLandings: RateLevelResult['keyLandings'];
  readonly actions: RateLevelResult['actions'];
  readonly approximations: readonly string[];
}

/** Runs the rate level for a scenario and keeps what the report needs. */
export function runRateLevel(scenario: StreamingScenario): RateRunSummary {
  const result = simulateRateLevel(rateLevelInput(scenario));
  return {
    totals: { ...result.totals },
    streams: result.streams.map((stream) => ({
      name: stream.name,
      retentionHours: scenario.streams.find((s) => s.name === stream.name)?.retentionHours ?? hours(24),
      totals: { ...stream.totals },
      shards: stream.shards.map((s) => ({
        shardId: s.shardId,
        parentShardId: s.parentShardId ?? null,
        adjacentParentShardId: s.adjacentParentShardId ?? null,
        startingHashKey: s.startingHashKey,
        endingHashKey: s.endingHashKey,
        openedAtMs: secondsToMillis(seconds(s.openedAtSeconds)),
        closedAtMs: s.closedAtSeconds === undefined ? null : secondsToMillis(seconds(s.closedAtSeconds)),
        incomingRecords: s.incomingRecords,
        incomingBytes: bytes(s.incomingBytes),
        attemptsThrottled: s.attemptsThrottled,
        putPayloadUnits: s.putPayloadUnits,
        getRecordsCalls: s.getRecordsCalls,
        shardHours: s.shardHours,
      })),
    })),
    keyLandings: result.keyLandings.map((k) => ({ ...k })),
    actions: result.actions.map((a) => ({ ...a })),
    approximations: [...result.approximations],
  };
}
