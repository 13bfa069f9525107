/**
 * The Lambda architecture as a deterministic simulation: every delivery is appended to an immutable
 * master log; a batch layer periodically recomputes exact views from the whole log (deduplicated by view
 * id); a speed layer counts what arrived since the last batch view, incrementally and without
 * deduplication, so it is fast but approximate; the serving layer answers batch + speed.
 * Shape: `createLambdaArch(scenario)` → state, `runLambdaArch(state, until)` → state, `observe(state)`.
 */
import { millis, type Millis } from '../core/index.ts';
import { generateDeliveries, pages, type Delivery, type LambdaArchScenario, type Page } from './stream.ts';

/** Views per page. */
export type PageCounts = Readonly<Record<Page, number>>;

/** A published batch view: exact counts of the log as it was when the run started. */
export interface BatchView {
  readonly startedAt: Millis;
  readonly publishedAt: Millis;
  /** Number of log records the run covered (the log's length at `startedAt`). */
  readonly coveredRecords: number;
  readonly counts: PageCounts;
}

/** The whole state of a run, plain data. */
export interface LambdaArchState {
  readonly scenario: LambdaArchScenario;
  readonly now: Millis;
  /** Every delivery in arrival order; the master log is its first `logLength` entries (append-only). */
  readonly deliveries: readonly Delivery[];
  readonly logLength: number;
  readonly batchView: BatchView | null;
  /** The batch recomputation in progress: when it started and how much of the log it reads. */
  readonly runningBatch: { readonly startedAt: Millis; readonly coveredRecords: number } | null;
  readonly nextBatchAt: Millis;
  /** Records counted by the speed layer since the published batch view, duplicates included. */
  readonly speed: PageCounts;
}

const zero = (): Record<Page, number> => ({ '/home': 0, '/products': 0, '/cart': 0 });

/** A run at time 0 with nothing delivered yet. */
export function createLambdaArch(scenario: LambdaArchScenario): LambdaArchState {
  return {
    scenario,
    now: millis(0),
    deliveries: generateDeliveries(scenario),
    logLength: 0,
    batchView: null,
    runningBatch: null,
    nextBatchAt: scenario.batchInterval,
    speed: zero(),
  };
}

/** Exact views: each page view counted once, however often it was delivered. */
function exactCounts(records: readonly Delivery[]): PageCounts {
  const counts = zero();
  for (const record of records) if (!record.duplicate) counts[record.view.page]++;
  return counts;
}

/** Speed-layer counts: every delivery counted, duplicates included. */
function incrementalCounts(records: readonly Delivery[]): PageCounts {
  const counts = zero();
  for (const record of records) counts[record.view.page]++;
  return counts;
}

/**
 * Advances the run to `until`. At equal times a batch publishes first, then the next one starts, then
 * arrivals are appended — so a batch starting at t covers what arrived strictly before t.
 */
export function runLambdaArch(state: LambdaArchState, until: Millis): LambdaArchState {
  let s = state;
  const { batchInterval, batchDuration, horizon } = s.scenario;
  for (;;) {
    const publishAt = s.runningBatch ? s.runningBatch.startedAt + batchDuration : Infinity;
    const startAt = s.nextBatchAt <= horizon ? s.nextBatchAt : Infinity;
    const arriveAt = s.deliveries[s.logLength]?.arrivesAt ?? Infinity;
    const next = Math.min(publishAt, startAt, arriveAt);
    if (next > until) break;
    if (publishAt === next && s.runningBatch) {
      const covered = s.runningBatch.coveredRecords;
      s = {
        ...s,
        batchView: {
          startedAt: s.runningBatch.startedAt,
          publishedAt: millis(publishAt),
          coveredRecords: covered,
          counts: exactCounts(s.deliveries.slice(0, covered)),
        },
        runningBatch: null,
        speed: incrementalCounts(s.deliveries.slice(covered, s.logLength)),
      };
    } else if (startAt === next) {
      // A run still in progress when the next is due lets that one pass; the schedule stays on its grid.
      const runningBatch = s.runningBatch ?? { startedAt: millis(startAt), coveredRecords: s.logLength };
      s = { ...s, runningBatch, nextBatchAt: millis(startAt + batchInterval) };
    } else {
      const record = s.deliveries[s.logLength]!;
      const speed = { ...s.speed, [record.view.page]: s.speed[record.view.page] + 1 };
      s = { ...s, logLength: s.logLength + 1, speed };
    }
  }
  return { ...s, now: millis(Math.max(s.now, until)) };
}

/** What the explorable shows at the run's current time. */
export interface LambdaArchObservation {
  readonly now: Millis;
  /** Records in the master log, and how many of them are duplicate deliveries. */
  readonly logRecords: number;
  readonly duplicateRecords: number;
  readonly batch: PageCounts;
  /** When the published batch view's run started (what it covers) and when it was published. */
  readonly batchCoversUntil: Millis | null;
  readonly batchPublishedAt: Millis | null;
  readonly batchRunningSince: Millis | null;
  readonly speed: PageCounts;
  /** What the serving layer answers: batch + speed. */
  readonly served: PageCounts;
  /** What really happened: distinct views with an event time up to now. */
  readonly truth: PageCounts;
}

/** Reads the views of a run at its current time. */
export function observe(state: LambdaArchState): LambdaArchObservation {
  const batch = state.batchView?.counts ?? zero();
  const served = zero();
  const truth = zero();
  for (const page of pages) served[page] = batch[page] + state.speed[page];
  for (const d of state.deliveries) if (!d.duplicate && d.view.eventTime <= state.now) truth[d.view.page]++;
  const log = state.deliveries.slice(0, state.logLength);
  return {
    now: state.now,
    logRecords: state.logLength,
    duplicateRecords: log.filter((d) => d.duplicate).length,
    batch,
    batchCoversUntil: state.batchView?.startedAt ?? null,
    batchPublishedAt: state.batchView?.publishedAt ?? null,
    batchRunningSince: state.runningBatch?.startedAt ?? null,
    speed: state.speed,
    served,
    truth,
  };
}

/** Runs a fresh scenario to `at` and observes it. */
export function observeAt(scenario: LambdaArchScenario, at: Millis): LambdaArchObservation {
  return observe(runLambdaArch(createLambdaArch(scenario), at));
}

/** Observations every `every` milliseconds from 0 to the horizon, for charts. */
export function timeline(scenario: LambdaArchScenario, every: Millis): LambdaArchObservation[] {
  const observations: LambdaArchObservation[] = [];
  let state = createLambdaArch(scenario);
  for (let t = 0; t <= scenario.horizon; t += every) {
    state = runLambdaArch(state, millis(t));
    observations.push(observe(state));
  }
  return observations;
}

/** Every time either the served or the true count can change, up to the horizon, in order. */
function changeTimes(state: LambdaArchState): number[] {
  const { batchInterval, batchDuration, horizon } = state.scenario;
  const changes = new Set<number>([0]);
  for (const d of state.deliveries) changes.add(d.arrivesAt).add(d.view.eventTime);
  for (let t: number = batchInterval; t <= horizon; t += batchInterval) changes.add(t).add(t + batchDuration);
  return [...changes].filter((t) => t <= horizon).sort((a, b) => a - b);
}

/**
 * The moment from which the served count of `page` equals the true count for the rest of the run, or
 * null if it still differs at the horizon. Found exactly by checking every time either count can change.
 * The speed layer can make this happen before the batch layer catches up, when no duplicate is pending.
 */
export function servedConvergenceTime(scenario: LambdaArchScenario, page: Page): Millis | null {
  let state = createLambdaArch(scenario);
  let convergedAt: number | null = 0;
  for (const t of changeTimes(state)) {
    state = runLambdaArch(state, millis(t));
    const view = observe(state);
    if (view.served[page] !== view.truth[page]) convergedAt = null;
    else if (convergedAt === null) convergedAt = t;
  }
  return convergedAt === null ? null : millis(convergedAt);
}

/**
 * When the first batch view is published that holds the exact final count of `page` (every view the
 * stream produced, each once), or null if none does by the horizon.
 */
export function batchConvergenceTime(scenario: LambdaArchScenario, page: Page): Millis | null {
  const final = observeAt(scenario, scenario.horizon).truth[page];
  let state = createLambdaArch(scenario);
  for (let t: number = scenario.batchInterval; t <= scenario.horizon; t += scenario.batchInterval) {
    state = runLambdaArch(state, millis(t + scenario.batchDuration));
    const published = state.batchView;
    // Batch counts only grow as the log grows, so the first view that reaches the final count keeps it.
    if (published && published.counts[page] === final) return published.publishedAt;
  }
  return null;
}
