/**
 * A statement's failure as Redshift reports it: a SQLSTATE-like code, Redshift's message, and where in the
 * statement the problem starts (an offset into the statement's text, turned into line and column by the
 * database, which knows where the statement sits in the script).
 */

/** A failure while translating or running one statement. */
export class SqlError extends Error {
  /** SQLSTATE-like code: '42601' syntax, '42P01' no such table, '0A000' not supported, '22001' too long… */
  readonly code: string;
  /** Offset of the offending text inside the statement, when known. */
  readonly offset: number | undefined;

  constructor(code: string, message: string, offset?: number) {
    super(message);
    this.name = 'SqlError';
    this.code = code;
    this.offset = offset;
  }
}

/** Where an AST node starts, when the parser tracked it. */
export function nodeOffset(node: unknown): number | undefined {
  const location = (node as { _location?: { start: number } } | null)?._location;
  return location?.start;
}

/**
 * A construct Redshift accepts that this engine does not run yet: the message names it exactly, so the
 * learner knows it is the simulator's limit and not a mistake in their SQL.
 */
export function notSupported(construct: string, node?: unknown): SqlError {
  return new SqlError(
    '0A000',
    `${construct} is not supported by this simulator yet (Redshift accepts it; rewrite the statement without it)`,
    nodeOffset(node),
  );
}

/** Redshift's refusal of a construct Redshift itself does not support. */
export function redshiftRefuses(message: string, node?: unknown): SqlError {
  return new SqlError('0A000', message, nodeOffset(node));
}
