/**
 * The lab's questions as checklist tasks. Each expected value is read from the simulation for the
 * learner's seed, never written into the lab; wrong answers get a pointer to what to look at, not the number.
 */
import type { LabTask, TaskResult } from '../engine/types.ts';
import { observeAt } from '../../sim/lambda-arch/index.ts';
import { millis } from '../../sim/core/index.ts';
import { lookAt, questionPage, type LambdaArchFacts } from './explorable.ts';
import type { LambdaArchWorkspace, QuestionId } from './workspace.ts';

type Task = LabTask<LambdaArchWorkspace, LambdaArchFacts>;

const seconds = (ms: number) => `${ms / 1000} s`;
const page = questionPage;

interface Question {
  readonly id: QuestionId;
  readonly title: string;
  /** The simulated time the learner must have reached to see the answer. */
  readonly needsRunTo: (facts: LambdaArchFacts) => number | null;
  /**
   * What to say when the run has not got that far, for a question whose answer is that very time (or
   * follows from it): the time itself would give the answer away. Without it, the time is named.
   */
  readonly runFirst?: string;
  readonly expected: (facts: LambdaArchFacts) => number | null;
  /** Why an answer is wrong, without giving the number away. */
  readonly explainWrong: (answer: number, facts: LambdaArchFacts) => string;
}

function questionTask(question: Question): Task {
  return {
    id: question.id,
    title: question.title,
    check(workspace, { derived: facts }): TaskResult {
      const expected = question.expected(facts);
      const needed = question.needsRunTo(facts);
      if (expected === null || needed === null) {
        return {
          passed: false,
          feedback: `With seed ${workspace.seed} the batch view does not catch up within the run; reset the seed.`,
        };
      }
      if (workspace.ranUntil < needed) {
        const run = question.runFirst ?? `Run the simulation to at least ${seconds(needed)} first`;
        return { passed: false, feedback: `${run} (it is at ${seconds(workspace.ranUntil)}).` };
      }
      const answer = workspace.answers[question.id];
      if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
      if (answer === expected) return { passed: true, feedback: `Right: ${answer}.` };
      return { passed: false, feedback: `${answer} is not it. ${question.explainWrong(answer, facts)}` };
    },
  };
}

/** Step 1: what the speed layer and the serving layer show at 90 s. */
export const speedAt90 = questionTask({
  id: 'speed-at-90',
  title: `How many ${page} views does the speed layer hold at 90 s?`,
  needsRunTo: () => lookAt,
  expected: (f) => f.atLook.speed[page],
  explainWrong: (answer, f) =>
    answer === f.atLook.served[page]
      ? 'That is the served total; read the speed layer’s own counter.'
      : `The speed layer counts every delivery since the batch view’s cut-off at ${seconds(f.atLook.batchCoversUntil ?? 0)}; read its ${page} counter at 90 s.`,
});

export const servedAt90 = questionTask({
  id: 'served-at-90',
  title: `What does the serving layer answer for ${page} at 90 s?`,
  needsRunTo: () => lookAt,
  expected: (f) => f.atLook.served[page],
  explainWrong: (answer, f) =>
    answer === f.atLook.speed[page] || answer === f.atLook.batch[page]
      ? 'That is one layer alone; the serving layer answers batch view + speed layer.'
      : 'The serving layer adds the batch view and the speed layer; read both at 90 s.',
});

/** Step 2: why the fast answer is approximate. */
export const duplicatesAt90 = questionTask({
  id: 'duplicates-at-90',
  title: 'How many duplicate deliveries has the master log recorded by 90 s?',
  needsRunTo: () => lookAt,
  expected: (f) => f.atLook.duplicateRecords,
  explainWrong: () =>
    'The log keeps every delivery, duplicates included (it is append-only); count the records marked as duplicates up to 90 s, all pages together.',
});

export const errorAt90 = questionTask({
  id: 'error-at-90',
  title: `By how much does the served ${page} count differ from the true count at 90 s (served − true)?`,
  needsRunTo: () => lookAt,
  expected: (f) => f.atLook.served[page] - f.atLook.truth[page],
  explainWrong: (answer, f) =>
    answer === f.atLook.truth[page] - f.atLook.served[page]
      ? 'Mind the sign: served minus true.'
      : 'Subtract the true count (what really happened by 90 s) from the served count; duplicates push it up, views still on their way push it down.',
});

/** Step 3: the batch layer catches up. */
export const batchConvergedAt = questionTask({
  id: 'batch-converged-at',
  title: `At what time (in seconds) is the first batch view published that holds the exact final ${page} count?`,
  needsRunTo: (f) => f.batchConvergedAt,
  runFirst: 'Run the simulation on until the batch view stops changing first',
  expected: (f) => (f.batchConvergedAt === null ? null : f.batchConvergedAt / 1000),
  explainWrong: (answer, f) => {
    const at = observeAt(f.scenario, millis(Math.max(0, Math.min(answer * 1000, f.scenario.horizon))));
    if (answer * 1000 < (f.batchConvergedAt ?? 0)) {
      return `At ${answer} s the published batch view says ${at.batch[page]} for ${page}, and a later publication still changes it: it has not caught up yet.`;
    }
    return `By ${answer} s the batch view is exact, but it got there at an earlier publication; step back through the batch runs.`;
  },
});

export const finalCount = questionTask({
  id: 'final-count',
  title: `How many ${page} views did the stream really produce?`,
  needsRunTo: (f) => f.batchConvergedAt,
  runFirst: 'Run the simulation on until the batch view stops changing first',
  expected: (f) => f.finalTrueCount,
  explainWrong: () =>
    'Read the batch view once it has caught up: each view counted once, late ones included.',
});
