import { arrivalsComponent } from './arrivals.ts';
import type { AnyScenarioComponent } from './component.ts';
import { streamingComponents } from '../streaming/components.ts';

/**
 * Every service the scenario format knows, in the order they start and report. A new service (Kinesis
 * streams, producers, Firehose…) adds its component here and its top-level field joins the format.
 */
export const scenarioComponents: readonly AnyScenarioComponent[] = [
  arrivalsComponent,
  ...streamingComponents,
];
