/**
 * The data bus principles as checks over the learner's placements and connections. A failing check names
 * the piece or the connection that is wrong and says why, without naming the piece that would be right.
 */
import type { LabTask, TaskResult } from '../engine/types.ts';
import { busItem, busItems, stageLabel, stagePurpose, type ItemId, type Stage } from './catalogue.ts';
import { answersConsumers, feedingProblem, landingProblem, readingProblem } from './fit.ts';
import type { Connection, DataBusWorkspace } from './workspace.ts';

type Task = LabTask<DataBusWorkspace>;

const pass = (feedback: string): TaskResult => ({ passed: true, feedback });
const failWith = (feedback: string): TaskResult => ({ passed: false, feedback });
const name = (id: ItemId) => busItem(id).name;
const kind = (id: ItemId): Stage => busItem(id).stage;
const arrow = (c: Connection) => `${name(c.from)} → ${name(c.to)}`;
const list = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * A task: the stage holds exactly the pieces that belong to it. A piece on the wrong stage is named with
 * what the stage is for and what the piece does; what is still missing is never listed, so the checklist
 * does not hand out the answer before the learner has tried.
 */
export function placedOn(stage: Stage, title: string): Task {
  return {
    id: `placed-${stage}`,
    title,
    check(workspace) {
      const placed = (Object.keys(workspace.placements) as ItemId[]).filter(
        (id) => workspace.placements[id] === stage,
      );
      const wrong = placed.filter((id) => kind(id) !== stage);
      if (wrong.length > 0) {
        return failWith(
          wrong
            .map(
              (id) =>
                `${name(id)} does not fit ${stageLabel(stage)}, which is for ${stagePurpose(stage)}: ${name(id)} ${busItem(id).role}.`,
            )
            .join(' '),
        );
      }
      const belonging = busItems.filter((item) => item.stage === stage);
      if (placed.length === 0) return failWith(`Nothing on ${stageLabel(stage)} yet.`);
      if (placed.length < belonging.length)
        return failWith(`What is on ${stageLabel(stage)} belongs there, but something is still missing.`);
      return pass(`Everything on ${stageLabel(stage)} belongs there, and nothing is missing.`);
    },
  };
}

/** Why a connection breaks the bus or does not fit the data, or null when it is a sound one. */
export function connectionProblem(c: Connection): string | null {
  const from = kind(c.from);
  const to = kind(c.to);
  if (to === 'collect') return `${arrow(c)} points into a source; sources only produce data.`;
  if (from === 'consume') return `${arrow(c)} starts at a consumer; consumers are the end of the bus.`;
  if (from === 'process' && to === 'process') {
    return `${arrow(c)} couples two processing stages directly. Storage decouples processing: each processor writes its results to a store and the next one reads them from there, so each stage scales and fails on its own.`;
  }
  if (from === 'collect' && to !== 'store') {
    return `${arrow(c)} skips storage. Collected data lands in a store first, where any number of processors can read it, again and later.`;
  }
  if (from === 'store' && to === 'store') {
    return `${arrow(c)} joins two stores, but a store does not move data by itself: put a processor between them that reads one and writes the other.`;
  }
  const mismatch =
    from === 'collect'
      ? landingProblem(c.from, c.to)
      : from === 'store' && to === 'process'
        ? readingProblem(c.from, c.to)
        : to === 'consume'
          ? feedingProblem(c.from, c.to)
          : null;
  return mismatch === null ? null : `${arrow(c)} does not fit: ${mismatch}`;
}

/** A task: there are connections, and none breaks the bus or ignores what fits the data. */
export const soundConnections: Task = {
  id: 'sound-connections',
  title: 'Every connection follows the stages and fits the data',
  check(workspace) {
    if (workspace.connections.length === 0)
      return failWith('No connections yet: draw one from a piece to where its data goes next.');
    const problems = workspace.connections.map(connectionProblem).filter((p): p is string => p !== null);
    if (problems.length > 0) return failWith(problems.join(' '));
    return pass('Every connection follows the stages and fits the data it carries.');
  },
};

const outgoing = (w: DataBusWorkspace, id: ItemId) => w.connections.filter((c) => c.from === id);
const incoming = (w: DataBusWorkspace, id: ItemId) => w.connections.filter((c) => c.to === id);
const ofKind = (stage: Stage) => busItems.filter((item) => item.stage === stage).map((item) => item.id);

/** The pieces that data from some source reaches by following the connections. */
export function reachedByData(workspace: DataBusWorkspace): Set<ItemId> {
  const seen = new Set<ItemId>(ofKind('collect'));
  const queue = [...seen];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const c of outgoing(workspace, id)) {
      if (!seen.has(c.to)) {
        seen.add(c.to);
        queue.push(c.to);
      }
    }
  }
  return seen;
}

/** The processors that read `store` through a connection that fits. */
const readersOf = (w: DataBusWorkspace, store: ItemId) =>
  outgoing(w, store)
    .filter((c) => kind(c.to) === 'process' && readingProblem(store, c.to) === null)
    .map((c) => c.to);

/** The stores `processor` reads through a connection that fits. */
const storesReadBy = (w: DataBusWorkspace, processor: ItemId) =>
  incoming(w, processor)
    .filter((c) => kind(c.from) === 'store' && readingProblem(c.from, processor) === null)
    .map((c) => c.from);

/** A task: every source writes into a store that fits its data. */
export const everySourceStored: Task = {
  id: 'every-source-stored',
  title: 'Every source lands its data in a store that fits it',
  check(workspace) {
    const unstored = ofKind('collect').filter(
      (id) =>
        !outgoing(workspace, id).some((c) => kind(c.to) === 'store' && landingProblem(id, c.to) === null),
    );
    if (unstored.length > 0)
      return failWith(`Not yet in a store that fits its data: ${list(unstored.map(name))}.`);
    return pass('Every source lands its data in a store that fits it.');
  },
};

/** A task: one store that data reaches is read by two or more processors. */
export const oneStoreManyReaders: Task = {
  id: 'one-store-many-readers',
  title: 'Several processors read the same store',
  check(workspace) {
    const reached = reachedByData(workspace);
    for (const store of ofKind('store')) {
      const readers = readersOf(workspace, store);
      if (readers.length >= 2 && reached.has(store))
        return pass(`${name(store)} feeds ${list(readers.map(name))}.`);
    }
    const empty = ofKind('store').find((store) => readersOf(workspace, store).length >= 2);
    if (empty !== undefined)
      return failWith(
        `${list(readersOf(workspace, empty).map(name))} read ${name(empty)}, but no data reaches it: nothing writes to it.`,
      );
    return failWith(
      'No store that holds data is read by two processors yet. A stream can be read by several applications at once, each at its own pace: let a second processor read the same store.',
    );
  },
};

/** A task: one processor reads two or more stores that data reaches. */
export const oneReaderManyStores: Task = {
  id: 'one-reader-many-stores',
  title: 'One processor reads several stores',
  check(workspace) {
    const reached = reachedByData(workspace);
    for (const processor of ofKind('process')) {
      const stores = storesReadBy(workspace, processor);
      const full = stores.filter((store) => reached.has(store));
      if (full.length >= 2) return pass(`${name(processor)} reads ${list(full.map(name))}.`);
      if (stores.length >= 2) {
        const empty = stores.filter((store) => !reached.has(store));
        return failWith(
          `${name(processor)} reads ${list(stores.map(name))}, but no data reaches ${list(empty.map(name))}: nothing writes to it.`,
        );
      }
    }
    return failWith(
      'No processor reads two stores that hold data yet. An analysis framework can join data from several stores in one job: let one processor read a second store.',
    );
  },
};

/** A task: data goes store → process → store → process (a multi-stage bus). */
export const multiStage: Task = {
  id: 'multi-stage',
  title: 'Data flows store → process → store → analyze',
  check(workspace) {
    const reached = reachedByData(workspace);
    for (const first of ofKind('process')) {
      const reads = storesReadBy(workspace, first);
      if (!reads.some((store) => reached.has(store))) continue;
      // Writing back into a store it reads is a loop, not a second stage.
      const writes = outgoing(workspace, first).filter(
        (c) => kind(c.to) === 'store' && !reads.includes(c.to),
      );
      for (const out of writes) {
        const next = readersOf(workspace, out.to).find((reader) => reader !== first);
        if (next) return pass(`${name(first)} writes to ${name(out.to)}, which ${name(next)} reads.`);
      }
    }
    return failWith(
      'No second stage yet: have a processor that reads stored data write its results to a store, and let a different processor analyze them from there.',
    );
  },
};

/** Processors that read data but pass nothing on: to a store, or (when `toConsumers`) to a consumer. */
function deadEnds(workspace: DataBusWorkspace, toConsumers: boolean): ItemId[] {
  return ofKind('process').filter((processor) => {
    if (incoming(workspace, processor).length === 0) return false;
    if (!toConsumers && answersConsumers(processor)) return false;
    return !outgoing(workspace, processor).some(
      (c) => kind(c.to) === 'store' || (toConsumers && kind(c.to) === 'consume'),
    );
  });
}

/**
 * A task for the decoupling step: every processor that reads data keeps its results in a store. Engines
 * that consumers query directly (the warehouse, the cluster, the model) are exempt until the next step.
 */
export const resultsStored: Task = {
  id: 'results-stored',
  title: 'Processors keep their results in a store',
  check(workspace) {
    const lost = deadEnds(workspace, false);
    if (lost.length > 0)
      return failWith(
        `${list(lost.map(name))} read${lost.length === 1 ? 's' : ''} data, but the results go nowhere: no later stage can read them.`,
      );
    return pass('Every processor that reads data keeps its results where the next stage can read them.');
  },
};

/** A task for the last step: every processor that reads data passes its results on. */
export const noDeadEnds: Task = {
  id: 'no-dead-ends',
  title: 'Every processor passes its results on',
  check(workspace) {
    const lost = deadEnds(workspace, true);
    if (lost.length > 0)
      return failWith(
        `${list(lost.map(name))} read${lost.length === 1 ? 's' : ''} data, but nobody gets the results.`,
      );
    return pass('Every processor’s results reach a store or a consumer.');
  },
};

/** A task: every consumer reads its answers from something that fits and that data reaches. */
export const everyConsumerFed: Task = {
  id: 'every-consumer-fed',
  title: 'Every consumer gets its answers from the bus',
  check(workspace) {
    const reached = reachedByData(workspace);
    const hungry = ofKind('consume').filter(
      (id) =>
        !incoming(workspace, id).some((c) => feedingProblem(c.from, id) === null && reached.has(c.from)),
    );
    if (hungry.length > 0)
      return failWith(`No answers reach ${list(hungry.map(name))} yet from anything that fits.`);
    return pass('Every consumer gets answers it can use.');
  },
};

/** A task: data from every source reaches at least one consumer. */
export const everySourceAnswered: Task = {
  id: 'every-source-answered',
  title: 'Data from every source reaches a consumer',
  check(workspace) {
    const reachesConsumer = (start: ItemId): boolean => {
      const seen = new Set<ItemId>([start]);
      const queue = [start];
      while (queue.length > 0) {
        const id = queue.shift()!;
        if (kind(id) === 'consume') return true;
        for (const c of outgoing(workspace, id)) {
          if (!seen.has(c.to)) {
            seen.add(c.to);
            queue.push(c.to);
          }
        }
      }
      return false;
    };
    const lost = ofKind('collect').filter((id) => !reachesConsumer(id));
    if (lost.length > 0) return failWith(`Data from ${list(lost.map(name))} never reaches a consumer.`);
    return pass('Every source ends in an answer someone uses.');
  },
};
