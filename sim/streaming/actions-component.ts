import { ok, type Result } from '../core/index.ts';
import { schedule } from '../core/index.ts';
import type { ConsumerTimerEvent } from '../consumers/index.ts';
import { addWorker, crashWorker } from '../kcl/index.ts';
import { millis } from '../core/index.ts';
import type { SimContext } from '../core/index.ts';
import { toJsonValue, type JsonValue } from '../scenario/index.ts';
import { didYouMean, type SchemaIssue } from '../scenario/index.ts';
import { applyAction, type ActionOutcome, type ActionsState, type ConsumerAction } from './actions.ts';
import { pauseConsumer, resumeConsumer } from './consumer-pause.ts';
import { saltProblem } from './keys.ts';
import { producerName } from './producer-state.ts';
import {
  actionsSchema,
  type SessionAction,
  type StreamingScenario,
  type TimedAction,
} from './scenario-schema.ts';
import { needsStreaming, type StreamingServices } from './services.ts';
import { streamingScenario } from './streams-component.ts';

/** A timed action falling due. */
export interface ActionEvent {
  readonly type: 'streaming.action';
  readonly action: SessionAction;
}

/** What actions act on: the streams, the producers and the consumers, and the log of what was done. */
type ActionsServices = Pick<StreamingServices, 'actions' | 'level' | 'kinesis' | 'producers' | 'consumers'>;

/** An action's context: a resumed consumer's held timers and a new KCL worker's first timers are scheduled. */
export type ActionsContext = SimContext<ActionEvent | ConsumerTimerEvent, ActionsServices>;

function checkActions(actions: readonly TimedAction[], scenario: StreamingScenario): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const streams = (scenario.streams ?? []).map((s) => s.name);
  const producers = (scenario.producers ?? []).map(producerName);
  const consumers = ((scenario as { consumers?: { name: string }[] }).consumers ?? []).map((c) => c.name);
  actions.forEach((action, i) => {
    const at = `$.actions[${i}]`;
    if (action.atSeconds > scenario.durationSeconds) {
      issues.push({
        path: `${at}.atSeconds`,
        message: `${action.atSeconds} is after the end of the run; expected 0 to ${scenario.durationSeconds} (durationSeconds).`,
      });
    }
    if ('stream' in action && !streams.includes(action.stream)) {
      issues.push({
        path: `${at}.stream`,
        message: `no stream is named "${action.stream}"; the streams are ${streams.map((s) => `"${s}"`).join(', ') || 'none'}.${didYouMean(action.stream, streams)}`,
      });
    }
    if (isConsumerAction(action) && !consumers.includes(action.consumer)) {
      issues.push({
        path: `${at}.consumer`,
        message: `no consumer is named "${action.consumer}"; the consumers are ${consumers.map((c) => `"${c}"`).join(', ') || 'none'}.${didYouMean(action.consumer, consumers)}`,
      });
    }
    if (action.action === 'setProducerKeys') {
      const salt = saltProblem(action.partitionKeys);
      if (salt !== null) issues.push({ path: `${at}.partitionKeys.salt.key`, message: salt });
    }
    if (action.action === 'setProducerKeys' && !producers.includes(action.producer)) {
      issues.push({
        path: `${at}.producer`,
        message: `no producer is named "${action.producer}"; the producers are ${producers.map((p) => `"${p}"`).join(', ') || 'none'} (unnamed producers are producer-1, producer-2, …).${didYouMean(action.producer, producers)}`,
      });
    }
  });
  return issues;
}

function isConsumerAction(action: SessionAction): action is ConsumerAction {
  return (
    action.action === 'crashWorker' ||
    action.action === 'addWorker' ||
    action.action === 'pauseConsumer' ||
    action.action === 'resumeConsumer'
  );
}

/** The action without its time, as a session's `apply` takes it. */
export function untimed(action: TimedAction): SessionAction {
  const { atSeconds, ...rest } = action;
  void atSeconds;
  return rest as SessionAction;
}

/**
 * A consumer pause, a KCL worker action through sim/kcl (the consumers component must be in the run), or a
 * stream or producer action.
 */
function run(ctx: ActionsContext, action: SessionAction): Result<JsonValue> {
  if (action.action === 'pauseConsumer') return pauseConsumer(ctx, action.consumer);
  if (action.action === 'resumeConsumer') return resumeConsumer(ctx, action.consumer);
  if (action.action === 'crashWorker') {
    const done = crashWorker(ctx, action.consumer, action.workerId, ctx.now);
    return done.ok ? ok({}) : done;
  }
  if (action.action === 'addWorker') {
    const done = addWorker(ctx, action.consumer, action.workerId, ctx.now);
    return done.ok ? ok({ workerId: done.value.workerId }) : done;
  }
  return applyAction(ctx.services, action, ctx.now);
}

/** Applies an action at the context's clock and logs the outcome in `services.actions`. */
export function applyAndLog(ctx: ActionsContext, action: SessionAction): ActionOutcome<SessionAction> {
  const services = ctx.services;
  const done = run(ctx, action);
  const outcome: ActionOutcome<SessionAction> = {
    atMs: ctx.now,
    action,
    ok: done.ok,
    result: done.ok ? done.value : null,
    error: done.ok ? null : { code: done.error.code, message: done.error.message },
  };
  if (action.action === 'pauseConsumer' || action.action === 'resumeConsumer') {
    (services.actions.pauses ??= []).push(outcome as ActionOutcome<typeof action>);
  } else services.actions.applied.push(outcome as ActionOutcome<typeof action>);
  return outcome;
}

/** Every logged outcome, console actions and pauses merged by time (at one instant, console actions first). */
export function inTimeOrder(actions: ActionsState): ActionOutcome<SessionAction>[] {
  const merged: ActionOutcome<SessionAction>[] = [];
  const pauses = actions.pauses ?? [];
  let p = 0;
  for (const outcome of actions.applied) {
    while (p < pauses.length && pauses[p]!.atMs < outcome.atMs) merged.push({ ...pauses[p++]! });
    merged.push({ ...outcome });
  }
  while (p < pauses.length) merged.push({ ...pauses[p++]! });
  return merged;
}

/** `actions`: resharding, re-keying, worker faults and consumer pauses at given times, each logged with its answer. */
export const actionsComponent = needsStreaming('level', 'kinesis', 'producers', 'consumers').defineComponent<
  'actions',
  TimedAction[],
  ActionsState,
  ActionEvent | ConsumerTimerEvent
>({
  field: 'actions',
  schema: actionsSchema,
  checkScenario: (actions, scenario) => checkActions(actions, streamingScenario(scenario)),
  initialState: (): ActionsState => ({ applied: [] }),
  module: {
    name: 'actions',
    handlers: {
      'streaming.action'(ctx, event) {
        applyAndLog(ctx, event.action);
      },
    },
  },
  start(state, actions) {
    if (state.services.level.used !== 'record') return;
    for (const action of actions) {
      schedule(state, millis(action.atSeconds * 1000), { type: 'streaming.action', action: untimed(action) });
    }
  },
  report(state) {
    const rate = state.services.level.rate;
    if (rate === null) return toJsonValue(inTimeOrder(state.services.actions));
    // At rate level sim/rate applied the resharding actions (the others are refused before the run).
    return rate.actions.map((outcome) => ({
      atMs: outcome.atSeconds * 1000,
      action: { action: outcome.action, stream: outcome.stream },
      ok: outcome.ok,
      result: null,
      error: outcome.error ? { ...outcome.error } : null,
    }));
  },
});
