import { fail, ok, type Result } from '../core/index.ts';
import { schedule, type SimContext, type SimEvent } from '../core/index.ts';
import {
  findConsumer,
  type ConsumersState,
  type ConsumerTimer,
  type ConsumerTimerEvent,
} from '../consumers/index.ts';
import type { AnyScenarioComponent, JsonValue } from '../scenario/index.ts';

/**
 * Pausing a consumer application (`pauseConsumer` / `resumeConsumer` actions): a deploy, a stopped
 * process, a long garbage-collection pause. While paused the application makes no calls at all — no
 * GetRecords, no lease renewals, no checkpoints — because every timer it set is held instead of fired;
 * on resume the held timers fire at once and it carries on from its iterators and checkpoints, now behind
 * the tip of each shard by the length of the pause. Because the whole application stops, none of its
 * workers sees another's lease expire: pausing is not a crash (use `crashWorker` for that).
 */

/** A paused consumer: since when, and the timers that fell due while it was paused (plain JSON). */
export interface PausedConsumer {
  readonly sinceMs: number;
  readonly heldTimers: ConsumerTimer[];
}

/** Paused consumers by name (kept in `services.actions`). */
export type PausedConsumers = Record<string, PausedConsumer>;

/** Where pauses are kept: the actions service (see ActionsState). */
interface PauseLog {
  pausedConsumers?: PausedConsumers;
}

/** What pausing and resuming reads and changes: the consumers and the pause log. */
export interface PauseServices {
  readonly consumers: ConsumersState;
  readonly actions: PauseLog;
}

/** Pausing a consumer sets no event; resuming schedules its held timers. */
export type PauseContext = SimContext<ConsumerTimerEvent, PauseServices>;

/** Stops consumer `name` from now on; refused when it is unknown or already paused. */
export function pauseConsumer(ctx: PauseContext, name: string): Result<JsonValue> {
  const found = findConsumer(ctx.services.consumers, name);
  if (!found.ok) return found;
  const paused = (ctx.services.actions.pausedConsumers ??= {});
  const since = paused[name]?.sinceMs;
  if (since !== undefined) {
    return fail({
      code: 'InvalidAction',
      message: `Consumer "${name}" is already paused (since ${since} ms); resume it first.`,
      path: 'consumer',
    });
  }
  paused[name] = { sinceMs: ctx.now, heldTimers: [] };
  return ok({});
}

/** Lets consumer `name` run again: the timers held while it was paused fire now, in the order they fell due. */
export function resumeConsumer(ctx: PauseContext, name: string): Result<JsonValue> {
  const found = findConsumer(ctx.services.consumers, name);
  if (!found.ok) return found;
  const paused = ctx.services.actions.pausedConsumers ?? {};
  const entry = paused[name];
  if (entry === undefined) {
    return fail({
      code: 'InvalidAction',
      message: `Consumer "${name}" is not paused; pause it first.`,
      path: 'consumer',
    });
  }
  delete paused[name];
  for (const timer of entry.heldTimers) {
    schedule(ctx, ctx.now, { type: 'consumer.timer', consumer: name, timer });
  }
  return ok({ pausedMs: ctx.now - entry.sinceMs });
}

/** True when the run keeps a pause log (the actions component is in it). */
function hasPauseLog(services: object): services is { readonly actions: PauseLog } {
  return 'actions' in services;
}

/**
 * The consumers component with pauses: a timer of a paused consumer is held (see `resumeConsumer`)
 * instead of reaching the consumer's kind. Everything else is the component as it is. The pause log lives
 * in the actions service, which starts after the consumers (it acts on them), so it is looked up when a
 * timer fires rather than declared as a need.
 */
export function withConsumerPauses(component: AnyScenarioComponent): AnyScenarioComponent {
  const handlers = component.module.handlers as Record<
    string,
    ((ctx: SimContext<SimEvent, Record<string, unknown>>, event: SimEvent) => void) | undefined
  >;
  const onTimer = handlers['consumer.timer'];
  if (onTimer === undefined) return component;
  const held: typeof onTimer = (ctx, event) => {
    const timerEvent = event as ConsumerTimerEvent;
    const log = hasPauseLog(ctx.services) ? ctx.services.actions : {};
    const paused = log.pausedConsumers?.[timerEvent.consumer];
    if (paused !== undefined) paused.heldTimers.push(timerEvent.timer);
    else onTimer(ctx, event);
  };
  return {
    ...component,
    module: { name: component.module.name, handlers: { ...handlers, 'consumer.timer': held } },
  } as AnyScenarioComponent;
}
