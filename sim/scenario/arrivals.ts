import type { MetricId } from '../core/index.ts';
import { recordMetric, schedule, type SimContext } from '../core/index.ts';
import { millis } from '../core/index.ts';
import { defineComponent } from './component.ts';
import { array, number, object, oneOf, optional, string, type Infer, type SchemaIssue } from './schema.ts';

/**
 * Generic event sources: each named source emits events at a rate, either as a Poisson process (random,
 * exponentially distributed gaps, like independent users) or at a constant interval (like a timer). Every
 * event is counted into the `BDLab/Arrivals` `Events` metric with a `Source` dimension. Later services
 * replace these with real producers; they exercise the core on their own.
 */

/** Namespace of the arrival metrics (custom namespaces may not start with `AWS/`). */
export const ARRIVALS_NAMESPACE = 'BDLab/Arrivals';
/** Highest rate a source may have, in events per second. */
export const MAX_RATE_PER_SECOND = 1_000_000;
/** Most events a scenario's arrivals may produce, so a run always finishes in seconds. */
export const MAX_EXPECTED_ARRIVALS = 20_000_000;

const sourceSchema = object({
  name: string({
    minLength: 1,
    maxLength: 64,
    pattern: { regex: /^[A-Za-z0-9_.-]+$/, description: 'letters, digits, "_", "." and "-"' },
  }),
  process: oneOf(['poisson', 'constant']),
  ratePerSecond: number({ above: 0, max: MAX_RATE_PER_SECOND }),
});

/** The `arrivals` field: a list of named sources. */
export const arrivalsSchema = optional(array(sourceSchema, { maxItems: 100 }), []);

/** One source as written in the scenario. */
export type ArrivalSource = Infer<typeof sourceSchema>;

/** The arrival service's state: the sources, their metric ids and how many events each has emitted. */
export interface ArrivalsState {
  readonly sources: readonly ArrivalSource[];
  /** The `Events` metric of each source, built once so recording a sample needs no new key. */
  readonly metrics: readonly MetricId[];
  readonly counts: number[];
}

/** An arrival from the source at `source` (its index in the scenario's list). */
export interface ArrivalEvent {
  readonly type: 'arrival';
  readonly source: number;
}

type Services = { readonly arrivals: ArrivalsState };

/** The `arrivals` section of a scenario report: each source with the events it emitted and the expected count. */
export type ArrivalsReport = {
  readonly sources: readonly {
    readonly name: string;
    readonly process: ArrivalSource['process'];
    readonly ratePerSecond: number;
    /** Rate × duration: the mean for a Poisson source, the exact count for a constant one. */
    readonly expectedEvents: number;
    readonly events: number;
  }[];
};

/** Schedules the next arrival of a source after `now`. */
function scheduleNext(state: SimContext<ArrivalEvent, Services>, index: number): void {
  const arrivals = state.services.arrivals;
  const source = arrivals.sources[index]!;
  const ratePerMillisecond = source.ratePerSecond / 1000;
  // Constant arrivals are placed at exact multiples of the interval rather than accumulated gap by gap,
  // so floating-point error does not drift the n-th event over a long run.
  const at =
    source.process === 'constant'
      ? (arrivals.counts[index]! + 1) / ratePerMillisecond
      : state.now + state.rng.exponential(ratePerMillisecond);
  schedule(state, millis(at), { type: 'arrival', source: index });
}

/** The `arrivals` scenario component. */
export const arrivalsComponent = defineComponent<'arrivals', ArrivalSource[], ArrivalsState, ArrivalEvent>({
  field: 'arrivals',
  schema: arrivalsSchema,
  checkScenario(sources, scenario) {
    const issues: SchemaIssue[] = [];
    const seen = new Map<string, number>();
    sources.forEach((source, index) => {
      const first = seen.get(source.name);
      if (first !== undefined) {
        issues.push({
          path: `$.arrivals[${index}].name`,
          message: `"${source.name}" is already the name of $.arrivals[${first}]; each source needs its own name.`,
        });
      } else seen.set(source.name, index);
    });
    const expected = sources.reduce((sum, s) => sum + s.ratePerSecond, 0) * scenario.durationSeconds;
    if (expected > MAX_EXPECTED_ARRIVALS) {
      issues.push({
        path: '$.arrivals',
        message: `the sources would emit about ${Math.round(expected).toLocaleString('en-US')} events over ${scenario.durationSeconds} s; at most ${MAX_EXPECTED_ARRIVALS.toLocaleString('en-US')} are allowed: lower the rates or the duration.`,
      });
    }
    return issues;
  },
  initialState: (sources): ArrivalsState => ({
    sources,
    metrics: sources.map((source) => ({
      namespace: ARRIVALS_NAMESPACE,
      metricName: 'Events',
      dimensions: { Source: source.name },
    })),
    counts: sources.map(() => 0),
  }),
  module: {
    name: 'arrivals',
    handlers: {
      arrival(state, event) {
        const arrivals = state.services.arrivals;
        arrivals.counts[event.source]!++;
        recordMetric(state, arrivals.metrics[event.source]!, 1);
        scheduleNext(state, event.source);
      },
    },
  },
  start(state, sources) {
    sources.forEach((_, index) => scheduleNext(state, index));
  },
  report(state, sources, scenario): ArrivalsReport {
    const counts = state.services.arrivals.counts;
    return {
      sources: sources.map((source, index) => ({
        name: source.name,
        process: source.process,
        ratePerSecond: source.ratePerSecond,
        expectedEvents: source.ratePerSecond * scenario.durationSeconds,
        events: counts[index]!,
      })),
    };
  },
});
