import type { ConsumersState } from '../consumers/index.ts';
import type { FirehoseState } from '../firehose/index.ts';
import type { KinesisState } from '../kinesis/index.ts';
import type { S3State } from '../s3/index.ts';
import { needing } from '../scenario/index.ts';
import type { ActionsState } from './actions.ts';
import type { LevelState } from './level.ts';
import type { ProducersState } from './producer-state.ts';

/** Which limits and price book a run uses. */
import type { Era } from '../core/index.ts';
export type { Era };

/**
 * The services of a streaming run, under the scenario field each component owns (`kinesis` holds the data
 * plane the `streams` field creates streams in): the directory a streaming component names its needs from
 * (`needsStreaming('kinesis', 'level')`), so its handlers see exactly those, typed.
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
  readonly consumers: ConsumersState;
  readonly actions: ActionsState;
}

/** Declares the streaming services a component needs besides its own (see `needing`). */
export const needsStreaming = needing<StreamingServices>();

const STREAMING_FIELDS = [
  'era',
  'startTime',
  'level',
  'kinesis',
  'streams',
  's3',
  'firehose',
  'producers',
  'consumers',
  'actions',
] as const satisfies readonly (keyof StreamingServices)[];

/** True when a run's state holds every streaming service: the whole streaming format is in its component list. */
export function hasStreamingServices<State extends { readonly services: object }>(
  state: State,
): state is State & { readonly services: StreamingServices } {
  return STREAMING_FIELDS.every((field) => field in state.services);
}
