/**
 * Virtual times as the downstream panels print them. A scenario's clock starts at 0 unless it sets a start
 * date, so small values read as time since the start (`5 min 30 s`) and calendar values as UTC date-times
 * (`2016-05-24 14:05:00 UTC`), the zone Firehose uses in its keys.
 */
import { formatDuration } from '../../../../sim/core/index.ts';

/** Anything below this (about 3 years of simulated time) is time since the run started. */
const CALENDAR_FROM_MS = 100_000_000_000;

/** A virtual time for people: elapsed time from the start, or a UTC date-time. */
export function clockLabel(atMs: number): string {
  if (atMs < CALENDAR_FROM_MS) return atMs === 0 ? '0 s' : formatDuration(atMs / 1000);
  return `${new Date(atMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
