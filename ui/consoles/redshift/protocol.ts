/**
 * The Redshift console's side of the console port (../shell/protocol.ts). Everything that changes the
 * session (creating or deleting the cluster, putting sample data in S3, running a statement) is a request,
 * so its answer comes back with the journal entry that would redo it: the page keeps the journal, and when
 * a long statement is cancelled (a synchronous sql.js query ends only with its worker) or the app is opened
 * again, a fresh worker replays it and the learner loses nothing. The clock bar's commands are the shell's.
 */
import type { Era, SimError } from '../../../sim/core/index.ts';
import type { FromWorker as ShellFromWorker, ToWorker as ShellToWorker } from '../shell/protocol.ts';
import type { Cell } from './result-pages.ts';
import type { RedshiftView } from './redshift-view.ts';
import type { WarehouseStatement } from './warehouse.ts';

/** The create-cluster form, in the CLI's terms (`aws redshift create-cluster`). */
export interface CreateClusterForm {
  /** Whose node types and prices: the workshop's 2016 or today's. */
  readonly era: Era;
  readonly ClusterIdentifier: string;
  readonly DBName: string;
  readonly NodeType: string;
  readonly ClusterType: 'single-node' | 'multi-node';
  /** Only for `multi-node`. */
  readonly NumberOfNodes: number | null;
  readonly MasterUsername: string;
  readonly MasterUserPassword: string;
  readonly Port: number;
  readonly PubliclyAccessible: boolean;
  readonly Encrypted: boolean;
  /** Roles the cluster may use for COPY and UNLOAD (`--iam-roles`). */
  readonly IamRoles: readonly string[];
}

/** What the sample data set holds (generated from the seed by sim/weblogs). */
export interface SampleDataForm {
  readonly seed: number;
  readonly days: number;
  readonly requestsPerDay: number;
}

/** A change to the session, as the journal keeps it. */
export type SessionAction =
  | { readonly type: 'createCluster'; readonly form: CreateClusterForm }
  | { readonly type: 'deleteCluster' }
  | { readonly type: 'putSampleData'; readonly form: SampleDataForm }
  | { readonly type: 'sql'; readonly sql: string };

/** One entry of the journal: an action that succeeded, and the clock when it ran. */
export interface JournalEntry {
  readonly atMs: number;
  readonly action: SessionAction;
}

/** The engine's commands (no answer): the shell posts a fresh frame after each. */
export type RedshiftCommand =
  /** Nothing changes; a statement's answer does not bring a frame, so the page asks for one. */
  { readonly type: 'refresh' };

/** The engine's reads and changes. */
export type RedshiftRequest =
  | { readonly type: 'apply'; readonly action: SessionAction }
  /** More rows of a kept result. */
  | { readonly type: 'rows'; readonly resultId: number; readonly offset: number; readonly limit: number }
  /** Redoes a journal into this fresh worker, then moves the clock to `nowMs`. */
  | { readonly type: 'restore'; readonly journal: readonly JournalEntry[]; readonly nowMs: number };

/** A statement's outcome as the page shows it (the engine's StatementResult, its rows cut to a window). */
export interface StatementOutcome extends Omit<WarehouseStatement, 'changesState' | 'rows'> {
  /** The first rows (at most FIRST_WINDOW_ROWS); ask for more with a `rows` request. */
  readonly rows: WarehouseStatement['rows'];
  /** Id of the result the worker keeps for paging, or null when it returned no rows. */
  readonly resultId: number | null;
  /** Wall time sql.js took in the worker, for the learner's curiosity; not the modelled time. */
  readonly wallMillis: number;
}

/** What an `apply` answers. */
export type ApplyAnswer =
  | {
      readonly type: 'applied';
      readonly entry: JournalEntry | null;
      readonly statement: StatementOutcome | null;
    }
  | {
      readonly type: 'refused';
      readonly errors: readonly SimError[];
      readonly statement: StatementOutcome | null;
    };

/** Every answer the engine gives. */
export type RedshiftAnswer =
  | ApplyAnswer
  | { readonly type: 'rows'; readonly rows: readonly (readonly Cell[])[] }
  | {
      readonly type: 'restored';
      readonly replayed: number;
      readonly failed: readonly { readonly entry: JournalEntry; readonly message: string }[];
    };

/** Messages from the page to the Redshift worker. */
export type ToWorker = ShellToWorker<RedshiftCommand, RedshiftRequest>;

/** Messages from the Redshift worker to the page. */
export type FromWorker = ShellFromWorker<RedshiftView, RedshiftAnswer>;
