/**
 * Compares a learner's query result with the answer computed from the data, so that any correct query
 * passes: column names are free, columns may come in any order and extra columns are ignored, rows are
 * compared as a multiset unless the question's order matters, and values are compared by meaning (a day
 * as `2016-06-07` or as midnight `2016-06-07 00:00:00`, a count as a number or as its text). Feedback
 * says what differs — shape, rows, a wrong row of the learner's — never the expected values.
 */

/** A value as a result row holds it (the engine's printed form). */
export type ResultValue = string | number | boolean | null;

/** What one column of the answer holds, which decides how its values compare. */
export type AnswerColumnKind = 'day' | 'integer' | 'number' | 'text';

/** One column of the answer: what the learner's column must hold. */
export interface AnswerColumn {
  /** The column in the learner's words ("the day", "the response code"), for feedback. */
  readonly label: string;
  readonly kind: AnswerColumnKind;
}

/** The answer to a question, computed from the data. */
export interface ExpectedAnswer {
  readonly columns: readonly AnswerColumn[];
  /** The rows, in `columns` order. */
  readonly rows: readonly (readonly ResultValue[])[];
  /** True when the question asks for an order ("most first"): rows must then come in this order. */
  readonly ordered: boolean;
  /**
   * For "which … has the most" questions: every row that ties for the top; a result of exactly one of
   * them passes. `rows` then holds them all.
   */
  readonly anyOneOf?: boolean;
  /** What one row of the answer stands for ("one row per day and response code"), for feedback. */
  readonly grain: string;
}

/** A learner's result: the columns the query returned and its rows. */
export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ResultValue[])[];
}

/** The verdict on a learner's result. */
export type Comparison = { readonly matches: true } | { readonly matches: false; readonly why: string };

const DAY = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00:00(?:\.0+)?)?$/;

/** A value in the form two equal answers share, or undefined when it cannot be of the column's kind. */
export function normalise(value: ResultValue, kind: AnswerColumnKind): string | undefined {
  if (value === null) return 'NULL';
  switch (kind) {
    case 'day': {
      const match = typeof value === 'string' ? DAY.exec(value.trim()) : null;
      return match ? match[1] : undefined;
    }
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(number)) return undefined;
      if (kind === 'integer') return Number.isInteger(number) ? String(number) : undefined;
      // Averages and shares: two answers agree to six significant digits.
      return number === 0 ? '0' : number.toPrecision(6);
    }
    case 'text':
      return String(value);
  }
}

const key = (values: readonly string[]) => JSON.stringify(values);

/** The learner's rows projected onto `mapping` (answer column → learner column) and normalised. */
function project(
  result: QueryResult,
  expected: ExpectedAnswer,
  mapping: readonly number[],
): (string[] | undefined)[] {
  return result.rows.map((row) => {
    const values = mapping.map((column, index) =>
      normalise(row[column] ?? null, expected.columns[index]!.kind),
    );
    return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
  });
}

/** Every way to pick distinct learner columns for the answer's columns, in order. */
function* mappings(answerColumns: number, learnerColumns: number, taken: number[] = []): Generator<number[]> {
  if (taken.length === answerColumns) {
    yield taken;
    return;
  }
  for (let column = 0; column < learnerColumns; column++) {
    if (!taken.includes(column)) yield* mappings(answerColumns, learnerColumns, [...taken, column]);
  }
}

/** Rows of `have` not in `want`, counting duplicates (a multiset difference). */
function unmatched(have: readonly string[][], want: readonly string[][]): string[][] {
  const left = new Map<string, number>();
  for (const row of want) left.set(key(row), (left.get(key(row)) ?? 0) + 1);
  const extra: string[][] = [];
  for (const row of have) {
    const count = left.get(key(row)) ?? 0;
    if (count > 0) left.set(key(row), count - 1);
    else extra.push(row);
  }
  return extra;
}

const rowsWord = (n: number) => (n === 1 ? '1 row' : `${n} rows`);
const shown = (row: readonly string[]) => `(${row.join(', ')})`;

/** Whether `result` answers the question whose answer is `expected`, and if not, why. */
export function compareResult(result: QueryResult, expected: ExpectedAnswer): Comparison {
  const want = expected.rows.map((row) =>
    row.map((value, index) => normalise(value, expected.columns[index]!.kind) ?? String(value)),
  );
  const needed = expected.columns.length;
  const labels = expected.columns.map((column) => column.label).join(', ');
  if (result.columns.length < needed) {
    return {
      matches: false,
      why: `The answer needs ${needed === 1 ? 'a column' : `${needed} columns`} (${labels}); your query returns ${result.columns.length}.`,
    };
  }
  const rowCountOk = expected.anyOneOf ? result.rows.length === 1 : result.rows.length === want.length;
  if (!rowCountOk) {
    const grain = expected.anyOneOf ? 'one row' : expected.grain;
    return {
      matches: false,
      why: `Your query returns ${rowsWord(result.rows.length)}; the answer has ${grain}.`,
    };
  }
  let best: { mapping: number[]; extra: string[][]; unreadable: number } | null = null;
  for (const mapping of mappings(needed, result.columns.length)) {
    const projected = project(result, expected, mapping);
    const readable = projected.filter((row): row is string[] => row !== undefined);
    const unreadable = projected.length - readable.length;
    if (unreadable === 0) {
      if (expected.anyOneOf) {
        if (want.some((row) => key(row) === key(readable[0]!))) return { matches: true };
      } else if (expected.ordered) {
        if (readable.every((row, index) => key(row) === key(want[index]!))) return { matches: true };
      } else if (unmatched(readable, want).length === 0) {
        return { matches: true };
      }
    }
    const extra = unmatched(readable, want);
    if (!best || unreadable + extra.length < best.unreadable + best.extra.length) {
      best = { mapping, extra, unreadable };
    }
  }
  if (!best || best.unreadable === result.rows.length) {
    return {
      matches: false,
      why: `Your columns do not hold what the answer needs (${labels}): check what each column of your SELECT computes.`,
    };
  }
  if (best.extra.length === 0 && best.unreadable === 0) {
    return { matches: false, why: 'Your rows are right but not in the order the question asks for.' };
  }
  const wrong = best.extra[0];
  const rightRows = result.rows.length - best.extra.length - best.unreadable;
  const example = wrong ? ` For example ${shown(wrong)} is not in the answer.` : '';
  if (expected.anyOneOf) return { matches: false, why: `That is not the top row.${example}` };
  if (result.rows.length === 1 && wrong)
    return { matches: false, why: `Your row ${shown(wrong)} is not the answer.` };
  return {
    matches: false,
    why: `${rightRows} of your ${rowsWord(result.rows.length)} match the answer.${example}`,
  };
}
