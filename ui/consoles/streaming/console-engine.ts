/**
 * What the simulation worker does, without the worker: start a scenario (validated, errors with JSON
 * paths), move the virtual clock, apply console actions and log them with their AWS CLI equivalent, and
 * build the frame the page draws. Kept free of `postMessage` and timers so it runs in tests too.
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { SimEvent, SimState } from '../../../sim/core/index.ts';
import { splitMidpoint } from './split-midpoint.ts';
import type { Scenario } from '../../../sim/scenario/index.ts';
import type { StreamingAction } from '../../../sim/streaming/index.ts';
import type { StreamingServices } from '../../../sim/streaming/index.ts';
import { kinesisCommandContext, realCommandFor, type RealCommand } from '../../shared/cli-commands.ts';
import type { ActionLogEntry, ConsoleSpeed, ConsoleView, LineageEdge, MomentView } from './console-view.ts';
import type { ConsoleEngine as HostedEngine } from '../shell/engine.ts';
import { readObjectBody } from './object-body.ts';
import type { ConsoleAction, ObjectBodyResult, StreamingCommand, StreamingRequest } from './protocol.ts';
import { buildConsoleView } from './view-builder.ts';

/** A steppable streaming run, as `openStreamingSession` (sim/streaming) returns it. */
export interface StreamingSessionLike {
  readonly state: SimState<SimEvent, StreamingServices>;
  advanceTo(ms: number): void;
  apply(action: StreamingAction): { readonly ok: true } | { readonly ok: false; readonly error: SimError };
}

/** How the engine validates a scenario and opens a session for it (sim/scenario and sim/streaming). */
export interface SessionFactory {
  validate(value: unknown): { ok: true; value: Scenario } | { ok: false; errors: SimError[] };
  open(scenario: Scenario): StreamingSessionLike;
}

/** Most entries the action log keeps. */
export const MAX_LOGGED_ACTIONS = 50;

const RESHARD_OPERATIONS: Partial<Record<ConsoleAction['action'], LineageEdge['operation']>> = {
  splitShard: 'SplitShard',
  mergeShards: 'MergeShards',
  updateShardCount: 'UpdateShardCount',
};

function describeAction(action: ConsoleAction): string {
  switch (action.action) {
    case 'splitShard':
      return `Split ${action.shardId} of ${action.stream}`;
    case 'mergeShards':
      return `Merge ${action.shardId} and ${action.adjacentShardId} of ${action.stream}`;
    case 'updateShardCount':
      return `Update ${action.stream} to ${action.targetShardCount} shards`;
    case 'setProducerKeys':
      return `Change the partition keys of producer ${action.producer}`;
    case 'crashWorker':
      return `Crash worker ${action.workerId} of ${action.consumer}`;
    case 'addWorker':
      return `Add a worker to ${action.consumer}`;
  }
}

/** The running scenario: its session, what it was started from, and what the console did to it. */
interface Run {
  readonly name: string;
  /** The scenario as validated (defaults filled in). */
  readonly scenario: Scenario;
  /** The JSON it was started from, so a new seed restarts exactly it. */
  readonly source: unknown;
  readonly session: StreamingSessionLike;
  readonly log: ActionLogEntry[];
  readonly reshards: Map<number, LineageEdge['operation']>;
  /** Entries of `services.actions.applied` already in the log. */
  synced: number;
  /** The scenario's moments of interest, in time order. */
  readonly moments: readonly MomentView[];
  /** Index of the first moment not reached yet. */
  nextMoment: number;
  /** The moment the clock stopped at, until it moves on. */
  stoppedAt: MomentView | null;
}

/** The console's simulation: one run at a time, its clock settings and its action log. */
export class ConsoleEngine implements HostedEngine<
  StreamingCommand,
  ConsoleView,
  StreamingRequest,
  ObjectBodyResult
> {
  speed: ConsoleSpeed = 1;
  running = false;
  /**
   * Whether the clock stops at the scenario's moments of interest: at 100× a 300 s run is over in 3 s, before
   * anyone can act, so by default it waits where there is something to see or do.
   */
  pauseAtMoments = true;
  #run: Run | undefined;
  readonly #factory: SessionFactory;

  constructor(factory: SessionFactory) {
    this.#factory = factory;
  }

  /** True once a scenario is running (or paused). */
  get started(): boolean {
    return this.#run !== undefined;
  }

  get nowMs(): number {
    return this.#run?.session.state.now ?? 0;
  }

  get endMs(): number {
    return (this.#run?.scenario.durationSeconds ?? 0) * 1000;
  }

  get finished(): boolean {
    return this.#run !== undefined && this.nowMs >= this.endMs;
  }

  /**
   * Validates `source` and starts it from time 0, paused, with its moments of interest (built-in scenarios
   * have some). On problems returns them (with JSON paths) and leaves the current run as it was.
   */
  start(name: string, source: unknown, moments: readonly MomentView[] = []): readonly SimError[] {
    const checked = this.#factory.validate(source);
    if (!checked.ok) return checked.errors;
    const session = this.#factory.open(checked.value);
    this.#run = {
      name,
      scenario: checked.value,
      source,
      session,
      log: [],
      reshards: new Map(),
      synced: 0,
      moments: [...moments].filter((m) => m.atMs > 0).sort((a, b) => a.atMs - b.atMs),
      nextMoment: 0,
      stoppedAt: null,
    };
    this.running = false;
    return [];
  }

  /** Starting another scenario stops the clock, even when the scenario is refused. */
  stopsClock(command: StreamingCommand): boolean {
    return command.type === 'start';
  }

  /** Runs a command from the page: start a scenario, or apply a learner's action (see `apply`). */
  command(command: StreamingCommand): readonly SimError[] {
    if (command.type === 'start') return this.start(command.name, command.scenario, command.moments);
    this.apply(command.action);
    return [];
  }

  /** An S3 object's decoded content, read from the run. */
  answer(request: StreamingRequest): ObjectBodyResult {
    return readObjectBody(this.services?.s3, request.bucket, request.key);
  }

  /** Starts the current scenario again from time 0 with another seed. */
  restartWithSeed(seed: number): readonly SimError[] {
    const run = this.#run;
    if (run === undefined) return [];
    const source = typeof run.source === 'object' && run.source !== null ? run.source : {};
    return this.start(run.name, { ...source, seed }, run.moments);
  }

  /** Starts the current scenario again from time 0 with the same seed: the run replays exactly. */
  restart(): readonly SimError[] {
    const run = this.#run;
    return run === undefined ? [] : this.restartWithSeed(run.scenario.seed);
  }

  /**
   * Moves the clock to `ms` (clamped to the scenario's end), logging scenario actions as they come due. The
   * clock stops early, and pauses, at the next moment of interest on the way (when `pauseAtMoments`).
   */
  advanceTo(ms: number): void {
    const run = this.#run;
    if (run === undefined) return;
    let target = Math.min(ms, this.endMs);
    if (target <= run.session.state.now) return;
    const moment = this.pauseAtMoments ? run.moments[run.nextMoment] : undefined;
    const stopping = moment !== undefined && moment.atMs <= target;
    if (stopping) target = moment.atMs;
    run.session.advanceTo(target);
    this.#sync(run, true);
    run.stoppedAt = stopping ? moment : null;
    while (run.nextMoment < run.moments.length && run.moments[run.nextMoment]!.atMs <= target)
      run.nextMoment++;
    if (stopping || this.finished) this.running = false;
  }

  /** Applies a learner's action at the current time and logs it; returns the log entry. */
  apply(requested: ConsoleAction): ActionLogEntry | undefined {
    const run = this.#run;
    if (run === undefined) return undefined;
    this.#sync(run, true);
    const action = this.#resolve(run, requested);
    const result = run.session.apply(action as StreamingAction);
    if (this.#sync(run, false) > 0) return run.log[0];
    // The session refused the action before running it (it did not log it): log the refusal here.
    const entry: ActionLogEntry = {
      atMs: run.session.state.now,
      label: describeAction(action),
      cliCommand: this.#command(run, action, result.ok ? null : result.error),
      outcome: result.ok ? 'ok' : 'error',
      message: result.ok ? null : `${result.error.code}: ${result.error.message}`,
      scheduled: false,
    };
    this.#push(run, entry);
    return entry;
  }

  /** The frame for the page, or undefined before the first scenario. */
  view(): ConsoleView | undefined {
    const run = this.#run;
    if (run === undefined) return undefined;
    return buildConsoleView({
      name: run.name,
      scenario: run.scenario,
      state: run.session.state,
      clock: {
        speed: this.speed,
        running: this.running,
        durationMs: this.endMs,
        pauseAtMoments: this.pauseAtMoments,
        moment: run.stoppedAt,
        nextMomentMs: this.pauseAtMoments ? (run.moments[run.nextMoment]?.atMs ?? null) : null,
      },
      actions: run.log,
      reshards: run.reshards,
    });
  }

  /** The live simulation state (for reading S3 objects). */
  get services(): StreamingServices | undefined {
    return this.#run?.session.state.services;
  }

  /** Fills in what the learner left to the console: the split point defaults to the middle of the shard. */
  #resolve(run: Run, action: ConsoleAction): ConsoleAction {
    if (action.action !== 'splitShard' || action.newStartingHashKey !== undefined) return action;
    const services = run.session.state.services;
    const midpoint = splitMidpoint(services.kinesis, action.stream, action.shardId);
    return midpoint === undefined ? action : { ...action, newStartingHashKey: midpoint };
  }

  /**
   * Logs the actions the session applied since the last sync (sim/streaming keeps every outcome in
   * `services.actions.applied`), with the split point it chose; returns how many were new.
   */
  #sync(run: Run, scheduled: boolean): number {
    const applied = run.session.state.services.actions?.applied ?? [];
    const fresh = applied.length - run.synced;
    for (; run.synced < applied.length; run.synced++) {
      const outcome = applied[run.synced]!;
      const chosen = outcome.result as { newStartingHashKey?: unknown } | null;
      const action =
        outcome.action.action === 'splitShard' && typeof chosen?.newStartingHashKey === 'string'
          ? { ...outcome.action, newStartingHashKey: chosen.newStartingHashKey }
          : outcome.action;
      const operation = RESHARD_OPERATIONS[action.action];
      if (outcome.ok && operation !== undefined) run.reshards.set(outcome.atMs, operation);
      this.#push(run, {
        atMs: outcome.atMs,
        label: scheduled ? `${describeAction(action)} (scheduled by the scenario)` : describeAction(action),
        cliCommand: this.#command(run, action, outcome.error),
        outcome: outcome.ok ? 'ok' : 'error',
        message: outcome.error === null ? null : `${outcome.error.code}: ${outcome.error.message}`,
        scheduled,
      });
    }
    return fresh;
  }

  /** The real command of a logged action; one the simulated AWS refused is shown refused, with its error. */
  #command(
    run: Run,
    action: ConsoleAction,
    error: { readonly code: string; readonly message: string } | null,
  ): RealCommand {
    if (error !== null) return { kind: 'refused', reason: `${error.code}: ${error.message}` };
    const services = run.session.state.services;
    const producerStreams = Object.fromEntries(
      (services.producers?.producers ?? [])
        .filter((p) => p.target.kind === 'stream')
        .map((p) => [p.name, p.target.name]),
    );
    return realCommandFor(action, {
      ...kinesisCommandContext(services.kinesis, producerStreams),
      accepted: true,
    });
  }

  #push(run: Run, entry: ActionLogEntry): void {
    run.log.unshift(entry);
    if (run.log.length > MAX_LOGGED_ACTIONS) run.log.length = MAX_LOGGED_ACTIONS;
  }
}
