/**
 * The one place numbers, money, bytes and durations are turned into text for people to read. The UI and
 * the CLI both format through here, so a figure reads the same on a screen, a projector and a terminal.
 * Always en-US grouping ("1,048,576") so a worked formula looks like the AWS pages it cites.
 */

import { MIB } from './units.ts';

const LOCALE = 'en-US';

/** Options for {@link formatNumber}. */
export interface NumberFormatOptions {
  /** Most digits after the decimal point (default 2); trailing zeros are dropped. */
  readonly maxDecimals?: number;
  /** Fewest digits after the decimal point (default 0). */
  readonly minDecimals?: number;
}

/** A plain number with thousands separators: `1048576` → `1,048,576`, `0.5` → `0.5`. Never prints `-0`. */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const maxDecimals = options.maxDecimals ?? 2;
  const minDecimals = Math.min(options.minDecimals ?? 0, maxDecimals);
  const text = new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  }).format(value);
  // A tiny negative float error (1 − 1.0000000001) must not read as "-0".
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** An integer count with separators: `3000` → `3,000`. Non-integers are rounded for display only. */
export function formatCount(value: number): string {
  return formatNumber(Math.round(value), { maxDecimals: 0 });
}

/** Significant digits a dollar figure below $1 keeps (`$0.2283`, `$0.0275`, `$0.000001667`). */
const MONEY_SIGNIFICANT_DIGITS = 4;

/** Decimals that show `magnitude` to {@link MONEY_SIGNIFICANT_DIGITS} significant digits, at least cents. */
function moneyDecimals(magnitude: number): number {
  if (magnitude === 0) return 2;
  const leadingDigitPlace = Math.floor(Math.log10(magnitude));
  return Math.min(20, Math.max(2, MONEY_SIGNIFICANT_DIGITS - 1 - leadingDigitPlace));
}

function dollars(value: number, decimals: number): string {
  const text = formatNumber(Math.abs(value), { maxDecimals: decimals, minDecimals: 2 });
  return `${value < 0 && text !== formatNumber(0, { minDecimals: 2 }) ? '−' : ''}$${text}`;
}

/**
 * An amount of money in US dollars. A dollar or more shows cents (`$1,234.56`); less keeps four
 * significant digits (`$0.672`, `$0.2283`, `$0.0001`), so a small amount never reads as `$0.00` and float
 * noise (`0.30000000000000004`) never shows.
 */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  return dollars(value, magnitude >= 1 ? 2 : moneyDecimals(magnitude));
}

/**
 * A unit price (dollars per shard-hour, per GB, per node-hour…): at least cents and up to four
 * significant digits, so book prices read as the book states them (`$0.015`, `$0.0275`, `$1.086`,
 * `$0.000001`) and computed rates lose their float tail (`0.2283105023` → `$0.2283`).
 */
export function formatUnitPrice(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return dollars(value, moneyDecimals(Math.abs(value)));
}

const BINARY_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** A byte quantity in binary units (1 KiB = 1,024 bytes): `1048576` → `1 MiB`, `500` → `500 bytes`. */
export function formatBytes(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  let scaled = Math.abs(value);
  let index = 0;
  while (scaled >= 1024 && index < BINARY_UNITS.length - 1) {
    scaled /= 1024;
    index += 1;
  }
  const text = formatNumber(scaled, { maxDecimals: index === 0 ? 0 : 2 });
  return `${value < 0 ? '−' : ''}${text} ${unitAgreeingWith(text, BINARY_UNITS[index] ?? 'bytes')}`;
}

/**
 * A byte quantity in mebibytes, with two decimals unless `options` say otherwise, so a shard's rate reads
 * next to its 1 MiB/s limit: `786_432` → `0.75 MiB`, `5_242_880` → `5.00 MiB`. Add `/s` for a rate.
 */
export function formatMib(
  value: number,
  options: NumberFormatOptions = { minDecimals: 2, maxDecimals: 2 },
): string {
  return `${formatNumber(value / MIB, options)} MiB`;
}

/** A percentage from a ratio: `0.4567` → `45.7 %` (a space before `%`, as every figure in the app has). */
export function formatPercent(ratio: number, maxDecimals = 1): string {
  return `${formatNumber(ratio * 100, { maxDecimals })} %`;
}

/** A duration given in seconds, in the largest sensible units: `90` → `1 min 30 s`, `0.2` → `200 ms`. */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return String(totalSeconds);
  if (totalSeconds < 0) return `−${formatDuration(-totalSeconds)}`;
  if (totalSeconds < 1) return `${formatNumber(totalSeconds * 1000, { maxDecimals: 0 })} ms`;
  if (totalSeconds < 60) return `${formatNumber(totalSeconds, { maxDecimals: 1 })} s`;
  const parts: string[] = [];
  let rest = Math.round(totalSeconds);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const wholeHours = Math.floor(rest / 3_600);
  rest -= wholeHours * 3_600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  if (days > 0) parts.push(`${formatCount(days)} d`);
  if (wholeHours > 0) parts.push(`${wholeHours} h`);
  if (minutes > 0) parts.push(`${minutes} min`);
  if (secs > 0 && days === 0) parts.push(`${secs} s`);
  return parts.join(' ');
}

/**
 * The unit as it reads after `numberText`: singular after exactly "1" (`1 shard`, `1 call/s per shard`,
 * `1 user record`, `1 instance-hour`), as given otherwise. Only the counted noun — the last word before
 * any `/rate` or ` per …` — changes, and only a plural English noun (`shards`, `bytes`), never a symbol
 * (`s`, `ms`, `GB`, `%`).
 */
export function unitAgreeingWith(numberText: string, unit: string): string {
  if (numberText.replace(/^[-−]/, '') !== '1') return unit;
  const match = /^(.*?)([a-z][a-z-]*[a-z]{2})s((?:\/| per ).*)?$/.exec(unit);
  if (!match) return unit;
  const [, before = '', noun = '', after = ''] = match;
  return `${before}${noun}${after}`;
}

/**
 * A value with its unit, for formula results: `(3, 'shards')` → `3 shards`, `(1, 'shards')` → `1 shard`;
 * `USD` amounts use {@link formatUsd}, `USD per …` rates {@link formatUnitPrice}, `%` values (already
 * multiplied by 100) read `73.1 %`. This is the one place a step's unit meets its number.
 */
export function formatQuantity(value: number, unit: string): string {
  if (unit === 'USD') return formatUsd(value);
  if (unit.startsWith('USD per ')) return `${formatUnitPrice(value)}${unit.slice(3)}`;
  if (unit === '%') return `${formatNumber(value, { maxDecimals: 1 })} %`;
  const text = formatNumber(value);
  return unit === '' ? text : `${text} ${unitAgreeingWith(text, unit)}`;
}
