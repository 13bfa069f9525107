import { SimException } from '../core/index.ts';
import { millis } from '../core/index.ts';
import {
  createKinesisState,
  createStream,
  increaseStreamRetentionPeriod,
  kinesisLimits,
  type KinesisState,
} from '../kinesis/index.ts';
import { defineComponent, toJsonValue } from '../scenario/index.ts';
import type { SchemaIssue } from '../scenario/index.ts';
import { chooseLevel, FORCED_RECORD_LEVEL_MAX_RECORDS, type LevelChoice, type LevelState } from './level.ts';
import { rateLevelIssues, runRateLevel } from './rate-level.ts';
import { streamsReport } from './report.ts';
import { recordLevelFits, runWorkIssues } from './work.ts';
import {
  eraSchema,
  kinesisSchema,
  startTimeSchema,
  levelSchema,
  streamsSchema,
  type StreamingScenario,
  type StreamScenario,
} from './scenario-schema.ts';
import { needsStreaming, type Era } from './services.ts';

/** The streaming fields of the whole scenario, as a component sees it (the runner passes every field). */
export const streamingScenario = (scenario: unknown): StreamingScenario => scenario as StreamingScenario;

const noHandlers = (name: string) => ({ name, handlers: {} });

/** `era`: "2016" (the workshop, default) or "current": the limits and the price book of the run. */
export const eraComponent = defineComponent<'era', Era, Era, never>({
  field: 'era',
  schema: eraSchema,
  initialState: (era) => era,
  module: noHandlers('era'),
  start() {},
  report: (_state, era) => era,
});

/**
 * Where the virtual clock's zero sits on the calendar when a scenario does not say: a date inside the era
 * (a 2016 workshop afternoon, the start of 2026 for today), so Firehose's S3 keys read like that era's
 * rather than 1970's. Neither date is an AWS fact; `startTime` sets any other.
 */
export const DEFAULT_START_TIME: Readonly<Record<Era, string>> = {
  '2016': '2016-06-14T14:00:00Z',
  current: '2026-01-01T09:00:00Z',
};

/** The UTC time (ms since 1970) a scenario's clock zero stands for: its `startTime` or its era's default. */
export function clockStartsAtMs(scenario: unknown): number {
  const s = streamingScenario(scenario);
  return Date.parse(s.startTime ?? DEFAULT_START_TIME[s.era]);
}

/** A UTC time as the scenario writes it: ISO 8601 to the second, `Z` (a rolled-over date shows its real day). */
const utcSeconds = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `startTime`: the UTC time the clock's zero stands for, in ms since 1970 (see DEFAULT_START_TIME). */
export const startTimeComponent = defineComponent<'startTime', string | undefined, number, never>({
  field: 'startTime',
  schema: startTimeSchema,
  checkScenario(startTime) {
    if (startTime === undefined) return [];
    // The pattern allows 2016-02-31; the calendar does not.
    if (utcSeconds(Date.parse(startTime)) === startTime) return [];
    return [
      {
        path: '$.startTime',
        message: `"${startTime}" is not a date on the calendar; check the day of the month.`,
      },
    ];
  },
  initialState: (_startTime, scenario) => clockStartsAtMs(scenario),
  module: noHandlers('startTime'),
  start() {},
  report: (state) => utcSeconds(state.services.startTime),
});

/**
 * `level`: "auto" (default), "record" or "rate"; the report says which was used and why. At rate level the
 * whole run is simulated by sim/rate when the run starts (the producers then schedule no events), and the
 * streams, producers, actions and cost sections are written from its result.
 */
export const levelComponent = defineComponent<'level', LevelChoice['requested'], LevelState, never>({
  field: 'level',
  schema: levelSchema,
  checkScenario(requested, scenario) {
    const s = streamingScenario(scenario);
    const choice = chooseLevel(requested, s.producers ?? [], s.durationSeconds, recordLevelFits(s));
    if (choice.used === 'rate') {
      const issues = rateLevelIssues(s);
      return issues.length > 0 ? issues : runWorkIssues(s, 'rate');
    }
    if (choice.expectedRecords > FORCED_RECORD_LEVEL_MAX_RECORDS) {
      return [
        {
          path: '$.level',
          message: `"record" is not allowed for about ${choice.expectedRecords.toLocaleString('en-US')} records; the record level keeps every record and takes at most ${FORCED_RECORD_LEVEL_MAX_RECORDS.toLocaleString('en-US')}: use "auto" or "rate".`,
        },
      ];
    }
    return runWorkIssues(s, 'record');
  },
  initialState: (requested, scenario): LevelState => {
    const s = streamingScenario(scenario);
    return {
      ...chooseLevel(requested, s.producers ?? [], scenario.durationSeconds, recordLevelFits(s)),
      rate: null,
    };
  },
  module: noHandlers('level'),
  start(state, _requested, scenario) {
    const level = state.services.level;
    if (level.used === 'rate') level.rate = runRateLevel(streamingScenario(scenario));
  },
  report(state) {
    const { requested, used, reason, expectedRecords, rate } = state.services.level;
    return {
      requested,
      used,
      reason,
      expectedRecords,
      approximations: rate === null ? [] : [...rate.approximations],
      keyLandings: rate === null ? [] : rate.keyLandings.map((k) => ({ ...k })),
    };
  },
});

/** `kinesis`: account settings (shard limit, whether UpdateShardCount may run in the 2016 era). */
export const kinesisComponent = defineComponent<'kinesis', StreamingScenario['kinesis'], KinesisState, never>(
  {
    field: 'kinesis',
    schema: kinesisSchema,
    checkScenario(account, scenario) {
      const s = streamingScenario(scenario);
      const limit = account.shardLimit ?? kinesisLimits(s.era).defaultShardLimit;
      const shards = (s.streams ?? []).reduce((sum, stream) => sum + stream.shards, 0);
      if (shards <= limit) return [];
      return [
        {
          path: '$.streams',
          message: `the streams have ${shards} shards in all; the account may have ${limit} open shards${account.shardLimit === undefined ? ` (the ${s.era} default limit)` : ''}. Use fewer shards, or raise "kinesis": { "shardLimit": … } as AWS does on request.`,
        },
      ];
    },
    initialState: (account, scenario) =>
      createKinesisState({
        era: streamingScenario(scenario).era,
        allowUpdateShardCount: account.allowUpdateShardCount,
        ...(account.shardLimit !== undefined ? { shardLimit: account.shardLimit } : {}),
      }),
    module: noHandlers('kinesis'),
    start() {},
    report(state) {
      const kinesis = state.services.kinesis;
      return {
        era: kinesis.era,
        shardLimit: kinesis.shardLimit,
        allowUpdateShardCount: kinesis.allowUpdateShardCount,
      };
    },
  },
);

function checkStreams(streams: readonly StreamScenario[], era: Era): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Map<string, number>();
  const maxRetention = kinesisLimits(era).retentionMaxHours;
  streams.forEach((stream, index) => {
    const first = seen.get(stream.name);
    if (first !== undefined) {
      issues.push({
        path: `$.streams[${index}].name`,
        message: `"${stream.name}" is already the name of $.streams[${first}]; each stream needs its own name.`,
      });
    } else seen.set(stream.name, index);
    if (stream.retentionHours > maxRetention) {
      issues.push({
        path: `$.streams[${index}].retentionHours`,
        message: `${stream.retentionHours} is not allowed in the ${era} era; expected 24 to ${maxRetention} hours.`,
      });
    }
  });
  return issues;
}

/** `streams`: Kinesis streams, created at time 0 with their shards splitting the hash key space evenly. */
export const streamsComponent = needsStreaming('kinesis', 'level').defineComponent<
  'streams',
  StreamScenario[],
  readonly string[],
  never
>({
  field: 'streams',
  schema: streamsSchema,
  checkScenario: (streams, scenario) => checkStreams(streams, streamingScenario(scenario).era),
  initialState: (streams) => streams.map((s) => s.name),
  module: noHandlers('streams'),
  start(state, streams) {
    const kinesis = state.services.kinesis;
    for (const stream of streams) {
      const created = createStream(
        kinesis,
        { StreamName: stream.name, ShardCount: stream.shards },
        millis(0),
      );
      if (!created.ok) throw new SimException(created.error);
      if (stream.retentionHours > kinesis.streams[stream.name]!.RetentionPeriodHours) {
        const request = { StreamName: stream.name, RetentionPeriodHours: stream.retentionHours };
        const changed = increaseStreamRetentionPeriod(kinesis, request, millis(0));
        if (!changed.ok) throw new SimException(changed.error);
      }
    }
  },
  report: (state) => toJsonValue(streamsReport(state.services)),
});
