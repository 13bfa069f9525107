import type { LabAction, TaskStatus } from '../../labs/engine';

/** What every lab explorable receives from the player. */
export interface ExplorableProps<Workspace = unknown, Action extends LabAction = LabAction> {
  /** The lab's current workspace, straight from the engine's snapshot. */
  readonly workspace: Workspace;
  /** Sends a learner action to the engine, which accepts it or says why not. */
  readonly act: (action: Action) => void;
  /** The current step's checklist, for explorables that show feedback beside the thing it is about. */
  readonly tasks: readonly TaskStatus[];
}
