/**
 * The event stream of the Lambda architecture explorable: page views generated from a seed, some
 * delivered late (their event time is older than their arrival) and some delivered twice, as
 * at-least-once delivery allows (AWS-FACTS §2.2: KCL record processors may see duplicates).
 */
import { Rng } from '../core/index.ts';
import { millis, type Millis } from '../core/index.ts';

/** A page of the site; views are counted per page. */
export type Page = '/home' | '/products' | '/cart';

/** The pages in display order. */
export const pages: readonly Page[] = ['/home', '/products', '/cart'];

/** Everything that shapes a run; the same scenario always gives the same run. */
export interface LambdaArchScenario {
  /** Unsigned 32-bit seed. */
  readonly seed: number;
  /** The stream produces events from 0 until this time. */
  readonly streamEndsAt: Millis;
  /** Mean page views per second (Poisson arrivals). */
  readonly eventsPerSecond: number;
  /** Share of views per page, summing to 1. */
  readonly pageShares: Readonly<Record<Page, number>>;
  /** Share of events that arrive late, and how late (uniform between the bounds). */
  readonly lateShare: number;
  readonly lateDelay: { readonly min: Millis; readonly max: Millis };
  /** Share of events delivered a second time, and how long after the first delivery. */
  readonly duplicateShare: number;
  readonly duplicateDelay: { readonly min: Millis; readonly max: Millis };
  /** A batch recomputation starts every interval (at 1×, 2×, …) and takes `batchDuration` to publish. */
  readonly batchInterval: Millis;
  readonly batchDuration: Millis;
  /** How far the explorable lets the learner run. */
  readonly horizon: Millis;
}

/** The scenario the lab uses unless told otherwise. */
export const defaultLambdaArchScenario: LambdaArchScenario = {
  seed: 2016,
  streamEndsAt: millis(120_000),
  eventsPerSecond: 4,
  pageShares: { '/home': 0.5, '/products': 0.3, '/cart': 0.2 },
  lateShare: 0.1,
  lateDelay: { min: millis(10_000), max: millis(45_000) },
  duplicateShare: 0.08,
  duplicateDelay: { min: millis(200), max: millis(2_000) },
  batchInterval: millis(60_000),
  batchDuration: millis(15_000),
  horizon: millis(240_000),
};

/** One page view as it happened. */
export interface PageView {
  /** Unique id; a duplicate delivery carries the same id. */
  readonly id: number;
  readonly page: Page;
  /** When the view happened. */
  readonly eventTime: Millis;
}

/** One delivery of a page view into the system (a duplicate is a second delivery of the same view). */
export interface Delivery {
  readonly view: PageView;
  readonly arrivesAt: Millis;
  /** True for the second delivery of a view. */
  readonly duplicate: boolean;
  /** True when the view arrives well after it happened. */
  readonly late: boolean;
}

function pickPage(rng: Rng, shares: Readonly<Record<Page, number>>): Page {
  let u = rng.nextFloat();
  for (const page of pages) {
    u -= shares[page];
    if (u < 0) return page;
  }
  return pages[pages.length - 1]!;
}

const between = (rng: Rng, range: { min: Millis; max: Millis }): number => rng.nextInt(range.min, range.max);

/**
 * Generates the views and their deliveries, sorted by arrival time (ties by view id, then first
 * delivery before duplicate), so every consumer sees the same order.
 */
export function generateDeliveries(scenario: LambdaArchScenario): Delivery[] {
  const rng = Rng.fromSeed(scenario.seed);
  const deliveries: Delivery[] = [];
  let id = 0;
  for (let second = 0; second * 1000 < scenario.streamEndsAt; second++) {
    const count = rng.poisson(scenario.eventsPerSecond);
    const times = Array.from({ length: count }, () => second * 1000 + rng.nextInt(0, 999)).sort(
      (a, b) => a - b,
    );
    for (const time of times) {
      const view: PageView = { id: id++, page: pickPage(rng, scenario.pageShares), eventTime: millis(time) };
      const late = rng.nextFloat() < scenario.lateShare;
      const arrivesAt = millis(time + (late ? between(rng, scenario.lateDelay) : 0));
      deliveries.push({ view, arrivesAt, duplicate: false, late });
      if (rng.nextFloat() < scenario.duplicateShare) {
        const again = millis(arrivesAt + between(rng, scenario.duplicateDelay));
        deliveries.push({ view, arrivesAt: again, duplicate: true, late });
      }
    }
  }
  return deliveries.sort(
    (a, b) => a.arrivesAt - b.arrivesAt || a.view.id - b.view.id || Number(a.duplicate) - Number(b.duplicate),
  );
}
