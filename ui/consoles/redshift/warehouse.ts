/**
 * What the console's engine needs of the simulated warehouse: the cluster's life on the clock, the sample
 * data in S3, statements run on the database, and the facts the panels draw. `sim-warehouse.ts` builds it
 * from `sim/redshift`, `sim/s3` and `sim/iam`; the engine (clock, journal, kept results) stays testable
 * without sql.js.
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { Cell } from './result-pages.ts';
import type { CreateClusterForm, SampleDataForm } from './protocol.ts';
import type { RedshiftView } from './redshift-view.ts';

/** A statement's result as the database gives it (the design's StatementResult, rows in full). */
export interface WarehouseStatement {
  readonly sql: string;
  readonly command: string;
  readonly status: 'ok' | 'error';
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly line?: number;
    readonly column?: number;
  } | null;
  readonly columns: readonly string[] | null;
  readonly rows: readonly (readonly Cell[])[] | null;
  readonly rowCount: number;
  readonly rowsLoaded: number | null;
  readonly loadErrors: number | null;
  readonly explain: readonly string[] | null;
  /** Modelled time on the cluster (not the time sql.js took). */
  readonly modelledMillis: number;
  /** False for statements that only read (SELECT, EXPLAIN, SHOW): a replay can skip them. */
  readonly changesState: boolean;
}

/** The panels' facts: the frame without the clock, which the engine adds. */
export type WarehouseFacts = Omit<RedshiftView, 'clock' | 'epochMs'>;

/** The simulated warehouse of one console session. */
export interface Warehouse {
  /** Moves the warehouse to `nowMs`; true when a cluster became available on the way (a moment of interest). */
  advanceTo(nowMs: number): { readonly becameAvailable: boolean };
  /** When the next change of state happens by itself (a creating cluster becoming available), or null. */
  nextChangeMs(): number | null;
  createCluster(form: CreateClusterForm, nowMs: number): readonly SimError[];
  deleteCluster(nowMs: number): readonly SimError[];
  putSampleData(form: SampleDataForm, nowMs: number): readonly SimError[];
  /** Runs one statement on the cluster's database (a refusal, such as no cluster yet, is an error result). */
  execute(sql: string, nowMs: number): Promise<WarehouseStatement>;
  facts(nowMs: number): WarehouseFacts;
}
