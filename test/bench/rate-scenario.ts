import type { RateLevelInput, RateLevelResult } from '../../sim/rate/index.ts';

/**
 * The rate level's case-study scenario for `npm run bench` (issue 4 §9): one stream of 1,000 shards for
 * 24 simulated hours at 1 s resolution, 30 TB a day of 1,000-byte records swinging ±50 % over the day.
 */

export const DAY_SECONDS = 86_400;
export const SHARDS = 1000;
export const RECORD_BYTES = 1000;
/** 30 TB a day of 1,000-byte records: 347,222 records/s on average. */
export const MEAN_RECORDS_PER_SECOND = 30e12 / RECORD_BYTES / DAY_SECONDS;

/** The day with the given partition keys and `consumers` consumer applications polling once a second. */
export function caseStudy(
  keys: RateLevelInput['producers'][number]['keys'],
  consumers: number,
): RateLevelInput {
  return {
    durationSeconds: DAY_SECONDS,
    resolutionSeconds: 1,
    streams: [
      {
        name: 'clickstream',
        shards: SHARDS,
        consumers: Array.from({ length: consumers }, (_, i) => ({ name: `app-${i + 1}` })),
      },
    ],
    producers: [
      {
        stream: 'clickstream',
        recordBytes: RECORD_BYTES,
        keys,
        ratePerSecond: (t) => MEAN_RECORDS_PER_SECOND * (1 + 0.5 * Math.sin((2 * Math.PI * t) / DAY_SECONDS)),
      },
    ],
  };
}

/**
 * The same day with every shard offered 1,200 records/s, over its 1,000 records/s write limit all day:
 * no shard is ever steady, so every shard is simulated every step (the rate level's slowest case).
 */
export function overLimitDay(): RateLevelInput {
  const input = caseStudy({ kind: 'uniform', keyBytes: 16 }, 1);
  return {
    ...input,
    producers: input.producers.map((producer) => ({ ...producer, ratePerSecond: () => 1200 * SHARDS })),
  };
}

/** Bytes held by the typed arrays of a result's series. */
export function seriesBytes(result: RateLevelResult): number {
  let total = 0;
  for (const stream of result.streams) {
    for (const shard of stream.shards) {
      for (const values of Object.values(shard.series)) total += values.byteLength;
    }
  }
  return total;
}
