/**
 * Finds where JSON text stops being valid. `JSON.parse` says *what* is wrong, but on Node 20 and in
 * Chromium its message often omits *where* ("Unexpected token '}'"); a learner editing a scenario file
 * needs the line and column. This walks the JSON grammar (RFC 8259) only to find that offset. It keeps its
 * own stack of open arrays and objects instead of recursing, so thousands of nested brackets cannot
 * overflow the call stack.
 */

/** Deepest nesting of arrays and objects a learner's JSON file (scenario, price overrides) may have. */
export const MAX_JSON_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Offset of the first character that breaks the JSON grammar, or `undefined` when the text is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  // The open arrays and objects, innermost last; `fresh` until the first item or the close is read.
  const open: { readonly kind: '[' | '{'; fresh: boolean }[] = [];
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  /** Reads a string at `i` (which is '"'); false when it is broken, leaving `i` at the bad character. */
  const string = (): boolean => {
    i++;
    for (;;) {
      if (i >= text.length) return false;
      const char = text[i]!;
      if (char === '"') break;
      if (char < ' ') return false;
      if (char === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return false;
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) return false;
      }
      i++;
    }
    i++;
    return true;
  };
  /** Reads one scalar, or opens an array or object (pushed on `open`, read by the loop below). */
  const value = (): boolean => {
    space();
    const char = text[i];
    if (char === '{' || char === '[') {
      open.push({ kind: char, fresh: true });
      i++;
      return true;
    }
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (char !== word[0]) continue;
      for (const letter of word) {
        if (text[i] !== letter) return false;
        i++;
      }
      return true;
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) return false;
      i += match[0].length;
      return true;
    }
    return false;
  };
  /** Reads `"key":` and the start of its value. */
  const member = (): boolean => {
    space();
    if (text[i] !== '"' || !string()) return false;
    space();
    if (text[i] !== ':') return false;
    i++;
    return value();
  };
  let good = value();
  while (good && open.length > 0) {
    space();
    const top = open[open.length - 1]!;
    const close = top.kind === '{' ? '}' : ']';
    if (text[i] === close) {
      open.pop();
      i++;
    } else if (top.fresh || text[i] === ',') {
      if (!top.fresh) i++;
      top.fresh = false;
      good = top.kind === '{' ? member() : value();
    } else good = false;
  }
  if (good) {
    space();
    if (i >= text.length) return undefined;
  }
  return Math.min(i, text.length);
}

/**
 * Where the arrays and objects in JSON text first nest deeper than `limit`: the offset of the bracket that
 * goes one level too deep, or `undefined`. Brackets inside strings do not count. Linear and iterative.
 */
export function jsonDepthExceededAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth > limit) return i;
    } else if (char === ']' || char === '}') depth--;
  }
  return undefined;
}

/** "line L, column C" (both from 1) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** JSON text read, or why not: the problem's message names the line and column. */
export type JsonTextOutcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/**
 * Reads a learner's JSON file: a UTF-8 byte-order mark (which editors on Windows add) is skipped, nesting
 * deeper than `MAX_JSON_DEPTH` is refused before parsing (no file the app reads needs more, and deep values
 * are what overflowed the stack), and a syntax error says where it is. The message starts in lower case,
 * to follow "FILE: " or "$: ".
 */
export function parseJsonText(text: string): JsonTextOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = jsonDepthExceededAt(body);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      message: `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels at ${lineAndColumn(body, tooDeep)}; the file format needs only a few levels.`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(body);
    const where = offset === undefined ? '' : ` at ${lineAndColumn(body, offset)}`;
    // V8 quotes the text around the error; keep its first sentence short.
    const short = detail.length > 120 ? `${detail.slice(0, 120)}…` : detail;
    return { ok: false, message: `not valid JSON${where}: ${short}` };
  }
}
