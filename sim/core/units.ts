/**
 * Branded number types: a plain number at run time, but the type checker refuses to mix units
 * (a `Bytes` cannot be passed where `Millis` is expected). Convert at the edges with the helpers below.
 */
declare const unit: unique symbol;
type Unit<Name extends string> = number & { readonly [unit]: Name };

/** The name of a branded unit (`UnitName<Bytes>` is `'Bytes'`), for tests that check a unit's words. */
export type UnitName<U extends number> = U extends { readonly [unit]: infer Name } ? Name : never;

/** A quantity of bytes (1 KiB = 1,024 bytes; AWS "MB" in 2016 documents means MiB). */
export type Bytes = Unit<'Bytes'>;
/**
 * A quantity in mebibytes (1 MiB = 1,048,576 bytes): the unit of AWS settings given "in MB", such as
 * Firehose's `SizeInMBs` buffering hint and Lambda's `MemorySize`.
 */
export type Mebibytes = Unit<'Mebibytes'>;
/** A duration or instant on the virtual clock, in milliseconds. */
export type Millis = Unit<'Millis'>;
/** A duration in seconds. */
export type Seconds = Unit<'Seconds'>;
/** A duration in hours (billing periods). */
export type Hours = Unit<'Hours'>;
/** An amount of money in US dollars. */
export type Usd = Unit<'Usd'>;
/** A rate of records per second. */
export type RecordsPerSecond = Unit<'RecordsPerSecond'>;
/** A rate of bytes per second. */
export type BytesPerSecond = Unit<'BytesPerSecond'>;
/** A rate of API calls (requests) per second. */
export type CallsPerSecond = Unit<'CallsPerSecond'>;
/** A count of things (records, shards, nodes, calls). */
export type Count = Unit<'Count'>;

export const bytes = (n: number): Bytes => n as Bytes;
export const mebibytes = (n: number): Mebibytes => n as Mebibytes;
export const millis = (n: number): Millis => n as Millis;
export const seconds = (n: number): Seconds => n as Seconds;
export const hours = (n: number): Hours => n as Hours;
export const usd = (n: number): Usd => n as Usd;
export const recordsPerSecond = (n: number): RecordsPerSecond => n as RecordsPerSecond;
export const bytesPerSecond = (n: number): BytesPerSecond => n as BytesPerSecond;
export const callsPerSecond = (n: number): CallsPerSecond => n as CallsPerSecond;
export const count = (n: number): Count => n as Count;

/** Milliseconds in an hour: the virtual clock's unit against AWS's hourly prices and retention. */
export const MILLIS_PER_HOUR = 3_600_000;

export const KIB = 1024;
export const MIB = 1024 * 1024;
export const GIB = 1024 * 1024 * 1024;
/** Decimal units, as AWS bills storage and transfer: 1 GB = 10^9 bytes unless a source says otherwise. */
export const GB_DECIMAL = 1_000_000_000;
export const TB_DECIMAL = 1_000_000_000_000;

/** Hours in a billing month as AWS calculators use it (730 = 8,760 / 12). */
export const HOURS_PER_MONTH = hours(730);
/** Hours in a (non-leap) year. */
export const HOURS_PER_YEAR = hours(8760);

export const secondsToMillis = (s: Seconds): Millis => millis(s * 1000);
export const millisToSeconds = (ms: Millis): Seconds => seconds(ms / 1000);
