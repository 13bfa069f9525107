/**
 * The Redshift console's session for the whole app: the worker, the journal of what the learner changed,
 * the run in progress and its results. It outlives the page (leaving the console and coming back finds it
 * as it was) and survives a cancelled statement: sql.js runs a statement synchronously, so the only way to
 * stop one is to end its worker; the session then starts a fresh worker and replays the journal, so every
 * table, load and the cluster come back as they were before the cancelled statement.
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { ConsoleSpeed } from '../shell/clock.ts';
import type { ClockControls } from '../shell/worker-port.svelte.ts';
import { RedshiftConsoleClient, type RedshiftWorker } from './console-client.svelte.ts';
import type {
  CreateClusterForm,
  JournalEntry,
  SampleDataForm,
  SessionAction,
  StatementOutcome,
} from './protocol.ts';
import type { Cell } from './result-pages.ts';
import type { RedshiftView } from './redshift-view.ts';
import type { ScriptStatement } from './statements.ts';

/** What the session is busy with, for the progress line. */
export type SessionWork =
  | {
      readonly kind: 'statement';
      readonly index: number;
      readonly total: number;
      readonly sql: string;
      readonly startedAt: number;
    }
  | { readonly kind: 'restoring'; readonly entries: number; readonly startedAt: number };

/** One statement of the last run and what became of it. */
export interface RunResult {
  readonly statement: ScriptStatement;
  /** Null when it was cancelled (or never ran because an earlier one was cancelled). */
  readonly outcome: StatementOutcome | null;
}

/** What the session saves so a new app run can rebuild it. */
export interface SavedSession {
  readonly journal: readonly JournalEntry[];
  readonly nowMs: number;
}

/** Wall time and the worker factory, so tests drive the session by hand. */
export interface SessionHost {
  readonly startWorker: () => RedshiftWorker;
  readonly wallNow: () => number;
  /** Called after every change of the journal. */
  readonly save?: (saved: SavedSession) => void;
  /** When the page can take the next frame (`requestAnimationFrame` by default). */
  readonly scheduleFrame?: (callback: () => void) => void;
}

class Cancelled extends Error {}

export class RedshiftSession implements ClockControls<RedshiftView> {
  client: RedshiftConsoleClient = $state.raw() as RedshiftConsoleClient;
  journal: readonly JournalEntry[] = $state.raw([]);
  work: SessionWork | null = $state.raw(null);
  results: readonly RunResult[] = $state.raw([]);
  /** Why the last cluster or sample-data action was refused (each with AWS's code). */
  refused: readonly SimError[] = $state.raw([]);
  /** What the last cancel did, said until the next run. */
  cancelled: string | null = $state.raw(null);
  /** Journal entries that did not replay after a restart (should not happen; said, never hidden). */
  replayProblems: readonly string[] = $state.raw([]);

  readonly #host: SessionHost;
  #cancelRun = false;

  constructor(host: SessionHost, saved: SavedSession | null = null) {
    this.#host = host;
    this.client = this.#connect();
    if (saved !== null && saved.journal.length > 0) void this.#rebuild(saved.journal, saved.nowMs);
    // The worker draws its first frame when asked.
    else this.client.command({ type: 'refresh' });
  }

  get view(): RedshiftView | undefined {
    return this.client.view;
  }

  get failure(): SimError | null {
    return this.client.failure;
  }

  play(): void {
    this.client.play();
  }
  pause(): void {
    this.client.pause();
  }
  step(seconds = 1): void {
    this.client.step(seconds);
  }
  setSpeed(speed: ConsoleSpeed): void {
    this.client.setSpeed(speed);
  }
  setPauseAtMoments(enabled: boolean): void {
    this.client.setPauseAtMoments(enabled);
  }

  /** Starts an empty session (no cluster, no data): the clock bar's restart. The editor keeps its text. */
  restart(): void {
    this.restartWithSeed(this.view?.clock.seed ?? 1);
  }

  restartWithSeed(seed: number): void {
    this.#setJournal([]);
    this.results = [];
    this.client.restartWithSeed(seed);
  }

  createCluster(form: CreateClusterForm): Promise<boolean> {
    return this.#change({ type: 'createCluster', form });
  }

  deleteCluster(): Promise<boolean> {
    return this.#change({ type: 'deleteCluster' });
  }

  putSampleData(form: SampleDataForm): Promise<boolean> {
    return this.#change({ type: 'putSampleData', form });
  }

  /**
   * Runs statements in order, each after the one before finished (a failed statement does not stop the
   * rest, as in psql); `work` says which is running. Resolves when all ran or the run was cancelled.
   */
  async run(statements: readonly ScriptStatement[]): Promise<void> {
    if (this.work !== null) return;
    this.#cancelRun = false;
    this.cancelled = null;
    const results: RunResult[] = statements.map((statement) => ({ statement, outcome: null }));
    this.results = results;
    try {
      for (const [index, statement] of statements.entries()) {
        if (this.#cancelRun) break;
        this.work = {
          kind: 'statement',
          index,
          total: statements.length,
          sql: statement.sql,
          startedAt: this.#host.wallNow(),
        };
        const answer = await this.client
          .apply({ type: 'sql', sql: statement.sql })
          .catch((error: unknown) => {
            if (this.#cancelRun) throw new Cancelled();
            throw error;
          });
        if (answer.type === 'applied' && answer.entry) this.#setJournal([...this.journal, answer.entry]);
        results[index] = { statement, outcome: answer.statement };
        this.results = [...results];
      }
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
    } finally {
      if (this.work?.kind === 'statement') this.work = null;
    }
  }

  /**
   * Stops the running statement: ends its worker, starts a fresh one and replays the journal (which holds
   * only statements that finished), at the clock the page last showed.
   */
  cancel(): void {
    if (this.work?.kind !== 'statement') return;
    this.#cancelRun = true;
    const nowMs = this.view?.clock.nowMs ?? 0;
    this.client.destroy();
    this.client = this.#connect();
    const changes = this.journal.length;
    void this.#rebuild(this.journal, nowMs).then(() => {
      this.cancelled = `Cancelled. The query’s worker was stopped and a fresh one replayed the ${changes} earlier changes: every table and load is as it was.`;
    });
  }

  /** Rows `offset`… of a kept result. */
  rows(resultId: number, offset: number, limit: number): Promise<readonly (readonly Cell[])[]> {
    return this.client.rows(resultId, offset, limit);
  }

  #connect(): RedshiftConsoleClient {
    return new RedshiftConsoleClient(this.#host.startWorker(), this.#host.scheduleFrame);
  }

  async #rebuild(journal: readonly JournalEntry[], nowMs: number): Promise<void> {
    this.work = { kind: 'restoring', entries: journal.length, startedAt: this.#host.wallNow() };
    try {
      const answer = await this.client.restore(journal, nowMs);
      this.journal = journal;
      this.replayProblems = answer.failed.map(
        (f) => `${f.entry.action.type === 'sql' ? f.entry.action.sql : f.entry.action.type}: ${f.message}`,
      );
    } finally {
      this.work = null;
    }
  }

  async #change(action: SessionAction): Promise<boolean> {
    let answer;
    try {
      answer = await this.client.apply(action);
    } catch (error) {
      // The worker failed on it (a fault in the simulation): say so where refusals show.
      this.refused = [
        { code: 'SimulationFailed', message: error instanceof Error ? error.message : String(error) },
      ];
      return false;
    }
    if (answer.type === 'refused') {
      this.refused = answer.errors;
      return false;
    }
    this.refused = [];
    if (answer.entry) this.#setJournal([...this.journal, answer.entry]);
    return true;
  }

  /** What to save now: the journal and the clock the page last showed (never before the last change). */
  snapshot(): SavedSession {
    const last = this.journal.at(-1)?.atMs ?? 0;
    return { journal: this.journal, nowMs: Math.max(last, this.view?.clock.nowMs ?? 0) };
  }

  #setJournal(journal: readonly JournalEntry[]): void {
    this.journal = journal;
    this.#host.save?.(this.snapshot());
  }
}
