/** The lab engine's public API: what the lab player, the CLI and lab authors use. */
export type {
  AnyLabDefinition,
  CheckContext,
  LabAction,
  LabDefinition,
  LabStep,
  LabTask,
  TaskResult,
} from './types.ts';
export {
  createLabController,
  type LabClock,
  type LabController,
  type LabControllerOptions,
  type LabSnapshot,
} from './controller.ts';
export type { LabPhase } from './flow-context.ts';
export { deriveError } from './derive-jobs.ts';
export {
  inProcessDeriver,
  scriptedSolutions,
  whenAnswered,
  type LabDeriver,
  type SolutionSource,
} from './deriver.ts';
export { PROGRESS_FORMAT, PROGRESS_VERSION, restoreProgress, type LabProgress } from './progress.ts';
export { parseLabText, type LabText } from './text.ts';
export type { TaskStatus } from './run.ts';
export { invalidAction } from './run.ts';
export { validateLab, type LabProblem } from './validate.ts';
