import { fail, ok, type Result, type SimError } from '../core/index.ts';
import { consumerContext, findConsumer, type ConsumersSimContext } from '../consumers/index.ts';
import type { ConsumerEntry } from '../consumers/index.ts';
import { didYouMean } from '../scenario/index.ts';
import { MAX_KCL_WORKERS, type KclConfig } from './config.ts';
import type { KclAppState } from './state.ts';
import { launchWorker, newWorker, stopWorker } from './worker.ts';

type KclEntry = ConsumerEntry<KclConfig, KclAppState>;

function findKclApp(sim: ConsumersSimContext, consumerName: string): Result<KclEntry, SimError> {
  const found = findConsumer(sim.services.consumers, consumerName);
  if (!found.ok) return found;
  if (isKclEntry(found.value)) return ok(found.value);
  return fail({
    code: 'InvalidArgument',
    path: 'consumer',
    message: `"${consumerName}" is a ${found.value.config.type} consumer; only KCL applications have workers.`,
  });
}

/** True for a KCL application's entry (the consumers component paired its `type` with the KCL kind's state). */
function isKclEntry(entry: ConsumerEntry): entry is KclEntry {
  return entry.config.type === 'kcl';
}

function checkTime(sim: ConsumersSimContext, now: number): Result<void, SimError> {
  if (now === sim.now) return ok(undefined);
  return fail({
    code: 'InvalidArgument',
    path: 'now',
    message: `Worker actions happen at the simulation's current time (${sim.now} ms), not at ${now} ms: advance the clock first.`,
  });
}

/**
 * Crashes worker `workerId` of KCL application `consumerName` at `now` (the simulation's current time):
 * its record processors stop without checkpointing, and its leases stay in its name until the other
 * workers see them expire (failoverTimeMillis, 10 s by default) and take them.
 */
export function crashWorker(
  sim: ConsumersSimContext,
  consumerName: string,
  workerId: string,
  now: number,
): Result<void, SimError> {
  const time = checkTime(sim, now);
  if (!time.ok) return time;
  const app = findKclApp(sim, consumerName);
  if (!app.ok) return app;
  const workers = app.value.state.workers;
  const worker = workers.find((w) => w.workerId === workerId);
  if (worker === undefined) {
    const ids = workers.map((w) => w.workerId);
    return fail({
      code: 'ResourceNotFoundException',
      path: 'workerId',
      message: `Application "${consumerName}" has no worker "${workerId}"; its workers are ${ids.join(', ')}.${didYouMean(workerId, ids)}`,
    });
  }
  if (worker.status === 'CRASHED') {
    return fail({
      code: 'InvalidArgument',
      path: 'workerId',
      message: `Worker "${workerId}" of "${consumerName}" is already down (since ${worker.crashedAt} ms).`,
    });
  }
  stopWorker(consumerContext(sim, app.value), worker);
  return ok(undefined);
}

/**
 * Starts a worker of KCL application `consumerName` at `now` (the simulation's current time). Without
 * `workerId` it gets the next free name (worker-N). Naming a crashed worker restarts it: it keeps the
 * leases still in its name. The new worker's lease taker scans at once and takes leases to balance the
 * load (expired ones first, else at most maxLeasesToStealAtOneTime stolen per cycle).
 */
export function addWorker(
  sim: ConsumersSimContext,
  consumerName: string,
  workerId: string | undefined,
  now: number,
): Result<{ readonly workerId: string }, SimError> {
  const time = checkTime(sim, now);
  if (!time.ok) return time;
  const app = findKclApp(sim, consumerName);
  if (!app.ok) return app;
  const state = app.value.state;
  let id = workerId;
  if (id === undefined) {
    do id = `worker-${state.nextWorkerNumber++}`;
    while (state.workers.some((w) => w.workerId === id));
  }
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) {
    return fail({
      code: 'InvalidArgument',
      path: 'workerId',
      message: `Worker id ${JSON.stringify(id)} is not allowed: use 1–64 letters, digits, "_", ".", ":" or "-".`,
    });
  }
  let worker = state.workers.find((w) => w.workerId === id);
  if (worker?.status === 'RUNNING') {
    return fail({
      code: 'InvalidArgument',
      path: 'workerId',
      message: `Worker "${id}" of "${consumerName}" is already running.`,
    });
  }
  if (worker === undefined) {
    if (state.workers.length >= MAX_KCL_WORKERS) {
      return fail({
        code: 'LimitExceeded',
        path: 'workerId',
        message: `Application "${consumerName}" already has ${MAX_KCL_WORKERS} workers, the most a scenario may have.`,
      });
    }
    worker = newWorker(id, now);
    state.workers.push(worker);
  }
  launchWorker(consumerContext(sim, app.value), worker);
  return ok({ workerId: id });
}
