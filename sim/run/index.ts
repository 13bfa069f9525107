/**
 * The composition root of the simulation: the one place that imports every service and registers it into
 * the frameworks (the scenario format's component list, the consumer types of `consumers[]`). The
 * frameworks (sim/scenario, sim/consumers) know no service; callers that want "the whole format" (the
 * CLI, the console's worker, the labs) come here, and each function below is the framework's function with
 * the full component list.
 */
export { consumerKinds, consumersComponent, scenarioComponents, streamingComponents } from './components.ts';
export {
  consumerViews,
  openStreamingSession,
  parseScenarioText,
  runSampled,
  runScenario,
  runScenarioSampled,
  startScenario,
  validateScenario,
} from './whole-format.ts';
