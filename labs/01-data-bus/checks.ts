/**
 * The data bus principles as checks over the learner's placements and connections. Every failing check
 * names the item or the connection that is wrong and says how to fix it.
 */
import type { LabTask, TaskResult } from '../engine/types.ts';
import { busItem, busItems, stageLabel, type ItemId, type Stage } from './catalogue.ts';
import type { Connection, DataBusWorkspace } from './workspace.ts';

type Task = LabTask<DataBusWorkspace>;

const pass = (feedback: string): TaskResult => ({ passed: true, feedback });
const failWith = (feedback: string): TaskResult => ({ passed: false, feedback });
const name = (id: ItemId) => busItem(id).name;
const kind = (id: ItemId): Stage => busItem(id).stage;
const arrow = (c: Connection) => `${name(c.from)} → ${name(c.to)}`;
const list = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** A task: every item of `stage` is placed on it. */
export function placedOn(stage: Stage, title: string): Task {
  return {
    id: `placed-${stage}`,
    title,
    check(workspace) {
      const items = busItems.filter((item) => item.stage === stage);
      const missing = items.filter((item) => workspace.placements[item.id] === undefined);
      const wrong = items.filter((item) => {
        const placed = workspace.placements[item.id];
        return placed !== undefined && placed !== stage;
      });
      if (wrong.length > 0) {
        const item = wrong[0]!;
        return failWith(
          `${item.name} sits on ${stageLabel(workspace.placements[item.id]!)}, but it belongs to ${stageLabel(stage)}: ${item.role}.`,
        );
      }
      if (missing.length > 0)
        return failWith(`Still to place on ${stageLabel(stage)}: ${list(missing.map((i) => i.name))}.`);
      return pass(`All of ${stageLabel(stage)} is in place.`);
    },
  };
}

/** Why a connection breaks the bus, or null when it is a sound one. */
export function connectionProblem(c: Connection): string | null {
  const from = kind(c.from);
  const to = kind(c.to);
  if (from === 'process' && to === 'process') {
    return `${arrow(c)} couples two processing stages directly. Storage decouples processing: write the output to a store (for example Amazon S3) and let the next stage read it from there, so each stage scales and fails on its own.`;
  }
  if (from === 'collect' && to !== 'store') {
    return `${arrow(c)} skips storage. Collected data lands in a store first (Kinesis Streams for a stream, S3 for files), where any number of processors can read it.`;
  }
  if (from === 'store' && to === 'store') {
    return `${arrow(c)} joins two stores, but a store does not move data by itself: put a processor between them that reads one and writes the other.`;
  }
  if (to === 'collect') return `${arrow(c)} points into a source; sources only produce data.`;
  if (from === 'consume') return `${arrow(c)} starts at a consumer; consumers are the end of the bus.`;
  return null;
}

/** A task: no connection breaks the bus. */
export const soundConnections: Task = {
  id: 'sound-connections',
  title: 'Every connection follows collect → store → process/analyze → consume',
  check(workspace) {
    const problems = workspace.connections.map(connectionProblem).filter((p): p is string => p !== null);
    if (problems.length > 0) return failWith(problems.join(' '));
    return pass('Every connection goes through storage where it should.');
  },
};

const outgoing = (w: DataBusWorkspace, id: ItemId) => w.connections.filter((c) => c.from === id);
const incoming = (w: DataBusWorkspace, id: ItemId) => w.connections.filter((c) => c.to === id);
const ofKind = (stage: Stage) => busItems.filter((item) => item.stage === stage).map((item) => item.id);

/** A task: every source writes into at least one store. */
export const everySourceStored: Task = {
  id: 'every-source-stored',
  title: 'Every source sends its data into a store',
  check(workspace) {
    const unstored = ofKind('collect').filter(
      (id) => !outgoing(workspace, id).some((c) => kind(c.to) === 'store'),
    );
    if (unstored.length > 0) return failWith(`Not yet sent to a store: ${list(unstored.map(name))}.`);
    return pass('Every source lands its data in storage.');
  },
};

/** A task: one store is read by two or more processors. */
export const oneStoreManyReaders: Task = {
  id: 'one-store-many-readers',
  title: 'Several processors read the same store',
  check(workspace) {
    for (const store of ofKind('store')) {
      const readers = outgoing(workspace, store).filter((c) => kind(c.to) === 'process');
      if (readers.length >= 2) return pass(`${name(store)} feeds ${list(readers.map((c) => name(c.to)))}.`);
    }
    return failWith(
      'No store is read by two processors yet. A stream in Kinesis Streams can be read by several applications at once: connect a second processor to the same store.',
    );
  },
};

/** A task: one processor reads two or more stores. */
export const oneReaderManyStores: Task = {
  id: 'one-reader-many-stores',
  title: 'One processor reads several stores',
  check(workspace) {
    for (const processor of ofKind('process')) {
      const sources = incoming(workspace, processor).filter((c) => kind(c.from) === 'store');
      if (sources.length >= 2)
        return pass(`${name(processor)} reads ${list(sources.map((c) => name(c.from)))}.`);
    }
    return failWith(
      'No processor reads two stores yet. Analysis frameworks such as EMR can read several stores in one job: connect a second store to one processor.',
    );
  },
};

/** A task: data goes store → process → store → process (a multi-stage bus). */
export const multiStage: Task = {
  id: 'multi-stage',
  title: 'Data flows store → process → store → analyze',
  check(workspace) {
    for (const first of ofKind('process')) {
      const fed = incoming(workspace, first).some((c) => kind(c.from) === 'store');
      if (!fed) continue;
      for (const out of outgoing(workspace, first).filter((c) => kind(c.to) === 'store')) {
        const next = outgoing(workspace, out.to).find((c) => kind(c.to) === 'process' && c.to !== first);
        if (next) return pass(`${name(first)} writes to ${name(out.to)}, which ${name(next.to)} reads.`);
      }
    }
    return failWith(
      'No second stage yet: have a processor that reads a store write its results to another store, and let a different processor analyze them from there.',
    );
  },
};

/** A task: every consumer is fed by a processor or a store. */
export const everyConsumerFed: Task = {
  id: 'every-consumer-fed',
  title: 'Every consumer gets its answers from the bus',
  check(workspace) {
    const hungry = ofKind('consume').filter(
      (id) => !incoming(workspace, id).some((c) => kind(c.from) === 'process' || kind(c.from) === 'store'),
    );
    if (hungry.length > 0) return failWith(`Nothing feeds ${list(hungry.map(name))} yet.`);
    return pass('Every consumer is fed.');
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
