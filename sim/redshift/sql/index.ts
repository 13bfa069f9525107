export { tokenize, type Token, type TokenKind, type TokenizeError, type TokenizeResult } from './tokens.ts';
export {
  blankTokens,
  scriptPosition,
  splitStatements,
  type ScriptStatement,
  type SplitResult,
} from './statements.ts';
export {
  frontEnd,
  NO_SYNTAX,
  type ColumnAttributes,
  type FrontEnd,
  type RedshiftSyntax,
  type TableAttributes,
} from './front-end.ts';
export { nodeOffset, notSupported, redshiftRefuses, SqlError } from './errors.ts';
export { parseStatement } from './parse.ts';
export { castTo, typeOf } from './casts.ts';
export { emitExpr } from './translate-expr.ts';
export { newQueryContext, translateQuery } from './translate-select.ts';
export { Scope, type QueryContext, type TranslatedQuery, type LeaderOnlyUse } from './scope.ts';
export type { ExprContext } from './expr-context.ts';
export { LISTAGG_DISTINCT, RUNTIME_FUNCTIONS, type RuntimeAggregate } from './runtime-functions.ts';
export {
  isDateTime,
  isNumber,
  isText,
  quoteIdentifier,
  quoteString,
  type Catalog,
  type CatalogRelation,
  type Emitted,
  type RelationColumn,
  type SqlType,
} from './sql-types.ts';
