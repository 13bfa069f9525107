/**
 * What the planner is given: the user tables, the cluster's storage (rows, blocks, zone maps per slice), and
 * a way to evaluate constant expressions the database knows (GETDATE() on the simulation clock, DATEADD …).
 */
import type { Expr } from 'pgsql-ast-parser';
import type { ClusterStorage, TableLayout } from '../storage/index.ts';
import type { StoredValue } from '../types/index.ts';

/** The planner's view of the database. */
export interface PlanContext {
  /** The user table with this (lower-case) name, or undefined when there is none. */
  table(name: string): TableLayout | undefined;
  readonly storage: ClusterStorage;
  /**
   * The value of an expression that reads no column (`GETDATE() - 30`, `DATE '2015-05-17'`), or undefined
   * when it cannot be evaluated before the query runs. Literals and casts of literals are read without it.
   */
  constant?(expr: Expr): StoredValue | boolean | undefined;
}

/** Why a statement cannot be planned, in a sentence for the learner. */
export class PlanError extends Error {
  override readonly name = 'PlanError';
}
