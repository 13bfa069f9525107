/**
 * How an error message names a value it refuses: its kind and a short excerpt, never the whole value. A
 * learner's file can hold a megabyte string or thousands of nested arrays; quoting it in full made messages
 * of hundreds of kilobytes, and stringifying deep nesting overflowed the stack. Every validator in `sim/`
 * (scenarios, price overrides, the persisted document, calculator inputs) describes values through here.
 */

/** Longest excerpt of a value that a message quotes, in characters (before the closing `…`). */
export const MAX_EXCERPT_CHARS = 40;

/** How deep inside arrays and objects an excerpt looks before writing `[…]` or `{…}`. */
const EXCERPT_DEPTH = 2;

/**
 * The kind of a value in a learner's words: "a string", "an array", "an infinite number" … — JSON has no
 * infinite numbers, but `1e999` parses as Infinity, and saying "a number" of it hides what is wrong.
 */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not a number (NaN)';
    return Number.isFinite(value) ? 'a number' : 'an infinite number (too large to represent)';
  }
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

/** A string quoted as JSON writes it, cut to `max` characters (whole code points) with a closing `…`. */
function quote(text: string, max: number): string {
  if (text.length <= max) return JSON.stringify(text);
  let cut = max;
  // Never split a surrogate pair: half of one is not a character.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${JSON.stringify(text.slice(0, cut)).slice(0, -1)}…"`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return quote(value, MAX_EXCERPT_CHARS);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value === 'boolean') return String(value);
  return typeof value === 'function' ? 'a function' : String(value);
}

/**
 * Writes at most about `budget` characters of a value, looking at most `EXCERPT_DEPTH` levels deep, so
 * neither the size nor the depth of the value matters (the recursion is bounded by the depth).
 */
function excerpt(value: unknown, depth: number, budget: number): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const isArray = Array.isArray(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (depth >= EXCERPT_DEPTH) return `${open}…${close}`;
  let out = open;
  let first = true;
  try {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (out.length >= budget) {
        out += first ? '…' : ',…';
        return out + close;
      }
      const item = (value as Record<string, unknown>)[key];
      const name = isArray ? '' : `${quote(key, 20)}:`;
      out += `${first ? '' : ','}${name}${excerpt(item, depth + 1, budget - out.length)}`;
      first = false;
    }
  } catch {
    // A getter that throws (only JS callers can pass one): say what was written so far.
    out += first ? '…' : ',…';
  }
  return out + close;
}

/**
 * A value as a learner would write it in JSON, shortened for messages: strings cut at
 * `MAX_EXCERPT_CHARS` characters, arrays and objects as an excerpt of their first items two levels deep,
 * `Infinity`/`NaN` by name (JSON.stringify would say `null`), `undefined` as "nothing".
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = excerpt(value, 0, MAX_EXCERPT_CHARS);
  return text.length > MAX_EXCERPT_CHARS + 24 ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;
}

/**
 * A value for "X is not allowed" messages: finite numbers, booleans, null and quoted strings as they are
 * (their kind is plain to see), anything else with its kind first — "an array [1,2]", "an object {…}",
 * "an infinite number (too large to represent)" — so a learner sees what was found and its kind.
 */
export function describeKindAndValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? describeValue(value) : kindOf(value);
  if (typeof value === 'string') return describeValue(value);
  return `${kindOf(value)} ${describeValue(value)}`;
}

/** Longest object key a JSON path quotes in full; longer keys are cut with `…`. */
export const MAX_PATH_KEY_CHARS = 60;
/** Longest JSON path a message names; a deeper path keeps its start and its last step. */
export const MAX_PATH_CHARS = 140;

/**
 * The JSON path of `key` inside `path`: `$.a.b` for plain names, `$["odd key"]` otherwise, `$[3]` for an
 * array index. A key longer than `MAX_PATH_KEY_CHARS` is quoted cut short, and a path longer than
 * `MAX_PATH_CHARS` keeps its start and its last step, so a path stays short however long or deep the keys.
 */
export function childPath(path: string, key: string | number): string {
  const segment =
    typeof key === 'number'
      ? `[${key}]`
      : key.length <= MAX_PATH_KEY_CHARS && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
        ? `.${key}`
        : `[${quote(key, MAX_PATH_KEY_CHARS)}]`;
  // Deep inside a document the path keeps its start and its last step: `$.progress.labs.x…[3]`.
  return path.length + segment.length <= MAX_PATH_CHARS
    ? `${path}${segment}`
    : `${path.slice(0, MAX_PATH_CHARS - MAX_PATH_KEY_CHARS - 10)}…${segment}`;
}
