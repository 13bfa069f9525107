/** The public face of sim/core/: import it from outside the folder through this file. */
export {
  GB_DECIMAL,
  GIB,
  HOURS_PER_MONTH,
  HOURS_PER_YEAR,
  KIB,
  MIB,
  MILLIS_PER_HOUR,
  TB_DECIMAL,
  bytes,
  bytesPerSecond,
  callsPerSecond,
  count,
  hours,
  mebibytes,
  millis,
  recordsPerSecond,
  seconds,
  secondsToMillis,
  usd,
  type Bytes,
  type BytesPerSecond,
  type CallsPerSecond,
  type Count,
  type Hours,
  type Mebibytes,
  type Millis,
  type RecordsPerSecond,
  type Seconds,
  type UnitName,
  type Usd,
} from './units.ts';
export {
  MAX_EXCERPT_CHARS,
  childPath,
  describeKindAndValue,
  describeValue,
  kindOf,
} from './describe-value.ts';
export {
  formatBytes,
  formatCount,
  formatDuration,
  formatMib,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
  formatUsd,
} from './format.ts';
export { SimException, fail, ok, type Result, type SimError } from './errors.ts';
export { ERAS, isEra, type Era } from './era.ts';
export { MetricStore, type MetricId, type MetricSeries } from './metrics.ts';
export { MAX_SEED, Rng } from './rng.ts';
export {
  DEFAULT_METRIC_OPTIONS,
  createSimulation,
  createState,
  recordMetric,
  schedule,
  scheduleAfter,
  type SimContext,
  type SimEvent,
  type SimState,
  type SimulationModule,
} from './simulation.ts';
export { md5Digest, md5DigestOfText, md5Hex } from './md5.ts';
export { parseJsonText } from './json-syntax.ts';
export { bytesReplacer, bytesReviver, type SavedBytes } from './bytes-json.ts';
export { restore, snapshot, type SimSnapshot } from './snapshot.ts';
export { digestOf, digestOfState } from './digest.ts';
export { parseTypedNumber, type TypedNumber } from './typed-number.ts';
export { EventQueue } from './event-queue.ts';
