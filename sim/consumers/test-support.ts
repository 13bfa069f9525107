import { consumersComponent } from '../run/index.ts';
import { startScenario } from '../scenario/index.ts';
import { createSimulation, schedule, type SimEvent, type SimState } from '../core/index.ts';
import type { ConsumerStateBase } from './consumer-kind.ts';
import type { ConsumersServices, ConsumersSimContext } from './runtime.ts';
import { millis } from '../core/index.ts';
import { createKinesisState, createStream, putRecords, type KinesisState } from '../kinesis/index.ts';
import { encodeAggregatedRecord } from '../kpl/index.ts';
import { defineComponent, needing, type AnyScenarioComponent } from '../scenario/index.ts';
import { array, integer, object, optional, string, type Infer } from '../scenario/index.ts';
import { validateScenario, type Scenario } from '../scenario/index.ts';

/**
 * Test components for consumer tests, standing in for the streams and producers components of
 * sim/streaming: `streams` declares streams, `kinesis` holds the Kinesis data plane with those streams
 * created at time 0, and `testLoad` writes records at a constant rate through PutRecords (optionally packed
 * into real KPL aggregates). Used only by tests.
 */

const streamSchema = object({ name: string({ minLength: 1 }), shards: integer({ min: 1, max: 100 }) });

type TestStream = Infer<typeof streamSchema>;

const streamsComponent = defineComponent<'streams', TestStream[], readonly TestStream[], never>({
  field: 'streams',
  schema: optional(array(streamSchema), []),
  initialState: (streams) => streams,
  module: { name: 'test-streams', handlers: {} },
  start: () => undefined,
  report: () => null,
});

const kinesisComponent = needing<{ readonly streams: readonly TestStream[] }>()('streams').defineComponent<
  'kinesis',
  object,
  KinesisState,
  never
>({
  field: 'kinesis',
  schema: optional(object({}), {}),
  initialState: () => createKinesisState(),
  module: { name: 'test-kinesis', handlers: {} },
  start(sim) {
    for (const s of sim.services.streams) {
      createStream(sim.services.kinesis, { StreamName: s.name, ShardCount: s.shards }, millis(0));
    }
  },
  report: () => null,
});

const loadSchema = object({
  stream: string({ minLength: 1 }),
  recordsPerSecond: integer({ min: 10, max: 100_000 }),
  recordBytes: integer({ min: 1, max: 1_000_000 }),
  /** Distinct partition keys, used in turn: key-0, key-1, … */
  keys: optional(integer({ min: 1 }), 1000),
  keyPrefix: optional(string({ minLength: 1 }), 'key-'),
  /** User records per KPL aggregate (1 = no aggregation). */
  aggregate: optional(integer({ min: 1, max: 1000 }), 1),
});

/** Counters of the test load. */
export interface TestLoadState {
  readonly loads: Infer<typeof loadSchema>[];
  readonly userRecordsSent: number[];
  readonly kinesisRecordsAccepted: number[];
  readonly kinesisRecordsThrottled: number[];
}

interface LoadTick {
  readonly type: 'testLoad.tick';
  readonly load: number;
}

const TICK_MILLIS = 100;

const payloads = new Map<number, Uint8Array>();
/** One shared payload per size: consumers only read the bytes, and allocating one per record is slow. */
function payload(size: number): Uint8Array {
  let data = payloads.get(size);
  if (data === undefined) payloads.set(size, (data = new Uint8Array(size).fill(42)));
  return data;
}

const loadComponent = needing<Pick<ConsumersServices, 'kinesis'>>()('kinesis').defineComponent<
  'testLoad',
  Infer<typeof loadSchema>[],
  TestLoadState,
  LoadTick
>({
  field: 'testLoad',
  schema: optional(array(loadSchema), []),
  initialState: (loads) => ({
    loads,
    userRecordsSent: loads.map(() => 0),
    kinesisRecordsAccepted: loads.map(() => 0),
    kinesisRecordsThrottled: loads.map(() => 0),
  }),
  module: {
    name: 'test-load',
    handlers: {
      'testLoad.tick'(sim, event) {
        const state = sim.services.testLoad;
        const kinesis = sim.services.kinesis;
        const load = state.loads[event.load]!;
        const perTick = Math.round((load.recordsPerSecond * TICK_MILLIS) / 1000);
        const entries = [];
        for (let i = 0; i < perTick; i += load.aggregate) {
          const users = [];
          for (let j = 0; j < load.aggregate && i + j < perTick; j++) {
            const n = state.userRecordsSent[event.load]!++;
            users.push({
              PartitionKey: `${load.keyPrefix}${n % load.keys}`,
              Data: payload(load.recordBytes),
            });
          }
          entries.push(
            load.aggregate === 1
              ? users[0]!
              : { PartitionKey: users[0]!.PartitionKey, Data: encodeAggregatedRecord(users) },
          );
        }
        for (let start = 0; start < entries.length; start += 500) {
          const put = putRecords(
            kinesis,
            { StreamName: load.stream, Records: entries.slice(start, start + 500) },
            sim.now,
            sim.metrics,
          );
          if (!put.ok) throw new Error(put.error.message);
          state.kinesisRecordsThrottled[event.load]! += put.value.FailedRecordCount;
          state.kinesisRecordsAccepted[event.load]! += put.value.Records.length - put.value.FailedRecordCount;
        }
        schedule(sim, millis(sim.now + TICK_MILLIS), event);
      },
    },
  },
  start(sim, loads) {
    loads.forEach((_, load) => schedule(sim, millis(TICK_MILLIS), { type: 'testLoad.tick', load }));
  },
  report: () => null,
});

/** The test stand-ins for the streams component, in the order they must start. */
export const testStreamComponents: readonly AnyScenarioComponent[] = [
  streamsComponent,
  kinesisComponent,
  loadComponent,
];

/** Validates a scenario against `components`, throwing the errors (tests only). */
export function testScenario(value: unknown, components: readonly AnyScenarioComponent[]): Scenario {
  const validated = validateScenario(value, components);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return validated.value;
}

/** A steppable test run of streams, test load and consumers. */
export interface TestRun {
  readonly state: SimState<SimEvent, Record<string, unknown>>;
  /** The same state as consumer actions (crashWorker…) take it. */
  readonly sim: ConsumersSimContext;
  readonly kinesis: KinesisState;
  readonly load: TestLoadState;
  advanceTo(ms: number): void;
  /** The state of consumer `name`. */
  consumer<T extends ConsumerStateBase>(name: string): T;
}

/** True when the run holds the consumers, the Kinesis data plane and the test load. */
function hasTestServices<State extends { readonly services: object }>(
  state: State,
): state is State & { readonly services: ConsumersServices & { readonly testLoad: TestLoadState } } {
  return ['consumers', 'kinesis', 'testLoad'].every((field) => field in state.services);
}

/** Starts a scenario with the test stream components and the consumers component (tests only). */
export function startTestRun(value: unknown): TestRun {
  const components = [...testStreamComponents, consumersComponent];
  const state = startScenario(testScenario(value, components), components);
  const simulation = createSimulation(components.map((c) => c.module));
  if (!hasTestServices(state)) throw new Error('the test components did not start');
  const services = state.services;
  return {
    state,
    sim: state,
    kinesis: services.kinesis,
    load: services.testLoad,
    advanceTo: (ms) => void simulation.run(state, millis(ms)),
    consumer: <T extends ConsumerStateBase>(name: string) =>
      services.consumers.consumers.find((c) => c.config.name === name)!.state as T,
  };
}
