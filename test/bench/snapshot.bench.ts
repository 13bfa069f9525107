import { restore, snapshot, type SimSnapshot } from '../../sim/core/index.ts';
import { createState, recordMetric, schedule, type SimState } from '../../sim/core/index.ts';
import { millis } from '../../sim/core/index.ts';
import { formatMegabytes, formatNumber, timeMillis, type BenchRow, type BenchSuite } from './bench.ts';

const PENDING = 1_000_000;

type Arrival = { readonly type: 'arrival'; readonly source: number };
interface Services {
  readonly arrivals: { readonly counts: number[] };
}
type State = SimState<Arrival, Services>;

/** A state like a busy scenario's: a million pending arrivals over an hour, some metrics, some service state. */
function bigState(): State {
  const state = createState<Arrival, Services>({ seed: 7, services: { arrivals: { counts: [0, 0, 0, 0] } } });
  for (let i = 0; i < PENDING; i++) {
    schedule(state, millis(state.rng.nextFloat() * 3_600_000), { type: 'arrival', source: i & 3 });
  }
  for (let second = 0; second < 3600; second++) {
    state.now = millis(second * 1000);
    recordMetric(
      state,
      { namespace: 'BDLab/Arrivals', metricName: 'Events', dimensions: { Source: 'a' } },
      1,
    );
  }
  return state;
}

/** The next `count` events of a state, consumed, as text to compare. */
function drainText(state: State, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = state.queue.pop();
    if (!entry) break;
    out.push(`${entry.time}:${entry.event.source}`);
  }
  return out.join(',');
}

/** Snapshot and restore of a state holding a million pending events, in memory and through JSON. */
export const snapshotSuite: BenchSuite = {
  name: 'Snapshot',
  run(): BenchRow[] {
    let peakHeap = process.memoryUsage().heapUsed;
    const sample = (): void => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    };
    const state = bigState();
    sample();
    let saved: SimSnapshot<Arrival, Services> | undefined;
    const snapshotMs = timeMillis(() => {
      saved = snapshot(state);
    });
    sample();
    let restored: State | undefined;
    const restoreMs = timeMillis(() => {
      restored = restore(saved!);
    });
    sample();
    let json = '';
    const stringifyMs = timeMillis(() => {
      json = JSON.stringify(saved);
    });
    sample();
    let fromJson: State | undefined;
    const parseRestoreMs = timeMillis(() => {
      fromJson = restore(JSON.parse(json) as SimSnapshot<Arrival, Services>);
    });
    sample();
    const expected = drainText(state, 10_000);
    if (drainText(restored!, 10_000) !== expected || drainText(fromJson!, 10_000) !== expected) {
      throw new Error('A restored state did not continue like the original: the snapshot bench is invalid.');
    }
    const label = `${formatNumber(PENDING)} pending events`;
    return [
      { measure: `snapshot(), ${label}`, value: formatNumber(snapshotMs, 1), unit: 'ms' },
      { measure: `restore(), ${label}`, value: formatNumber(restoreMs, 1), unit: 'ms' },
      { measure: `snapshot + restore, ${label}`, value: formatNumber(snapshotMs + restoreMs, 1), unit: 'ms' },
      { measure: `JSON.stringify of the snapshot`, value: formatNumber(stringifyMs, 1), unit: 'ms' },
      { measure: `JSON.parse + restore()`, value: formatNumber(parseRestoreMs, 1), unit: 'ms' },
      { measure: `snapshot JSON size`, value: formatMegabytes(json.length), unit: 'MB' },
      {
        measure: `peak JS heap used (sampled after each step)`,
        value: formatMegabytes(peakHeap),
        unit: 'MB',
      },
    ];
  },
};
