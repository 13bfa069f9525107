/**
 * A web shop's traffic as whole access-log lines, second by second: the workload of the session-2 labs
 * that compare Kinesis Streams with Firehose and size Firehose's buffers. Generated from a seed, so every
 * run sends the same bytes; the traffic figures are the labs' assumptions, not AWS figures.
 */
import { Rng } from '../core/index.ts';
import { accessLogLine, drawRequest } from './access-log.ts';

/** The log lines that arrive in each whole second of the run. */
export interface WebLogTraffic {
  readonly seed: number;
  readonly seconds: number;
  /** UTC time of the run's second 0 (ms since 1970): the lines' timestamps count from here. */
  readonly startMs: number;
  /** `perSecond[s]` holds the lines (each ending in `\n`) that arrive during second `s`. */
  readonly perSecond: readonly (readonly Uint8Array[])[];
  readonly records: number;
  readonly bytes: number;
}

/**
 * When the `index`-th of `count` requests of second `second` happened, in ms since the start of the run:
 * the requests of a second are spread evenly across it.
 */
export function eventTimeMs(second: number, index: number, count: number): number {
  return second * 1000 + Math.floor((index * 1000) / count);
}

const encoder = new TextEncoder();
const cache = new Map<string, WebLogTraffic>();

/**
 * `seconds` of traffic averaging `meanPerSecond` requests a second (a Poisson count each second), the
 * lines of second `s` stamped `startMs + s` seconds (access-log times have whole seconds). Memoized: the
 * same arguments return the same object, never a copy.
 */
export function webLogTraffic(
  seed: number,
  seconds: number,
  meanPerSecond: number,
  startMs: number,
): WebLogTraffic {
  const key = `${seed}/${seconds}/${meanPerSecond}/${startMs}`;
  const known = cache.get(key);
  if (known) return known;
  const rng = Rng.fromSeed(seed);
  const perSecond: Uint8Array[][] = [];
  let records = 0;
  let bytes = 0;
  for (let s = 0; s < seconds; s++) {
    const count = rng.poisson(meanPerSecond);
    const lines: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const line = encoder.encode(accessLogLine(drawRequest(rng), startMs + eventTimeMs(s, i, count)));
      lines.push(line);
      bytes += line.length;
    }
    records += count;
    perSecond.push(lines);
  }
  const traffic: WebLogTraffic = { seed, seconds, startMs, perSecond, records, bytes };
  if (cache.size > 8) cache.clear();
  cache.set(key, traffic);
  return traffic;
}
