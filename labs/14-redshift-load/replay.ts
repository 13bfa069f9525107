/**
 * Replays the learner's history on a fresh demo cluster — each script statement by statement, the
 * re-run processing step as the files in S3 replaced — and reads back what the checks need: the table's
 * definition and rows, and the load history (stl_load_errors, stl_load_commits) from COPY's own log.
 */
import { formatType, type StatementResult } from '../../sim/redshift/index.ts';
import { rememberRuns } from '../engine/run-cache.ts';
import { openLabWarehouse, putLogObjects } from '../kit/lab-warehouse.ts';
import { accessLogRows, WAREHOUSE_BUCKET, warehouseLogObjects } from '../kit/web-log-warehouse.ts';
import { EXPECTED_COLUMNS, type LoadFacts, type StatementOutcome } from './checks.ts';
import type { LoadWorkspace } from './workspace.ts';

/** Rows of a result the facts keep for the page. */
const ROWS_SHOWN = 20;

const RESPONSE_SIZE = EXPECTED_COLUMNS.findIndex((column) => column.name === 'response_size');

function outcomeOf(result: StatementResult): StatementOutcome {
  const where =
    result.error?.line !== undefined
      ? ` (line ${result.error.line}${result.error.column !== undefined ? `, column ${result.error.column}` : ''})`
      : '';
  return {
    sql: result.sql,
    command: result.command,
    status: result.status,
    message: result.error ? `${result.error.message}${where}` : null,
    columns: result.columns,
    rows: result.rows?.slice(0, ROWS_SHOWN) ?? null,
    rowCount: result.rowCount,
    rowsLoaded: result.rowsLoaded,
  };
}

function replay(workspace: LoadWorkspace): LoadFacts {
  const dashed = warehouseLogObjects('dash');
  const { db, s3, loadLog } = openLabWarehouse(dashed);
  try {
    let clean = false;
    let copies = 0;
    const runs: LoadFacts['runs'][number][] = [];
    for (const event of workspace.history) {
      if (event.kind === 'reprocess') {
        putLogObjects(s3, warehouseLogObjects('empty'));
        clean = true;
        runs.push({ kind: 'reprocess' });
        continue;
      }
      const results = db.execute(event.sql);
      copies += results.filter(
        (result) => result.command === 'COPY' && /^\s*copy\s+"?accesslogs"?\b/i.test(result.sql),
      ).length;
      runs.push({ kind: 'sql', statements: results.map(outcomeOf) });
    }
    const table = db.table('accesslogs');
    const stored = table ? db.storedRows('accesslogs') : [];
    const files = clean ? warehouseLogObjects('empty') : dashed;
    return {
      runs,
      table: table
        ? { columns: table.columns.map((c) => ({ name: c.name, type: formatType(c.type) })) }
        : null,
      rowCount: stored.length,
      nullSizes:
        table?.columns[RESPONSE_SIZE]?.name === 'response_size'
          ? stored.filter((row) => row[RESPONSE_SIZE] === null).length
          : 0,
      loadErrors: loadLog.errors.map((row) => ({
        filename: row.filename.trim(),
        lineNumber: row.line_number,
        colname: row.colname.trim(),
        errCode: row.err_code,
        errReason: row.err_reason.trim(),
        rawFieldValue: row.raw_field_value.trim(),
      })),
      committedFiles: [...new Set(loadLog.commits.map((row) => row.filename.trim()))],
      copies,
      files: {
        urls: files.map((object) => `s3://${WAREHOUSE_BUCKET}/${object.key}`),
        lines: files.reduce((sum, object) => sum + object.rows, 0),
        missingSizes: accessLogRows(files).filter((row) => row.responseSize === null).length,
      },
    };
  } finally {
    db.close();
  }
}

/** The facts for a history; the same history gives the same facts, remembered for the back-and-forth of undo. */
export const replayLoad: (workspace: LoadWorkspace) => LoadFacts = rememberRuns(
  (workspace: LoadWorkspace) => JSON.stringify(workspace.history),
  replay,
);
