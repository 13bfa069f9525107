/**
 * The lab's view of the Lambda architecture simulation: the scenario for a workspace's seed and the
 * values the questions are checked against, all computed by the simulation itself.
 */
import {
  batchConvergenceTime,
  defaultLambdaArchScenario,
  observeAt,
  type LambdaArchObservation,
  type LambdaArchScenario,
  type Page,
} from '../../sim/lambda-arch/index.ts';
import { millis, type Millis } from '../../sim/core/index.ts';

/** The page every question is about. */
export const questionPage: Page = '/home';

/** The moment the first questions look at. */
export const lookAt: Millis = millis(90_000);

/** What the checks compare against, derived from the simulation for one seed. */
export interface LambdaArchFacts {
  readonly scenario: LambdaArchScenario;
  /** The explorable at `lookAt`. */
  readonly atLook: LambdaArchObservation;
  /** When the first batch view with the exact final count is published, or null within the horizon. */
  readonly batchConvergedAt: Millis | null;
  /** Distinct views of `questionPage` the stream produced. */
  readonly finalTrueCount: number;
}

/** The lab's scenario for a seed. */
export const scenarioFor = (seed: number): LambdaArchScenario => ({ ...defaultLambdaArchScenario, seed });

const cache = new Map<number, LambdaArchFacts>();

/** The simulation's own values for a seed (memoized: the run is deterministic). */
export function factsFor(seed: number): LambdaArchFacts {
  const known = cache.get(seed);
  if (known) return known;
  const scenario = scenarioFor(seed);
  const facts: LambdaArchFacts = {
    scenario,
    atLook: observeAt(scenario, lookAt),
    batchConvergedAt: batchConvergenceTime(scenario, questionPage),
    finalTrueCount: observeAt(scenario, scenario.horizon).truth[questionPage],
  };
  if (cache.size > 32) cache.clear();
  cache.set(seed, facts);
  return facts;
}
