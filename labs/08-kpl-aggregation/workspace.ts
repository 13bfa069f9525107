/** The KPL-aggregation lab's workspace (the producer's KPL settings and the learner's answers) and reducer. */
import { ok } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseNonNumber } from '../kit/reduce.ts';

/** The two per-shard write limits. */
export type WriteLimit = 'records' | 'bytes';

/** What the learner has set and answered. */
export interface KplLabWorkspace {
  readonly seed: number;
  /** KPL AggregationEnabled. */
  readonly aggregation: boolean;
  /** KPL RecordMaxBufferedTime, in ms. */
  readonly recordMaxBufferedTimeMs: number;
  readonly answers: { readonly 'refused-by'?: WriteLimit; readonly 'units-per-record'?: number };
}

/** What the learner can do. */
export type KplLabAction =
  | { readonly type: 'set-aggregation'; readonly enabled: boolean }
  | { readonly type: 'set-record-max-buffered-time'; readonly ms: number }
  | { readonly type: 'answer'; readonly question: 'refused-by'; readonly value: WriteLimit }
  | { readonly type: 'answer'; readonly question: 'units-per-record'; readonly value: number };

/** The KPL's default RecordMaxBufferedTime [AWS-FACTS §2.1]. */
export const DEFAULT_RECORD_MAX_BUFFERED_TIME_MS = 100;
/** The longest buffering the explorable offers; the KPL itself allows more. */
export const MAX_BUFFERED_TIME_MS = 1000;

/** The starting point: the producer sends every reading as its own Kinesis record. */
export const startWorkspace: KplLabWorkspace = {
  seed: 1,
  aggregation: false,
  recordMaxBufferedTimeMs: DEFAULT_RECORD_MAX_BUFFERED_TIME_MS,
  answers: {},
};

/** Applies one action; refuses values outside the KPL's ranges and unknown questions. */
export const reduceKplLab = reduceWith<KplLabWorkspace, KplLabAction>({
  'set-aggregation': (workspace, action) => {
    if (typeof action.enabled !== 'boolean') {
      return invalidAction('AggregationEnabled is either true or false.', 'enabled');
    }
    return ok({ ...workspace, aggregation: action.enabled });
  },
  'set-record-max-buffered-time': (workspace, action) => {
    if (!Number.isInteger(action.ms) || action.ms < 1 || action.ms > MAX_BUFFERED_TIME_MS) {
      return invalidAction(
        `RecordMaxBufferedTime must be a whole number of milliseconds from 1 to ${MAX_BUFFERED_TIME_MS} in this lab (given ${String(action.ms)}).`,
        'ms',
      );
    }
    return ok({ ...workspace, recordMaxBufferedTimeMs: action.ms });
  },
  answer: answerWith({
    questions: ['refused-by', 'units-per-record'],
    refuse: (value, question) =>
      question === 'units-per-record'
        ? refuseNonNumber(value)
        : value === 'records' || value === 'bytes'
          ? undefined
          : 'Answer records or bytes.',
  }),
});
