import type { SimContext, SimEvent } from '../core/simulation.ts';
import type { FirehoseState } from '../firehose/index.ts';
import type { KinesisState } from '../kinesis/index.ts';
import type { S3State } from '../s3/index.ts';
import type { ActionsState } from './actions.ts';
import type { LevelState } from './level.ts';
import type { ProducersState } from './producer-state.ts';

/** Which limits and price book a run uses. */
export type Era = '2016' | 'current';

/**
 * The services of a streaming run, under the scenario field each component reads (`kinesis` holds the
 * data plane the `streams` field creates streams in). Each component's simulation module is typed against
 * its own field only, as the scenario runner requires; the streaming handlers need their neighbours
 * (producers write into `kinesis` and `firehose`), which `streamingServices` gives them.
 */
export interface StreamingServices {
  readonly era: Era;
  /** The UTC time the virtual clock's zero stands for, in ms since 1970 (scenario `startTime`). */
  readonly startTime: number;
  readonly level: LevelState;
  readonly kinesis: KinesisState;
  readonly streams: readonly string[];
  readonly s3: S3State;
  readonly firehose: FirehoseState;
  readonly producers: ProducersState;
  readonly actions: ActionsState;
  /** Present when the consumers component is in the run. */
  readonly consumers?: unknown;
}

/**
 * The whole streaming state of a handler's context. Every streaming component is in the same component
 * list (sim/scenario/components.ts), so a handler of one always runs with the others' services present.
 */
export function streamingServices(ctx: SimContext<SimEvent, unknown>): StreamingServices {
  return ctx.services as StreamingServices;
}
