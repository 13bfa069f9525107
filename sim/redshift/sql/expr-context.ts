/**
 * The state an expression is translated in: its scope, the statement's shared context, and whether
 * aggregates are allowed here (not in WHERE, not inside another aggregate).
 */
import type { GroupView } from './hash-aggregate.ts';
import type { QueryContext, Scope } from './scope.ts';

/** Where an expression sits. */
export interface ExprContext {
  readonly scope: Scope;
  readonly query: QueryContext;
  /** Name of the clause that forbids aggregates here ('WHERE', 'JOIN conditions', 'GROUP BY'), or null. */
  readonly noAggregates: string | null;
  /** True inside an aggregate's arguments (aggregates cannot nest). */
  readonly inAggregate: boolean;
  /** Set while the output of a hash-aggregated query is translated: keys and aggregates read its groups. */
  readonly groupView?: GroupView;
}
