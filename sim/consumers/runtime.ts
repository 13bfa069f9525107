import { fail, ok, SimException, type Result, type SimError } from '../core/index.ts';
import { schedule, type SimContext } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import type { KinesisState } from '../kinesis/index.ts';
import { didYouMean } from '../scenario/index.ts';
import type {
  AnyConsumerKind,
  ConsumerConfigBase,
  ConsumerContext,
  ConsumerStateBase,
  ConsumerTimer,
} from './consumer-kind.ts';

/** One consumer while the simulation runs: its configuration (as validated) and its kind's state. */
export interface ConsumerEntry<
  Config extends ConsumerConfigBase = ConsumerConfigBase,
  State extends ConsumerStateBase = ConsumerStateBase,
> {
  readonly config: Config;
  readonly state: State;
}

/** The `consumers` service: every consumer of the scenario, in scenario order (plain JSON data). */
export interface ConsumersState {
  readonly consumers: ConsumerEntry[];
}

/** The one event type of the consumers module: a timer one consumer set for itself. */
export interface ConsumerTimerEvent {
  readonly type: 'consumer.timer';
  /** The consumer's name. */
  readonly consumer: string;
  readonly timer: ConsumerTimer;
}

/** The services the consumers module reads: its own state and the Kinesis data plane. */
export interface ConsumersServices {
  readonly consumers: ConsumersState;
  readonly kinesis: KinesisState;
}

/** A simulation context as consumer handlers and consumer actions (crash a worker…) receive it. */
export type ConsumersSimContext = SimContext<ConsumerTimerEvent, ConsumersServices>;

/**
 * The Kinesis data plane of a simulation. The consumers component must start after the component that
 * creates `services.kinesis` (the streams component); a missing one is a wiring mistake, said plainly.
 */
export function kinesisOf(services: { readonly kinesis?: KinesisState }): KinesisState {
  const kinesis = services.kinesis;
  if (kinesis === undefined) {
    throw new SimException({
      code: 'ComponentOrder',
      message:
        'Consumers read Kinesis streams, but this simulation has no services.kinesis: list the streams component before the consumers component.',
    });
  }
  return kinesis;
}

/** The consumer named `name`, or an error naming the consumers there are. */
export function findConsumer(
  state: ConsumersState,
  name: string,
  path = 'consumer',
): Result<ConsumerEntry, SimError> {
  const entry = state.consumers.find((c) => c.config.name === name);
  if (entry !== undefined) return ok(entry);
  const names = state.consumers.map((c) => c.config.name);
  return fail({
    code: 'ResourceNotFoundException',
    path,
    message:
      names.length === 0
        ? `There is no consumer "${name}": this scenario has no consumers.`
        : `There is no consumer "${name}"; the consumers are ${names.map((n) => `"${n}"`).join(', ')}.${didYouMean(name, names)}`,
  });
}

/** The handler context of one consumer at the simulation's current time. */
export function consumerContext<Config extends ConsumerConfigBase, State extends ConsumerStateBase>(
  sim: ConsumersSimContext,
  entry: ConsumerEntry<Config, State>,
): ConsumerContext<Config, State> {
  return {
    now: sim.now,
    rng: sim.rng,
    metrics: sim.metrics,
    kinesis: kinesisOf(sim.services),
    config: entry.config,
    state: entry.state,
    setTimer(at: Millis, timer: ConsumerTimer) {
      schedule(sim, at, { type: 'consumer.timer', consumer: entry.config.name, timer });
    },
  };
}

/** The kind registered for `type`, or undefined. */
export function kindFor(kinds: readonly AnyConsumerKind[], type: string): AnyConsumerKind | undefined {
  return kinds.find((k) => k.type === type);
}
