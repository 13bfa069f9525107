/**
 * Apache access-log lines in the "combined" format, the running example of the streaming session: a web
 * shop's requests, one line per request, each ending in a newline as a log agent sends it. Addresses come
 * from the documentation ranges (RFC 5737), so no real host appears. The mix of pages, statuses and
 * agents is the labs' assumption, not an AWS figure.
 */
import type { Rng } from '../core/index.ts';

/** The fields of one request, everything a line holds except its time. */
export interface AccessLogRequest {
  readonly ip: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number;
  /** Response body bytes (`%b`); 0 is written as `-`, as Apache does. */
  readonly bytes: number;
  readonly referrer: string;
  readonly agent: string;
}

const NETWORKS = ['192.0.2', '198.51.100', '203.0.113'];
const PAGES = [
  '/',
  '/search?q=',
  '/search?q=',
  '/product/',
  '/product/',
  '/product/',
  '/cart',
  '/checkout',
  '/static/app.js?v=',
  '/static/style.css?v=',
  '/api/recommendations?item=',
  '/img/product/',
];
const TERMS = [
  'shoes',
  'jacket',
  'rain+jacket',
  'running+shoes',
  'socks',
  'backpack',
  'tent',
  'gloves',
  'hat',
];
const REFERRERS = [
  '-',
  'https://www.example.com/',
  'https://www.example.com/search?q=',
  'https://www.example.com/product/',
  'https://search.example.org/?q=',
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/50.0.2661.102 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_5) AppleWebKit/601.6.17 (KHTML, like Gecko) Version/9.1.1 Safari/601.6.17',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.84 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 9_3_2 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13F69 Safari/601.1',
  'Mozilla/5.0 (Linux; Android 6.0.1; SM-G920F Build/MMB29K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/50.0.2661.89 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:47.0) Gecko/20100101 Firefox/47.0',
  'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/7.47.0',
];
/** Words a long query string is made of (campaign tags and search terms), so padding reads and compresses like a URL. */
const QUERY_WORDS = [
  'utm_source=newsletter',
  'utm_medium=email',
  'utm_campaign=summer-sale',
  'ref=home',
  'color=blue',
  'size=42',
  'sort=price',
  'page=2',
  'q=running+shoes',
  'q=rain+jacket',
  'session=',
  'item=',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `%t`: the request time in UTC as Apache writes it, such as `14/Jun/2016:14:00:05 +0000` (whole seconds). */
export function accessLogTime(atMs: number): string {
  const d = new Date(atMs);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const TIME_PATTERN = /\[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) \+0000\]/;

/** The time of an access-log line (ms since 1970, UTC), or undefined when the line has none. */
export function parseAccessLogTime(line: string): number | undefined {
  const m = TIME_PATTERN.exec(line);
  if (m === null) return undefined;
  const month = MONTHS.indexOf(m[2]!);
  if (month < 0) return undefined;
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.nextInt(0, items.length - 1)]!;
}

/** A page or referrer with its open end filled: an id after `/`, a search term after `q=`, a number after `=`. */
function filled(rng: Rng, template: string): string {
  if (template.endsWith('q=')) return template + pick(rng, TERMS);
  if (template.endsWith('=')) return template + rng.nextInt(1000, 99_999);
  if (template.endsWith('/') && template.length > 1 && !template.endsWith('.com/'))
    return template + rng.nextInt(1000, 99_999);
  return template;
}

/** Draws one request from the seeded generator. */
export function drawRequest(rng: Rng): AccessLogRequest {
  const ip = `${pick(rng, NETWORKS)}.${rng.nextInt(1, 254)}`;
  const path = filled(rng, pick(rng, PAGES));
  const method = path === '/checkout' && rng.nextFloat() < 0.5 ? 'POST' : 'GET';
  const roll = rng.nextFloat();
  const status = roll < 0.9 ? 200 : roll < 0.95 ? 304 : roll < 0.99 ? 404 : 500;
  const bytes = status === 304 ? 0 : rng.nextInt(200, 48_000);
  const referrer = filled(rng, pick(rng, REFERRERS));
  return { ip, method, path, status, bytes, referrer, agent: pick(rng, AGENTS) };
}

/** One line in the combined format, ending in `\n`. */
export function accessLogLine(request: AccessLogRequest, atMs: number): string {
  const r = request;
  const body = r.bytes === 0 ? '-' : String(r.bytes);
  return `${r.ip} - - [${accessLogTime(atMs)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${body} "${r.referrer}" "${r.agent}"\n`;
}

/** The shortest request there is (a revalidated home page): what every shortened line falls back to. */
const SHORTEST_REQUEST: AccessLogRequest = {
  ip: '192.0.2.1',
  method: 'GET',
  path: '/',
  status: 304,
  bytes: 0,
  referrer: '-',
  agent: '-',
};

/** Length of the shortest line a request can make (at any time: `%t` has a fixed width). */
export const SHORTEST_LINE_BYTES = accessLogLine(SHORTEST_REQUEST, 0).length;

/** Hex digits of a token (a session or tracking id), `length` long, from a generator state. */
function token(state: number, length: number): string {
  let out = '';
  let x = state;
  while (out.length < length) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out += (x >>> 8).toString(16).padStart(6, '0');
  }
  return out.slice(0, length);
}

/**
 * `count` characters of query string, parameters joined by `&` and chosen by `salt` (deterministic). The
 * last parameter is a tracking token (`t=` and hex digits) sized to fill exactly, so no word is cut.
 */
function queryFiller(count: number, salt: number): string {
  let out = '';
  let state = (salt * 2_654_435_761 + 1) >>> 0;
  for (;;) {
    // A linear congruential step: cheap, deterministic and varied enough to read like real URLs.
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const word = QUERY_WORDS[(state >>> 16) % QUERY_WORDS.length]!;
    const param = word.endsWith('=') ? `${word}${(state & 0xffff).toString(16)}` : word;
    const next = (out.length === 0 ? '' : '&') + param;
    // Leave room for a closing token of at least one digit (`&t=` + 1).
    if (out.length + next.length + 4 > count) break;
    out += next;
  }
  const separator = out.length === 0 ? '' : '&';
  const rest = count - out.length - separator.length - 't='.length;
  if (rest < 1) return out + token(state, count - out.length);
  return `${out}${separator}t=${token(state, rest)}`;
}

/**
 * One line of exactly `size` bytes (ASCII, so characters are bytes), ending in `\n`, for the request at
 * `atMs`. A line longer than the request's own is lengthened in its query string (an analytics beacon's
 * long URL; past about 8 KB no real server would log it, but the line stays whole); a shorter one drops
 * the referrer, then shortens the user agent, then the path, down to {@link SHORTEST_LINE_BYTES}. Below
 * that no access-log line fits: the record is then `size − 1` dashes and a newline, a stand-in for an
 * event smaller than any log line (see the README's scenario section).
 */
export function accessLogLineOfSize(request: AccessLogRequest, atMs: number, size: number, salt = 0): string {
  if (size < SHORTEST_LINE_BYTES) return size <= 0 ? '' : `${'-'.repeat(size - 1)}\n`;
  const natural = accessLogLine(request, atMs);
  if (natural.length === size) return natural;
  if (natural.length < size) {
    const extra = size - natural.length;
    // Up to three missing bytes go into the agent (trailing spaces); more become a query string.
    if (extra < 3) return accessLogLine({ ...request, agent: request.agent + ' '.repeat(extra) }, atMs);
    const separator = request.path.includes('?') ? '&' : '?';
    const path = `${request.path}${separator}${queryFiller(extra - 1, salt)}`;
    return accessLogLine({ ...request, path }, atMs);
  }
  let shorter: AccessLogRequest = { ...request, referrer: '-' };
  let line = accessLogLine(shorter, atMs);
  if (line.length > size) {
    const over = line.length - size;
    const agent = shorter.agent.length > over ? shorter.agent.slice(0, shorter.agent.length - over) : '-';
    shorter = { ...shorter, agent };
    line = accessLogLine(shorter, atMs);
  }
  if (line.length > size) {
    shorter = SHORTEST_REQUEST;
    line = accessLogLine(shorter, atMs);
  }
  // Pad whatever the last step left short (it can overshoot by a few characters).
  return line.length === size ? line : accessLogLineOfSize(shorter, atMs, size, salt);
}
