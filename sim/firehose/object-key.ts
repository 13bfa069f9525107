import type { Rng } from '../core/index.ts';
import type { DeliveryStreamConfig } from './config.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** The UTC calendar fields of a virtual time (milliseconds since 1970-01-01T00:00:00Z). */
function utcParts(atMs: number) {
  const date = new Date(atMs);
  return {
    year: String(date.getUTCFullYear()).padStart(4, '0'),
    month: two(date.getUTCMonth() + 1),
    day: two(date.getUTCDate()),
    hour: two(date.getUTCHours()),
    minute: two(date.getUTCMinutes()),
    second: two(date.getUTCSeconds()),
  };
}

/**
 * A random object-name suffix in UUID form (8-4-4-4-12 hex digits), drawn from the simulation's seeded
 * generator so the same seed names the same objects.
 */
export function randomObjectId(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += rng.nextInt(0, 0xffff_ffff).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The S3 key Firehose writes an object under (FH17 `basic-deliver.md`, AWS-FACTS §3): the prefix exactly as
 * configured (no slash added), the UTC time prefix `YYYY/MM/DD/HH/`, then
 * `DeliveryStreamName-DeliveryStreamVersion-YYYY-MM-DD-HH-MM-SS-RandomString`. The time is the arrival
 * time of the oldest record in the object, as Firehose's documentation states for its timestamps. No file
 * extension is added: that option arrived long after 2016.
 */
export function deliveryObjectKey(
  config: DeliveryStreamConfig,
  version: number,
  atMs: number,
  randomId: string,
): string {
  const t = utcParts(atMs);
  return (
    `${config.Prefix}${t.year}/${t.month}/${t.day}/${t.hour}/` +
    `${config.DeliveryStreamName}-${version}-${t.year}-${t.month}-${t.day}-${t.hour}-${t.minute}-${t.second}-${randomId}`
  );
}
