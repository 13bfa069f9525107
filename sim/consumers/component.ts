import { bytes, millis, type Millis } from '../core/index.ts';
import { needing, type AnyScenarioComponent, type CoreScenario } from '../scenario/index.ts';
import {
  array,
  childPath,
  describeValue,
  didYouMean,
  optional,
  type Schema,
  type SchemaIssue,
} from '../scenario/index.ts';
import type {
  AnyConsumerKind,
  ConsumerConfigBase,
  ConsumerReport,
  ConsumerStateBase,
  ConsumerView,
} from './consumer-kind.ts';
import {
  consumerContext,
  kindFor,
  type ConsumerEntry,
  type ConsumersServices,
  type ConsumersState,
  type ConsumerTimerEvent,
} from './runtime.ts';

/** Most consumers a scenario may have (AWS has no such limit; this keeps a run small). */
export const MAX_CONSUMERS = 20;

/** Consumer types the scenario format defines, whether or not this build has them yet. */
const PLANNED_TYPES: Readonly<Record<string, string>> = {
  kcl: 'KCL application',
  lambda: 'Lambda function with a Kinesis event source',
  spark: 'Spark Streaming application',
};

/** One `consumers[]` entry: an object whose `type` picks the kind that validates the rest. */
function consumerSchema(kinds: readonly AnyConsumerKind[]): Schema<ConsumerConfigBase> {
  const types = kinds.map((k) => k.type);
  const listed = types.map((t) => `"${t}"`).join(', ');
  const expected = `an object with a "type" of ${listed} and that type's fields`;
  return {
    expected,
    optional: false,
    check(value, path, issues) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${expected}.` });
        return undefined;
      }
      const type = (value as Record<string, unknown>)['type'];
      const typePath = childPath(path, 'type');
      if (type === undefined) {
        issues.push({ path: typePath, message: `missing; expected one of ${listed}.` });
        return undefined;
      }
      const kind = typeof type === 'string' ? kindFor(kinds, type) : undefined;
      if (kind === undefined) {
        const planned = typeof type === 'string' ? PLANNED_TYPES[type] : undefined;
        const why =
          planned !== undefined
            ? `${describeValue(type)} (${planned}) is not available in this version of bdlab`
            : `${describeValue(type)} is not a consumer type`;
        const hint = typeof type === 'string' && planned === undefined ? didYouMean(type, types) : '';
        issues.push({ path: typePath, message: `${why}; the available types are ${listed}.${hint}` });
        return undefined;
      }
      return kind.schema.check(value, path, issues);
    },
  };
}

/** Stream names a scenario declares in `streams[]`, or undefined when it has no such list. */
function declaredStreams(scenario: CoreScenario): string[] | undefined {
  const streams: unknown = 'streams' in scenario ? scenario.streams : undefined;
  if (!Array.isArray(streams)) return undefined;
  return streams
    .map((s: unknown) =>
      s !== null && typeof s === 'object' ? (s as Record<string, unknown>)['name'] : undefined,
    )
    .filter((n): n is string => typeof n === 'string');
}

function checkConsumers(
  kinds: readonly AnyConsumerKind[],
  configs: readonly ConsumerConfigBase[],
  scenario: CoreScenario,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const streams = declaredStreams(scenario) ?? [];
  const seen = new Map<string, number>();
  configs.forEach((config, index) => {
    const path = `$.consumers[${index}]`;
    const first = seen.get(config.name);
    if (first !== undefined) {
      issues.push({
        path: `${path}.name`,
        message: `"${config.name}" is already the name of $.consumers[${first}]; each consumer needs its own name.`,
      });
    } else seen.set(config.name, index);
    if (!streams.includes(config.stream)) {
      issues.push({
        path: `${path}.stream`,
        message:
          streams.length === 0
            ? `"${config.stream}" is not a stream of this scenario: it has none. Add it to $.streams first.`
            : `"${config.stream}" is not a stream of this scenario; its streams are ${streams.map((s) => `"${s}"`).join(', ')}.${didYouMean(config.stream, streams)}`,
      });
    }
    issues.push(...(kindFor(kinds, config.type)?.checkScenario?.(config, scenario, path) ?? []));
  });
  return issues;
}

/** The report of one consumer: the common read and lag figures plus its kind's details. */
export function consumerReport(kind: AnyConsumerKind, entry: ConsumerEntry, now: Millis): ConsumerReport {
  const { config, state } = entry;
  const shards = Object.entries(state.reads.shards)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([shardId, stats]) => ({ shardId, ...stats }));
  const sum = (pick: (s: (typeof shards)[number]) => number) => shards.reduce((t, s) => t + pick(s), 0);
  const max = (pick: (s: (typeof shards)[number]) => number) =>
    shards.reduce((t, s) => Math.max(t, pick(s)), 0);
  return {
    name: config.name,
    type: config.type,
    stream: config.stream,
    recordsProcessed: sum((s) => s.recordsProcessed),
    kinesisRecordsRead: sum((s) => s.kinesisRecordsRead),
    bytesRead: bytes(sum((s) => s.bytesRead)),
    getRecordsCalls: sum((s) => s.getRecordsCalls),
    readThrottles: sum((s) => s.readThrottles),
    millisBehindLatest: millis(max((s) => s.millisBehindLatest)),
    maxMillisBehindLatest: millis(max((s) => s.maxMillisBehindLatest)),
    shards,
    details: kind.details(state, config, now),
  };
}

/** The UI's plain-data view of one consumer. */
export function consumerView(kind: AnyConsumerKind, entry: ConsumerEntry, now: Millis): ConsumerView {
  const report = consumerReport(kind, entry, now);
  return {
    name: report.name,
    type: report.type,
    stream: report.stream,
    recordsProcessed: report.recordsProcessed,
    readThrottles: report.readThrottles,
    millisBehindLatest: report.millisBehindLatest,
    shards: report.shards.map((s) => ({
      shardId: s.shardId,
      millisBehindLatest: s.millisBehindLatest,
      iteratorAgeMilliseconds: s.iteratorAgeMilliseconds,
      recordsProcessed: s.recordsProcessed,
      readThrottles: s.readThrottles,
    })),
    detail: kind.view(entry.state, entry.config, now),
  };
}

/** The kind of a running consumer (its type was validated against the same registry). */
function kindOf(kinds: readonly AnyConsumerKind[], entry: ConsumerEntry): AnyConsumerKind {
  return kindFor(kinds, entry.config.type)!;
}

/**
 * The `consumers` scenario component for the given consumer kinds: validates the list (JSON paths, unknown
 * types and streams with "did you mean"), starts each consumer after the streams exist, dispatches their
 * timers and reports each one's lag. It reads `services.kinesis`, so it must come after the streams
 * component in the component list.
 */
export function createConsumersComponent(kinds: readonly AnyConsumerKind[]): AnyScenarioComponent {
  return needing<Pick<ConsumersServices, 'kinesis'>>()('kinesis').defineComponent<
    'consumers',
    ConsumerConfigBase[],
    ConsumersState,
    ConsumerTimerEvent
  >({
    field: 'consumers',
    schema: optional(array(consumerSchema(kinds), { maxItems: MAX_CONSUMERS }), []),
    checkScenario: (configs, scenario) => checkConsumers(kinds, configs, scenario),
    initialState: (configs, scenario): ConsumersState => ({
      consumers: configs.map((config) => ({
        config,
        state: kindFor(kinds, config.type)!.initialState(config, scenario) as ConsumerStateBase,
      })),
    }),
    module: {
      name: 'consumers',
      handlers: {
        'consumer.timer'(sim, event) {
          const entry = sim.services.consumers.consumers.find((c) => c.config.name === event.consumer);
          if (entry === undefined) return;
          kindOf(kinds, entry).onTimer(consumerContext(sim, entry), event.timer);
        },
      },
    },
    start(sim) {
      for (const entry of sim.services.consumers.consumers) {
        kindOf(kinds, entry).start(consumerContext(sim, entry));
      }
    },
    report: (sim) =>
      sim.services.consumers.consumers.map((entry) =>
        consumerReport(kindOf(kinds, entry), entry, millis(sim.now)),
      ),
  });
}
