/** The data bus explorable's view of a workspace: what sits where, and which pieces are still to place. */
import {
  busItem,
  busItems,
  stages,
  type BusItem,
  type ItemId,
  type Stage,
} from '../../../labs/01-data-bus/catalogue';
import type { Connection, DataBusWorkspace } from '../../../labs/01-data-bus/workspace';

/** One placed piece. */
export interface PlacedPiece {
  readonly item: BusItem;
}

/** A stage column. */
export interface StageColumn {
  readonly id: Stage;
  readonly label: string;
  readonly pieces: readonly PlacedPiece[];
}

/**
 * Pieces not placed yet, alphabetically: the catalogue is grouped by stage, and listing it that way would
 * give the first step's answer away.
 */
export function unplacedPieces(workspace: DataBusWorkspace): BusItem[] {
  return busItems
    .filter((item) => workspace.placements[item.id] === undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** The four stage columns with what the learner placed on each, in the order placed. */
export function stageColumns(workspace: DataBusWorkspace): StageColumn[] {
  const placed = Object.entries(workspace.placements) as [ItemId, Stage][];
  return stages.map((stage) => ({
    id: stage.id,
    label: stage.label,
    pieces: placed.filter(([, on]) => on === stage.id).map(([id]) => ({ item: busItem(id) })),
  }));
}

/** "Amazon Kinesis Streams → AWS Lambda" */
export const describeConnection = (connection: Connection): string =>
  `${busItem(connection.from).name} → ${busItem(connection.to).name}`;
