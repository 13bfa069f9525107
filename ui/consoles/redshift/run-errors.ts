/**
 * Where a failed statement's error points in the editor: the engine reports line and column within the
 * statement it was given; the editor needs them in the whole script, as offsets to mark and as the line
 * and column the learner reads.
 */
import type { RunResult } from './redshift-session.svelte.ts';
import { lineAndColumn, offsetInScript } from './statements.ts';

/** An error placed in the script. */
export interface PlacedError {
  readonly from: number;
  readonly to: number;
  /** 1-based, in the whole script. */
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The first failed statement's error placed in `script` (the text the run was started from): at its line
 * and column when the engine gave them, else at the statement's start; the mark runs to the end of the
 * word there.
 */
export function firstError(results: readonly RunResult[], script: string): PlacedError | null {
  for (const { statement, outcome } of results) {
    if (outcome?.status !== 'error' || outcome.error === null) continue;
    const { line, column } = outcome.error;
    const from =
      line !== undefined && column !== undefined
        ? offsetInScript(statement, script, line, column)
        : statement.from;
    let to = from;
    while (to < statement.to && /[\w$."]/.test(script[to] ?? '')) to++;
    const place = lineAndColumn(script, from);
    return {
      from,
      to: Math.max(to, from + 1),
      line: place.line,
      column: place.column,
      code: outcome.error.code,
      message: outcome.error.message,
    };
  }
  return null;
}
