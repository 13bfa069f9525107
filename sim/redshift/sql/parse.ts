/**
 * pgsql-ast-parser behind one function that turns its exceptions into Redshift's syntax error
 * (`syntax error at or near "form"`) at the offending token's offset.
 */
import { parse, type Statement } from 'pgsql-ast-parser';
import { SqlError } from './errors.ts';

interface ParserToken {
  readonly text?: string;
  readonly value?: string;
  readonly offset?: number;
}

/** Parse exactly one statement with locations, or throw a syntax error with its offset. */
export function parseStatement(text: string): Statement {
  let statements: Statement[];
  try {
    statements = parse(text, { locationTracking: true });
  } catch (e) {
    const token = (e as { token?: ParserToken }).token;
    if (token && token.offset !== undefined) {
      throw new SqlError(
        '42601',
        `syntax error at or near "${token.text ?? token.value ?? ''}"`,
        token.offset,
      );
    }
    throw new SqlError('42601', 'syntax error at end of input', text.trimEnd().length);
  }
  if (statements.length !== 1)
    throw new SqlError('42601', 'syntax error at end of input', text.trimEnd().length);
  return statements[0]!;
}
