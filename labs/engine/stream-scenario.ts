import type { PartitionKeyStrategy } from '../../sim/streaming/index.ts';

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
