import type { LabAction, TaskStatus } from '../../labs/engine';

/** What every lab explorable receives from the player. */
export interface ExplorableProps<
  Workspace = unknown,
  Action extends LabAction = LabAction,
  Derived = unknown,
> {
  /** The lab's current workspace, straight from the engine's snapshot. */
  readonly workspace: Workspace;
  /**
   * The lab's derived facts, computed off the page's thread: the workspace's, or while the new ones are
   * computed the latest that arrived. Render these; never derive again in the view.
   */
  readonly derived: Derived;
  /** Sends a learner action to the engine, which accepts it or says why not. */
  readonly act: (action: Action) => void;
  /** The current step's checklist, for explorables that show feedback beside the thing it is about. */
  readonly tasks: readonly TaskStatus[];
}
