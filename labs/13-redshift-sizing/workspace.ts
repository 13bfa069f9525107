/** The sizing lab's workspace (the learner's cluster and answers) and its reducer. */
import { ok } from '../../sim/core/index.ts';
import { findRedshiftNodeType } from '../../sim/catalog/index.ts';
import { invalidAction } from '../engine/run.ts';
import {
  answerWith,
  orList,
  reduceWith,
  refuseBlank,
  refuseNonNumber,
  type AnswerAction,
} from '../kit/reduce.ts';
import { sizingNodeTypes } from './scenario.ts';

/** The lab's questions about "$1,000 per TB per year". */
export type SizingQuestion = 'ds2-on-demand-per-tb-year' | 'thousand-basis';

/** Where the "$1,000 per TB per year" figure could come from: the options the learner picks between. */
export const thousandBasisOptions = [
  { value: 'dc1-on-demand', label: 'dc1.large on demand, the $0.25-an-hour node' },
  { value: 'ds2-on-demand', label: 'ds2.xlarge on demand' },
  { value: 'ds2-reserved-3y', label: 'Dense storage (DS2) nodes reserved for three years' },
  { value: 'compression', label: 'Any node type, once columnar compression shrinks the data' },
] as const;

/** One of {@link thousandBasisOptions}' values. */
export type ThousandBasis = (typeof thousandBasisOptions)[number]['value'];

/** What the learner configures and answers. */
export interface SizingWorkspace {
  /** The cluster: a node type of the 2016 catalogue and its number of compute nodes. */
  readonly cluster: { readonly nodeType: string; readonly nodeCount: number };
  readonly answers: {
    readonly 'ds2-on-demand-per-tb-year'?: number;
    readonly 'thousand-basis'?: ThousandBasis;
  };
}

/** What the learner can do. */
export type SizingAction =
  | { readonly type: 'set-cluster'; readonly nodeType: string; readonly nodeCount: number }
  | AnswerAction<SizingQuestion>;

/** The workshop's demo cluster: one dc1.large. */
export const startWorkspace: SizingWorkspace = {
  cluster: { nodeType: 'dc1.large', nodeCount: 1 },
  answers: {},
};

const basisValues: readonly string[] = thousandBasisOptions.map((option) => option.value);

/** Applies one action; refuses node types outside the 2016 catalogue and counts outside a type's limits. */
export const reduceSizing = reduceWith<SizingWorkspace, SizingAction>({
  'set-cluster': (workspace, action) => {
    const node = findRedshiftNodeType(action.nodeType);
    if (!node || !sizingNodeTypes.includes(node)) {
      return invalidAction(
        `"${String(action.nodeType)}" is not a node type of 2016; use ${orList(sizingNodeTypes.map((t) => t.name))}.`,
        'nodeType',
      );
    }
    const count = action.nodeCount;
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < node.minNodes ||
      count > node.maxNodes
    ) {
      return invalidAction(
        `A ${node.name} cluster has ${node.minNodes} to ${node.maxNodes} compute nodes (given ${String(count)}).`,
        'nodeCount',
      );
    }
    return ok({ ...workspace, cluster: { nodeType: node.name, nodeCount: count } });
  },
  answer: answerWith<SizingWorkspace, SizingQuestion>({
    questions: ['ds2-on-demand-per-tb-year', 'thousand-basis'],
    refuse: (value, question) =>
      question === 'thousand-basis'
        ? (refuseBlank('Choose where the figure comes from.')(value) ??
          (basisValues.includes(value as string)
            ? undefined
            : `"${String(value)}" is not one of the options; use ${orList(basisValues)}.`))
        : refuseNonNumber(value),
  }),
});
