import { SimException } from './errors.ts';
import { millis, type Millis } from './units.ts';

/** Anything the scheduler can hold: plain serializable data with a discriminating `type`, never a closure. */
export interface SimEvent {
  readonly type: string;
}

/**
 * The pending events as plain data, in heap order (a valid binary heap, so restoring needs no re-sort).
 * `times[i]`, `sequences[i]` and `events[i]` describe one pending event.
 */
export interface EventQueueSnapshot<E extends SimEvent = SimEvent> {
  /** The sequence number the next scheduled event will get. */
  readonly nextSequence: number;
  readonly times: readonly number[];
  readonly sequences: readonly number[];
  readonly events: readonly E[];
}

/**
 * The side of a queue that handlers see: they may add events but not take them. Being write-only, a queue
 * of all of a simulation's events serves as a sink for any one module's events.
 */
export interface EventSink<E extends SimEvent> {
  /** Adds an event at `time`; returns its sequence number. */
  push(time: Millis, event: E): number;
}

const initialCapacity = 64;

/** The first `n` values as a plain array; a plain loop, as `Array.from` on a typed array is several times slower. */
function toNumbers(values: Float64Array, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = values[i]!;
  return out;
}

/**
 * Pending events ordered by (time, insertion sequence): a binary min-heap over parallel arrays.
 *
 * Times and sequence numbers live in Float64Arrays (sequence numbers stay exact up to 2^53), payloads in a
 * plain array beside them; all three move together. Ties on time pop in the order they were scheduled, so a
 * run never depends on how the heap happens to break ties. Capacity doubles when full.
 */
export class EventQueue<E extends SimEvent = SimEvent> implements EventSink<E> {
  private times: Float64Array;
  private sequences: Float64Array;
  private events: (E | undefined)[];
  private count = 0;
  private nextSequence = 0;

  constructor(capacity: number = initialCapacity) {
    const size = Math.max(1, capacity);
    this.times = new Float64Array(size);
    this.sequences = new Float64Array(size);
    this.events = new Array<E | undefined>(size);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or `undefined` when none is pending. */
  peekTime(): Millis | undefined {
    return this.count === 0 ? undefined : millis(this.times[0]!);
  }

  /** Adds an event at `time`; returns its sequence number (its place among events at the same time). */
  push(time: Millis, event: E): number {
    if (!Number.isFinite(time)) {
      throw new SimException({
        code: 'InvalidScheduleTime',
        message: `Cannot schedule '${event.type}' at ${time}: the time must be a finite number of milliseconds.`,
      });
    }
    if (this.count === this.times.length) this.grow();
    const sequence = this.nextSequence++;
    this.siftUp(this.count++, time, sequence, event);
    return sequence;
  }

  /** Removes the earliest event and returns it with its time, or `undefined` when the queue is empty. */
  pop(): { readonly time: Millis; readonly event: E } | undefined {
    if (this.count === 0) return undefined;
    const time = millis(this.times[0]!);
    const event = this.events[0]!;
    this.removeRoot();
    return { time, event };
  }

  /**
   * Removes the earliest event and returns only the event, without allocating a wrapper: the form the
   * simulation loop uses after reading `peekTime()`.
   */
  popEvent(): E | undefined {
    if (this.count === 0) return undefined;
    const event = this.events[0]!;
    this.removeRoot();
    return event;
  }

  /** The pending events as plain data (arrays are copies; event objects are shared, being immutable). */
  toSnapshot(): EventQueueSnapshot<E> {
    const n = this.count;
    return {
      nextSequence: this.nextSequence,
      times: toNumbers(this.times, n),
      sequences: toNumbers(this.sequences, n),
      events: this.events.slice(0, n) as E[],
    };
  }

  /**
   * Rebuilds a queue from `toSnapshot()` output (also after a JSON round trip). A damaged snapshot (not in
   * heap order, a sequence number not below `nextSequence`, an event without a type) is refused rather
   * than replayed out of order.
   */
  static fromSnapshot<E extends SimEvent>(snapshot: EventQueueSnapshot<E>): EventQueue<E> {
    const n = snapshot.times.length;
    if (snapshot.sequences.length !== n || snapshot.events.length !== n) {
      throw new SimException({
        code: 'InvalidSnapshot',
        message: `The event queue snapshot is inconsistent: ${n} times, ${snapshot.sequences.length} sequence numbers and ${snapshot.events.length} events.`,
        path: '$.queue',
      });
    }
    for (let i = 0; i < n; i++) {
      const time = snapshot.times[i]!;
      const sequence = snapshot.sequences[i]!;
      const parent = (i - 1) >> 1;
      const ordered =
        i === 0 ||
        snapshot.times[parent]! < time ||
        (snapshot.times[parent] === time && snapshot.sequences[parent]! < sequence);
      if (
        !Number.isFinite(time) ||
        !Number.isInteger(sequence) ||
        sequence < 0 ||
        sequence >= snapshot.nextSequence ||
        typeof snapshot.events[i]?.type !== 'string' ||
        !ordered
      ) {
        throw new SimException({
          code: 'InvalidSnapshot',
          message: `Pending event ${i} of the snapshot is damaged (time ${time}, sequence ${sequence}): the queue cannot be restored in order.`,
          path: `$.queue.times[${i}]`,
        });
      }
    }
    const queue = new EventQueue<E>(Math.max(initialCapacity, n));
    queue.times.set(snapshot.times);
    queue.sequences.set(snapshot.sequences);
    for (let i = 0; i < n; i++) queue.events[i] = snapshot.events[i];
    queue.count = n;
    queue.nextSequence = snapshot.nextSequence;
    return queue;
  }

  private removeRoot(): void {
    const last = --this.count;
    const lastEvent = this.events[last]!;
    this.events[last] = undefined;
    if (last > 0) this.siftDown(this.times[last]!, this.sequences[last]!, lastEvent);
  }

  /** Moves a hole up from `index` until (time, sequence) fits, then fills it. */
  private siftUp(index: number, time: number, sequence: number, event: E): void {
    const times = this.times;
    const sequences = this.sequences;
    const events = this.events;
    let hole = index;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && sequences[parent]! < sequence)) break;
      times[hole] = parentTime;
      sequences[hole] = sequences[parent]!;
      events[hole] = events[parent];
      hole = parent;
    }
    times[hole] = time;
    sequences[hole] = sequence;
    events[hole] = event;
  }

  /** Moves a hole down from the root until (time, sequence) fits, then fills it. */
  private siftDown(time: number, sequence: number, event: E): void {
    const times = this.times;
    const sequences = this.sequences;
    const events = this.events;
    const n = this.count;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= n) break;
      let childTime = times[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && sequences[right]! < sequences[child]!)) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time === childTime && sequence < sequences[child]!)) break;
      times[hole] = childTime;
      sequences[hole] = sequences[child]!;
      events[hole] = events[child];
      hole = child;
    }
    times[hole] = time;
    sequences[hole] = sequence;
    events[hole] = event;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const sequences = new Float64Array(capacity);
    sequences.set(this.sequences);
    this.times = times;
    this.sequences = sequences;
    this.events.length = capacity;
  }
}
