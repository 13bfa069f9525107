import { describe, expect, it } from 'vitest';
import type { StatementOutcome } from './protocol.ts';
import { firstError } from './run-errors.ts';
import { scriptStatements } from './statements.ts';

const failed = (error: StatementOutcome['error']): StatementOutcome => ({
  sql: '',
  command: 'SELECT',
  status: 'error',
  error,
  columns: null,
  rows: null,
  rowCount: 0,
  resultId: null,
  rowsLoaded: null,
  loadErrors: null,
  explain: null,
  modelledMillis: 0,
  wallMillis: 0,
});

describe('firstError', () => {
  const script = 'select 1;\n\nselect host\n  from acesslogs;\n';
  const statements = scriptStatements(script);

  it('places the error at its line and column in the whole script and marks the word there', () => {
    const placed = firstError(
      [
        { statement: statements[0]!, outcome: null },
        {
          statement: statements[1]!,
          outcome: failed({
            code: '42P01',
            message: 'relation "acesslogs" does not exist',
            line: 2,
            column: 8,
          }),
        },
      ],
      script,
    );
    expect(placed).toMatchObject({ line: 4, column: 8, code: '42P01' });
    expect(script.slice(placed!.from, placed!.to)).toBe('acesslogs');
  });

  it('points at the statement’s start when the engine gave no place', () => {
    const placed = firstError(
      [{ statement: statements[1]!, outcome: failed({ code: 'XX000', message: 'load failed' }) }],
      script,
    );
    expect(placed).toMatchObject({ line: 3, column: 1 });
  });

  it('has nothing to show when every statement succeeded', () => {
    expect(firstError([{ statement: statements[0]!, outcome: null }], script)).toBeNull();
  });
});
