/**
 * The COPY lab's checks. They read what derive found on the learner's cluster — the table's definition,
 * its rows, `stl_load_errors` and `stl_load_commits` — never the text on screen.
 */
import { formatCount } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import type { LoadWorkspace } from './workspace.ts';

/** One row of `stl_load_errors`, as the learner would read it. */
export interface LoadErrorRow {
  readonly filename: string;
  readonly lineNumber: number;
  readonly colname: string;
  readonly errCode: number;
  readonly errReason: string;
  readonly rawFieldValue: string;
}

/** What one statement of a learner's script did, as the console shows it. */
export interface StatementOutcome {
  readonly sql: string;
  readonly command: string;
  readonly status: 'ok' | 'error';
  /** Redshift's message when it failed. */
  readonly message: string | null;
  readonly columns: readonly string[] | null;
  /** The first rows of a result (at most 20); `rowCount` says how many there were. */
  readonly rows: readonly (readonly (string | number | boolean | null)[])[] | null;
  readonly rowCount: number;
  readonly rowsLoaded: number | null;
}

/** What derive found after replaying the learner's history. */
export interface LoadFacts {
  /** Each event of the history, in order: a script's statements, or the re-run processing step. */
  readonly runs: readonly (
    | { readonly kind: 'sql'; readonly statements: readonly StatementOutcome[] }
    | { readonly kind: 'reprocess' }
  )[];
  /** `accesslogs` as pg_table_def describes it, or null when there is no such table. */
  readonly table: { readonly columns: readonly { readonly name: string; readonly type: string }[] } | null;
  readonly rowCount: number;
  /** Rows whose response_size is NULL. */
  readonly nullSizes: number;
  /** `stl_load_errors`, oldest first. */
  readonly loadErrors: readonly LoadErrorRow[];
  /** Files `stl_load_commits` lists, as `s3://bucket/key`. */
  readonly committedFiles: readonly string[];
  /** How many COPY statements into accesslogs ran, whatever their outcome. */
  readonly copies: number;
  /** What the files in S3 hold now: their URLs, their lines, and the lines without a response size. */
  readonly files: { readonly urls: readonly string[]; readonly lines: number; readonly missingSizes: number };
}

type Task = LabTask<LoadWorkspace, LoadFacts>;

/** The nine columns the EMR step writes, in order, with the type family each needs. */
export const EXPECTED_COLUMNS: readonly {
  readonly name: string;
  readonly family: 'text' | 'timestamp' | 'integer';
}[] = [
  { name: 'host_address', family: 'text' },
  { name: 'request_time', family: 'timestamp' },
  { name: 'request_method', family: 'text' },
  { name: 'request_path', family: 'text' },
  { name: 'request_protocol', family: 'text' },
  { name: 'response_code', family: 'integer' },
  { name: 'response_size', family: 'integer' },
  { name: 'referrer_host', family: 'text' },
  { name: 'user_agent', family: 'text' },
];

const familyOf = (type: string): 'text' | 'timestamp' | 'integer' | 'other' =>
  /^(character varying|character|varchar|char|text)/.test(type)
    ? 'text'
    : /^timestamp/.test(type)
      ? 'timestamp'
      : /^(smallint|integer|bigint)$/.test(type)
        ? 'integer'
        : 'other';

const familyWords = {
  text: 'a VARCHAR',
  timestamp: 'a TIMESTAMP',
  integer: 'an integer type (INT)',
} as const;

/** `accesslogs` has the nine columns, in order, with types that fit the data. */
export const tableDefined: Task = {
  id: 'table-defined',
  title: 'accesslogs has the nine columns of the processed logs, with types that fit them',
  check(_workspace, { derived }): TaskResult {
    const table = derived.table;
    if (!table)
      return { passed: false, feedback: 'There is no table accesslogs yet: create it with CREATE TABLE.' };
    if (table.columns.length !== EXPECTED_COLUMNS.length) {
      return {
        passed: false,
        feedback: `accesslogs has ${table.columns.length} columns; the files have ${EXPECTED_COLUMNS.length} fields a line. Drop it (DROP TABLE accesslogs) and create it again.`,
      };
    }
    for (const [index, expected] of EXPECTED_COLUMNS.entries()) {
      const column = table.columns[index]!;
      if (column.name !== expected.name) {
        return {
          passed: false,
          feedback: `Column ${index + 1} is ${column.name}; the later labs and queries call it ${expected.name}.`,
        };
      }
      if (familyOf(column.type) !== expected.family) {
        return {
          passed: false,
          feedback: `${column.name} is ${column.type}; its values need ${familyWords[expected.family]}.`,
        };
      }
    }
    return {
      passed: true,
      feedback: 'accesslogs has the nine columns, each with a type that fits its data.',
    };
  },
};

/** A COPY into accesslogs has run. */
export const copyRan: Task = {
  id: 'copy-ran',
  title: 'A COPY from S3 into accesslogs has run',
  check(_workspace, { derived }) {
    if (derived.copies === 0) return { passed: false, feedback: 'No COPY into accesslogs has run yet.' };
    if (derived.loadErrors.length === 0) {
      return {
        passed: false,
        feedback:
          'stl_load_errors is empty: run the workshop’s COPY as it stands (MAXERROR 0, no other options) to see what the files do to it.',
      };
    }
    return { passed: true, feedback: 'The load has run and stl_load_errors has something to say.' };
  },
};

/** The column of the first load error, read from stl_load_errors. */
export const errorColumnQuestion: Task = {
  id: 'error-column',
  title: 'Which column did the first error in stl_load_errors happen in?',
  check(workspace, { derived }) {
    const first = derived.loadErrors[0];
    if (!first) return { passed: false, feedback: 'stl_load_errors has no rows yet: run the COPY first.' };
    const answer = workspace.answers['error-column'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (answer.trim().toLowerCase() === first.colname.trim().toLowerCase()) {
      return {
        passed: true,
        feedback: `Right: ${first.colname.trim()}, where the field was "${first.rawFieldValue.trim()}".`,
      };
    }
    return {
      passed: false,
      feedback: `"${answer}" is not it: read the colname of the first row of stl_load_errors.`,
    };
  },
};

/** The error code of the first load error. */
export const errorCodeQuestion: Task = {
  id: 'error-code',
  title: 'What is its error code (err_code)?',
  check(workspace, { derived }) {
    const first = derived.loadErrors[0];
    if (!first) return { passed: false, feedback: 'stl_load_errors has no rows yet: run the COPY first.' };
    const answer = workspace.answers['error-code'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (answer === first.errCode)
      return { passed: true, feedback: `Right: ${first.errCode}, "${first.errReason.trim()}".` };
    const why =
      answer === first.lineNumber
        ? 'That is the line number of the bad line; the code is in err_code.'
        : 'Read err_code in the first row of stl_load_errors.';
    return { passed: false, feedback: `${answer} is not it. ${why}` };
  },
};

/** Every line of the files is in the table, exactly once. */
export const everyLineOnce: Task = {
  id: 'every-line-once',
  title: 'accesslogs holds every line of the files, each once',
  check(_workspace, { derived }) {
    const { rowCount } = derived;
    const lines = derived.files.lines;
    if (rowCount === lines)
      return { passed: true, feedback: `${formatCount(rowCount)} rows for ${formatCount(lines)} lines.` };
    if (rowCount === 0) return { passed: false, feedback: 'accesslogs is empty: no COPY has committed yet.' };
    if (rowCount < lines) {
      return {
        passed: false,
        feedback: `accesslogs has ${formatCount(rowCount)} rows; the files have ${formatCount(lines)} lines, so ${formatCount(lines - rowCount)} are missing. A COPY with a higher MAXERROR skips the lines it cannot read (stl_load_errors lists them): fix the cause instead, then empty the table and load again.`,
      };
    }
    return {
      passed: false,
      feedback: `accesslogs has ${formatCount(rowCount)} rows for ${formatCount(lines)} lines: COPY appends, so loading twice keeps both copies. Empty the table (TRUNCATE accesslogs) and load once.`,
    };
  },
};

/** The lines without a size hold NULL in response_size. */
export const missingSizesNull: Task = {
  id: 'missing-sizes-null',
  title: 'The responses without a size have NULL in response_size',
  check(_workspace, { derived }) {
    const missing = derived.files.missingSizes;
    if (derived.rowCount === 0) return { passed: false, feedback: 'accesslogs is empty: load it first.' };
    if (derived.nullSizes === missing) {
      return { passed: true, feedback: `${formatCount(missing)} responses without a body have a NULL size.` };
    }
    return {
      passed: false,
      feedback: `${formatCount(derived.nullSizes)} rows have a NULL response_size; the files have ${formatCount(missing)} lines without a size.`,
    };
  },
};

/** stl_load_commits shows every file committed. */
export const everyFileCommitted: Task = {
  id: 'every-file-committed',
  title: 'The load history (stl_load_commits) lists every file',
  check(_workspace, { derived }) {
    const missing = derived.files.urls.filter((url) => !derived.committedFiles.includes(url));
    if (missing.length === 0) {
      return { passed: true, feedback: `All ${derived.files.urls.length} files are in stl_load_commits.` };
    }
    return {
      passed: false,
      feedback: `${missing.length} of ${derived.files.urls.length} files are not in stl_load_commits, such as ${missing[0]}: no COPY of them has committed.`,
    };
  },
};
