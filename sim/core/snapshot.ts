import { SimException } from './errors.ts';
import { EventQueue, type EventQueueSnapshot, type SimEvent } from './event-queue.ts';
import { MetricStore, type MetricStoreSnapshot } from './metrics.ts';
import { Rng, type RngState } from './rng.ts';
import type { SimState } from './simulation.ts';
import { millis } from './units.ts';

/** Marks a simulation snapshot and its layout version. */
export const SNAPSHOT_FORMAT = 'bdlab-simulation';
export const SNAPSHOT_VERSION = 1;

/**
 * A whole simulation as plain JSON data: clock, pending events with their sequence numbers, generator
 * state, metrics and every service's state. `JSON.stringify` it to save a run; `restore` it to fork or rewind.
 */
export interface SimSnapshot<E extends SimEvent = SimEvent, S = unknown> {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly now: number;
  readonly eventsProcessed: number;
  readonly queue: EventQueueSnapshot<E>;
  readonly rng: RngState;
  readonly metrics: MetricStoreSnapshot;
  readonly services: S;
}

/** Service state copied through JSON, so a snapshot never shares mutable objects with the live state. */
function copyServices<S>(services: S): S {
  return services === undefined ? services : (JSON.parse(JSON.stringify(services)) as S);
}

/**
 * Captures `state` as plain data. Later changes to `state` do not affect the snapshot. Pending event
 * objects are shared rather than copied: events are immutable data, and copying a million of them would
 * dominate the cost.
 */
export function snapshot<E extends SimEvent, S>(state: SimState<E, S>): SimSnapshot<E, S> {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    now: state.now,
    eventsProcessed: state.eventsProcessed,
    queue: state.queue.toSnapshot(),
    rng: state.rng.exportState(),
    metrics: state.metrics.toSnapshot(),
    services: copyServices(state.services),
  };
}

/**
 * A new, independent state that continues exactly as the snapshotted one would have: the same events
 * in the same order, the same random draws, the same metrics. Restoring twice gives two independent forks.
 */
export function restore<E extends SimEvent, S>(data: SimSnapshot<E, S>): SimState<E, S> {
  if (data === null || typeof data !== 'object' || data.format !== SNAPSHOT_FORMAT) {
    throw new SimException({
      code: 'InvalidSnapshot',
      message: `This is not a bdlab simulation snapshot (expected format '${SNAPSHOT_FORMAT}').`,
      path: '$.format',
    });
  }
  if (data.version !== SNAPSHOT_VERSION) {
    throw new SimException({
      code: 'InvalidSnapshot',
      message: `Snapshot version ${String(data.version)} is not supported; this build reads version ${SNAPSHOT_VERSION}.`,
      path: '$.version',
    });
  }
  if (!Number.isFinite(data.now) || !Number.isInteger(data.eventsProcessed)) {
    throw new SimException({
      code: 'InvalidSnapshot',
      message: 'The snapshot clock or event count is not a number.',
      path: '$.now',
    });
  }
  return {
    now: millis(data.now),
    eventsProcessed: data.eventsProcessed,
    queue: EventQueue.fromSnapshot(data.queue),
    rng: Rng.fromState(data.rng),
    metrics: MetricStore.fromSnapshot(data.metrics),
    services: copyServices(data.services),
  };
}
