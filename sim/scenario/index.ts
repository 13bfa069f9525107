/** The public face of sim/scenario/: import it from outside the folder through this file. */
export {
  MAX_EVENTS_PER_RUN,
  reportScenario,
  runScenario,
  startScenario,
  type ScenarioReport,
} from './run-scenario.ts';
export { parseScenarioText, validateScenario, type Scenario } from './scenario.ts';
export {
  componentList,
  defineComponent,
  needing,
  toJsonValue,
  type AnyScenarioComponent,
  type CoreScenario,
  type JsonValue,
} from './component.ts';
export {
  array,
  boolean,
  childPath,
  describeValue,
  didYouMean,
  integer,
  number,
  object,
  oneOf,
  optional,
  string,
  type Infer,
  type Schema,
  type SchemaIssue,
} from './schema.ts';
export { arrivalsComponent, type ArrivalsReport } from './arrivals.ts';
