/**
 * Typed answers the app could not read, per checklist task, shared by a lab's questions and its checklist:
 * when the learner's latest answer is refused ("lots", "1,2,3"), the checklist must not go on showing the
 * verdict on the answer before it as if it were about this one.
 */
import { getContext, setContext } from 'svelte';
import type { TaskStatus } from '../../labs/engine';

/** The unread answers of the lab on screen, by task id. */
export class AnswerProblems {
  #byTask: Record<string, string> = $state({});

  /** Why the latest answer to `taskId` could not be read, or undefined when it was read. */
  get(taskId: string): string | undefined {
    return this.#byTask[taskId];
  }

  /** Records why the latest answer could not be read, or clears it (`null`) once an answer is read. */
  set(taskId: string, problem: string | null): void {
    if (problem === null) {
      if (taskId in this.#byTask) delete this.#byTask[taskId];
    } else this.#byTask[taskId] = problem;
  }
}

const KEY = Symbol('answer-problems');

/** Creates the lab page's record of unread answers and makes it available to the components below. */
export const provideAnswerProblems = (): AnswerProblems => setContext(KEY, new AnswerProblems());

/** The lab page's record of unread answers, or undefined outside a lab page. */
export const answerProblems = (): AnswerProblems | undefined => getContext<AnswerProblems | undefined>(KEY);

/** What the checklist shows for a task: the check's verdict, or why the latest answer was not checked. */
export function checklistLine(
  task: TaskStatus,
  problem: string | undefined,
): { readonly passed: boolean; readonly feedback: string } {
  if (problem === undefined) return { passed: task.passed, feedback: task.feedback };
  return { passed: false, feedback: `Your latest answer was not checked: ${problem}` };
}
