import { EventQueue } from '../../sim/core/index.ts';
import { Rng } from '../../sim/core/index.ts';
import { createSimulation, createState, scheduleAfter } from '../../sim/core/index.ts';
import { millis } from '../../sim/core/index.ts';
import { formatNumber, median, timeMillis, type BenchRow, type BenchSuite } from './bench.ts';

/** The target for schedule + pop with 10,000 pending events on the 2-core reference machine. */
export const TARGET_EVENTS_PER_SECOND = 3_000_000;
const PENDING = 10_000;
const HEAP_OPERATIONS = 2_000_000;
const BASELINE_OPERATIONS = 200_000;
const RUNS = 5;

interface Tick {
  readonly type: 'tick';
  readonly id: number;
}

/** Random gaps drawn once, so the timed loops measure the queue and not the generator. */
function gaps(count: number): Float64Array {
  const rng = Rng.fromSeed(2016);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.nextFloat() * 1000;
  return out;
}
const GAP_MASK = 0xffff;
const GAPS = gaps(GAP_MASK + 1);

/**
 * The "hold" model: a queue kept at `PENDING` events; each operation pops the earliest event and schedules
 * a new one a random gap later. One operation = one schedule + one pop.
 */
function holdWithHeap(operations: number): number {
  const queue = new EventQueue<Tick>();
  const event: Tick = { type: 'tick', id: 0 };
  for (let i = 0; i < PENDING; i++) queue.push(millis(GAPS[i & GAP_MASK]!), event);
  return timeMillis(() => {
    for (let i = 0; i < operations; i++) {
      const now = queue.peekTime()!;
      queue.popEvent();
      queue.push(millis(now + GAPS[i & GAP_MASK]!), event);
    }
  });
}

interface Entry {
  readonly time: number;
  readonly sequence: number;
  readonly event: Tick;
}

/**
 * The baseline: a plain array of entries kept sorted latest-first, so the earliest is popped from the end;
 * inserting finds its place by binary search and splices it in.
 */
function holdWithSortedArray(operations: number): number {
  const entries: Entry[] = [];
  let sequence = 0;
  const event: Tick = { type: 'tick', id: 0 };
  const insert = (time: number): void => {
    const entry = { time, sequence: sequence++, event };
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const other = entries[mid]!;
      if (other.time > time || (other.time === time && other.sequence > entry.sequence)) low = mid + 1;
      else high = mid;
    }
    entries.splice(low, 0, entry);
  };
  for (let i = 0; i < PENDING; i++) insert(GAPS[i & GAP_MASK]!);
  return timeMillis(() => {
    for (let i = 0; i < operations; i++) {
      const now = entries.pop()!.time;
      insert(now + GAPS[i & GAP_MASK]!);
    }
  });
}

/** The same hold model through the simulation loop: pop, advance the clock, dispatch to a handler. */
function holdThroughSimulation(operations: number): number {
  const simulation = createSimulation<Tick, null>([
    {
      name: 'ticker',
      handlers: {
        tick: (state, event) => scheduleAfter(state, millis(GAPS[event.id & GAP_MASK]!), event),
      },
    },
  ]);
  const state = createState<Tick, null>({ seed: 1, services: null });
  for (let i = 0; i < PENDING; i++) state.queue.push(millis(GAPS[i & GAP_MASK]!), { type: 'tick', id: i });
  return timeMillis(() => {
    for (let i = 0; i < operations; i++) simulation.step(state);
  });
}

function eventsPerSecond(hold: (operations: number) => number, operations: number): number {
  hold(Math.min(operations, 100_000));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(hold(operations));
  return operations / (median(times) / 1000);
}

/** Scheduler throughput: our heap, the sorted-array baseline and the full simulation step. */
export const schedulerSuite: BenchSuite = {
  name: 'Event scheduler',
  run(): BenchRow[] {
    const heap = eventsPerSecond(holdWithHeap, HEAP_OPERATIONS);
    const baseline = eventsPerSecond(holdWithSortedArray, BASELINE_OPERATIONS);
    const stepped = eventsPerSecond(holdThroughSimulation, HEAP_OPERATIONS);
    return [
      {
        measure: `EventQueue (binary heap) schedule + pop, ${formatNumber(PENDING)} pending`,
        value: formatNumber(heap),
        unit: 'events/s',
        target: {
          text: `≥ ${formatNumber(TARGET_EVENTS_PER_SECOND)}`,
          met: heap >= TARGET_EVENTS_PER_SECOND,
        },
      },
      {
        measure: `Baseline sorted array (binary search + splice), ${formatNumber(PENDING)} pending`,
        value: formatNumber(baseline),
        unit: 'events/s',
      },
      { measure: 'Heap speed-up over the baseline', value: formatNumber(heap / baseline, 1), unit: '×' },
      {
        measure: `simulation.step (pop, clock, dispatch, reschedule), ${formatNumber(PENDING)} pending`,
        value: formatNumber(stepped),
        unit: 'events/s',
      },
    ];
  },
};
