/**
 * Turns a running streaming session into the frame the console draws (`ConsoleView`): plain data, bounded
 * in size, built from the live simulation state without changing it.
 */
import type { SimEvent, SimState } from '../../../sim/core/index.ts';
import type { Scenario } from '../../../sim/scenario/index.ts';
import { recordTotalsByStream } from '../../../sim/streaming/index.ts';
import type { StreamingServices } from '../../../sim/streaming/index.ts';
import type { ActionLogEntry, ConsoleSpeed, ConsoleView, LevelView, MomentView } from './console-view.ts';
import { consumerViews } from './view-consumers.ts';
import { costView } from './view-cost.ts';
import { deliveryStreamViews, s3View } from './view-delivery.ts';
import { streamViews, type ProducerKeys, type ReshardLog } from './view-kinesis.ts';

/** Everything a frame is built from. */
export interface ConsoleViewInput {
  readonly name: string;
  readonly scenario: Scenario;
  readonly state: SimState<SimEvent, StreamingServices>;
  readonly clock: {
    readonly speed: ConsoleSpeed;
    readonly running: boolean;
    readonly durationMs: number;
    readonly pauseAtMoments: boolean;
    readonly moment: MomentView | null;
    readonly nextMomentMs: number | null;
  };
  /** Newest first. */
  readonly actions: readonly ActionLogEntry[];
  readonly reshards: ReshardLog;
}

/** Where the model simplifies AWS, said once under the panels. */
const MODEL_NOTES: readonly string[] = [
  'Resharding takes effect at once and the stream stays UPDATING for 30 s; AWS takes from seconds to minutes.',
  'Charts show complete one-second periods (CloudWatch high resolution); the period still filling is not drawn.',
  'Iterator age of a KCL shard nobody reads (its owner crashed, its lease waits to be taken, or it waits for its parents) is the age of its oldest record not processed yet, sampled every second: what MillisBehindLatest will report once a worker reads it again. AWS reports nothing while no GetRecords call is made.',
  'Shard limits are token buckets holding one second of quota: an idle or new shard takes up to one extra second of records at once (the first second can show up to 200 %), then exactly the sustained rate. AWS enforces the documented per-second limits but does not publish its burst allowance.',
];

const RATE_LEVEL_NOTE =
  'Rate level: shards carry per-second flows instead of individual records, so no records are kept to read.';

function levelOf(services: StreamingServices): LevelView {
  const { requested, used, reason } = services.level;
  return { requested, used, reason };
}

/** The frame for the current state of a run. */
export function buildConsoleView(input: ConsoleViewInput): ConsoleView {
  const { state, scenario } = input;
  const services = state.services;
  const now = state.now;
  const producers: ProducerKeys[] = (services.producers?.producers ?? [])
    .filter((p) => p.target.kind === 'stream')
    .map((p) => ({ name: p.name, stream: p.target.name, partitionKeys: p.partitionKeys }));
  const level = levelOf(services);
  return {
    scenarioName: input.name,
    era: services.era,
    level,
    clock: {
      nowMs: now,
      durationMs: input.clock.durationMs,
      speed: input.clock.speed,
      running: input.clock.running,
      finished: now >= input.clock.durationMs,
      seed: scenario.seed,
      eventsProcessed: state.eventsProcessed,
      pauseAtMoments: input.clock.pauseAtMoments,
      moment: input.clock.moment,
      nextMomentMs: input.clock.nextMomentMs,
    },
    streams: services.kinesis
      ? streamViews(
          services.kinesis,
          state.metrics,
          now,
          producers,
          input.reshards,
          services.producers === undefined ? new Map() : recordTotalsByStream(services),
        )
      : [],
    consumers: consumerViews(services.consumers, state.metrics, now),
    firehose: deliveryStreamViews(services.firehose, now),
    s3: s3View(services.s3),
    cost: costView(services, now),
    actions: input.actions,
    notes: level.used === 'rate' ? [...MODEL_NOTES, RATE_LEVEL_NOTE] : MODEL_NOTES,
  };
}
