/**
 * The Redshift console's engine, run by the shell's worker host: the session's clock (a cluster is created
 * and billed on it; GETDATE() reads it; a statement moves it by its modelled time), the session's changes
 * as requests whose answers carry their journal entries, the results kept for paging, and the frame.
 */
import { MILLIS_PER_HOUR, type SimError } from '../../../sim/core/index.ts';
import type { ConsoleSpeed } from '../shell/clock.ts';
import type { ConsoleEngine } from '../shell/engine.ts';
import type {
  ApplyAnswer,
  JournalEntry,
  RedshiftAnswer,
  RedshiftCommand,
  RedshiftRequest,
  SessionAction,
  StatementOutcome,
} from './protocol.ts';
import { FIRST_WINDOW_ROWS } from './result-pages.ts';
import type { RedshiftView } from './redshift-view.ts';
import type { Warehouse, WarehouseStatement } from './warehouse.ts';

/**
 * What the journal keeps for a cluster's master password: a stand-in that meets AWS's password rules, so a
 * replay creates the same cluster, while the learner's own password (people reuse real ones) is never saved.
 */
export const JOURNALED_PASSWORD = 'Replayed1';

/** How long the console's clock runs: a day, long enough for any session. */
export const SESSION_MS = 24 * MILLIS_PER_HOUR;
/**
 * UTC of the console's clock 0: the workshop's week (12 July 2016, the engine's tests' day) at the start of
 * session 4, 4:15 pm. GETDATE() reads this plus the clock.
 */
export const CONSOLE_EPOCH_MS = Date.UTC(2016, 6, 12, 16, 15, 0);
/** Results kept for paging; older ones are dropped (the page says to run the query again). */
export const KEPT_RESULTS = 8;

/** What the engine needs to start a session. */
export interface RedshiftEngineOptions {
  /** UTC ms of the clock's 0. */
  readonly epochMs: number;
  /** A fresh warehouse (no cluster, empty S3) whose clock 0 is `epochMs`; the seed draws sample data. */
  readonly openWarehouse: (epochMs: number, seed: number) => Warehouse;
  /** Wall time for the statement's `wallMillis` (performance.now in the worker). */
  readonly wallNow: () => number;
  readonly seed?: number;
}

export class RedshiftEngine implements ConsoleEngine<
  RedshiftCommand,
  RedshiftView,
  RedshiftRequest,
  RedshiftAnswer
> {
  speed: ConsoleSpeed = 100;
  running = false;
  pauseAtMoments = true;
  readonly started = true;

  #now = 0;
  #seed: number;
  #warehouse: Warehouse;
  #moment: { atMs: number; note: string } | null = null;
  #events = 0;
  readonly #results = new Map<number, readonly (readonly (string | number | boolean | null)[])[]>();
  #nextResultId = 1;
  readonly #options: RedshiftEngineOptions;

  constructor(options: RedshiftEngineOptions) {
    this.#options = options;
    this.#seed = options.seed ?? 1;
    this.#warehouse = options.openWarehouse(options.epochMs, this.#seed);
  }

  get finished(): boolean {
    return this.#now >= SESSION_MS;
  }

  get nowMs(): number {
    return this.#now;
  }

  advanceTo(ms: number): void {
    const target = Math.min(Math.max(ms, this.#now), SESSION_MS);
    const next = this.#warehouse.nextChangeMs();
    const stopAt = next !== null && next <= target ? next : target;
    const { becameAvailable } = this.#warehouse.advanceTo(stopAt);
    if (stopAt !== this.#now) this.#moment = null;
    this.#now = stopAt;
    if (becameAvailable) {
      this.#events++;
      const name = this.#warehouse.facts(this.#now).cluster?.identifier ?? 'The cluster';
      if (this.pauseAtMoments) {
        this.running = false;
        this.#moment = {
          atMs: this.#now,
          note: `Cluster ${name} is available: connect with psql (below), then create a table in the SQL editor.`,
        };
        return;
      }
    }
    if (stopAt < target) this.advanceTo(target);
    if (this.finished) this.running = false;
  }

  stopsClock(): boolean {
    return false;
  }

  command(): readonly SimError[] {
    // `refresh` changes nothing: the host posts a frame after every command.
    return [];
  }

  restart(): readonly SimError[] {
    return this.restartWithSeed(this.#seed);
  }

  restartWithSeed(seed: number): readonly SimError[] {
    this.#seed = seed;
    this.#now = 0;
    this.#moment = null;
    this.#events = 0;
    this.#results.clear();
    this.#warehouse = this.#options.openWarehouse(this.#options.epochMs, seed);
    return [];
  }

  answer(request: RedshiftRequest): RedshiftAnswer | Promise<RedshiftAnswer> {
    switch (request.type) {
      case 'apply':
        return this.#apply(request.action);
      case 'rows': {
        const rows = this.#results.get(request.resultId);
        if (rows === undefined)
          throw new Error('This result is no longer kept (newer queries replaced it): run the query again.');
        return { type: 'rows', rows: rows.slice(request.offset, request.offset + request.limit) };
      }
      case 'restore':
        return this.#restore(request.journal, request.nowMs);
    }
  }

  async #apply(action: SessionAction): Promise<ApplyAnswer> {
    const atMs = this.#now;
    const entry: JournalEntry = { atMs, action };
    this.#events++;
    switch (action.type) {
      case 'createCluster': {
        // The journal is saved with the learner's progress: keep a stand-in, never the password they typed.
        const saved: JournalEntry = {
          atMs,
          action: { ...action, form: { ...action.form, MasterUserPassword: JOURNALED_PASSWORD } },
        };
        return this.#outcome(this.#warehouse.createCluster(action.form, atMs), saved);
      }
      case 'deleteCluster':
        return this.#outcome(this.#warehouse.deleteCluster(atMs), entry);
      case 'putSampleData':
        return this.#outcome(this.#warehouse.putSampleData(action.form, atMs), entry);
      case 'sql': {
        const started = this.#options.wallNow();
        const result = await this.#warehouse.execute(action.sql, atMs);
        const statement = this.#keep(result, this.#options.wallNow() - started);
        if (result.modelledMillis > 0) this.advanceTo(this.#now + result.modelledMillis);
        const kept = result.status === 'ok' && result.changesState ? entry : null;
        return { type: 'applied', entry: kept, statement };
      }
    }
  }

  #outcome(errors: readonly SimError[], entry: JournalEntry): ApplyAnswer {
    if (errors.length > 0) return { type: 'refused', errors, statement: null };
    return { type: 'applied', entry, statement: null };
  }

  #keep(result: WarehouseStatement, wallMillis: number): StatementOutcome {
    let resultId: number | null = null;
    if (result.rows !== null && result.rows.length > FIRST_WINDOW_ROWS) {
      resultId = this.#nextResultId++;
      this.#results.set(resultId, result.rows);
      for (const id of this.#results.keys()) {
        if (this.#results.size <= KEPT_RESULTS) break;
        this.#results.delete(id);
      }
    }
    return {
      sql: result.sql,
      command: result.command,
      status: result.status,
      error: result.error,
      columns: result.columns,
      rows: result.rows === null ? null : result.rows.slice(0, FIRST_WINDOW_ROWS),
      rowCount: result.rowCount,
      resultId,
      rowsLoaded: result.rowsLoaded,
      loadErrors: result.loadErrors,
      explain: result.explain,
      modelledMillis: result.modelledMillis,
      wallMillis,
    };
  }

  async #restore(journal: readonly JournalEntry[], nowMs: number): Promise<RedshiftAnswer> {
    const failed: { entry: JournalEntry; message: string }[] = [];
    const pause = this.pauseAtMoments;
    this.pauseAtMoments = false;
    try {
      for (const entry of journal) {
        this.advanceTo(entry.atMs);
        const answer = await this.#apply(entry.action);
        const problem =
          answer.type === 'refused'
            ? answer.errors.map((e) => e.message).join(' ')
            : answer.statement?.status === 'error'
              ? (answer.statement.error?.message ?? 'failed')
              : null;
        if (problem !== null) failed.push({ entry, message: problem });
      }
      this.advanceTo(nowMs);
    } finally {
      this.pauseAtMoments = pause;
      this.#moment = null;
    }
    return { type: 'restored', replayed: journal.length, failed };
  }

  view(): RedshiftView {
    const next = this.#warehouse.nextChangeMs();
    return {
      clock: {
        nowMs: this.#now,
        durationMs: SESSION_MS,
        speed: this.speed,
        running: this.running,
        finished: this.finished,
        seed: this.#seed,
        eventsProcessed: this.#events,
        pauseAtMoments: this.pauseAtMoments,
        moment: this.#moment,
        nextMomentMs: this.pauseAtMoments ? next : null,
      },
      epochMs: this.#options.epochMs,
      ...this.#warehouse.facts(this.#now),
    };
  }
}
