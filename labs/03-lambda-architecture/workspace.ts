/** The Lambda architecture lab's workspace (how far the learner ran the explorable, their answers) and reducer. */
import { ok } from '../../sim/core/index.ts';
import { MAX_SEED } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseNonNumber } from '../kit/reduce.ts';
import { defaultLambdaArchScenario } from '../../sim/lambda-arch/index.ts';

/** The questions of the lab, by id. */
export type QuestionId =
  'speed-at-90' | 'served-at-90' | 'duplicates-at-90' | 'error-at-90' | 'batch-converged-at' | 'final-count';

/** Every question id. */
export const questionIds: readonly QuestionId[] = [
  'speed-at-90',
  'served-at-90',
  'duplicates-at-90',
  'error-at-90',
  'batch-converged-at',
  'final-count',
];

/** What the learner has done. */
export interface LambdaArchWorkspace {
  /** The simulation's seed; the lab starts from the workshop's, and an instructor may hand out others. */
  readonly seed: number;
  /** How far the learner has run the simulation, in milliseconds of simulated time. */
  readonly ranUntil: number;
  /** The learner's numeric answers; times are in seconds. */
  readonly answers: Partial<Record<QuestionId, number>>;
}

/** What the learner can do: run (or rewind) the simulation to a time, and answer a question. */
export type LambdaArchAction =
  | { readonly type: 'run'; readonly until: number }
  | { readonly type: 'answer'; readonly question: QuestionId; readonly value: number }
  | { readonly type: 'seed'; readonly seed: number };

/** The starting workspace. */
export const startWorkspace: LambdaArchWorkspace = {
  seed: defaultLambdaArchScenario.seed,
  ranUntil: 0,
  answers: {},
};

/** Applies one action; refuses times outside the run, unknown questions and non-numbers. */
export const reduceLambdaArch = reduceWith<LambdaArchWorkspace, LambdaArchAction>({
  run: (workspace, action) => {
    const horizon = defaultLambdaArchScenario.horizon;
    if (!Number.isFinite(action.until) || action.until < 0 || action.until > horizon) {
      return invalidAction(
        `Run until a time from 0 to ${horizon / 1000} s (given ${String(action.until)} ms).`,
        'until',
      );
    }
    return ok({ ...workspace, ranUntil: action.until });
  },
  answer: answerWith({ questions: questionIds, refuse: refuseNonNumber }),
  seed: (_workspace, action) => {
    if (!Number.isInteger(action.seed) || action.seed < 0 || action.seed > MAX_SEED) {
      return invalidAction(`The seed must be an integer from 0 to ${MAX_SEED}.`, 'seed');
    }
    return ok({ seed: action.seed, ranUntil: 0, answers: {} });
  },
});
