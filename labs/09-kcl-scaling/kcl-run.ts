/**
 * The KCL scaling lab's simulation: a four-shard stream fed at a steady rate, read by one KCL application
 * whose workers the learner adds and crashes, and whose stream the learner splits, all through the
 * streaming session (sim/streaming) with the KCL model (sim/kcl). Runs are replayed from the learner's
 * operations; the last session is kept so running on only simulates the new seconds.
 */
import { openStreamingSession, validateScenario } from '../../sim/run/index.ts';
import { leaseTableView, type LeaseTableView } from '../../sim/kcl/index.ts';
import type { KinesisState } from '../../sim/kinesis/index.ts';
import { type StreamingAction, type StreamingSession } from '../../sim/streaming/index.ts';
import type { InitialPosition } from './workspace.ts';

/** Something the learner did to the application or the stream, at a time of the run. */
export type KclOperation =
  | { readonly atSeconds: number; readonly op: 'addWorker' }
  | { readonly atSeconds: number; readonly op: 'crashWorker'; readonly workerId: string }
  | { readonly atSeconds: number; readonly op: 'splitShard'; readonly shardId: string };

/** A shard as the lab shows it. */
export interface ShardRow {
  readonly shardId: string;
  readonly parentShardId: string | null;
  readonly open: boolean;
  readonly openedAtSeconds: number;
  readonly closedAtSeconds: number | null;
  readonly incomingRecords: number;
}

/** Records written but not yet processed, at one moment. */
export interface BacklogSample {
  readonly atSeconds: number;
  readonly backlog: number;
}

/** What a run up to the learner's time shows. */
export interface KclRun {
  readonly ranUntilSeconds: number;
  readonly initialPosition: InitialPosition;
  readonly board: LeaseTableView;
  readonly shards: readonly ShardRow[];
  /** Every 5 s from the start, and at the end. */
  readonly backlog: readonly BacklogSample[];
  /** Operations the simulation refused, with AWS's or the KCL model's reason. */
  readonly refused: readonly { readonly operation: KclOperation; readonly message: string }[];
}

/** The lab's workload and application (assumptions of the lab, chosen to make one worker too slow). */
export const STREAM = 'clicks';
export const APPLICATION = 'click-counter';
export const SHARDS = 4;
export const RECORDS_PER_SECOND = 50;
export const PROCESSING_MS_PER_RECORD = 30;
export const HORIZON_SECONDS = 300;
/** The application's only worker at the start (the KCL model names workers worker-1 … worker-N). */
export const INITIAL_WORKER = 'worker-1';
const SAMPLE_SECONDS = 5;

function scenarioFor(seed: number, initialPosition: InitialPosition) {
  const checked = validateScenario({
    seed,
    durationSeconds: HORIZON_SECONDS,
    streams: [{ name: STREAM, shards: SHARDS }],
    producers: [
      {
        name: 'web',
        stream: STREAM,
        recordsPerSecond: RECORDS_PER_SECOND,
        recordBytes: 300,
        partitionKeys: { strategy: 'random' },
      },
    ],
    consumers: [
      {
        type: 'kcl',
        name: APPLICATION,
        stream: STREAM,
        workers: 1,
        initialPosition,
        processingMillisPerRecord: PROCESSING_MS_PER_RECORD,
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return checked.value;
}

function toAction(operation: KclOperation): StreamingAction {
  switch (operation.op) {
    case 'addWorker':
      return { action: 'addWorker', consumer: APPLICATION };
    case 'crashWorker':
      return { action: 'crashWorker', consumer: APPLICATION, workerId: operation.workerId };
    case 'splitShard':
      return { action: 'splitShard', stream: STREAM, shardId: operation.shardId };
  }
}

interface LiveRun {
  readonly seed: number;
  readonly initialPosition: InitialPosition;
  readonly session: StreamingSession;
  /** Operations applied so far, in order. */
  readonly applied: KclOperation[];
  readonly refused: { operation: KclOperation; message: string }[];
  readonly backlog: BacklogSample[];
}

const kinesisOf = (session: StreamingSession) => session.state.services['kinesis'] as KinesisState;

/**
 * Records written and not processed yet: neither processed once nor passed over (a record skipped by a
 * LATEST start never will be, so it does not wait — the board counts it as skipped).
 */
function backlogNow(live: LiveRun): number {
  const stream = kinesisOf(live.session).streams[STREAM]!;
  const written = stream.shards.reduce((sum, shard) => sum + shard.totals.incomingRecords, 0);
  const { stats } = leaseTableView(live.session.state as never, APPLICATION)!;
  const settled = stats.userRecordsDelivered - stats.duplicateUserRecords + stats.userRecordsSkipped;
  return Math.max(0, written - settled);
}

/** Advances to `seconds`, sampling the backlog on the way. */
function advance(live: LiveRun, seconds: number): void {
  let now = live.session.state.now / 1000;
  while (now < seconds) {
    const next = Math.min(seconds, (Math.floor(now / SAMPLE_SECONDS) + 1) * SAMPLE_SECONDS);
    live.session.advanceTo(next * 1000);
    now = next;
    if (next % SAMPLE_SECONDS === 0) live.backlog.push({ atSeconds: next, backlog: backlogNow(live) });
  }
}

let cached: LiveRun | null = null;

function sameOperation(a: KclOperation, b: KclOperation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A session at the start, or the cached one when it can simply run on to reach this workspace. */
function liveRunFor(
  seed: number,
  initialPosition: InitialPosition,
  operations: readonly KclOperation[],
  untilSeconds: number,
): LiveRun {
  const nowSeconds = cached ? cached.session.state.now / 1000 : 0;
  const reusable =
    cached !== null &&
    cached.seed === seed &&
    cached.initialPosition === initialPosition &&
    nowSeconds <= untilSeconds &&
    cached.applied.length <= operations.length &&
    cached.applied.every((operation, i) => sameOperation(operation, operations[i]!)) &&
    operations.slice(cached.applied.length).every((operation) => operation.atSeconds >= nowSeconds);
  if (reusable) return cached!;
  const session = openStreamingSession(scenarioFor(seed, initialPosition));
  cached = {
    seed,
    initialPosition,
    session,
    applied: [],
    refused: [],
    backlog: [{ atSeconds: 0, backlog: 0 }],
  };
  return cached;
}

/** Runs the lab's scenario with the learner's operations up to `untilSeconds`. Deterministic. */
export function runKcl(
  seed: number,
  operations: readonly KclOperation[],
  untilSeconds: number,
  initialPosition: InitialPosition = 'TRIM_HORIZON',
): KclRun {
  const live = liveRunFor(seed, initialPosition, operations, untilSeconds);
  for (const operation of operations.slice(live.applied.length)) {
    advance(live, operation.atSeconds);
    const applied = live.session.apply(toAction(operation));
    if (!applied.ok) live.refused.push({ operation, message: applied.error.message });
    live.applied.push(operation);
  }
  advance(live, untilSeconds);
  const stream = kinesisOf(live.session).streams[STREAM]!;
  const end = live.backlog.at(-1);
  const backlog =
    end && end.atSeconds === untilSeconds
      ? [...live.backlog]
      : [...live.backlog, { atSeconds: untilSeconds, backlog: backlogNow(live) }];
  return {
    ranUntilSeconds: untilSeconds,
    initialPosition,
    board: leaseTableView(live.session.state as never, APPLICATION)!,
    shards: stream.shards.map((shard) => ({
      shardId: shard.ShardId,
      parentShardId: shard.ParentShardId ?? null,
      open: shard.closedAt === undefined,
      openedAtSeconds: shard.openedAt / 1000,
      closedAtSeconds: shard.closedAt === undefined ? null : shard.closedAt / 1000,
      incomingRecords: shard.totals.incomingRecords,
    })),
    backlog,
    refused: live.refused.map((r) => ({ ...r })),
  };
}
