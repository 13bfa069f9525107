/**
 * The data bus lab's workspace (what the learner has placed and connected) and the pure reducer that
 * applies their actions to it.
 */
import { ok, type Result } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { reduceWith } from '../kit/reduce.ts';
import { busItem, busItems, isItemId, isStage, stages, type ItemId, type Stage } from './catalogue.ts';

/** A directed connection: data flows from `from` to `to`. */
export interface Connection {
  readonly from: ItemId;
  readonly to: ItemId;
}

/** What the learner has built. */
export interface DataBusWorkspace {
  /** The stage each placed item sits on; items not yet placed are absent. */
  readonly placements: Partial<Record<ItemId, Stage>>;
  /** Connections in the order they were drawn. */
  readonly connections: readonly Connection[];
}

/** What the learner can do. */
export type DataBusAction =
  | { readonly type: 'place'; readonly item: ItemId; readonly stage: Stage }
  | { readonly type: 'remove'; readonly item: ItemId }
  | { readonly type: 'connect'; readonly from: ItemId; readonly to: ItemId }
  | { readonly type: 'disconnect'; readonly from: ItemId; readonly to: ItemId };

/** An empty bus. */
export const emptyBus: DataBusWorkspace = { placements: {}, connections: [] };

const knownItems = () => busItems.map((item) => item.id).join(', ');

function checkItem(id: unknown, field: string): Result<ItemId> {
  return isItemId(id)
    ? ok(id)
    : invalidAction(`"${String(id)}" is not an item of this lab; use one of ${knownItems()}.`, field);
}

/** Applies one action; refuses unknown items, unknown stages and connections to items not on the bus. */
export const reduceDataBus = reduceWith<DataBusWorkspace, DataBusAction>({
  place: (workspace, action) => {
    const item = checkItem(action.item, 'item');
    if (!item.ok) return item;
    if (!isStage(action.stage)) {
      return invalidAction(
        `"${String(action.stage)}" is not a stage; use ${stages.map((s) => s.id).join(', ')}.`,
        'stage',
      );
    }
    return ok({ ...workspace, placements: { ...workspace.placements, [item.value]: action.stage } });
  },
  remove: (workspace, action) => {
    const item = checkItem(action.item, 'item');
    if (!item.ok) return item;
    const placements = { ...workspace.placements };
    delete placements[item.value];
    const connections = workspace.connections.filter((c) => c.from !== item.value && c.to !== item.value);
    return ok({ placements, connections });
  },
  connect: (workspace, action) => {
    const from = checkItem(action.from, 'from');
    if (!from.ok) return from;
    const to = checkItem(action.to, 'to');
    if (!to.ok) return to;
    if (from.value === to.value)
      return invalidAction(`${busItem(from.value).name} cannot be connected to itself.`, 'to');
    for (const id of [from.value, to.value]) {
      if (workspace.placements[id] === undefined) {
        return invalidAction(
          `Place ${busItem(id).name} on the bus before connecting it.`,
          id === from.value ? 'from' : 'to',
        );
      }
    }
    const exists = workspace.connections.some((c) => c.from === from.value && c.to === to.value);
    if (exists) return ok(workspace);
    return ok({
      ...workspace,
      connections: [...workspace.connections, { from: from.value, to: to.value }],
    });
  },
  disconnect: (workspace, action) => {
    const connections = workspace.connections.filter((c) => !(c.from === action.from && c.to === action.to));
    if (connections.length === workspace.connections.length) {
      return invalidAction(`There is no connection from "${String(action.from)}" to "${String(action.to)}".`);
    }
    return ok({ ...workspace, connections });
  },
});
