/**
 * The parts every lab's reducer shares: dispatch by action type with one clear refusal for an unknown type,
 * and recording a learner's answer to one of the lab's questions.
 */
import { ok, type Result } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';

/** One handler per action type; each receives the action narrowed to its type. */
export type ActionHandlers<Workspace, Action extends { readonly type: string }> = {
  readonly [Type in Action['type']]: (
    workspace: Workspace,
    action: Extract<Action, { readonly type: Type }>,
  ) => Result<Workspace>;
};

/** `a`, `a or b`, `a, b or c`: how a refusal lists what is allowed. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * A lab's reducer from one handler per action type. An action of any other type (a typo in a solution
 * script, a stale saved action) is refused with `InvalidAction` at `type`, naming the types the lab takes
 * in the order the handlers list them.
 */
export function reduceWith<Workspace, Action extends { readonly type: string }>(
  handlers: ActionHandlers<Workspace, Action>,
): (workspace: Workspace, action: Action) => Result<Workspace> {
  const types = Object.keys(handlers);
  return (workspace, action) => {
    const type: unknown = (action as { readonly type: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      return invalidAction(`Unknown action "${String(type)}"; use ${orList(types)}.`, 'type');
    }
    const handle = handlers[type as Action['type']] as (
      workspace: Workspace,
      action: Action,
    ) => Result<Workspace>;
    return handle(workspace, action);
  };
}

/** What makes an answer acceptable: the lab's questions, and why a value is not an answer to one. */
export interface AnswerRules<Question extends string> {
  readonly questions: readonly Question[];
  /** Why `value` cannot answer `question` (shown to the learner), or undefined when it can. */
  readonly refuse: (value: unknown, question: Question) => string | undefined;
}

/** An `answer` action: the learner's value for one of the lab's questions. */
export interface AnswerAction<Question extends string = string> {
  readonly type: 'answer';
  readonly question: Question;
  readonly value: unknown;
}

/**
 * The handler for `answer`: refuses a question the lab does not ask (at `question`) and a value the rules
 * refuse (at `value`), and otherwise records the value under `answers[question]`, replacing an earlier one.
 */
export function answerWith<Workspace extends { readonly answers: object }, Question extends string>(
  rules: AnswerRules<Question>,
): (workspace: Workspace, action: AnswerAction<Question>) => Result<Workspace> {
  const allowed =
    rules.questions.length === 1 ? `use ${rules.questions[0]}` : `use one of ${rules.questions.join(', ')}`;
  return (workspace, action) => {
    if (!rules.questions.includes(action.question)) {
      return invalidAction(`"${String(action.question)}" is not a question; ${allowed}.`, 'question');
    }
    const problem = rules.refuse(action.value, action.question);
    if (problem !== undefined) return invalidAction(problem, 'value');
    return ok({ ...workspace, answers: { ...workspace.answers, [action.question]: action.value } });
  };
}

/** Refuses anything but a finite number, as the labs' numeric questions do. */
export function refuseNonNumber(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? undefined
    : `The answer must be a number (given ${JSON.stringify(value)}).`;
}

/** Refuses anything but non-blank text, with `prompt` as the reason (such as "Choose a shard first."). */
export function refuseBlank(prompt: string): (value: unknown) => string | undefined {
  return (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : prompt);
}
