/**
 * The session-2 labs' workload: a web shop's access log in Apache "combined" format, one line per request,
 * generated from a seed so every run sends the same bytes. Addresses come from the documentation ranges
 * (RFC 5737), so no real host appears. The traffic figures are the labs' assumptions, not AWS figures.
 */
import { Rng } from '../../sim/core/rng.ts';
import { DEFAULT_START_TIME } from '../../sim/streaming/index.ts';

/** The log lines that arrive in each whole second of the run. */
export interface WebLogTraffic {
  readonly seed: number;
  readonly seconds: number;
  /** `perSecond[s]` holds the lines (each ending in `\n`) that arrive during second `s`. */
  readonly perSecond: readonly (readonly Uint8Array[])[];
  readonly records: number;
  readonly bytes: number;
}

/** When the labs' runs start: the afternoon of the workshop, in UTC. */
export const WORKSHOP_AFTERNOON_MS = Date.parse(DEFAULT_START_TIME['2016']);

const NETWORKS = ['192.0.2', '198.51.100', '203.0.113'];
const PAGES = [
  '/',
  '/search?q=shoes',
  '/search?q=jacket',
  '/product/',
  '/product/',
  '/product/',
  '/cart',
  '/checkout',
  '/static/app.js',
  '/static/style.css',
  '/api/recommendations?item=',
];
const REFERRERS = [
  '-',
  'https://www.example.com/',
  'https://www.example.com/search',
  'https://search.example.org/',
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_5) AppleWebKit/601.6.17 (KHTML, like Gecko) Version/9.1.1 Safari/601.6.17',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 9_3_2 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13F69 Safari/601.1',
  'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:47.0) Gecko/20100101 Firefox/47.0',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function timestamp(atMs: number): string {
  const d = new Date(atMs);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.nextInt(0, items.length - 1)]!;
}

function logLine(rng: Rng, time: string): string {
  const ip = `${pick(rng, NETWORKS)}.${rng.nextInt(1, 254)}`;
  const page = pick(rng, PAGES);
  const path =
    page.endsWith('/') && page !== '/'
      ? `${page}${rng.nextInt(1000, 9999)}`
      : page.endsWith('=')
        ? `${page}${rng.nextInt(1000, 9999)}`
        : page;
  const method = path === '/checkout' && rng.nextFloat() < 0.5 ? 'POST' : 'GET';
  const roll = rng.nextFloat();
  const status = roll < 0.9 ? 200 : roll < 0.95 ? 304 : roll < 0.99 ? 404 : 500;
  const size = status === 304 ? 0 : rng.nextInt(200, 48_000);
  return `${ip} - - [${time}] "${method} ${path} HTTP/1.1" ${status} ${size} "${pick(rng, REFERRERS)}" "${pick(rng, AGENTS)}"\n`;
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
 * `seconds` of traffic averaging `meanPerSecond` requests a second (a Poisson count each second), starting
 * at {@link WORKSHOP_AFTERNOON_MS}. Memoized: the same arguments return the same object, never a copy.
 */
export function webLogTraffic(seed: number, seconds: number, meanPerSecond: number): WebLogTraffic {
  const key = `${seed}/${seconds}/${meanPerSecond}`;
  const known = cache.get(key);
  if (known) return known;
  const rng = Rng.fromSeed(seed);
  const perSecond: Uint8Array[][] = [];
  let records = 0;
  let bytes = 0;
  for (let s = 0; s < seconds; s++) {
    const count = rng.poisson(meanPerSecond);
    const lines: Uint8Array[] = [];
    const time = timestamp(WORKSHOP_AFTERNOON_MS + s * 1000);
    for (let i = 0; i < count; i++) {
      const line = encoder.encode(logLine(rng, time));
      lines.push(line);
      bytes += line.length;
    }
    records += count;
    perSecond.push(lines);
  }
  const traffic: WebLogTraffic = { seed, seconds, perSecond, records, bytes };
  if (cache.size > 8) cache.clear();
  cache.set(key, traffic);
  return traffic;
}
