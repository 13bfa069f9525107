import { runScenarioSampled } from '../../sim/run/index.ts';
import { type PartitionKeyStrategy, type SampledStreamRun } from '../../sim/streaming/index.ts';

/**
 * A `bdlab run` scenario file with one stream and one producer, as the session-2 labs write it. `Keys`
 * narrows the producer's key strategy and `Extra` adds the lab's producer fields (such as `kpl`); a lab adds
 * its consumers and actions by extending this.
 */
export interface OneStreamScenario<Keys = PartitionKeyStrategy, Extra = object> {
  readonly seed: number;
  readonly durationSeconds: number;
  readonly streams: readonly [{ readonly name: string; readonly shards: number }];
  readonly producers: readonly [
    {
      readonly stream: string;
      readonly recordsPerSecond: number;
      readonly recordBytes: number;
      readonly partitionKeys: Keys;
    } & Extra,
  ];
}

/** Runs a lab's scenario on the streaming session and samples its one stream; a lab's own scenario must run. */
export function sampleStream(scenario: OneStreamScenario<unknown>): SampledStreamRun {
  const result = runScenarioSampled(scenario, scenario.streams[0].name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
