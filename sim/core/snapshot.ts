import { bytesReplacer, bytesReviver } from './bytes-json.ts';
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

/**
 * Service state as plain JSON data, so a snapshot never shares mutable objects with the live state and
 * survives `JSON.stringify`. Byte arrays (S3 bodies, KPL and Firehose buffers) are written as
 * `{ "$bytes": base64 }`, which plain JSON would otherwise turn into an object of numbered keys.
 */
function servicesToData<S>(services: S): S {
  return services === undefined ? services : (JSON.parse(JSON.stringify(services, bytesReplacer)) as S);
}

/** Live service state from snapshot data: a fresh copy with every `{ "$bytes": … }` a Uint8Array again. */
function servicesFromData<S>(services: S): S {
  return services === undefined ? services : (JSON.parse(JSON.stringify(services), bytesReviver) as S);
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
    services: servicesToData(state.services),
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
    services: servicesFromData(data.services),
  };
}
