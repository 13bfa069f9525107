/**
 * The lab model: a lab is plain data (start state, steps, tasks, hints, solutions) plus a pure reducer
 * that applies a learner's actions to a serializable workspace. Learn Git Branching style: a solution is a
 * list of actions, so every lab can be replayed headlessly and proven solvable.
 */
import type { Result } from '../../sim/core/index.ts';
import type { SessionNumber } from '../agenda.ts';

/** Anything the learner does inside a lab, as plain serializable data (`{ type: 'place', … }`). */
export interface LabAction {
  readonly type: string;
}

/** What a check says about the learner's work right now. */
export interface TaskResult {
  readonly passed: boolean;
  /** When failing: what is still wrong and where. When passing: a short confirmation of what was achieved. */
  readonly feedback: string;
}

/** What a check may read besides the workspace: values the lab derives from it once per change. */
export interface CheckContext<Derived> {
  /** The lab's `derive(workspace)` result, such as a simulation run or a computed cost. */
  readonly derived: Derived;
}

/** One item on a step's checklist. */
export interface LabTask<Workspace, Derived = undefined> {
  /** Stable id, unique within the step. */
  readonly id: string;
  /** The checklist line the learner sees. */
  readonly title: string;
  /** Reads the learner's actual work (never text on screen) and says whether the task is done. */
  check(workspace: Workspace, context: CheckContext<Derived>): TaskResult;
}

/** A step of a lab: its instructions live in the lab's markdown under `<!-- step: id -->`. */
export interface LabStep<Workspace, Action extends LabAction, Derived = undefined> {
  /** Stable id, unique within the lab; also the markdown section's name. */
  readonly id: string;
  readonly title: string;
  /** All must pass for the step to be complete. */
  readonly tasks: readonly LabTask<Workspace, Derived>[];
  /** Progressive hints: each one says a little more than the one before. */
  readonly hints: readonly string[];
  /** Learner actions that, applied to the workspace this step starts from, make every task pass. */
  readonly solution: readonly Action[];
}

/**
 * A lab: identity, teaching goals, the starting workspace, the reducer for its actions and the steps.
 * Write one per folder (`labs/NN-slug/lab.ts`) with `satisfies LabDefinition<…>`.
 */
export interface LabDefinition<Workspace, Action extends LabAction, Derived = undefined> {
  /** Stable id, the same as in `labs/agenda.ts`. */
  readonly id: string;
  readonly session: SessionNumber;
  readonly title: string;
  /** What the learner can do after the lab, one sentence each. */
  readonly objectives: readonly string[];
  readonly estimatedMinutes: number;
  /** The lab's markdown: an intro, one section per step, and a closing section (see `parseLabText`). */
  readonly text: URL;
  /** The workspace the learner starts from: plain JSON data. */
  readonly initialWorkspace: Workspace;
  /**
   * Applies one learner action. Pure. Rejects an action that makes no sense (unknown item, value out of
   * range) with an error that says what and how to fix it; the workspace is then left unchanged.
   */
  reduce(workspace: Workspace, action: Action): Result<Workspace>;
  /** Computes what the checks read besides the workspace (a simulation, a cost). Pure. */
  derive(workspace: Workspace): Derived;
  readonly steps: readonly LabStep<Workspace, Action, Derived>[];
}

/** A lab definition with its types erased, for registries and engines that handle every lab alike. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: each lab has its own types
export type AnyLabDefinition = LabDefinition<any, any, any>;
