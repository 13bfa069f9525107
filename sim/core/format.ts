/**
 * The one place numbers, money, bytes and durations are turned into text for people to read. The UI and
 * the CLI both format through here, so a figure reads the same on a screen, a projector and a terminal.
 * Always en-US grouping ("1,048,576") so a worked formula looks like the AWS pages it cites.
 */

const LOCALE = 'en-US';

/** Options for {@link formatNumber}. */
export interface NumberFormatOptions {
  /** Most digits after the decimal point (default 2); trailing zeros are dropped. */
  readonly maxDecimals?: number;
  /** Fewest digits after the decimal point (default 0). */
  readonly minDecimals?: number;
}

/** A plain number with thousands separators: `1048576` → `1,048,576`, `0.5` → `0.5`. */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const maxDecimals = options.maxDecimals ?? 2;
  const minDecimals = Math.min(options.minDecimals ?? 0, maxDecimals);
  return new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  }).format(value);
}

/** An integer count with separators: `3000` → `3,000`. Non-integers are rounded for display only. */
export function formatCount(value: number): string {
  return formatNumber(Math.round(value), { maxDecimals: 0 });
}

/**
 * Money in US dollars. Amounts of a dollar or more show cents (`$1,234.56`); smaller amounts keep enough
 * digits to stay meaningful, since unit prices like `$0.014` or `$0.0001` must not read as `$0.00`.
 */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const decimals = magnitude === 0 || magnitude >= 1 ? 2 : magnitude >= 0.01 ? 4 : 6;
  const text = formatNumber(magnitude, { maxDecimals: decimals, minDecimals: 2 });
  return `${value < 0 ? '−' : ''}$${text}`;
}

/** A unit price exactly as the price book states it, never rounded: `$0.0275`, `$0.000001`. */
export function formatUnitPrice(value: number): string {
  return `$${formatNumber(value, { maxDecimals: 10, minDecimals: 2 })}`;
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
  return `${value < 0 ? '−' : ''}${text} ${BINARY_UNITS[index]}`;
}

/** A percentage from a ratio: `0.4567` → `45.7 %`. */
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

const SINGULAR: Readonly<Record<string, string>> = {
  shards: 'shard',
  units: 'unit',
  slices: 'slice',
  records: 'record',
  'user records': 'user record',
  'instance-hours': 'instance-hour',
  nodes: 'node',
};

/** A value with its unit, for formula lines: `(3, 'shards')` → `3 shards`; money units use `formatUsd`. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === 'USD') return formatUsd(value);
  if (unit.startsWith('USD per')) {
    const decimals = Math.abs(value) < 0.01 ? 6 : 4;
    return `$${formatNumber(value, { maxDecimals: decimals, minDecimals: 2 })}${unit.slice(3)}`;
  }
  if (unit === 'bytes') return `${formatNumber(value)} bytes`;
  if (unit === '%') return `${formatNumber(value, { maxDecimals: 1 })} %`;
  if (value === 1 && SINGULAR[unit]) return `1 ${SINGULAR[unit]}`;
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}
